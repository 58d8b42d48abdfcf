import type * as z from 'zod';
import { freeId, isUsableId, suggestId, windowsDeviceIdFix } from '../domain/layout.js';
import { closestTimeZone } from './suggest.js';
import { isRealDate } from '../domain/time.js';
import { isIsoWeek } from '../domain/weeks.js';
import { countText, INVISIBLE_NAME_FIX } from '../domain/text.js';
import { withSpaceAfterColon } from './yaml-slips.js';
import { yamlText } from './yaml-value.js';
import { numberBounds, passes } from './schema-walk.js';

// The words and fixes for a value the record schemas refuse: the value as it should have been
// written where the slip is plain (a date without leading zeros, an id in capitals, a link without
// https://, `- ` before fields), and each field's own hint otherwise.

type Issue = z.core.$ZodIssue;

/** A value in words, for "must be a number, not ...". */
export function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number' && Number.isNaN(value)) return '.nan (YAML\'s "not a number")';
  if (typeof value === 'number' && !Number.isFinite(value)) return 'a number too large to use';
  return `${article(typeof value)} (${String(value)})`;
}

export function article(type: string): string {
  const names: Record<string, string> = { array: 'a list', object: 'a mapping', record: 'a mapping', string: 'a text', number: 'a number', boolean: 'true or false' };
  return names[type] ?? `a ${type}`;
}

