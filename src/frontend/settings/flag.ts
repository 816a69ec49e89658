import { showFlag } from '@forge/bridge';

let counter = 0;

/** A success flag in the page around the module: the result of a change the screen already shows. */
export function successFlag(title: string, description?: string): void {
  counter += 1;
  showFlag({ id: `approval-settings-${counter}`, title, description, type: 'success', isAutoDismiss: true });
}
