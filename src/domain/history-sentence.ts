/**
 * One audit entry as the sentence a person reads in a page's history or an audit export:
 * "Bob Smith approved step 1 of 2 (Review)". Pure: names and step names come from lookups.
 */
import { type AuditBody } from './audit-body';
import { type DomainEvent } from './events';
import { requestStatusName, stepPhrase } from './request';
import { STATUS_LABELS } from '../shared/status';
import { ACTION_STATES } from '../shared/workflow';
import { capitalise, listWords } from '../shared/wording';

export interface SentenceLookups {
  displayName(accountId: string): string;
  /** Step names of a request's workflow snapshot, when known ("step 1 of 2 (Review)" instead of "step 1"). */
  stepNames?(requestId: string): readonly string[] | undefined;
}

/** What a sentence needs of an entry: its body and who made it (`-` when nobody did). */
export interface SentenceEntry {
  body: AuditBody;
  actorId: string;
}

type SpaceSettingChange = 'assigned' | 'defaultSet' | 'creatorsSet' | 'readersBannerSet' | 'variableSet' | 'variableRemoved';

const WORKFLOW_CHANGES: Record<Exclude<WorkflowBody['change'], SpaceSettingChange>, string> = {
  created: 'created',
  updated: 'changed',
  enabled: 'enabled',
  disabled: 'disabled',
  deleted: 'deleted',
};

const CREATORS_SENTENCES: Record<string, string> = {
  everyone: 'allowed everyone who can view the space to create workflows',
  spaceAdmins: 'allowed only space admins to create workflows',
};

type WorkflowBody = Extract<AuditBody, { kind: 'workflow' }>;

function text(details: Record<string, unknown>, key: string): string | undefined {
  const value = details[key];
  return typeof value === 'string' && value !== '' ? `"${value}"` : undefined;
}

function theWorkflow(name: string | undefined): string {
  return name === undefined ? 'a workflow' : `the workflow ${name}`;
}

/**
 * What a workflow change did, naming the workflow and page by the names stored with the entry
 * when it was written: ids mean nothing to a reader, and a name looked up now could have
 * changed since. An entry without a stored name says "a workflow" rather than show an id.
 */
function workflowSentence(body: WorkflowBody, actor: string): string {
  const { details } = body;
  switch (body.change) {
    case 'creatorsSet':
      return `${actor} ${CREATORS_SENTENCES[String(details.workflowCreators)] ?? 'chose who can create workflows'}`;
    case 'readersBannerSet':
      return `${actor} ${details.shown === false ? 'stopped showing' : 'showed'} readers which version of a page is approved`;
    case 'variableSet': {
      const under = typeof details.parentPageId === 'string' ? ` (under page ${details.parentPageId})` : '';
      return `${actor} set the space variable ${String(details.name)} to space ${String(details.spaceKey)}${under}`;
    }
    case 'variableRemoved':
      return `${actor} removed the space variable ${String(details.name)}`;
    case 'defaultSet': {
      // A cleared default is written with no workflow, its name null.
      if (details.name === null) return `${actor} cleared the space default workflow`;
      return `${actor} made ${text(details, 'name') ?? 'a workflow'} the space default workflow`;
    }
    case 'assigned': {
      const page = text(details, 'title') ?? 'a page';
      const names = Array.isArray(details.workflowNames) ? details.workflowNames.filter((name): name is string => typeof name === 'string').map((name) => `"${name}"`) : [];
      if (names.length === 0) return `${actor} removed the workflow assignment of ${page}`;
      const below = details.scope === 'subtree' ? ' and the pages below it' : '';
      return `${actor} assigned the workflow${names.length === 1 ? '' : 's'} ${listWords(names, 'and')} to ${page}${below}`;
    }
    case 'updated': {
      const name = text(details, 'name');
      const previous = text(details, 'previousName');
      const renamed = previous === undefined || name === undefined || previous === name ? '' : ` (renamed from ${previous})`;
      return `${actor} changed ${theWorkflow(name)}${renamed}`;
    }
    default:
      return `${actor} ${WORKFLOW_CHANGES[body.change]} ${theWorkflow(text(details, 'name'))}`;
  }
}

