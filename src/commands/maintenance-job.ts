/**
 * The daily job's work, fanned out through queue `approval-maintenance` so that no invocation's
 * share grows with the site: the scheduled trigger queues the first step of each pass, each step
 * reads one page of the requests in a status (by index, cursor-paged), handles what is cheap
 * inline, queues the expiries in jobs of at most `EXPIRIES_PER_JOB` requests and queues the next
 * step with the cursor. Jobs are queued by src/commands/emit.ts only.
 */
import { z } from 'zod';

export const MAINTENANCE_QUEUE = 'approval-maintenance';

/**
 * Rows a step reads (ten queries of 100): requests, four version checks of 250 pages and at most
 * five expiry jobs queued with the next step; or tracked pages, 40 byline-check jobs.
 */
export const REQUESTS_PER_STEP = 1000;

/**
 * Expiries per job: each is about five storage round trips, so a job takes seconds, and a site's
 * 100,000 expiries make 500 jobs, 500 effects pushes and 100 steps' pushes, inside the 1,000 push
 * requests async events allows one chain started by one invocation (limits-async-events).
 */
export const EXPIRIES_PER_JOB = 200;

/**
 * The passes of the daily run: approved requests (expiry, edits), requests in review (overdue
 * steps, edits), and every tracked page's byline (queued checks for forgeries).
 */
export const MAINTENANCE_PASSES = ['approved', 'inApproval', 'bylines'] as const;

const runSchema = z.iso.datetime();

export const maintenanceJobSchema = z.discriminatedUnion('job', [
  z.object({
    job: z.literal('scan'),
    pass: z.enum(MAINTENANCE_PASSES),
    /** When the daily run started: what is due, is due by then, for every step of the run. */
    run: runSchema,
    step: z.int().min(0),
    cursor: z.string().min(1).optional(),
    /** Sizes of this run's steps and expiry jobs, carried from step to step: smaller in tests, to fan out small data. */
    requestsPerStep: z.int().min(1).max(REQUESTS_PER_STEP).default(REQUESTS_PER_STEP),
    expiriesPerJob: z.int().min(1).max(EXPIRIES_PER_JOB).default(EXPIRIES_PER_JOB),
  }),
  z.object({
    job: z.literal('expire'),
    run: runSchema,
    requestIds: z.array(z.string().min(1)).min(1).max(EXPIRIES_PER_JOB),
  }),
]);

export type MaintenanceJob = z.input<typeof maintenanceJobSchema>;
export type ScanJob = Extract<MaintenanceJob, { job: 'scan' }>;
/** A step as the consumer runs it: its sizes filled in. */
export type DailyStepJob = Extract<z.output<typeof maintenanceJobSchema>, { job: 'scan' }>;
export type ExpireJob = Extract<MaintenanceJob, { job: 'expire' }>;
