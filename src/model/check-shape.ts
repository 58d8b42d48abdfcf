import type * as z from 'zod';
import { formatPath } from './problem.js';
import { CONFIG_FILE, suggestId } from '../domain/layout.js';
import { lengthLimit, numberLimit } from './limit-words.js';
import { FORBIDDEN_KEYS } from './forbidden-keys.js';
import { RECORD_SCHEMAS, type RecordKind } from './schemas.js';
import type { YamlSource } from './source.js';
import { closest } from './suggest.js';
import { fieldsThatParse, schemaAt, shapeAt } from './schema-walk.js';
import { article, describeValue, hintForType, ONE_PERSON, plainSlip, valueFix } from './shape-hints.js';

type Output<K extends RecordKind> = z.output<(typeof RECORD_SCHEMAS)[K]>;
type Issue = z.core.$ZodIssue;

/**
 * Filled in when a cohort with errors is still used for the other rules: the source index of
 * each member kept, and whether top-level fields (dates) had to be replaced.
 */
export interface Salvage {
  keptMembers?: number[];
  partial?: boolean;
  /** Top-level cohort fields replaced by a stand-in or dropped because of their errors. */
  replaced?: string[];
  /** When the record cannot be used: the fields that are valid on their own, for the rules that need only them. */
  fields?: Record<string, unknown>;
}

/** Stand-ins for required cohort fields with errors, so the members can still be checked. */
const COHORT_STAND_INS: Record<string, unknown> = { id: 'unknown', name: 'unknown', start: '1970-01-01' };

const WHAT: Record<RecordKind, string> = {
  config: CONFIG_FILE,
  person: 'a person record',
  cohort: 'a cohort record',
  member: 'a member of a cohort',
  log: 'a weekly log',
};

/**
 * Checks one parsed YAML file against its zod schema and turns every issue into a problem at the
 * offending key or value. Unknown keys are warnings: the record is still used, without them.
 * Returns the parsed record, or undefined when it cannot be used.
 */
export function checkShape<K extends RecordKind>(source: YamlSource, kind: K, salvage: Salvage = {}): Output<K> | undefined {
  const schema = RECORD_SCHEMAS[kind] as z.ZodType;
  // A config may leave out any part (DESIGN), every part too: an empty one is all defaults.
  const value = source.value === null && kind === 'config' ? {} : source.value;
  if (value === undefined) return undefined;
  if (value === null) {
    source.add(0, 'empty-file', 'error', `The file is empty; it should hold ${WHAT[kind]}.`, `See schemas/${kind}.schema.json for the fields.`);
    return undefined;
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    source.add(0, 'not-a-mapping', 'error', `The file holds ${Array.isArray(value) ? 'a list' : `a ${typeof value}`}, but ${WHAT[kind]} is a mapping of fields.`, 'Write the fields as `key: value` lines at the top level.');
    return undefined;
  }
  let result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data as Output<K>;

  let blocking = false;
  // A value in the wrong format (2026-9-7) also fails the check behind it ("not a real date"):
  // only the format is reported, since that is what to fix.
  const badFormat = new Set(result.error.issues.filter((issue) => issue.code === 'invalid_format').map((issue) => formatPath(issue.path as (string | number)[])));
  for (const issue of result.error.issues) {
    if (issue.code === 'custom' && badFormat.has(formatPath(issue.path as (string | number)[]))) continue;
    if (reportIssue(source, schema, issue)) blocking = true;
  }
  // Salvage what can be used: drop the fields zod flagged as unknown (warnings only), and drop
  // the cohort members that have errors, so the rest of the cohort is still checked.
  const repaired = withoutFaults(value as Record<string, unknown>, result.error.issues, kind === 'cohort', salvage);
  if (!blocking || kind === 'cohort') {
    result = schema.safeParse(repaired, { reportInput: true });
    if (result.success) return result.data as Output<K>;
  }
  salvage.fields = fieldsThatParse(schema, value as Record<string, unknown>);
  return undefined;
}

