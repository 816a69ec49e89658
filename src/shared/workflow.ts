/**
 * The workflow model: what a space admin configures and what a request snapshots at submission.
 * The schemas carry the field-level rules (with messages written for a space admin); rules that
 * relate several fields live in `src/domain/workflow-validation.ts`.
 */
import { z } from 'zod';
import {
  DESCRIPTION_MAX,
  DUE_DAYS_MAX,
  GROUP_NAME_MAX,
  LABEL_MAX,
  MAX_ACTIONS_PER_STATE,
  MAX_APPROVERS_PER_STEP,
  MAX_LABELS,
  MAX_OWNERS,
  MAX_RECIPIENTS,
  MAX_REJECTIONS_TO_FAIL,
  MAX_REQUIRED_APPROVALS,
  MAX_STEPS,
  MESSAGE_MAX,
  STEP_ID_MAX,
  STEP_NAME_MAX,
  TITLE_TEXT_MAX,
  VALIDITY_DAYS_MAX,
  WORKFLOW_NAME_MAX,
} from './limits';
import { accountIdSchema, contentIdSchema, groupIdSchema } from './contract/ids';
import { spaceKeySchema, spaceVariableNameSchema } from './space-variables';
import { cleanText, freeText, requiredFreeText } from './text';

/** Confluence rejects labels containing these characters. */
const LABEL_PATTERN = /^[^\s:;,.?&[\]()#^*@!]+$/;

export const userRefSchema = z.object({
  type: z.literal('user'),
  accountId: accountIdSchema,
});

export const groupRefSchema = z.object({
  type: z.literal('group'),
  groupId: groupIdSchema,
  name: requiredFreeText('A group name', GROUP_NAME_MAX),
});

export const approverRefSchema = z.discriminatedUnion('type', [userRefSchema, groupRefSchema], {
  error: 'An approver must be a user or a group',
});

export const stepRuleSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('any') }),
    z.object({ kind: z.literal('all') }),
    z.object({
      kind: z.literal('atLeast'),
      count: z
        .int('The number of approvals must be a whole number')
        .min(1, 'At least 1 approval is required')
        .max(MAX_REQUIRED_APPROVALS, `A step can require at most ${MAX_REQUIRED_APPROVALS} approvals`),
    }),
  ],
  { error: "The rule must be 'any', 'all' or 'at least N'" },
);

export const stepSchema = z.object({
  id: z.string().trim().min(1, 'A step needs an id').max(STEP_ID_MAX, `A step id must be at most ${STEP_ID_MAX} characters`),
  name: requiredFreeText('Step name', STEP_NAME_MAX),
  approvers: z
    .array(approverRefSchema)
    .min(1, 'Add at least one approver')
    .max(MAX_APPROVERS_PER_STEP, `A step can have at most ${MAX_APPROVERS_PER_STEP} approvers (people and groups): add a group instead of more people`),
  rule: stepRuleSchema,
  rejectionsToFail: z
    .int('Rejections to fail must be a whole number')
    .min(1, 'Rejections to fail must be at least 1')
    .max(MAX_REJECTIONS_TO_FAIL, `Rejections to fail must be at most ${MAX_REJECTIONS_TO_FAIL}`)
    .default(1),
  dueDays: z
    .int('Due days must be a whole number')
    .min(1, 'Due days must be at least 1')
    .max(DUE_DAYS_MAX, `Due days must be at most ${DUE_DAYS_MAX}`)
    .optional(),
});

/**
 * 'exceptMinor': Confluence's minor edit flag on the version (v2 Version.minorEdit, the editor's
 * "notify watchers" left off); 'bodyChanges': title-only and label-only edits keep the approval.
 */
export const EDITS_THAT_OUTDATE = ['every', 'exceptMinor', 'bodyChanges'] as const;
export type EditsThatOutdate = (typeof EDITS_THAT_OUTDATE)[number];

