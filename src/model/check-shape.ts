import type * as z from 'zod';
import { formatPath } from './problem.js';
import { CONFIG_FILE, ID_PATTERN, suggestId } from '../domain/layout.js';
import { lengthLimit, numberLimit } from './limit-words.js';
import { FORBIDDEN_KEYS } from './forbidden-keys.js';
import { RECORD_SCHEMAS, type RecordKind } from './schemas.js';
import type { YamlSource } from './source.js';
import { closest, closestTimeZone } from './suggest.js';
import { fieldsThatParse, shapeAt } from './schema-walk.js';
import { withSpaceAfterColon } from './yaml-slips.js';

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
      } else if (plainSlip(path, issue.expected, issue.input)) {
        const slip = plainSlip(path, issue.expected, issue.input)!;
        source.addAt(path, 'value', 'invalid-type', 'error', `"${field}" ${slip.message}`, slip.fix).subject = `invalid-type:${field}`;
      } else {
        const got = describe(issue.input);
        const problem = source.addAt(
          path,
          'value',
          'invalid-type',
          'error',
          `"${field}" must be ${article(issue.expected)}, not ${got}.`,
          hintForType(issue.expected, issue.input, String(path.at(-1))),
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
      source.addAt(path, 'key', 'invalid-value', 'error', `"${key}" cannot be a name here: ${why}.`, `Rename it, e.g. to "${suggestId(key, 'a-name')}".`);
      return true;
    }
    default:
      return addValueIssue(source, issue, path, field);
  }
}

/** A value zod refuses (a format, a limit, a value not allowed), in its words, with the fix that fits. */
function addValueIssue(source: YamlSource, issue: Issue, path: readonly (string | number)[], field: string): true {
  const message = numberLimit(issue) ?? (issue.code === 'invalid_format' || issue.code === 'custom' ? issue.message : issue.message.replace(/^Invalid input: /, ''));
  source.addAt(
    path,
    issue.code === 'invalid_key' ? 'key' : 'value',
    'invalid-value',
    'error',
    `"${field || '(record)'}" ${message.charAt(0).toLowerCase()}${message.slice(1)}${/[.!?]$/.test(message) ? '' : '.'}`,
    hintForFormat(issue, path) ?? hintForValue(issue) ?? hintForId(source.file, path) ?? hintForField(path),
  );
  return true;
}

