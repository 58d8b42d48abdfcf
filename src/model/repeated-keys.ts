import { isMap, isScalar, visit, type Document, type Node } from 'yaml';

// Keys written twice in one mapping. The `yaml` parser can say so itself (`uniqueKeys`), but it
// compares each key with every earlier key of its mapping: a hostile record of 60,000 keys took
// 34 s to parse. Here each mapping is read once, its keys kept in a Map.

export interface RepeatedKey {
  /** Where the repeated key starts. */
  offset: number;
  name: string;
  /** Where the first key of that name in the same mapping starts. */
  first: number;
}

/** Every key that repeats an earlier key of its mapping (equal scalar values, as the parser counts them), in the order of the text. */
export function repeatedKeys(doc: Document): RepeatedKey[] {
  const found: RepeatedKey[] = [];
  visit(doc, {
    Map: (_, map) => {
      if (!isMap(map)) return;
      const seen = new Map<unknown, number>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const at = (pair.key as Node).range?.[0];
        if (at === undefined) continue;
        const first = seen.get(pair.key.value);
        if (first === undefined) seen.set(pair.key.value, at);
        else found.push({ offset: at, name: String(pair.key.value), first });
      }
    },
  });
  return found.sort((a, b) => a.offset - b.offset);
}
