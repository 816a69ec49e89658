/** v1 space lookup by key: how the app turns a space key from a URL or context into an id. */
import { notFound } from '../../errors';
import { type Route } from '../../http';
import { ok } from '../../responses';
import { spaceV1 } from '../../shapes-v1';
import { V1 } from './common';

export const spaceRoutesV1: Route[] = [
  {
    method: 'GET',
    pattern: `${V1}/space/:key`,
    handle: (ctx) => {
      const space = ctx.env.store.spaceByKey(ctx.params.key);
      if (!space || !ctx.env.perms.canReadSpace(ctx.viewer, space.id)) throw notFound(`No space with key : ${ctx.params.key}`);
      return ok(spaceV1(ctx.env, space));
    },
  },
];