export const workflowOptionsSchema = z.object({
  /** Forbidden by default: segregation of duties. */
  selfApproval: z.boolean().default(false),
  autoSubmitOnEdit: z.boolean().default(false),
  validityDays: z
    .int('Validity must be a whole number of days')
    .min(1, 'Validity must be at least 1 day')
    .max(VALIDITY_DAYS_MAX, `Validity must be at most ${VALIDITY_DAYS_MAX} days`)
    .nullable()
    .default(null),
  onEditDuringReview: z.enum(['keep', 'restart'], { error: "Choose 'keep' or 'restart'" }).default('keep'),
  /** Which edits of an approved page outdate its approval; the others are recorded and keep it (domain/page-edits.ts). */
  editsThatOutdate: z.enum(EDITS_THAT_OUTDATE, { error: "Choose 'every edit', 'every edit except minor ones' or 'only edits that change the body'" }).default('every'),
});

/** People named when an action runs: the submitter, who decided, who last edited the page, the workflow's owners. */
export const RECIPIENT_VARIABLES = ['@author', '@reviewers', '@lastEditor', '@owners'] as const;

export const variableRefSchema = z.object({
  type: z.literal('variable'),
  variable: z.enum(RECIPIENT_VARIABLES, { error: 'Unknown variable: use @author, @reviewers, @lastEditor or @owners' }),
});

/** Who an action addresses: fixed users/groups, or people resolved when the action runs. */
export const principalSchema = z.discriminatedUnion('type', [userRefSchema, groupRefSchema, variableRefSchema], {
  error: 'A recipient must be a user, a group or a variable',
});

const labelSchema = z
  .string()
  .trim()
  .min(1, 'A label cannot be empty')
  .max(LABEL_MAX, `A label must be at most ${LABEL_MAX} characters`)
  .regex(LABEL_PATTERN, 'A label cannot contain spaces or any of : ; , . ? & [ ] ( ) # ^ * @ !')
  .transform((label) => label.toLowerCase());

export const removeRestrictionsActionSchema = z.object({ type: z.literal('removeRestrictions') });

export const notifyActionSchema = z.object({
  type: z.literal('notify'),
  recipients: z
    .array(principalSchema)
    .min(1, 'Add at least one recipient')
    .max(MAX_RECIPIENTS, `A notification can have at most ${MAX_RECIPIENTS} recipients: add a group instead of more people`),
  message: requiredFreeText('Message', MESSAGE_MAX),
});

export const addRestrictionsActionSchema = z.object({
  type: z.literal('addRestrictions'),
  /** Who may view, who may edit, or both at once. */
  operation: z.enum(['read', 'update', 'both'], { error: 'Choose whether to restrict viewing, editing or both' }),
  principals: z
    .array(principalSchema)
    .min(1, 'Add at least one user, group or variable')
    .max(MAX_RECIPIENTS, `A restriction can name at most ${MAX_RECIPIENTS} users, groups or variables: add a group instead of more people`),
});

export const labelsActionSchema = z.object({
  type: z.literal('labels'),
  add: z.array(labelSchema).max(MAX_LABELS, `Add at most ${MAX_LABELS} labels`).default([]),
  remove: z.array(labelSchema).max(MAX_LABELS, `Remove at most ${MAX_LABELS} labels`).default([]),
});

export const titleActionSchema = z.object({
  type: z.literal('title'),
  mode: z.enum(['prefix', 'suffix', 'regex'], { error: "Choose 'prefix', 'suffix' or 'regex'" }),
  /** The text to add, or the replacement for a regex (may then be empty to delete the match). */
  value: z.string().transform(cleanText).pipe(z.string().max(TITLE_TEXT_MAX, `The title text must be at most ${TITLE_TEXT_MAX} characters`)),
  pattern: z.string().max(TITLE_TEXT_MAX, `The pattern must be at most ${TITLE_TEXT_MAX} characters`).optional(),
});

export const setOfficialVersionActionSchema = z.object({ type: z.literal('setOfficialVersion') });

/** Where a publish action puts the copy: a space (and optionally a parent page there), or a space variable naming one. */
export const publishTargetSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('space'), spaceKey: spaceKeySchema, parentPageId: contentIdSchema.optional() }),
    z.object({ type: z.literal('variable'), name: spaceVariableNameSchema }),
  ],
  { error: 'Choose a target space or a space variable' },
);