function describe(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number' && Number.isNaN(value)) return '.nan (YAML\'s "not a number")';
  if (typeof value === 'number' && !Number.isFinite(value)) return 'a number too large to use';
  return `${article(typeof value)} (${String(value)})`;
}

function article(type: string): string {
  const names: Record<string, string> = { array: 'a list', object: 'a mapping', record: 'a mapping', string: 'a text', number: 'a number', boolean: 'true or false' };
  return names[type] ?? `a ${type}`;
}

function hintForType(expected: string, input: unknown, key: string): string {
  // `mentor:` with nothing after it is how a beginner writes "no mentor yet".
  if (input === null) return key === 'mentor' ? 'A member still waiting for a mentor has no `mentor:` line: delete it, or write the id of their mentor after the colon.' : `Write ${article(expected)} after \`${key}:\`, or delete the line.`;
  if (expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')) return 'Put the value in quotes so YAML reads it as text.';
  if (expected === 'number' && typeof input === 'string') return 'Write a plain number without quotes or units, e.g. 1.5.';
  if (expected === 'array') return 'Write a list: `[a, b]` or one `- item` per line.';
  if (expected === 'object' || expected === 'record') return 'Write a mapping of `key: value` lines, indented under this key.';
  if (expected === 'boolean') return 'Write true or false.';
  return `Write ${article(expected)} here.`;
}

/** A wrong type that is a plain slip of hand-written YAML: `practice:3` with no space, an activity's bare hours. */
function plainSlip(path: readonly (string | number)[], expected: string, input: unknown): { message: string; fix: string } | undefined {
  const mapping = expected === 'object' || expected === 'record';
  const spaced = mapping && typeof input === 'string' && input.length <= 100 ? withSpaceAfterColon(input) : undefined;
  if (spaced) return { message: `holds the text "${input as string}": a colon needs a space after it.`, fix: `Put a space after the colon: \`${spaced}\`.` };
  if (path.length === 4 && path[0] === 'roles' && path[2] === 'activities' && typeof input === 'number') {
    return { message: `is an activity: its weekly hours go after \`hours:\`, not after the activity's name.`, fix: `Write \`${String(path[3])}: { hours: ${input} }\`.` };
  }
  return undefined;
}

/** Fields that name one person: a list there is a common slip. */
const ONE_PERSON = new Set(['mentor', 'prefers', 'person']);

/** The value as it should have been written, when the slip is plain (2026-9-7, 2026-47, a zone's typo). */
function hintForFormat(issue: Issue, path: readonly (string | number)[]): string | undefined {
  const input = (issue as { input?: unknown }).input;
  if (typeof input !== 'string') return undefined;
  const field = String(path.at(-1));
  const date = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(input.trim());
  if (issue.code === 'invalid_format' && date) return `Write it as YYYY-MM-DD, with two-digit month and day: ${date[1]}-${date[2]!.padStart(2, '0')}-${date[3]!.padStart(2, '0')}.`;
  const week = /^(\d{4})-?[wW]?(\d{1,2})$/.exec(input.trim());
  if (issue.code === 'invalid_format' && week && field === 'week') return `Write it as YYYY-Www, with a W before the week: ${week[1]}-W${week[2]!.padStart(2, '0')}.`;
  if (issue.code === 'custom' && (field === 'timezone')) {
    const zone = closestTimeZone(input);
    if (zone) return `Did you mean ${zone}? (IANA zone names use _ for spaces.)`;
  }
  return undefined;
}

function hintForValue(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_value':
      return `Use one of: ${issue.values.map(String).join(', ')}.`;
    case 'too_small':
    case 'too_big':
      return 'Change the value to fit the limit.';
    case 'custom':
      return /control character/.test(issue.message) ? 'Delete the invisible control characters (retype the text).' : undefined;
    case 'invalid_key':
      return 'Rename the key.';
    default:
      return undefined;
  }
}

const FIELD_HINTS: Record<string, string> = {
  start: 'Write a real date as YYYY-MM-DD, e.g. 2026-09-07.',
  end: 'Write a real date as YYYY-MM-DD, e.g. 2026-11-29.',
  timezone: 'Use an IANA zone name, e.g. Europe/London or America/Los_Angeles.',
  week: 'Write the ISO week as YYYY-Www, e.g. 2026-W48.',
  requestedAt: 'Write the time with its zone, e.g. 2026-09-01T10:00:00-07:00.',
  assignedAt: 'Write the time with its zone, e.g. 2026-09-02T09:00:00-07:00.',
  pausedUntil: 'Write the date as YYYY-MM-DD, e.g. 2027-01-10.',
  id: 'Use lower-case letters, digits and dashes, e.g. ada-lovelace.',
  person: 'Use the id of a person: lower-case letters, digits and dashes.',
  mentor: 'Use the id of a person: lower-case letters, digits and dashes.',
  prefers: 'Use the id of a person: lower-case letters, digits and dashes.',
  github: 'Write the GitHub handle without @, e.g. ada-l.',
  maintainers: 'Write GitHub handles without @, e.g. [ada-l].',
  pullRequests: 'Use the full link, e.g. https://github.com/you/repo/pull/1.',
};

/** A record's `id` equals its file (or cohort folder) name: that name is the fix, when it can be an id. */
function hintForId(file: string, path: readonly (string | number)[]): string | undefined {
  if (path.length !== 1 || path[0] !== 'id') return undefined;
  const name = /([^/]+)\/cohort\.yaml$/.exec(file)?.[1] ?? /([^/]+)\.yaml$/.exec(file)?.[1];
  return name !== undefined && ID_PATTERN.test(name) ? `Write \`id: ${name}\`, the file's name.` : undefined;
}

function hintForField(path: readonly (string | number)[]): string {
  const field = [...path].reverse().find((segment): segment is string => typeof segment === 'string' && segment in FIELD_HINTS);
  return field ? FIELD_HINTS[field]! : 'Correct the value.';
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

