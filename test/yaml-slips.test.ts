import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { fastParse } from '../src/model/fast-yaml.js';
import { validateTree } from './helpers/memory-source.js';
import { mentorJson, SMALL_COHORT_HEAD, smallProgram, smallTree, type FileTree } from './helpers/repo.js';

// The slips of a volunteer who edits a record by hand, each told at the line to change, in plain
// words, with the change to make: never the yaml library's "compact mappings" or "implicit keys".

const LOG = 'cohorts/c1/logs/ann/2026-W41.yaml';
const HEAD = 'person: ann\nweek: 2026-W41\n';

interface Said {
  line: number;
  column: number;
  rule: string;
  severity?: 'error' | 'warning';
  message: string;
  fix: string;
}

const cases: Array<[string, FileTree, Said[]]> = [
  [
    'text with ": " in it, unquoted',
    { [LOG]: `${HEAD}hours:\n  practice: 3\ndone: Fixed: the login bug\n` },
    [{ line: 5, column: 7, rule: 'yaml-syntax', message: 'Text that contains ": " (a colon and a space) must be in quotes; without them YAML reads a new field here.', fix: 'Put the text in quotes: `done: "Fixed: the login bug"`.' }],
  ],
  [
    'text with ": " and double quotes in it',
    { [LOG]: `${HEAD}next: Ask "why": then fix\n` },
    [{ line: 3, column: 7, rule: 'yaml-syntax', message: 'Text that contains ": " (a colon and a space) must be in quotes; without them YAML reads a new field here.', fix: 'Put the text in quotes: `next: \'Ask "why": then fix\'`.' }],
  ],
  [
    'no space after a colon, with a line after it',
    { [LOG]: `${HEAD}hours:\n  practice:3\n  code-review: 1\n` },
    [{ line: 4, column: 12, rule: 'yaml-syntax', message: 'A colon needs a space after it: YAML reads "practice:3" as one word, not as a field and its value.', fix: 'Put a space after the colon: `practice: 3`.' }],
  ],
  [
    'no space after a colon on the last line of a block',
    { [LOG]: `${HEAD}hours:\n  practice: 3\n  code-review:1\n` },
    [{ line: 5, column: 15, rule: 'yaml-syntax', message: 'A colon needs a space after it: YAML reads "code-review:1" as one word, not as a field and its value.', fix: 'Put a space after the colon: `code-review: 1`.' }],
  ],
  [
    'a colon left out, with a field after it',
    { [LOG]: `${HEAD}hours:\n  practice 3\n  code-review: 1\n` },
    [{ line: 4, column: 3, rule: 'yaml-syntax', message: 'This line has no colon: YAML cannot read "practice" as a field.', fix: "Put a colon after the field's name: `practice: 3`." }],
  ],
  [
    'a colon left out on the last line of a block',
    { [LOG]: `${HEAD}hours:\n  code-review: 1\n  practice 3\n` },
    [{ line: 5, column: 3, rule: 'yaml-syntax', message: 'This line has no colon: YAML cannot read "practice" as a field.', fix: "Put a colon after the field's name: `practice: 3`." }],
  ],
  [
    'a colon left out at the top',
    { [LOG]: 'person: ann\nweek 2026-W41\nhours:\n  practice: 3\n' },
    [{ line: 2, column: 1, rule: 'yaml-syntax', message: 'This line has no colon: YAML cannot read "week" as a field.', fix: "Put a colon after the field's name: `week: 2026-W41`." }],
  ],
  [
    'no space after a colon of the only line under a field',
    { [LOG]: `${HEAD}hours:\n  practice:3\n` },
    [{ line: 4, column: 3, rule: 'invalid-type', message: '"hours" holds the text "practice:3": a colon needs a space after it.', fix: 'Put a space after the colon: `practice: 3`.' }],
  ],
  [
    'a line indented further than the line above',
    { [LOG]: `${HEAD}hours:\n  practice: 3\n   code-review: 1\n` },
    [{ line: 5, column: 1, rule: 'yaml-syntax', message: 'This line is indented 3 spaces, but the line above it is indented 2 spaces.', fix: 'Line them up: indent it 2 spaces, like line 4.' }],
  ],
  [
    'a line indented between two levels',
    { [LOG]: `${HEAD}hours:\n  practice: 3\n code-review: 1\n` },
    [{ line: 5, column: 1, rule: 'yaml-syntax', message: 'This line is indented 1 space, but the line above it is indented 2 spaces.', fix: 'Indent it 2 spaces to line up with line 4, or start it at the beginning of the line to line up with line 3.' }],
  ],
  [
    'a top-level line indented',
    { [LOG]: 'person: ann\n week: 2026-W41\n' },
    [{ line: 2, column: 1, rule: 'yaml-syntax', message: 'This line is indented 1 space, but the line above it is not indented.', fix: 'Line them up: start it at the beginning of the line, like line 1.' }],
  ],
  [
    'a list item indented unlike the one above',
    { [LOG]: `${HEAD}pullRequests:\n  - https://github.com/a/b/pull/1\n - https://github.com/a/b/pull/2\n` },
    [{ line: 5, column: 1, rule: 'yaml-syntax', message: 'This line is indented 1 space, but the line above it is indented 2 spaces.', fix: 'Indent it 2 spaces to line up with line 4, or start it at the beginning of the line to line up with line 3.' }],
  ],
  [
    'a key written twice',
    { [LOG]: `${HEAD}hours:\n  practice: 3\n  practice: 4\n` },
    [{ line: 5, column: 3, rule: 'yaml-duplicate-key', message: '"practice" appears twice, on lines 4 and 5.', fix: 'Keep one of the two and delete the other.' }],
  ],
  [
    'a key written twice on one line',
    { [LOG]: `${HEAD}hours: {practice: 2, practice: 3}\n` },
    [{ line: 3, column: 22, rule: 'yaml-duplicate-key', message: '"practice" appears twice on line 3.', fix: 'Keep one of the two and delete the other.' }],
  ],
  [
    'keys written twice in two mappings, the nested one first: said in the order of the text',
    { 'cohorts/c1/cohort.yaml': `${SMALL_COHORT_HEAD}members:\n  - person: ann\n    role: mentee\n    role: mentor\nname: Again\n` },
    [
      { line: 8, column: 5, rule: 'yaml-duplicate-key', message: '"role" appears twice, on lines 7 and 8.', fix: 'Keep one of the two and delete the other.' },
      { line: 9, column: 1, rule: 'yaml-duplicate-key', message: '"name" appears twice, on lines 2 and 9.', fix: 'Keep one of the two and delete the other.' },
    ],
  ],
  [
    'a key written three times: each repeat names the first',
    { [LOG]: `${HEAD}hours:\n  practice: 3\n  practice: 4\n  practice: 5\n` },
    [
      { line: 5, column: 3, rule: 'yaml-duplicate-key', message: '"practice" appears twice, on lines 4 and 5.', fix: 'Keep one of the two and delete the other.' },
      { line: 6, column: 3, rule: 'yaml-duplicate-key', message: '"practice" appears twice, on lines 4 and 6.', fix: 'Keep one of the two and delete the other.' },
    ],
  ],
  [
    'a list never closed, said where its "[" opens, not on the line after',
    { 'people/ann.yaml': 'id: ann\nname: [unclosed\ngithub: ann-gh\n' },
    [{ line: 2, column: 7, rule: 'yaml-syntax', message: 'This list opens with "[" but is never closed with "]", so YAML reads the lines after it as part of the list.', fix: 'Close it with "]" after its last item: `name: [unclosed]`. If the value is text that starts with "[", put it in quotes instead.' }],
  ],
  [
    'a list never closed inside a member, with a comment after it',
    { 'cohorts/c1/cohort.yaml': `${SMALL_COHORT_HEAD}members:\n  - person: ann\n    role: mentee\n    wants: [react, css # her picks\n  - person: lee\n    role: lead\n` },
    [{ line: 8, column: 12, rule: 'yaml-syntax', message: 'This list opens with "[" but is never closed with "]", so YAML reads the lines after it as part of the list.', fix: 'Close it with "]" after its last item: `wants: [react, css]`. If the value is text that starts with "[", put it in quotes instead.' }],
  ],
  [
    'a list opened at the end of its line and never closed',
    { [LOG]: `${HEAD}hours: [\n` },
    [{ line: 3, column: 8, rule: 'yaml-syntax', message: 'This list opens with "[" but is never closed with "]", so YAML reads the lines after it as part of the list.', fix: 'Close it with "]" after its last item.' }],
  ],
  [
    'fields in braces never closed',
    { [LOG]: `${HEAD}hours: {practice: 3\ndone: ok\n` },
    [{ line: 3, column: 8, rule: 'yaml-syntax', message: 'These fields open with "{" but are never closed with "}", so YAML reads the lines after them as more fields.', fix: 'Close them with "}" after the last field: `hours: {practice: 3}`. If the value is text that starts with "{", put it in quotes instead.' }],
  ],
  [
    'a whole file that is a [ or { never closed (the parser says it only at the end of the file; red team T1)',
    { 'people/ann.yaml': '{' },
    [{ line: 1, column: 1, rule: 'yaml-syntax', message: 'These fields open with "{" but are never closed with "}", so YAML reads the lines after them as more fields.', fix: 'Close them with "}" after the last field.' }],
  ],
  [
    'a flow-style record whose last } is missing',
    { 'people/ann.yaml': '{id: ann, name: Ann, skills: [a]' },
    [{ line: 1, column: 1, rule: 'yaml-syntax', message: 'These fields open with "{" but are never closed with "}", so YAML reads the lines after them as more fields.', fix: 'Close them with "}" after the last field.' }],
  ],
  [
    'a list spread over lines and never closed: no closed line is shown, it would drop the items below (red team 4, T6)',
    { 'people/ann.yaml': 'id: ann\nname: Ann\nskills: [a,\n  b,\n  c\n' },
    [{ line: 3, column: 9, rule: 'yaml-syntax', message: 'This list opens with "[" but is never closed with "]", so YAML reads the lines after it as part of the list.', fix: 'Close it with "]" after its last item.' }],
  ],
  [
    'a double quote never closed',
    { 'people/ann.yaml': 'id: ann\nname: "Ann Smith\ngithub: ann-gh\n' },
    [{ line: 2, column: 7, rule: 'yaml-syntax', message: 'This text opens with a double quote (") that is never closed, so YAML reads the lines after it as part of the text.', fix: 'End the text with the same quote: `name: "Ann Smith"`.' }],
  ],
  [
    'a single quote never closed, in a list never closed',
    { [LOG]: `${HEAD}pullRequests: [https://github.com/a/b/pull/1, 'https://github.com/a/b/pull/2\n` },
    [
      { line: 3, column: 15, rule: 'yaml-syntax', message: 'This list opens with "[" but is never closed with "]", so YAML reads the lines after it as part of the list.', fix: 'Close it with "]" after its last item.' },
      { line: 3, column: 47, rule: 'yaml-syntax', message: "This text opens with a single quote (') that is never closed, so YAML reads the lines after it as part of the text.", fix: "End the text with a single quote (')." },
    ],
  ],
  [
    'a quoted key never closed',
    { [LOG]: `${HEAD}"hours: 3\n` },
    [{ line: 3, column: 1, rule: 'yaml-syntax', message: 'This text opens with a double quote (") that is never closed, so YAML reads the lines after it as part of the text.', fix: 'End the text with the same quote: `"hours: 3"`.' }],
  ],
  [
    'a slip nobody has named yet',
    { [LOG]: `${HEAD}hours: [a]]\n` },
    [{ line: 3, column: 11, rule: 'yaml-syntax', message: 'Invalid YAML: unexpected flow-seq-end token in YAML stream: "]".', fix: 'Fix the YAML syntax here (check indentation, quotes and colons).' }],
  ],
  [
    "a log's activities below an empty hours:, not indented",
    { [LOG]: `${HEAD}hours:\npractice: 3\ncode-review: 1\ndone: ok\n` },
    [
      { line: 3, column: 1, rule: 'invalid-type', message: '`hours:` is empty: practice and code-review below it are meant for it, but are not indented under it.', fix: 'Indent practice and code-review by two spaces so they belong to `hours:`.' },
      { line: 4, column: 1, rule: 'unknown-field', severity: 'warning', message: '"practice" belongs under `hours:` above it, but is not indented, so its hours are not counted.', fix: 'Indent it by two spaces so it belongs to `hours:`.' },
      { line: 5, column: 1, rule: 'unknown-field', severity: 'warning', message: '"code-review" belongs under `hours:` above it, but is not indented, so its hours are not counted.', fix: 'Indent it by two spaces so it belongs to `hours:`.' },
    ],
  ],
  [
    "a config role's activities below an empty activities:, not indented",
    { 'mentor.config.yaml': 'program: T\nroles:\n  mentee:\n    activities:\n    practice: { hours: 3 }\n' },
    [
      { line: 4, column: 5, rule: 'invalid-type', message: '`activities:` is empty: practice below it is meant for it, but is not indented under it.', fix: 'Indent practice by two spaces so it belongs to `activities:`.' },
      { line: 5, column: 5, rule: 'unknown-field', severity: 'warning', message: '"practice" belongs under `activities:` above it, but is not indented, so it is ignored.', fix: 'Indent it by two spaces so it belongs to `activities:`.' },
    ],
  ],
  [
    "an activity's hours written as a bare number",
    { 'mentor.config.yaml': 'program: T\nroles:\n  mentee:\n    activities:\n      practice: 3\n' },
    [{ line: 5, column: 17, rule: 'invalid-type', message: '"roles.mentee.activities.practice" is an activity: its weekly hours go after `hours:`, not after the activity\'s name.', fix: 'Write `practice: { hours: 3 }`.' }],
  ],
];

