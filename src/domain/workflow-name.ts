/**
 * When two workflow names are the same name: case and Unicode composition do not make a
 * different workflow. The same spelling is what the space's name reservation is keyed on, so it
 * must not depend on the server's locale.
 */
export function normalisedWorkflowName(name: string): string {
  return name.trim().normalize('NFC').toLowerCase();
}