export function historySentence(entry: SentenceEntry, lookups: SentenceLookups): string {
  const { body } = entry;
  switch (body.kind) {
    case 'request':
      return eventSentence(body.event, lookups);
    case 'workflow':
      return workflowSentence(body, person(entry.actorId, lookups));
    case 'actions': {
      const failed = body.results.filter((result) => !result.ok);
      const done = body.results.length - failed.length;
      const known = ACTION_STATES.find((state) => state === body.state);
      const state = known === undefined ? body.state : STATUS_LABELS[known];
      // Every action is listed with what it did or why it failed; each message names its action
      // already ("Publish page: the target space PUB no longer exists").
      const listed = (results: typeof body.results) => (results.length === 0 ? '' : ` (${results.map((result) => result.message).join('; ')})`);
      const succeeded = `${done} succeeded${listed(body.results.filter((result) => result.ok))}`;
      return `Workflow actions on entering ${state}: ${succeeded}${failed.length === 0 ? '' : `, ${failed.length} failed${listed(failed)}`}`;
    }
    case 'overdue': {
      const waiting = body.pendingApproverIds.map(lookups.displayName).join(', ');
      return `${capitalise(step(body.requestId, body.stepIndex, lookups))} is overdue (due ${body.dueAt.slice(0, 10)})${waiting === '' ? '' : `: waiting for ${waiting}`}`;
    }
    case 'byline': {
      const writer = body.found.writtenBy === undefined ? 'someone else' : lookups.displayName(body.found.writtenBy);
      return `ApprovalFlow repaired the byline: it showed "${body.found.title}", written by ${writer}, not by ApprovalFlow; it shows "${body.written.title}" again`;
    }
  }
}

function eventSentence(event: DomainEvent, lookups: SentenceLookups): string {
  const actor = person(event.actorId, lookups);
  const version = `version ${event.pageVersion}`;
  switch (event.type) {
    case 'request.submitted': {
      const workflow = `(${event.details.workflow.name})`;
      switch (event.details.trigger) {
        case 'manual':
          return `${actor} submitted ${version} for approval ${workflow}`;
        case 'autoSubmitOnEdit':
          return `${capitalise(version)} was submitted for approval automatically after ${actor} edited the page ${workflow}`;
        case 'restartOnEdit':
          return `${actor} edited the page during its review: the review restarted on ${version} ${workflow}`;
      }
      break;
    }
    case 'decision.recorded':
      return `${actor} ${event.details.decision === 'approve' ? 'approved' : 'rejected'} ${step(event.requestId, event.details.stepIndex, lookups)}`;
    case 'step.advanced':
      return `${capitalise(step(event.requestId, event.details.fromStepIndex, lookups))} is complete; ${step(event.requestId, event.details.toStepIndex, lookups)} has started`;
    case 'request.approved':
      return `${capitalise(version)} was approved`;
    case 'request.changesRequested':
      return event.details.reason === 'rejections'
        ? `Changes were requested on ${version} at ${step(event.requestId, event.details.stepIndex, lookups)}`
        : `Changes were requested on ${version}: too few approvers are left at ${step(event.requestId, event.details.stepIndex, lookups)} to meet its rule`;
    case 'request.withdrawn':
      return `${actor} withdrew ${version} from approval${event.details.byAdmin ? ' as a space admin' : ''}`;
    case 'request.overridden':
      if (event.details.fromStatus === event.details.toStatus) {
        return `${actor} set the status of ${version} to ${requestStatusName(event.details.toStatus)} again: ${event.details.reason}`;
      }
      return `${actor} overrode the status of ${version} from ${requestStatusName(event.details.fromStatus)} to ${requestStatusName(event.details.toStatus)}: ${event.details.reason}`;
    case 'request.expired':
      return `The approval of ${version} expired`;
    case 'request.superseded':
      return `The review of ${version} was replaced by the submission of version ${event.details.newVersion}`;
    case 'page.outdated': {
      const { approvedVersion, currentVersion, autoSubmitError } = event.details;
      const outdated = `${actor} edited the page: version ${currentVersion} is not approved (version ${approvedVersion} is)`;
      return autoSubmitError === undefined ? outdated : `${outdated}; it could not be submitted automatically: ${autoSubmitError}`;
    }
    case 'request.versionCarried':
      return `ApprovalFlow updated the page to version ${event.details.toVersion}; the request for ${version} still applies to it`;
    case 'page.editKept': {
      const edit = event.details.reason === 'minorEdit' ? 'marked minor' : 'body unchanged';
      return `Version ${event.details.version} edited by ${actor}, ${edit}: the approval of version ${event.details.approvedVersion} is kept`;
    }
  }
}

function person(actorId: string | null, lookups: SentenceLookups): string {
  return actorId === null || actorId === '-' ? 'ApprovalFlow' : lookups.displayName(actorId);
}

function step(requestId: string, index: number, lookups: SentenceLookups): string {
  return stepPhrase(index, lookups.stepNames?.(requestId));
}
