/**
 * Fields keep their own value while the user types, and follow the app's `value` when it
 * changes. Each keystroke reaches the app through its frame and comes back in the next
 * ForgeDoc; a purely controlled input would lag one round trip behind and drop characters.
 */
import { useEffect, useState } from 'react';

export function useFieldValue<T>(external: T | undefined, initial: () => T): [T, (value: T) => void] {
  const [local, setLocal] = useState<T>(() => (external === undefined ? initial() : external));
  useEffect(() => {
    if (external !== undefined) setLocal(external);
  }, [external]);
  return [local, setLocal];
}
