/**
 * Space variables: named publish targets a space admin sets once in space settings, so that
 * workflows say "publish to publishTarget" and the target can move without editing each workflow.
 * A variable is read when the action runs, never copied into the workflow.
 */
import { z } from 'zod';
import { contentIdSchema, spaceKeySchema } from './contract/ids';

export { spaceKeySchema };

export const SPACE_VARIABLE_NAME_MAX = 40;
export const MAX_SPACE_VARIABLES = 20;

export const spaceVariableNameSchema = z
  .string({ error: 'A variable needs a name' })
  .trim()
  .min(1, 'A variable needs a name')
  .max(SPACE_VARIABLE_NAME_MAX, `A variable name must be at most ${SPACE_VARIABLE_NAME_MAX} characters`)
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'A variable name starts with a letter and has only letters, digits and underscores');

export const spaceVariableSchema = z.object({
  name: spaceVariableNameSchema,
  /** The space the copy goes to, and optionally the page it goes under there (else the space's top level). */
  spaceKey: spaceKeySchema,
  parentPageId: contentIdSchema.optional(),
});

export const spaceVariablesSchema = z
  .array(spaceVariableSchema)
  .max(MAX_SPACE_VARIABLES, `A space can have at most ${MAX_SPACE_VARIABLES} variables`)
  .superRefine((variables, ctx) => {
    const seen = new Set<string>();
    variables.forEach((variable, index) => {
      const key = variable.name.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `There is already a variable named ${variable.name}` });
      seen.add(key);
    });
  });

export type SpaceVariable = z.output<typeof spaceVariableSchema>;