export const publishActionSchema = z.object({
  type: z.literal('publish'),
  target: publishTargetSchema,
  includeDescendants: z.boolean().default(false),
  includeAttachments: z.boolean().default(false),
  includeLabels: z.boolean().default(false),
  /** On re-approval, bring the earlier copy up to date instead of making another. */
  updateExisting: z.boolean().default(true),
});

export const workflowActionSchema = z.discriminatedUnion(
  'type',
  [
    removeRestrictionsActionSchema,
    notifyActionSchema,
    addRestrictionsActionSchema,
    labelsActionSchema,
    titleActionSchema,
    setOfficialVersionActionSchema,
    publishActionSchema,
  ],
  { error: 'Unknown action type' },
);

/** The states a page enters that can run actions; `draft` is entered when a request is withdrawn. */
export const ACTION_STATES = ['inApproval', 'approved', 'changesRequested', 'expired', 'draft'] as const;

const stateActionsSchema = z
  .array(workflowActionSchema)
  .max(MAX_ACTIONS_PER_STATE, `A state can run at most ${MAX_ACTIONS_PER_STATE} actions`)
  .default([]);

export const workflowActionsSchema = z.object({
  inApproval: stateActionsSchema,
  approved: stateActionsSchema,
  changesRequested: stateActionsSchema,
  expired: stateActionsSchema,
  draft: stateActionsSchema,
});

/** What the workflow editor sends on create and update; the server owns ids, authorship, times, revision. */
export const workflowInputSchema = z.object({
  spaceId: z.string().trim().min(1, 'A workflow belongs to a space'),
  name: requiredFreeText('Workflow name', WORKFLOW_NAME_MAX),
  description: freeText('Description', DESCRIPTION_MAX).default(''),
  owners: z.array(accountIdSchema).max(MAX_OWNERS, `A workflow can have at most ${MAX_OWNERS} owners`).default([]),
  steps: z
    .array(stepSchema)
    .min(1, 'Add at least one step')
    .max(MAX_STEPS, `A workflow can have at most ${MAX_STEPS} steps`),
  options: workflowOptionsSchema.prefault({}),
  actions: workflowActionsSchema.prefault({}),
  enabled: z.boolean().default(true),
});

export const workflowSchema = workflowInputSchema.extend({
  id: z.string().min(1),
  /**
   * The space admin who last turned self-approval on, and when. Self-approval is in force only
   * with it (domain/self-approval.ts): a non-admin can keep what an admin allowed, never allow it.
   */
  selfApprovalGrant: z.object({ by: accountIdSchema, at: z.iso.datetime() }).optional(),
  /**
   * The space admin who last saved the workflow's restriction and publish actions, and when. Those
   * actions run as the app, so they run only while this admin is still a space admin here (and,
   * for publishing, may still add pages in the target space): domain/action-grant.ts.
   */
  actionsGrant: z.object({ by: accountIdSchema, at: z.iso.datetime() }).optional(),
  createdBy: accountIdSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  revision: z.int().min(0),
});

/** A space setting: who may create workflows there. Everyone who can view the space, unless its admins restrict it. */
export const workflowCreatorsSchema = z.enum(['everyone', 'spaceAdmins'], { error: "Choose 'everyone' or 'space admins only'" });

export type UserRef = z.output<typeof userRefSchema>;
export type GroupRef = z.output<typeof groupRefSchema>;
export type ApproverRef = z.output<typeof approverRefSchema>;
export type StepRule = z.output<typeof stepRuleSchema>;
export type Step = z.output<typeof stepSchema>;
export type WorkflowOptions = z.output<typeof workflowOptionsSchema>;
export type RecipientVariable = (typeof RECIPIENT_VARIABLES)[number];
export type VariableRef = z.output<typeof variableRefSchema>;
export type Principal = z.output<typeof principalSchema>;
export type WorkflowAction = z.output<typeof workflowActionSchema>;
export type ActionState = (typeof ACTION_STATES)[number];
export type WorkflowActions = z.output<typeof workflowActionsSchema>;
export type WorkflowInput = z.output<typeof workflowInputSchema>;
/** The editor's form value before defaults are applied. */
export type WorkflowInputDraft = z.input<typeof workflowInputSchema>;
export type Workflow = z.output<typeof workflowSchema>;
export type WorkflowCreators = z.output<typeof workflowCreatorsSchema>;
