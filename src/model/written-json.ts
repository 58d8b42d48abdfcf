// A YAML value as JSON text, to tell whether two files write the same thing. YAML can make a value
// hold itself (`&a [1, *a]`, which the parser turns into a circular object), and JSON.stringify
// throws on that: a pull request could crash the gate with one line.

/** JSON of a value read from YAML; a node met again inside itself is written as a marker, not followed. */
export function writtenJson(value: unknown): string {
  const enclosing: object[] = [];
  const walk = (inner: unknown): unknown => {
    if (inner === null || typeof inner !== 'object') return inner;
    if (enclosing.includes(inner)) return { '\u0000circular': enclosing.length - enclosing.indexOf(inner) };
    enclosing.push(inner);
    const copy = Array.isArray(inner) ? inner.map(walk) : Object.fromEntries(Object.entries(inner).map(([key, field]) => [key, walk(field)]));
    enclosing.pop();
    return copy;
  };
  return JSON.stringify(walk(value)) ?? 'undefined';
}