const said = (tree: FileTree, file: string) =>
  validateTree(smallTree(tree))
    .problems.filter((problem) => problem.file === file)
    .map(({ line, column, rule, severity, message, fix }) => ({ line, column, rule, severity, message, fix }));

describe('validate: a hand-written slip is told where it is and how to fix it', () => {
  it.each(cases)('%s', (_name, tree, expected) => {
    const file = Object.keys(tree)[0]!;
    expect(said(tree, file)).toEqual(expected.map((problem) => ({ severity: 'error', ...problem })));
  });

  it('never speaks of mappings or implicit keys when it names the slip', () => {
    for (const [, tree, expected] of cases.slice(0, -4)) {
      for (const problem of said(tree, Object.keys(tree)[0]!)) if (!problem.message.startsWith('Invalid YAML')) expect(`${problem.message} ${problem.fix}`).not.toMatch(/mapping|implicit|compact/i);
      expect(expected.length).toBeGreaterThan(0);
    }
  });

  it('says the same whether a record is read by the fast path or by the yaml library', () => {
    // A text with a YAML error is never the fast path's: only yaml reads it. A text the fast path
    // reads gives the same problems when `---` first makes it decline (one line lower, read by yaml).
    let fastRead = 0;
    for (const [name, tree] of cases) {
      const [file, text] = Object.entries(tree)[0]! as [string, string];
      const fast = fastParse(text);
      const doc = parseDocument(text, { uniqueKeys: true, strict: true, version: '1.2' });
      if (doc.errors.length > 0) {
        expect(fast, name).toBeUndefined();
        continue;
      }
      if (fast === undefined) continue;
      fastRead++;
      expect(fast.value, name).toEqual(doc.toJS());
      expect(fastParse(`---\n${text}`), name).toBeUndefined();
      const lower = said({ [file]: `---\n${text}` }, file).map((problem) => ({ ...problem, line: problem.line - 1 }));
      expect(lower, name).toEqual(said(tree, file));
    }
    expect(fastRead).toBeGreaterThanOrEqual(2);
  });

  it('prints the fix with the line it names from the CLI', () => {
    const { code, json } = mentorJson(['validate', '--repo', smallProgram(cases[0]![1]), '--format', 'json']);
    expect(code).toBe(1);
    expect(json.problems).toContainEqual({ file: LOG, line: 5, column: 7, rule: 'yaml-syntax', severity: 'error', message: cases[0]![2][0]!.message, fix: cases[0]![2][0]!.fix });
  });
});
