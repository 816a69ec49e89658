/** Bulk user lookup: the app resolves approver and author names in one call. */
import { z } from 'zod';
import { type Route, validate } from '../../http';
import { v2List } from '../../responses';
import { userV2 } from '../../shapes-v2';
import { V2 } from './common';

const bulkSchema = z.object({ accountIds: z.array(z.string().min(1)).min(1).max(250) });

export const userRoutes: Route[] = [
  {
    method: 'POST',
    pattern: `${V2}/users-bulk`,
    handle: (ctx) => {
      const { accountIds } = validate(bulkSchema, ctx.body);
      // Unknown account ids are left out rather than failing the whole lookup.
      const users = [...new Set(accountIds)].flatMap((id) => {
        const user = ctx.env.store.user(id);
        return user ? [userV2(user)] : [];
      });
      return v2List(ctx, users, null);
    },
  },
];
