import { label } from './html.js';

/**
 * The names a picture draws, cut to `max` characters, each with what tells it apart where another
 * entry draws the same name (the id, by default): a reader cannot tell two "Cleo Diaz" apart.
 * One rule for every picture of the site: the waiting bars, the tree.
 */
export function namesToldApart<T extends { id: string; name: string }>(entries: readonly T[], max: number, apart: (entry: T, same: readonly T[]) => string = (entry) => entry.id): Array<{ name: string; apart?: string }> {
  const names = entries.map((entry) => label(entry.name, max));
  const alike = new Map<string, T[]>();
  entries.forEach((entry, index) => alike.set(names[index]!, [...(alike.get(names[index]!) ?? []), entry]));
  return entries.map((entry, index) => {
    const same = alike.get(names[index]!)!;
    return same.length === 1 ? { name: names[index]! } : { name: names[index]!, apart: apart(entry, same) };
  });
}
