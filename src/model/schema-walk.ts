// Walking the zod schemas by field: which keys an object declares (for suggestions and for key
// order) and what a list or map holds. Wrappers (optional, default, ...) are looked through.

const WRAPPERS = ['optional', 'default', 'prefault', 'nullable', 'pipe'];

// zod's internal definitions are not part of its typed API, hence `any` here and only here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function unwrap(schema: unknown): any {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let current: any = schema;
  while (current?._zod?.def && WRAPPERS.includes(current._zod.def.type)) current = current._zod.def.innerType ?? current._zod.def.in;
  return current;
}

/** The fields an object schema declares, in order; undefined for anything else. */
export function shapeOf(schema: unknown): Record<string, unknown> | undefined {
  const def = unwrap(schema)?._zod?.def;
  return def?.type === 'object' ? def.shape : undefined;
}

/** What a list (its element) or a record (its value) schema holds. */
export function elementOf(schema: unknown): unknown {
  const def = unwrap(schema)?._zod?.def;
  return def?.type === 'array' ? def.element : def?.type === 'record' ? def.valueType : undefined;
}

/** The schema of the value at a path (a field, or an entry of a list or map), or undefined. */
export function schemaAt(schema: unknown, path: readonly (string | number)[]): unknown {
  let current: unknown = schema;
  for (const segment of path) {
    const shape = shapeOf(current);
    current = shape ? shape[segment] : elementOf(current);
    if (current === undefined) return undefined;
  }
  return current;
}

/** Whether a value passes a schema (no schema: nothing to say against it). */
export function passes(schema: unknown, value: unknown): boolean {
  return schema === undefined || (schema as { safeParse(input: unknown): { success: boolean } }).safeParse(value).success;
}

/** The bounds a number schema sets (minValue, maxValue: null where it sets none). */
export function numberBounds(schema: unknown): { min?: number; max?: number } {
  const number = unwrap(schema);
  const bound = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
  const min = bound(number?.minValue);
  const max = bound(number?.maxValue);
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}

/** The object shape at a path of field names and list indexes. */
export function shapeAt(schema: unknown, path: readonly (string | number)[]): Record<string, unknown> | undefined {
  let current: unknown = schema;
  for (const segment of path) {
    const shape = shapeOf(current);
    current = shape ? shape[segment] : elementOf(current);
    if (current === undefined) return undefined;
  }
  return shapeOf(current);
}

/**
 * The top-level fields of a record that hold a valid value on their own, when the record as a
 * whole does not: rules that need only those fields still run (a log with one bad hour still
 * gets its folder and week checked). A map field (a log's hours) keeps its valid entries.
 */
export function fieldsThatParse(schema: unknown, value: Record<string, unknown>): Record<string, unknown> {
  type Parser = { safeParse(input: unknown): { success: boolean; data?: unknown } };
  const fields: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(shapeOf(schema) ?? {})) {
    const parsed = (field as Parser).safeParse(value[name]);
    if (parsed.success) {
      if (parsed.data !== undefined) fields[name] = parsed.data;
      continue;
    }
    const entry = unwrap(field)?._zod?.def?.type === 'record' ? (elementOf(field) as Parser) : undefined;
    const raw = value[name];
    if (!entry || raw === null || typeof raw !== 'object' || Array.isArray(raw)) continue;
    fields[name] = Object.fromEntries(Object.entries(raw).flatMap(([key, item]) => {
      const one = entry.safeParse(item);
      return one.success ? [[key, one.data]] : [];
    }));
  }
  return fields;
}
