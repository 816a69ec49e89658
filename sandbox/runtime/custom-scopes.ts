/**
 * The app-defined scopes of an app's REST API, as `forge custom-scopes create` registers them
 * from `custom-scopes.yaml` (mirror/expose-forge-app-rest-apis, "Step 1"): `version: 1`, 1 to 20
 * scopes named `<...>:custom` (at most 93 characters of `-.:_` letters and digits before
 * `:custom`), each with a description (1–2,048 characters, no space at either end) and an
 * optional displayName (1–100, one line). An apiRoute may only require a registered scope: the
 * docs map routes to scopes "already registered", and 3LO consent offers only those. The sandbox
 * treats the app root's custom-scopes.yaml as what is registered.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

export const CUSTOM_SCOPES_FILE = 'custom-scopes.yaml';

const SCOPE_NAME = /^[-.:_a-zA-Z0-9]{1,93}:custom$/;
const MAX_SCOPES = 20;

const scopeSchema = z
  .object({
    description: z
      .string()
      .min(1)
      .max(2048)
      .regex(/^\S[\s\S]*\S$|^\S$/, 'must not start or end with a space'),
    displayName: z
      .string()
      .min(1)
      .max(100)
      .regex(/^\S.*\S$|^\S$/, 'one line, not starting or ending with a space')
      .optional(),
  })
  .strict();

const fileSchema = z
  .object({
    version: z.literal(1),
    scopes: z
      .record(z.string(), scopeSchema)
      .refine((scopes) => Object.keys(scopes).length >= 1 && Object.keys(scopes).length <= MAX_SCOPES, `declare 1 to ${MAX_SCOPES} scopes`)
      .superRefine((scopes, ctx) => {
        for (const name of Object.keys(scopes).filter((key) => !SCOPE_NAME.test(key))) {
          ctx.addIssue({ code: 'custom', path: [name], message: 'a scope name ends with :custom and has only letters, digits and - . : _' });
        }
      }),
  })
  .strict();

/** The scopes `custom-scopes.yaml` in `appRoot` registers; none when there is no file. */
export function loadCustomScopes(appRoot: string): Set<string> {
  const file = join(appRoot, CUSTOM_SCOPES_FILE);
  if (!existsSync(file)) return new Set();
  const parsed = fileSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${CUSTOM_SCOPES_FILE}: ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  return new Set(Object.keys(parsed.data.scopes));
}