/** `field`: the schema of the value, which a value offered as the fix must pass (`500 hours` is no `maxHoursPerWeek: 500`: at most 168). */
export function hintForType(expected: string, input: unknown, key: string, field?: unknown): string | undefined {
  // `mentor:` with nothing after it is how a beginner writes "no mentor yet".
  if (input === null) return key === 'mentor' ? 'A member still waiting for a mentor has no `mentor:` line: delete it, or write the id of their mentor after the colon.' : `Write ${article(expected)} after \`${key}:\`, or delete the line.`;
  // Quoted, it must pass the field's rule too (`week: 45` quoted is no week), and an id is its file's
  // name (`id: 123` in ada.yaml): else the caller says the field's own fix (valueFix).
  if (expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')) return key !== 'id' && passes(field, String(input)) ? 'Put the value in quotes so YAML reads it as text.' : undefined;
  const written = typeof input === 'string' ? asWritten(expected, input, key) : undefined;
  if (written !== undefined && passes(field, written.value)) return `Write \`${written.line}\`.`;
  if (expected === 'number' && typeof input === 'string') {
    const { min, max } = numberBounds(field);
    const range = min !== undefined && max !== undefined ? ` from ${countText(min)} to ${countText(max)}` : min !== undefined ? ` of ${countText(min)} or more` : max !== undefined ? ` of at most ${countText(max)}` : '';
    const outside = written === undefined ? '' : `: ${String(written.value)} is outside that range`;
    return range === '' ? 'Write a plain number without quotes or units, e.g. 1.5.' : `Write a plain number${range}, without quotes or units${outside}.`;
  }
  if (expected === 'array') return 'Write a list: `[a, b]` or one `- item` per line.';
  if (expected === 'object' || expected === 'record') return 'Write a mapping of `key: value` lines, indented under this key.';
  if (expected === 'boolean') return 'Write true or false.';
  return `Write ${article(expected)} here.`;
}

/** The line as it should be (and the value it holds), where a text plainly meant a number (`8h`), a list (`js, react`) or true/false (`yes`). */
function asWritten(expected: string, input: string, key: string): { line: string; value: unknown } | undefined {
  const text = input.trim();
  let written: { text: string; value: unknown } | undefined;
  const number = expected === 'number' ? /^(\d+(?:\.\d+)?) *(?:h|hrs?|hours?)?$/i.exec(text)?.[1] : undefined;
  const yes = expected === 'boolean' ? (/^(?:yes|on|true|y)$/i.test(text) ? true : /^(?:no|off|false|n)$/i.test(text) ? false : undefined) : undefined;
  if (number !== undefined) written = { text: number, value: Number(number) };
  else if (yes !== undefined) written = { text: String(yes), value: yes };
  else if (expected === 'array' && /^[\w+#.-]+(?:(?:\s*,\s*|\s+and\s+)[\w+#.-]+)*$/u.test(text)) {
    const items = text.split(/\s*,\s*|\s+and\s+/);
    written = { text: `[${items.join(', ')}]`, value: items };
  }
  const line = written === undefined ? undefined : `${key}: ${written.text}`;
  return line !== undefined && line.length <= 100 ? { line, value: written!.value } : undefined;
}

/** An id made of a text's first words, at most 30 characters: a question's id. */
function shortId(text: string): string {
  const words = suggestId(text, 'question').split('-');
  let id = words[0]!.slice(0, 30);
  for (const word of words.slice(1)) {
    if (id.length + 1 + word.length > 30) break;
    id += `-${word}`;
  }
  return id;
}

/** The id offered for the question at `index` of intake.eligibility: its first words, numbered when a question above has that id (or would be offered it). */
function questionId(text: string, record: unknown, index: number): string {
  const list = (record as { intake?: { eligibility?: unknown } } | undefined)?.intake?.eligibility;
  const above = Array.isArray(list) ? list.slice(0, index).map((item) => (typeof item === 'string' ? shortId(item) : (item as { id?: unknown } | null)?.id)) : [];
  const id = shortId(text);
  return above.includes(id) ? freeId(id, new Set(above.filter((item): item is string => typeof item === 'string'))) : id;
}

/** A wrong type that is a plain slip of hand-written YAML: `practice:3` with no space, an activity's bare hours. */
export function plainSlip(path: readonly (string | number)[], expected: string, input: unknown, record?: unknown): { message: string; fix: string } | undefined {
  const mapping = expected === 'object' || expected === 'record';
  const spaced = mapping && typeof input === 'string' && input.length <= 100 ? withSpaceAfterColon(input) : undefined;
  if (spaced) return { message: `holds the text "${input as string}": a colon needs a space after it.`, fix: `Put a space after the colon: \`${spaced}\`.` };
  // `hours:` then `- practice: 3` lines: a list of one-field mappings where one mapping belongs.
  if (mapping && Array.isArray(input) && input.length > 0 && input.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item) && Object.keys(item).length === 1)) {
    const first = Object.entries(input[0] as Record<string, unknown>)[0]!;
    const line = `${first[0]}: ${typeof first[1] === 'object' ? '...' : String(first[1])}`;
    return { message: `must be a mapping, not a list: its lines start with "- ".`, fix: line.length <= 60 ? `Delete the "- " before each line under it, so that \`- ${line}\` reads \`${line}\`.` : 'Delete the "- " before each line under it.' };
  }
  // `eligibility: [- I can give 5 hours]`: a question without its id.
  if (mapping && path.length === 3 && path[0] === 'intake' && path[1] === 'eligibility' && typeof input === 'string') {
    // The question as its line only where YAML reads it as plain text; otherwise where it goes.
    const plain = input.length <= 60 && /^[\p{L}\p{N}][\p{L}\p{N} ,.!?()/&+'-]*$/u.test(input);
    const question = plain ? `\`question: ${yamlText(input)}\`` : '`question:` and the question in quotes';
    return { message: 'is a question without its id: each question is an id and its words.', fix: `Write it as two lines: \`- id: ${yamlText(questionId(input, record, Number(path[2])))}\` and, under it, ${question}.` };
  }
  if (path.length === 4 && path[0] === 'roles' && path[2] === 'activities' && typeof input === 'number') {
    return { message: `is an activity: its weekly hours go after \`hours:\`, not after the activity's name.`, fix: `Write \`${String(path[3])}: { hours: ${input} }\`.` };
  }
  return undefined;
}

/** Fields that hold an id (not `id` itself: its fix is the file's name). */
const ID_FIELDS = new Set(['person', 'mentor', 'prefers', 'cohort']);

/** Fields that name one person: a list there is a common slip. */
export const ONE_PERSON = new Set(['mentor', 'prefers', 'person']);

/** The value as it should have been written, when the slip is plain (2026-9-7, 2026-47, a zone's typo). */
function hintForFormat(issue: Issue, path: readonly (string | number)[]): string | undefined {
  const input = (issue as { input?: unknown }).input;
  if (typeof input !== 'string') return undefined;
  const field = String(path.at(-1));
  const date = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(input.trim());
  if (issue.code === 'invalid_format' && date) {
    const meant = `${date[1]}-${date[3]!.padStart(2, '0')}-${date[4]!.padStart(2, '0')}`;
    // 2026/13/45 written with dashes is still no date: not offered as the one to write.
    if (!isRealDate(meant)) return `${hintForField(path).replace(/\.$/, '')} (${meant} is no day of the calendar).`;
    // An instant (requestedAt) given the day alone: the day is not what is missing.
    if ((issue as { format?: string }).format === 'datetime') return `Add the time and its zone to the day: \`${field}: ${meant}T10:00:00-07:00\` is 10:00 at UTC-7 (end with Z for UTC).`;
    return `Write it as YYYY-MM-DD, with ${date[2] === '-' ? 'two-digit month and day' : 'dashes'}: ${meant}.`;
  }
  const week = /^(\d{4})-?[wW]?(\d{1,2})$/.exec(input.trim());
  const meantWeek = week && `${week[1]}-W${week[2]!.padStart(2, '0')}`;
  // 2025-60 written with its W is still no week: not offered as the one to write.
  if (issue.code === 'invalid_format' && meantWeek && field === 'week' && isIsoWeek(meantWeek)) return `Write it as YYYY-Www, with a W before the week: ${meantWeek}.`;
  // An id in capitals (`person: Bob`): the same id in lower case, where that is one.
  if (ID_FIELDS.has(field) && input !== input.toLowerCase() && isUsableId(input.trim().toLowerCase())) return `Ids are written in lower case: \`${field}: ${yamlText(input.trim().toLowerCase())}\`.`;
  // A handle written with its @ (`github: "@ada-l"`).
  if (field === 'github' && /^@[A-Za-z0-9-]+$/.test(input.trim())) return `Write \`github: ${yamlText(input.trim().slice(1))}\`, without the @.`;
  // A link without its scheme (`github.com/you/repo/pull/1`): the same link with https://.
  if (path.includes('pullRequests') && /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+\/\S*$/i.test(input.trim())) return `Start the link with https://: https://${input.trim()}.`;
  if (issue.code === 'custom' && (field === 'timezone')) {
    const zone = closestTimeZone(input);
    if (zone) return `Did you mean ${zone}? (IANA zone names use _ for spaces.)`;
  }
  return undefined;
}

function hintForValue(issue: Issue, key?: string): string | undefined {
  switch (issue.code) {
    case 'invalid_value': {
      // `role: Mentor`: the one allowed value it is, in other letters.
      const input = (issue as { input?: unknown }).input;
      const meant = typeof input === 'string' ? issue.values.find((value) => typeof value === 'string' && value.toLowerCase() === input.trim().toLowerCase()) : undefined;
      return meant !== undefined && key !== undefined ? `Write \`${key}: ${String(meant)}\`.` : `Use one of: ${issue.values.map(String).join(', ')}.`;
    }
    case 'too_small':
    case 'too_big':
      return 'Change the value to fit the limit.';
    case 'custom':
      if (/control character/.test(issue.message)) return 'Delete the invisible control characters (retype the text).';
      if (/a name Windows keeps for a device/.test(issue.message)) return windowsDeviceIdFix(String((issue as { input?: unknown }).input));
      return /^shows nothing/.test(issue.message) ? INVISIBLE_NAME_FIX : undefined;
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
  return name !== undefined && isUsableId(name) ? `Write \`id: ${yamlText(name)}\`, the file's name.` : undefined;
}

/** A log's `week` is its file's name: that name is the fix, when it is a week. */
function hintForWeek(file: string, path: readonly (string | number)[]): string | undefined {
  if (path.length !== 1 || path[0] !== 'week') return undefined;
  const name = /\/logs\/[^/]+\/(\d{4}-W\d{2})\.yaml$/.exec(file)?.[1];
  return name === undefined ? undefined : `Write \`week: ${name}\`, the file's name.`;
}

function hintForField(path: readonly (string | number)[]): string {
  const field = [...path].reverse().find((segment): segment is string => typeof segment === 'string' && segment in FIELD_HINTS);
  return field ? FIELD_HINTS[field]! : 'Correct the value.';
}

/** The fix for a value zod refuses: the value as it should be where the slip is plain, else the field's own hint. */
export function valueFix(issue: Issue, file: string, path: readonly (string | number)[]): string {
  return hintForFormat(issue, path) ?? hintForValue(issue, typeof path.at(-1) === 'string' ? String(path.at(-1)) : undefined) ?? hintForId(file, path) ?? hintForWeek(file, path) ?? hintForField(path);
}