/** Reports one zod issue; returns whether it is an error (not just a warning). */
function reportIssue(source: YamlSource, schema: z.ZodType, issue: Issue): boolean {
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
  const field = formatPath(path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = Object.keys(shapeAt(schema, path) ?? {});
      for (const key of issue.keys) {
        if (FORBIDDEN_KEYS.has(key)) continue; // already a forbidden-key error
        const guess = closest(key, allowed);
        // The subject lets a command find the entry a typo is in (assign holds that member back).
        const problem = source.addAt(
          [...path, key],
          'key',
          'unknown-field',
          'warning',
          `Unknown field "${key}"${path.length ? ` in ${field}` : ''}; it is ignored.`,
          guess ? `Did you mean "${guess}"? Rename the key.` : `Remove it, or use one of: ${allowed.join(', ')}.`,
        );
        problem.subject = `unknown-field:${formatPath([...path, key])}`;
      }
      return false;
    }
    case 'invalid_type': {
      if (issue.input === undefined) {
        source.addAt(path.slice(0, -1), 'key', 'missing-field', 'error', `Missing required field "${field}".`, `Add a "${String(path.at(-1))}:" line.`);
      } else if (issue.expected === 'string' && Array.isArray(issue.input) && ONE_PERSON.has(String(path.at(-1)))) {
        const first = issue.input.find((item): item is string => typeof item === 'string');
        source.addAt(path, 'value', 'invalid-type', 'error', `"${field}" names one person, not a list: a member has one ${String(path.at(-1)) === 'prefers' ? 'preferred mentor' : 'mentor'}.`, first ? `Write \`${String(path.at(-1))}: ${first}\`.` : `Write one person id after \`${String(path.at(-1))}:\`.`);
      } else if (plainSlip(path, issue.expected, issue.input, source.value)) {
        const slip = plainSlip(path, issue.expected, issue.input, source.value)!;
        source.addAt(path, 'value', 'invalid-type', 'error', `"${field}" ${slip.message}`, slip.fix).subject = `invalid-type:${field}`;
      } else {
        const got = describeValue(issue.input);
        const problem = source.addAt(
          path,
          'value',
          'invalid-type',
          'error',
          `"${field}" must be ${article(issue.expected)}, not ${got}.`,
          hintForType(issue.expected, issue.input, String(path.at(-1)), schemaAt(schema, path)) ?? valueFix(issue, source.file, path),
        );
        // The subject lets a rule that knows more (the lines meant for an empty field) say it better.
        problem.subject = `invalid-type:${field}`;
      }
      return true;
    }
    case 'too_small': {
      // An empty text (`name: ""`) is said as such, not as zod's "expected string to have >=1 characters".
      if (issue.origin !== 'string' || Number(issue.minimum) !== 1) return addValueIssue(source, issue, path, field);
      source.addAt(path, 'value', 'invalid-value', 'error', `"${field}" is empty.`, `Write it after \`${String(path.at(-1))}:\`.`);
      return true;
    }
    case 'too_big': {
      const tooLong = lengthLimit(issue, field);
      if (!tooLong) return addValueIssue(source, issue, path, field);
      source.addAt(path, 'value', 'invalid-value', 'error', tooLong.message, tooLong.fix);
      return true;
    }
    case 'invalid_key': {
      // zod says "Invalid key in record"; the schema's own words say what a name there must be.
      const key = String(path.at(-1));
      const why = issue.issues.map((inner) => inner.message).find((text) => !/^Invalid/.test(text));
      if (why === undefined) return addValueIssue(source, issue, path, field);
      // The name it would take may be there already (`Weekly Review` beside weekly-review): renaming would write that key twice.
      const named = suggestId(key, 'a-name');
      const fix = namesBeside(source.value, path).includes(named) ? `"${named}" is here already: keep one of the two (delete this one, or rename it to a name of its own).` : `Rename it, e.g. to "${named}".`;
      source.addAt(path, 'key', 'invalid-value', 'error', `"${key}" cannot be a name here: ${why}.`, fix);
      return true;
    }
    default:
      return addValueIssue(source, issue, path, field);
  }
}

/** A value zod refuses (a format, a limit, a value not allowed), in its words, with the fix that fits. */
function addValueIssue(source: YamlSource, issue: Issue, path: readonly (string | number)[], field: string): true {
  const message = numberLimit(issue) ?? choiceWords(issue) ?? (issue.code === 'invalid_format' || issue.code === 'custom' ? issue.message : issue.message.replace(/^Invalid input: /, ''));
  source.addAt(
    path,
    issue.code === 'invalid_key' ? 'key' : 'value',
    'invalid-value',
    'error',
    `"${field || '(record)'}" ${message.charAt(0).toLowerCase()}${message.slice(1)}${/[.!?]$/.test(message) ? '' : '.'}`,
    valueFix(issue, source.file, path),
  );
  return true;
}

/** A value not among the allowed ones, in plain words: zod says 'invalid option: expected one of "a"|"b"'. */
function choiceWords(issue: Issue): string | undefined {
  if (issue.code !== 'invalid_value' || issue.values.length < 2) return undefined;
  const input = (issue as { input?: unknown }).input;
  const shown = typeof input === 'string' && input.length <= 40 ? ` "${input}"` : '';
  return `must be one of ${issue.values.map(String).join(', ')}${shown ? `, not${shown}` : ''}`;
}

function withoutFaults(value: Record<string, unknown>, issues: readonly Issue[], dropBadMembers: boolean, salvage: Salvage): Record<string, unknown> {
  const copy = structuredClone(value);
  const badMembers = new Set<number>();
  const replaced = (field: string) => {
    salvage.partial = true;
    salvage.replaced = [...new Set([...(salvage.replaced ?? []), field])];
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      let target: any = copy;
      for (const segment of issue.path) target = target?.[segment as string];
      if (target && typeof target === 'object') for (const key of issue.keys) delete target[key];
    } else if (dropBadMembers && issue.path[0] === 'members' && typeof issue.path[1] === 'number') {
      badMembers.add(issue.path[1]);
    } else if (dropBadMembers && issue.path.length === 1 && issue.path[0] === 'members') {
      // `members:` that is not a list (a mapping, a number, null): read as none, so the cohort's
      // own fields (its id, its dates) are still checked and said in the same run.
      copy.members = [];
      replaced('members');
    } else if (dropBadMembers && typeof issue.path[0] === 'string' && issue.path[0] !== 'members') {
      const field = issue.path[0];
      if (field in COHORT_STAND_INS) copy[field] = COHORT_STAND_INS[field];
      else delete copy[field];
      replaced(field);
    }
  }
  if (badMembers.size > 0 && Array.isArray(copy.members)) {
    salvage.keptMembers = copy.members.map((_: unknown, index: number) => index).filter((index: number) => !badMembers.has(index));
    copy.members = salvage.keptMembers.map((index) => (copy.members as unknown[])[index]);
  }
  return copy;
}

/** The other keys of the mapping that holds the key at `path`. */
function namesBeside(value: unknown, path: readonly (string | number)[]): string[] {
  let here: unknown = value;
  for (const segment of path.slice(0, -1)) here = here !== null && typeof here === 'object' ? (here as Record<string | number, unknown>)[segment] : undefined;
  return here !== null && typeof here === 'object' && !Array.isArray(here) ? Object.keys(here).filter((name) => name !== path.at(-1)) : [];
}
