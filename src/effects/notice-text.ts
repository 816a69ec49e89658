/**
 * What the app says in a page's approval thread (SPEC "Notifications"): the submission opens a
 * footer comment that @mentions the approvers of the first step; decisions, step changes, the
 * outcome (mentioning the author) and overdue reminders are replies to it. Confluence e-mails
 * the people mentioned, so nothing leaves Atlassian. A group approver is named in the text, not
 * mentioned: a Confluence mention addresses one account, and expanding a group of thousands into
 * mentions would be neither possible in one comment nor wanted. The sentence itself is the entry's history
 * sentence (src/domain/history-sentence.ts), so the thread and the history say the same thing.
 *
 * A notice depends only on its audit entry, its request and people's names, so a retry renders
 * the very same comment (which is how a retry recognises one it already posted).
 */
import { type AdfDocument, type AdfNode } from '../confluence/comments';
import { type DomainEvent } from '../domain/events';
import { historySentence, type SentenceLookups } from '../domain/history-sentence';
import { type ApprovalRequest, type ApproverGroup, describeStep } from '../domain/request';
import { type DisplayName, formatDay } from '../shared/status';
import { capitalise, listWords } from '../shared/wording';
import { type AuditEntry } from '../storage/audit';
import { type ChangeSize, type ChangeSizeLookup } from '../storage/change-sizes';
import { NONE } from '../storage/entities';

export interface NoticeDraft {
  requestId: string;
  /** The submission starts the request's thread on the page; every other notice replies to it. */
  startsThread: boolean;
  /** Everyone the notice names, for loading display names first. */
  people: string[];
  render(displayName: DisplayName): AdfDocument;
}

export type RequestLookup = ReadonlyMap<string, ApprovalRequest>;

const OUTCOMES = new Set<DomainEvent['type']>([
  'request.approved',
  'request.changesRequested',
  'request.withdrawn',
  'request.overridden',
  'request.expired',
  'request.superseded',
]);

const text = (value: string): AdfNode => ({ type: 'text', text: value });
const paragraph = (...content: AdfNode[]): AdfNode => ({ type: 'paragraph', content });

/** "@Bob @Carol " before a sentence addressed to them. */
function addressed(accountIds: readonly string[], displayName: DisplayName): AdfNode[] {
  return accountIds.flatMap((id) => [{ type: 'mention', attrs: { id, text: `@${displayName(id)}` } }, text(' ')]);
}

/** A person's own words (a decision's or a submission's comment), as a paragraph of their own. */
const quoted = (comment: string | undefined): string[] => (comment === undefined || comment === '' ? [] : [`“${comment}”`]);
const dueText = (dueAt: string | undefined): string => (dueAt === undefined ? '' : `, due ${formatDay(dueAt)}`);

/**
 * "12 changes since approved v7." when the submission was sized against an earlier approval;
 * nothing when there was none or its bodies could not be compared.
 */
export function changeSizeText(size: ChangeSize | undefined): string[] {
  if (size?.counts == null) return [];
  const total = size.counts.added + size.counts.removed + size.counts.changed;
  return [`${total === 0 ? 'No' : total} ${total === 1 ? 'change' : 'changes'} since approved v${size.fromVersion}.`];
}

/** "Any member of 'Legal' or 'Finance' can decide." for a step's groups; nothing without groups. */
function groupsText(groups: readonly ApproverGroup[]): string[] {
  if (groups.length === 0) return [];
  const names = groups.map((group) => `'${group.name}'`);
  return [`Any member of ${listWords(names, 'or')} can decide.`];
}

interface Composition {
  requestId: string;
  startsThread?: boolean;
  mentions: readonly string[];
  /** Everyone else the sentence names. */
  named: (string | null)[];
  prefix?: string;
  /** Further paragraphs after the sentence (what the approvers are asked to do, a decision's comment). */
  after?: string[];
}

function compose(entry: AuditEntry, requests: RequestLookup, parts: Composition): NoticeDraft {
  const { body, actorId } = entry.row;
  return {
    requestId: parts.requestId,
    startsThread: parts.startsThread === true,
    people: [...parts.mentions, ...parts.named.filter((id): id is string => id !== null && id !== NONE)],
    render: (displayName) => {
      const lookups: SentenceLookups = { displayName, stepNames: (requestId) => stepNames(body, requests, requestId) };
      const sentence = `${parts.prefix ?? ''}${historySentence({ body, actorId }, lookups)}.`;
      return { type: 'doc', version: 1, content: [paragraph(...addressed(parts.mentions, displayName), text(sentence)), ...(parts.after ?? []).map((line) => paragraph(text(line)))] };
    },
  };
}

/** Step names from the request as stored, or from the submission's own workflow snapshot. */
function stepNames(body: AuditEntry['row']['body'], requests: RequestLookup, requestId: string): string[] | undefined {
  const workflow = requests.get(requestId)?.workflow ?? (body.kind === 'request' && body.event.type === 'request.submitted' ? body.event.details.workflow : undefined);
  return workflow?.steps.map((step) => step.name);
}

function requestNotice(entry: AuditEntry, event: DomainEvent, requests: RequestLookup, sizes: ChangeSizeLookup): NoticeDraft | null {
  const request = requests.get(event.requestId);
  switch (event.type) {
    case 'request.submitted': {
      const { workflow, firstStep, submittedBy, comment } = event.details;
      return compose(entry, requests, {
        requestId: event.requestId,
        startsThread: true,
        mentions: firstStep.eligibleApprovers,
        named: [submittedBy, event.actorId],
        after: [
          ...changeSizeText(sizes.get(event.requestId)),
          ...quoted(comment),
          `${capitalise(describeStep(workflow, 0))} is waiting for your decision${dueText(firstStep.dueAt)}. Approve or reject it from the Approval button in the page byline.`,
          ...groupsText(firstStep.approverGroups),
        ],
      });
    }
    case 'step.advanced': {
      if (request === undefined) return null;
      const { eligibleApprovers, approverGroups, toStepIndex, dueAt } = event.details;
      return compose(entry, requests, {
        requestId: event.requestId,
        mentions: eligibleApprovers,
        named: [event.actorId],
        after: [`${capitalise(describeStep(request.workflow, toStepIndex))} is waiting for your decision${dueText(dueAt)}.`, ...groupsText(approverGroups)],
      });
    }
    case 'decision.recorded':
      return compose(entry, requests, { requestId: event.requestId, mentions: [], named: [event.actorId], after: quoted(event.details.comment) });
    default:
      if (!OUTCOMES.has(event.type) || request === undefined) return null;
      return compose(entry, requests, { requestId: event.requestId, mentions: [request.submittedBy], named: [event.actorId] });
  }
}

/**
 * The notice an audit entry calls for, or null when it calls for none (workflow changes,
 * action results, a page becoming outdated). `requests` holds the entries' requests as stored now;
 * `sizes` the stored change sizes of submissions after an earlier approval.
 */
export function noticeFor(entry: AuditEntry, requests: RequestLookup, sizes: ChangeSizeLookup = new Map()): NoticeDraft | null {
  const { body } = entry.row;
  if (body.kind === 'request') return requestNotice(entry, body.event, requests, sizes);
  if (body.kind === 'overdue') {
    return compose(entry, requests, { requestId: body.requestId, mentions: body.pendingApproverIds, named: [], prefix: 'Reminder: ' });
  }
  return null;
}
