/**
 * The whole resolver contract, per UI module. `Api<…>` turns a contract and its results
 * into the Definitions type that @forge/bridge's `makeInvoke` and @forge/resolver share.
 */
import { type z } from 'zod';
import { type BridgeError } from '../errors';

export * from './common';
export * from './ids';
export * from './byline';
export * from './settings';
export * from './audit';
export * from './queue';
export * from './analytics';

export type Api<Contract extends Record<string, z.ZodType>, Results extends { [K in keyof Contract]: unknown }> = {
  [K in keyof Contract & string]: (payload: z.input<Contract[K]>) => Results[K] | BridgeError;
};
