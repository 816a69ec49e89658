/** "Can this user or group do X to this content?" — how the app derives roles from Confluence. */
import { z } from 'zod';
import { badRequest, forbidden } from '../../errors';
import { type Route, validate } from '../../http';
import { ok } from '../../responses';
import { V1, readableContent } from './common';

const checkSchema = z.object({
  subject: z.object({ type: z.enum(['user', 'group']), identifier: z.string().min(1) }),
  operation: z.enum(['read', 'update', 'delete']),
});

export const permissionCheckRoutes: Route[] = [
  {
    method: 'POST',
    pattern: `${V1}/content/:id/permission/check`,
    handle: (ctx) => {
      const { store, perms } = ctx.env;
      const content = readableContent(ctx);
      const { subject, operation } = validate(checkSchema, ctx.body);
      const asksAboutSelf = ctx.viewer.kind === 'user' && subject.type === 'user' && subject.identifier === ctx.viewer.accountId;
      // Checking someone else's permissions is a Confluence administrator's privilege.
      if (!asksAboutSelf && !perms.isSiteAdmin(ctx.viewer)) {
        throw forbidden("Checking another subject's permissions requires the 'Confluence Administrator' global permission");
      }
      if (subject.type === 'user' && !store.user(subject.identifier)) throw badRequest(`No user with accountId ${subject.identifier}`);
      if (subject.type === 'group' && !store.group(subject.identifier)) throw badRequest(`No group with id ${subject.identifier}`);
      const who = subject.type === 'user' ? perms.userSubject(subject.identifier) : perms.groupSubject(subject.identifier);
      const denial = perms.denial(who, operation, content);
      return ok({
        hasPermission: denial === null,
        errors: denial === null ? [] : [{ translation: denial, args: [] }],
        _links: { base: ctx.env.baseUrl, context: '/wiki' },
      });
    },
  },
];
