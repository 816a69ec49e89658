import Resolver from '@forge/resolver';
import { type z } from 'zod';
import { invocationFrom, type Invocation } from '../auth/invocation';
import { AppError, type BridgeError, validationError } from '../shared/errors';

/**
 * One resolver function: the zod schema its payload must satisfy and the recipe that
 * handles a valid payload for an identified caller.
 */
export interface ResolverSpec<Schema extends z.ZodType, Result> {
  input: Schema;
  handle(input: z.output<Schema>, invocation: Invocation): Promise<Result>;
}

/** Builds a spec with the payload type inferred from the schema. */
export function resolverSpec<Schema extends z.ZodType, Result>(
  input: Schema,
  handle: (input: z.output<Schema>, invocation: Invocation) => Promise<Result>,
): ResolverSpec<Schema, Result> {
  return { input, handle };
}

/**
 * Runs a spec the way every resolver must run: identify the caller from the context,
 * validate the payload, then handle. Expected refusals become a BridgeError the UI can
 * show; anything unexpected is logged and reported without internals.
 */
export async function runResolver<Schema extends z.ZodType, Result>(
  spec: ResolverSpec<Schema, Result>,
  payload: unknown,
  context: Record<string, unknown>,
): Promise<Result | BridgeError> {
  try {
    const invocation = invocationFrom(context);
    const parsed = spec.input.safeParse(payload);
    if (!parsed.success) throw validationError(parsed.error);
    return await spec.handle(parsed.data, invocation);
  } catch (e) {
    if (e instanceof AppError) return e.toBridge();
    console.error('resolver failed', e);
    return new AppError('INTERNAL', 'Something went wrong on our side. Nothing was changed; please try again.').toBridge();
  }
}

type Definitions = ReturnType<Resolver['getDefinitions']>;
type DefinitionsCall = Parameters<Definitions>[0];

/**
 * The module's handler: only the functions of `specs` answer. `@forge/resolver` looks a key up
 * with `in` on a plain object (node_modules/@forge/resolver/out/index.js, `getFunction`), so
 * `constructor`, `toString` or `__proto__` would reach `Object.prototype` and, for
 * `constructor`, answer with the call's whole context; such keys never reach the SDK.
 */
export function resolverDefinitions(specs: Record<string, ResolverSpec<z.ZodType, unknown>>): Definitions {
  const resolver = new Resolver();
  for (const [functionKey, spec] of Object.entries(specs)) {
    resolver.define(functionKey, ({ payload, context }) => runResolver(spec, payload, context));
  }
  const dispatch = resolver.getDefinitions();
  return async (call: DefinitionsCall, backendRuntimePayload?: Record<string, unknown>) => {
    const { functionKey } = call.call;
    if (typeof functionKey !== 'string' || !Object.hasOwn(specs, functionKey)) return unknownFunction(functionKey);
    return dispatch(call, backendRuntimePayload);
  };
}

function unknownFunction(functionKey: unknown): BridgeError {
  const shown = typeof functionKey === 'string' ? functionKey.slice(0, 100) : String(functionKey);
  return new AppError('NOT_FOUND', `This screen asked for an unknown function ('${shown}'). Reload the page; nothing was changed.`).toBridge();
}
