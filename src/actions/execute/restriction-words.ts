/** How the restriction actions describe restrictions in their outcome messages. */
import { type RestrictionSet } from '../../confluence/restrictions';

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "2 people and 1 group", "1 person". */
export function membersText(set: RestrictionSet): string {
  const parts = [
    ...(set.accountIds.length === 0 ? [] : [count(set.accountIds.length, 'person', 'people')]),
    ...(set.groupIds.length === 0 ? [] : [count(set.groupIds.length, 'group', 'groups')]),
  ];
  return parts.join(' and ');
}
