import { isMap, isScalar, parseDocument, visit, type Document, type Node } from 'yaml';

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

export interface YamlParseError {
  code: string;
  message: string;
  pos: [number, number];
}

/** The parser's errors and a DUPLICATE_KEY error at each key written twice, in the order of the text (as the parser's own check would give them). */
export function withRepeatedKeys(doc: Document): YamlParseError[] {
  const repeated = repeatedKeys(doc);
  if (repeated.length === 0) return doc.errors;
  const errors: YamlParseError[] = [...doc.errors, ...repeated.map(({ offset }) => ({ code: 'DUPLICATE_KEY', message: 'Map keys must be unique', pos: [offset, offset + 1] as [number, number] }))];
  return errors.sort((a, b) => a.pos[0] - b.pos[0]);
}

/** A document to edit, parsed without the parser's quadratic key check, and its errors with keys written twice among them. */
export function parseForEdit(text: string, version?: '1.2'): { doc: Document; errors: YamlParseError[] } {
  const doc = parseDocument(text, { uniqueKeys: false, ...(version ? { version } : {}) });
  return { doc, errors: withRepeatedKeys(doc) };
}
