/**
 * The typed resolver client every front end uses: one per module, built from that module's
 * contract (src/shared/contract). A call answers a discriminated result instead of throwing, so
 * a screen renders a failure like any other state:
 *
 *   const call = moduleApi<typeof bylineContract, BylineResults>(bylineContract);
 *   const result = await call('approve', { requestId, stepIndex });
 *   if (!result.ok) show(result.error); else render(result.data);
 *
 * The payload is checked with the contract's own zod schema before it leaves the frame, so a
 * field the back end would refuse gets the back end's message without a round trip; the back
 * end validates again with the same schema.
 */
import { invoke } from '@forge/bridge';
import { type z } from 'zod';
import { type Api } from '../../shared/contract';
import { type ErrorCode, isBridgeError } from '../../shared/errors';

export interface ApiFailure {
  code: ErrorCode;
  /** Written for the person who caused it: screens show it as it is. */
  message: string;
  /** Field-level messages of a VALIDATION failure, keyed by the field's path ("comment", "workflow.steps.0.name"). */
  fields: Readonly<Record<string, string>>;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiFailure };

type Contract = Record<string, z.ZodType>;
type ResultsOf<C extends Contract> = { [K in keyof C]: unknown };

/**
 * Calls one resolver function of a module with the payload its contract describes; the same
 * signatures as `Api<C, R>`, the Definitions the resolvers are registered with.
 */
export type ModuleCall<C extends Contract, R extends ResultsOf<C>> = <K extends keyof C & string>(
  functionKey: K,
  payload: Parameters<Api<C, R>[K]>[0],
) => Promise<ApiResult<R[K]>>;

/**
 * The invocation never reached an answer (network, resolver crash, 25 s timeout). A timed-out
 * change may still have happened, so the message sends the person to the current state first.
 */
export const UNREACHABLE: ApiFailure = {
  code: 'INTERNAL',
  message: 'ApprovalFlow did not answer. Reload to see the current state, then try again.',
  fields: {},
};

interface Issue {
  path: readonly PropertyKey[] | readonly string[];
  message: string;
}

/** One message per field path (`workflow.steps.1.name`), as the forms show them. */
export function fieldsOf(issues: readonly Issue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    // The first message per field is the one to fix first.
    if (!(path in fields)) fields[path] = issue.message;
  }
  return fields;
}

function isIssue(value: unknown): value is Issue {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { path?: unknown; message?: unknown };
  return Array.isArray(candidate.path) && typeof candidate.message === 'string';
}

/** VALIDATION errors carry `details.issues[{path, message}]`; anything else has no field messages. */
function issuesIn(details: unknown): Issue[] {
  if (typeof details !== 'object' || details === null || !('issues' in details)) return [];
  const { issues } = details as { issues: unknown };
  return Array.isArray(issues) ? issues.filter(isIssue) : [];
}

export function moduleApi<C extends Contract, R extends ResultsOf<C>>(contract: C): ModuleCall<C, R> {
  return async <K extends keyof C & string>(functionKey: K, payload: z.input<C[K]>): Promise<ApiResult<R[K]>> => {
    const checked = contract[functionKey].safeParse(payload);
    if (!checked.success) {
      const first = checked.error.issues[0];
      return { ok: false, error: { code: 'VALIDATION', message: first?.message ?? 'Check the highlighted fields.', fields: fieldsOf(checked.error.issues) } };
    }
    let answer: unknown;
    try {
      // makeInvoke cannot infer through a generic key; ModuleCall's signature carries the types instead.
      answer = await invoke(functionKey, payload as Record<string, unknown>);
    } catch {
      return { ok: false, error: UNREACHABLE };
    }
    if (isBridgeError(answer)) {
      const { code, message, details } = answer.error;
      return { ok: false, error: { code, message, fields: fieldsOf(issuesIn(details)) } };
    }
    return { ok: true, data: answer as R[K] };
  };
}

/** The message for one field of a failure, when the failure names that field. */
export function fieldMessage(failure: ApiFailure | undefined, field: string): string | undefined {
  return failure?.fields[field];
}

/** True when the failure is only about fields the screen shows next to those fields. */
export function isOnlyAbout(failure: ApiFailure, fields: readonly string[]): boolean {
  const named = Object.keys(failure.fields);
  return failure.code === 'VALIDATION' && named.length > 0 && named.every((field) => fields.includes(field));
}
