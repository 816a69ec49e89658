/**
 * Lookups over the emulated site's state that would otherwise scan every record: a page's
 * children, a space's titles, a content's properties, a page's comments. A site of 100,000 pages
 * (the daily job's bench) made each such scan cost as much as the site, so seeding and every
 * byline check grew with the square of the site. The index only finds candidates; the store and
 * the annotations still apply every rule to the records themselves, so what the emulator answers
 * is unchanged. Built from the state (a restored snapshot included) and kept up by the few
 * methods that write those records (store.ts, annotations.ts).
 */
import { type CommentRecord, type ContentRecord, type EmulatorState, type PropertyRecord } from './state';

/** Children of a page share its id; root-level content of a space shares the space. */
const parentKey = (spaceId: string, parentId: string | null): string => (parentId === null ? `space:${spaceId}` : parentId);

/** The map's entry for `key`, made on first use. */
function entryOf<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let entry = map.get(key);
  if (entry === undefined) {
    entry = make();
    map.set(key, entry);
  }
  return entry;
}

export class SiteIndex {
  private readonly children = new Map<string, Set<string>>();
  /** The highest position among a parent's children, cached; forgotten when a child moves away. */
  private readonly lastPosition = new Map<string, number>();
  /** Every title a content of the space has had, lower-cased: a superset the title rule checks. */
  private readonly titles = new Map<string, Map<string, Set<string>>>();
  private readonly properties = new Map<string, Map<string, string>>();
  private readonly rootComments = new Map<string, string[]>();
  private readonly replies = new Map<string, string[]>();

  constructor(private readonly state: EmulatorState) {
    for (const content of Object.values(state.contents)) {
      this.contentAdded(content);
      for (const revision of content.revisions) this.titleUsed(content, revision.title);
    }
    for (const property of Object.values(state.properties)) this.propertyAdded(property);
    for (const comment of Object.values(state.comments)) this.commentAdded(comment);
  }

  // Content tree -----------------------------------------------------------------------

  contentAdded(content: ContentRecord): void {
    const key = parentKey(content.spaceId, content.parentId);
    entryOf(this.children, key, () => new Set<string>()).add(content.id);
    const last = this.lastPosition.get(key);
    if (last !== undefined) this.lastPosition.set(key, Math.max(last, content.position));
    this.titleUsed(content, content.revisions[content.revisions.length - 1].title);
  }

  contentMoved(content: ContentRecord, fromParentId: string | null): void {
    const from = parentKey(content.spaceId, fromParentId);
    this.children.get(from)?.delete(content.id);
    this.lastPosition.delete(from);
    this.contentAdded(content);
  }

  titleUsed(content: ContentRecord, title: string): void {
    const ofSpace = entryOf(this.titles, content.spaceId, () => new Map<string, Set<string>>());
    entryOf(ofSpace, title.toLowerCase(), () => new Set<string>()).add(content.id);
  }

  /** Content of the space that has, or once had, this title (any case). */
  titled(spaceId: string, title: string): ContentRecord[] {
    return [...(this.titles.get(spaceId)?.get(title.toLowerCase()) ?? [])].map((id) => this.state.contents[id]);
  }

  childrenOf(spaceId: string, parentId: string | null): ContentRecord[] {
    return [...(this.children.get(parentKey(spaceId, parentId)) ?? [])].map((id) => this.state.contents[id]);
  }

  /** The position after the parent's last child (1 for the first). */
  nextPosition(spaceId: string, parentId: string | null): number {
    const key = parentKey(spaceId, parentId);
    let last = this.lastPosition.get(key);
    if (last === undefined) {
      last = this.childrenOf(spaceId, parentId).reduce((max, child) => Math.max(max, child.position), 0);
      this.lastPosition.set(key, last);
    }
    return last + 1;
  }

  // Content properties -----------------------------------------------------------------

  propertyAdded(property: PropertyRecord): void {
    entryOf(this.properties, property.contentId, () => new Map<string, string>()).set(property.key, property.id);
  }

  propertyDeleted(property: PropertyRecord): void {
    this.properties.get(property.contentId)?.delete(property.key);
  }

  propertiesOf(contentId: string): PropertyRecord[] {
    return [...(this.properties.get(contentId)?.values() ?? [])].map((id) => this.state.properties[id]);
  }

  propertyByKey(contentId: string, key: string): PropertyRecord | undefined {
    const id = this.properties.get(contentId)?.get(key);
    return id === undefined ? undefined : this.state.properties[id];
  }

  // Footer comments --------------------------------------------------------------------

  commentAdded(comment: CommentRecord): void {
    if (comment.parentCommentId === null) entryOf(this.rootComments, comment.pageId, () => [] as string[]).push(comment.id);
    else entryOf(this.replies, comment.parentCommentId, () => [] as string[]).push(comment.id);
  }

  rootCommentsOf(pageId: string): CommentRecord[] {
    return (this.rootComments.get(pageId) ?? []).map((id) => this.state.comments[id]);
  }

  repliesTo(commentId: string): CommentRecord[] {
    return (this.replies.get(commentId) ?? []).map((id) => this.state.comments[id]);
  }
}
