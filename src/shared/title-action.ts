/**
 * The "modify title" action as a pure function of the current title. Actions run again every
 * time a page re-enters a state, so prefix and suffix are added only once. It lives in shared
 * because the workflow editor previews it on a sample title and the executor applies it: one rule.
 */
import { type WorkflowAction } from './workflow';

export type TitleAction = Extract<WorkflowAction, { type: 'title' }>;

/**
 * A regex replaces every match (the pattern compiles: workflow validation checked it). Confluence
 * refuses an empty title, so a replacement that would leave none keeps the title as it was.
 */
export function applyTitleAction(title: string, action: TitleAction): string {
  switch (action.mode) {
    case 'prefix':
      return title.startsWith(action.value) ? title : `${action.value}${title}`;
    case 'suffix':
      return title.endsWith(action.value) ? title : `${title}${action.value}`;
    case 'regex': {
      if (action.pattern === undefined) return title;
      const replaced = title.replace(new RegExp(action.pattern, 'g'), action.value).trim();
      return replaced === '' ? title : replaced;
    }
  }
}
