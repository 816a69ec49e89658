import { getPeople } from '../confluence/people';
import { type DisplayName } from '../shared/status';
import { type NameMap, UNKNOWN_PERSON } from '../storage/display-names';

/**
 * Display names for one job: the byline and the notifications name overlapping people, so each
 * account is looked up once per job, in as few bulk calls as the job needs.
 */
export class PeopleDirectory {
  private readonly names = new Map<string, string>();

  async load(accountIds: Iterable<string>): Promise<void> {
    const missing = [...new Set(accountIds)].filter((id) => !this.names.has(id));
    if (missing.length === 0) return;
    const people = await getPeople(missing);
    for (const id of missing) this.names.set(id, people.get(id)?.displayName ?? UNKNOWN_PERSON);
  }

  /** The name of an account loaded before. */
  readonly displayName: DisplayName = (accountId) => this.names.get(accountId) ?? UNKNOWN_PERSON;

  /** The loaded names of these accounts, as the byline dialog's name cache keeps them. */
  namesOf(accountIds: Iterable<string>): NameMap {
    return Object.fromEntries([...new Set(accountIds)].map((id) => [id, this.displayName(id)]));
  }
}
