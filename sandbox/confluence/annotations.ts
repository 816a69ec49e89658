/**
 * What hangs off a piece of content without being part of the page tree: labels, content
 * properties, footer comments, and the long tasks that copies leave behind. Kept apart from
 * the store so the tree's integrity rules and these annotations change independently.
 */
import { conflict } from './errors';
import {
  type CommentBody,
  type CommentRecord,
  type LabelPrefix,
  type LabelRecord,
  type LongTaskRecord,
  type PropertyRecord,
} from './state';
import { type Store, compareIds } from './store';

export class Annotations {
  constructor(private readonly store: Store) {}

  // Labels -----------------------------------------------------------------------------

  labelsOf(contentId: string): LabelRecord[] {
    return (this.store.state.contentLabels[contentId] ?? [])
      .map((labelId) => this.store.state.labels[labelId])
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Label ids are site-wide per (prefix, name), as in Confluence. */
  addLabel(contentId: string, prefix: LabelPrefix, name: string): LabelRecord {
    this.store.requireContent(contentId);
    const existing = Object.values(this.store.state.labels).find((l) => l.prefix === prefix && l.name === name);
    const label = existing ?? { id: this.store.claimId(), prefix, name };
    this.store.state.labels[label.id] = label;
    const attached = this.store.state.contentLabels[contentId] ?? [];
    if (!attached.includes(label.id)) attached.push(label.id);
    this.store.state.contentLabels[contentId] = attached;
    return label;
  }

  removeLabel(contentId: string, name: string): boolean {
    const attached = this.store.state.contentLabels[contentId] ?? [];
    const remaining = attached.filter((labelId) => this.store.state.labels[labelId].name !== name);
    if (remaining.length === attached.length) return false;
    if (remaining.length === 0) delete this.store.state.contentLabels[contentId];
    else this.store.state.contentLabels[contentId] = remaining;
    return true;
  }

  // Content properties -----------------------------------------------------------------

  propertiesOf(contentId: string): PropertyRecord[] {
    return this.store.index.propertiesOf(contentId).sort((a, b) => compareIds(a.id, b.id));
  }

  propertyByKey(contentId: string, key: string): PropertyRecord | undefined {
    return this.store.index.propertyByKey(contentId, key);
  }

  property(contentId: string, propertyId: string): PropertyRecord | undefined {
    const property = this.store.state.properties[propertyId];
    return property && property.contentId === contentId ? property : undefined;
  }

  createProperty(contentId: string, key: string, value: unknown, authorId: string): PropertyRecord {
    this.store.requireContent(contentId);
    if (this.propertyByKey(contentId, key)) {
      throw conflict(`Cannot add a property with key '${key}': a property with that key already exists on content ${contentId}`);
    }
    const record: PropertyRecord = {
      id: this.store.claimId(),
      contentId,
      key,
      value,
      version: { number: 1, message: '', minorEdit: false, authorId, createdAt: this.store.now() },
    };
    this.store.state.properties[record.id] = record;
    this.store.index.propertyAdded(record);
    return record;
  }

  updateProperty(property: PropertyRecord, value: unknown, version: number, authorId: string, message = ''): PropertyRecord {
    if (version !== property.version.number + 1) {
      throw conflict(
        `Version must be incremented when updating a content property. Current version: ${property.version.number}, provided: ${version}`,
      );
    }
    property.value = value;
    property.version = { number: version, message, minorEdit: false, authorId, createdAt: this.store.now() };
    return property;
  }

  deleteProperty(property: PropertyRecord): void {
    delete this.store.state.properties[property.id];
    this.store.index.propertyDeleted(property);
  }

  // Footer comments --------------------------------------------------------------------

  comment(id: string): CommentRecord | undefined {
    return this.store.state.comments[id];
  }

  /** Top-level comments only, oldest first; replies hang under their parent comment. */
  rootCommentsOf(pageId: string): CommentRecord[] {
    return this.store.index.rootCommentsOf(pageId).sort((a, b) => compareIds(a.id, b.id));
  }

  repliesTo(commentId: string): CommentRecord[] {
    return this.store.index.repliesTo(commentId).sort((a, b) => compareIds(a.id, b.id));
  }

  addComment(pageId: string, parentCommentId: string | null, authorId: string, body: CommentBody): CommentRecord {
    const record: CommentRecord = { id: this.store.claimId(), pageId, parentCommentId, authorId, createdAt: this.store.now(), body };
    this.store.state.comments[record.id] = record;
    this.store.index.commentAdded(record);
    return record;
  }

  // Long-running tasks -----------------------------------------------------------------

  longTask(id: string): LongTaskRecord | undefined {
    return this.store.state.longTasks[id];
  }

  addLongTask(task: Omit<LongTaskRecord, 'id' | 'createdAt'>): LongTaskRecord {
    const record: LongTaskRecord = { ...task, id: this.store.claimId(), createdAt: this.store.now() };
    this.store.state.longTasks[record.id] = record;
    return record;
  }
}
