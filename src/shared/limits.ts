/**
 * The product's limits, each stated once. They exist so that every value the app stores has a
 * worst case that can be computed, well under the 240 KiB a Forge storage value may hold
 * (limits-kvs-ce): a request carries a snapshot of its workflow and every decision of every
 * step, and a page's record carries its latest request. Chosen to be generous for a regulated
 * customer; docs/workflow-setup.md ("Limits") states them for admins, and
 * test/integration/limits/stored-size.test.ts stores the largest workflow and history they allow.
 */

export const WORKFLOW_NAME_MAX = 80;
export const STEP_NAME_MAX = 80;
export const DESCRIPTION_MAX = 1000;
export const MESSAGE_MAX = 2000;
/** Decision comments, submission notes and override reasons. */
export const COMMENT_MAX = 2000;

export const MAX_STEPS = 10;
/** People and groups on one step together; a group of any size counts as one. */
export const MAX_APPROVERS_PER_STEP = 25;
/**
 * "At least N" approvals. With groups, every member may approve, so without this bound the
 * number of decisions a step records (and the request's size) would have none.
 */
export const MAX_REQUIRED_APPROVALS = 25;
export const MAX_REJECTIONS_TO_FAIL = 10;
export const MAX_OWNERS = 20;
/** Actions that run on entering one state. */
export const MAX_ACTIONS_PER_STATE = 10;
/** Recipients of a notification, or principals of a restriction. */
export const MAX_RECIPIENTS = 25;
/** Labels added, and labels removed, by one action. */
export const MAX_LABELS = 20;

/** Atlassian account ids are 24 to 43 characters today; this leaves room without being unbounded. */
export const ACCOUNT_ID_MAX = 128;
/** Confluence group ids are UUIDs (36 characters). */
export const GROUP_ID_MAX = 64;
/** Confluence refuses group names longer than 255 characters. */
export const GROUP_NAME_MAX = 255;
/** Step ids are made by the editor; they only need to be unique within the workflow. */
export const STEP_ID_MAX = 64;
/** Confluence rejects labels longer than 255 characters. */
export const LABEL_MAX = 255;
/** Confluence titles are at most 255 characters, so neither the text added nor a pattern need more. */
export const TITLE_TEXT_MAX = 255;
export const SPACE_KEY_MAX = 255;

/** Upper bounds keep computed due and expiry dates inside the range a Date can represent sensibly. */
export const DUE_DAYS_MAX = 365;
export const VALIDITY_DAYS_MAX = 3650;

/**
 * A workflow as stored (UTF-8 JSON). The field limits alone would allow several times more (20
 * notification messages of 2000 characters, 250 approvers, group names in three-byte scripts);
 * this bounds what every request copies, whatever the text is written in.
 */
export const WORKFLOW_MAX_BYTES = 40 * 1024;

/**
 * How much of a decision's comment the request keeps (UTF-8 JSON bytes): the approver list shows
 * it; the full comment stays in the decision's history entry and on the page's approval thread.
 * Up to 340 decisions (10 steps, 25 + 10 - 1 decisions each) must fit in one request.
 */
export const COMMENT_EXCERPT_BYTES = 120;
