import { describe, expect, it } from 'vitest';
import { exampleTree as exampleRepo, validateTree } from './helpers/memory-source.js';

// Issue 17, "Messages": the first message about a slip names the slip and the fix.

// In-process, on records in memory: the same loader and rules as the CLI.
const problemsIn = (tree: ReturnType<typeof exampleRepo>, file: string) => validateTree(tree).problems.filter((p: { file: string }) => p.file === file);

describe('validation messages for common slips', () => {
  it('a date without leading zeros gets one message, with the date as it should be', () => {
    const file = 'cohorts/c2/cohort.yaml';
    const problems = problemsIn(exampleRepo({ [file]: 'id: c2\nname: Two\nstart: 2026-9-7\nmembers: []\n' }), file);
    expect(problems.map((p: { message: string; fix: string }) => [p.message, p.fix])).toEqual([['"start" must be a date written YYYY-MM-DD.', 'Write it as YYYY-MM-DD, with two-digit month and day: 2026-09-07.']]);
  });

  it('a week without its W gets one message, with the week as it should be', () => {
    const file = 'cohorts/2026-fall/logs/bob/2026-W47.yaml';
    const problems = problemsIn(exampleRepo({ [file]: 'person: bob\nweek: 2026-47\nhours:\n  practice: 3\n' }), file);
    expect(problems.map((p: { fix: string }) => p.fix)).toEqual(['Write it as YYYY-Www, with a W before the week: 2026-W47.']);
  });

  it('a list given for mentor says a member has one mentor, and which to write', () => {
    const file = 'cohorts/c2/cohort.yaml';
    const problems = problemsIn(exampleRepo({ [file]: 'id: c2\nname: Two\nstart: 2027-01-04\nmembers:\n  - {person: andrew, role: lead}\n  - {person: ada, role: mentor, mentor: [andrew]}\n' }), file);
    expect(problems.map((p: { message: string; fix: string }) => [p.message, p.fix])).toEqual([['"members[1].mentor" names one person, not a list: a member has one mentor.', 'Write `mentor: andrew`.']]);
  });

  it('an empty text is said to be empty, with where to write it, not in the schema library\'s words', () => {
    const problems = problemsIn(exampleRepo({ 'people/ada.yaml': 'id: ada\nname: ""\n' }), 'people/ada.yaml');
    expect(problems.map((p: { message: string; fix: string }) => [p.message, p.fix])).toEqual([['"name" is empty.', 'Write it after `name:`.']]);
  });

  it('a text or a list past its limit says how long it is and how long it may be, not in the schema library\'s words', () => {
    // Before: '"name" too big: expected string to have <=200 characters.'
    const problems = problemsIn(exampleRepo({ 'people/ada.yaml': `id: ada\nname: ${'a'.repeat(250)}\n` }), 'people/ada.yaml');
    expect(problems.map((p: { message: string; fix: string }) => [p.message, p.fix])).toEqual([['"name" is 250 characters long; at most 200 fit.', 'Shorten it to 200 characters or fewer.']]);
    const log = 'cohorts/2026-fall/logs/bob/2026-W47.yaml';
    const long = problemsIn(exampleRepo({ [log]: `person: bob\nweek: 2026-W47\nhours:\n  practice: 3\ndone: ${'d'.repeat(12_000)}\n` }), log);
    expect(long.map((p: { message: string }) => p.message)).toEqual(['"done" is 12,000 characters long; at most 10,000 fit.']);
  });

  it('a number past its limit says the limit in words, not in the schema library\'s', () => {
    // Before: '"requestSlaHours" too small: expected number to be >0.'
    const config = 'program: P\nrequestSlaHours: 0\nroles:\n  lead:\n    maxMentees: 1001\nmatching:\n  preferred: -1\n';
    const problems = problemsIn(exampleRepo({ 'mentor.config.yaml': config }), 'mentor.config.yaml');
    expect(problems.map((p: { message: string }) => p.message)).toEqual(['"requestSlaHours" must be more than 0.', '"roles.lead.maxMentees" must be at most 1,000.', '"matching.preferred" must be 0 or more.']);
  });

  it('an activity named outside the rule says what a name must be and one that fits, not in the schema library\'s words', () => {
    // Before: '"roles.mentee.activities.Practice Time" invalid key in record.', fix 'Rename the key.'
    const config = 'program: P\nroles:\n  mentee:\n    activities:\n      Practice Time: { hours: 3 }\n';
    const problems = problemsIn(exampleRepo({ 'mentor.config.yaml': config }), 'mentor.config.yaml');
    expect(problems.map((p: { message: string; fix?: string; line: number; column: number }) => [p.message, p.fix, p.line, p.column])).toEqual([
      ['"Practice Time" cannot be a name here: activity names are lower-case letters, digits and dashes.', 'Rename it, e.g. to "practice-time".', 5, 7],
    ]);
  });

  it('slips of a first log get the line as it should be: an id in capitals, a week not as its file, a link without https://, fields written as a list', () => {
    const file = 'cohorts/2026-fall/logs/bob/2026-W45.yaml';
    const text = 'person: Bob\nweek: W45\nhours:\n  - practice: 3\n  - code-review: 1\npullRequests: [github.com/bob/todo/pull/2]\n';
    const problems = problemsIn(exampleRepo({ [file]: text }), file);
    expect(problems.map((p: { line: number; fix?: string }) => [p.line, p.fix])).toEqual([
      [1, 'Ids are written in lower case: `person: bob`.'],
      [2, "Write `week: 2026-W45`, the file's name."],
      [4, 'Delete the "- " before each line under it, so that `- practice: 3` reads `practice: 3`.'],
      [6, 'Start the link with https://: https://github.com/bob/todo/pull/2.'],
    ]);
    expect(problems.find((p: { line: number }) => p.line === 4).message).toBe('"hours" must be a mapping, not a list: its lines start with "- ".');
  });

  it('slips of a first person file get the line as it should be: a handle with @, a list as text, hours with a unit, yes for true', () => {
    const file = 'people/zed.yaml';
    const text = 'id: zed\nname: Zed\ngithub: "@zed-gh"\nskills: javascript, react and css\nlanguages: en\nmaxHoursPerWeek: 8 hours\nactive: yes\n';
    const problems = problemsIn(exampleRepo({ [file]: text }), file);
    expect(problems.map((p: { line: number; fix?: string }) => [p.line, p.fix])).toEqual([
      [3, 'Write `github: zed-gh`, without the @.'],
      [4, 'Write `skills: [javascript, react, css]`.'],
      [5, 'Write `languages: [en]`.'],
      [6, 'Write `maxHoursPerWeek: 8`.'],
      [7, 'Write `active: true`.'],
    ]);
  });

  it('slips of a cohort get the value as it should be: a choice in capitals, a date with slashes; a choice not allowed says the choices in plain words', () => {
    const file = 'cohorts/c2/cohort.yaml';
    const text = 'id: c2\nname: Two\nstart: 2026/9/7\ncadence: every two weeks\nmembers:\n  - person: andrew\n    role: Lead\n';
    const problems = problemsIn(exampleRepo({ [file]: text }), file);
    expect(problems.map((p: { line: number; message: string; fix?: string }) => [p.line, p.message, p.fix])).toEqual([
      [3, '"start" must be a date written YYYY-MM-DD.', 'Write it as YYYY-MM-DD, with dashes: 2026-09-07.'],
      [4, '"cadence" must be one of weekly, biweekly, not "every two weeks".', 'Use one of: weekly, biweekly.'],
      [7, '"members[0].role" must be one of lead, mentor, mentee, not "Lead".', 'Write `role: lead`.'],
    ]);
  });

  it('an eligibility question written without its id says how to write it, with an id made from it', () => {
    const config = 'program: P\nintake:\n  eligibility:\n    - I can give 5 hours a week\n';
    const problems = problemsIn(exampleRepo({ 'mentor.config.yaml': config }), 'mentor.config.yaml');
    expect(problems.map((p: { line: number; message: string; fix?: string }) => [p.line, p.message, p.fix])).toEqual([
      [4, '"intake.eligibility[0]" is a question without its id: each question is an id and its words.', 'Write it as two lines: `- id: i-can-give-5-hours-a-week` and, under it, `question: I can give 5 hours a week`.'],
    ]);
    // A question YAML would not read as plain text is not offered as a line to copy.
    const hostile = 'program: P\nintake:\n  eligibility:\n    - "I agree: `rules` #1, for the whole cycle of twelve weeks"\n';
    const [problem] = problemsIn(exampleRepo({ 'mentor.config.yaml': hostile }), 'mentor.config.yaml');
    expect(problem.fix).toBe('Write it as two lines: `- id: i-agree-rules-1-for-the-whole` and, under it, `question:` and the question in quotes.');
  });

  it('a time zone written as an abbreviation is a warning that says what it reads as and the place it usually means', () => {
    const person = problemsIn(exampleRepo({ 'people/zed.yaml': 'id: zed\nname: Zed\ntimezone: BST\n' }), 'people/zed.yaml');
    expect(person.map((p: { severity: string; rule: string; message: string; fix?: string }) => [p.severity, p.rule, p.message, p.fix])).toEqual([
      ['warning', 'timezone-abbreviation', '"BST" is an abbreviation, not a place: here it reads as Asia/Dhaka (UTC+6 all year, no summer time), which may not be the zone you meant: an abbreviation stands for several zones.', 'Write the place you live, such as `timezone: Europe/London`.'],
    ]);
    const config = problemsIn(exampleRepo({ 'mentor.config.yaml': 'program: P\ntimezone: EST\n' }), 'mentor.config.yaml');
    expect(config.map((p: { rule: string; line: number; fix?: string }) => [p.rule, p.line, p.fix])).toEqual([['timezone-abbreviation', 2, 'Write the place the program keeps time by, such as `timezone: America/New_York`.']]);
    // A place, UTC and GMT are what they say.
    for (const zone of ['Europe/London', 'UTC', 'GMT', 'America/Panama']) expect(problemsIn(exampleRepo({ 'people/zed.yaml': `id: zed\nname: Zed\ntimezone: ${zone}\n` }), 'people/zed.yaml')).toEqual([]);
  });

  it('an id that differs from a file name that is no id is told to rename the file, never to set an id that is none', () => {
    const problems = problemsIn(exampleRepo({ 'people/a,b.yaml': 'id: zed\nname: Zed\n' }), 'people/a,b.yaml');
    expect(problems.find((p: { rule: string }) => p.rule === 'id-matches-file').fix).toBe('Rename the file to people/zed.yaml: its name is no id.');
    const cohort = problemsIn(exampleRepo({ 'cohorts/Fall 26/cohort.yaml': 'id: fall-26\nname: F\nstart: 2026-09-07\nmembers: []\n' }), 'cohorts/Fall 26/cohort.yaml');
    expect(cohort.find((p: { rule: string }) => p.rule === 'id-matches-file').fix).toBe('Rename the folder to cohorts/fall-26/: its name is no id.');
  });

  it('a misspelt time zone gets the zone it meant', () => {
    const problems = problemsIn(exampleRepo({ 'people/ada.yaml': 'id: ada\nname: Ada\ntimezone: America/LosAngeles\n' }), 'people/ada.yaml');
    expect(problems.map((p: { fix: string }) => p.fix)).toEqual(['Did you mean America/Los_Angeles? (IANA zone names use _ for spaces.)']);
  });

  it('an id that is not its file name, in the wrong case, gets the file name as the fix', () => {
    const problems = problemsIn(exampleRepo({ 'people/hal.yaml': 'id: Hal\nname: Hal\n' }), 'people/hal.yaml');
    expect(problems.map((p: { fix: string }) => p.fix)).toEqual(['Write `id: hal`, the file\'s name.']);
  });

  it('a pausedUntil that is not YYYY-MM-DD says how to write it', () => {
    const problems = problemsIn(exampleRepo({ 'people/ada.yaml': 'id: ada\nname: Ada\npausedUntil: 10/01/2027\n' }), 'people/ada.yaml');
    expect(problems.map((p: { fix: string }) => p.fix)).toEqual(['Write the date as YYYY-MM-DD, e.g. 2027-01-10.']);
  });

  it('a log folder named in the wrong case points at the person it means', () => {
    const file = 'cohorts/2026-fall/logs/Bob/2026-W47.yaml';
    const problems = problemsIn(exampleRepo({ [file]: 'person: bob\nweek: 2026-W47\nhours:\n  practice: 3\n' }), file);
    expect(problems.map((p: { fix: string }) => p.fix)).toContain('Rename the folder Bob/ to bob/, the id of people/bob.yaml.');
    expect(problems.map((p: { fix: string }) => p.fix).join('\n')).not.toContain('Create people/Bob.yaml');
  });

  it('a mentee whose mentor is of the wrong tier is told which mentors the cohort has', () => {
    const file = 'cohorts/c2/cohort.yaml';
    const problems = problemsIn(exampleRepo({ [file]: 'id: c2\nname: Two\nstart: 2027-01-04\nmembers:\n  - {person: andrew, role: lead}\n  - {person: ada, role: mentor, mentor: andrew}\n  - {person: grace, role: mentor, mentor: andrew}\n  - {person: bob, role: mentee, mentor: andrew}\n' }), file);
    expect(problems.filter((p: { rule: string }) => p.rule === 'mentor-tier').map((p: { fix: string }) => p.fix)).toEqual(['Choose a mentor of this cohort as mentor: ada, grace.']);
  });

  it('a second YAML document is said in plain words, at its `---`, not in the parser\'s words', () => {
    // Before: 'Invalid YAML: source contains multiple documents; please use YAML.parseAllDocuments().'
    const problems = problemsIn(exampleRepo({ 'people/ada.yaml': 'id: ada\nname: Ada\n---\nid: bob\n' }), 'people/ada.yaml');
    expect(problems.map((p: { line: number; column: number; rule: string; message: string }) => [p.line, p.column, p.rule, p.message])).toEqual([
      [3, 1, 'yaml-syntax', 'The file holds a second YAML document from here: a record is one document, and a line `---` or `...` ends it.'],
    ]);
  });

  it('an alias with no anchor before it points at the alias and names it, instead of an alias bomb at line 1', () => {
    // Before: 1:1 yaml-alias-limit 'The YAML expands too far through aliases (Unresolved alias (the anchor must be set before the alias): b).'
    const problems = problemsIn(exampleRepo({ 'people/ada.yaml': 'id: ada\nname: &a Ada\ngithub: *b\n' }), 'people/ada.yaml');
    expect(problems.map((p: { line: number; column: number; rule: string; message: string; fix: string }) => [p.line, p.column, p.rule, p.message, p.fix])).toEqual([
      [3, 9, 'yaml-syntax', 'The alias *b has no anchor &b before it to stand for.', 'Write the value out here, or set the anchor &b on a value above this line.'],
    ]);
  });

  it.each([
    // Each before: 'Invalid YAML: ' and the parser's words, with 'Fix the YAML syntax here (check indentation, quotes and colons).'
    ['a handle written with its @', 'github: @ada-l', 3, 9, 'A value cannot start with @ unless it is in quotes: YAML keeps @ for itself.', 'Write the handle without the @: `github: ada-l`.'],
    ['an @ in a list', 'skills: [@js, go]', 3, 10, 'A value cannot start with @ unless it is in quotes: YAML keeps @ for itself.', 'Put it in quotes: `"@js"`.'],
    ['a list begun on its key\'s line', 'skills: - js - go', 3, 9, 'A list starts on the line after its key: after `skills:` on the same line, YAML cannot read "- ".', 'Write it as `skills: [js, go]`, or put each item on a line of its own below `skills:`, starting with "- ".'],
    ['an apostrophe in single quotes', "github: 'ada's'", 3, 9, 'An apostrophe inside text in single quotes ends the text there; the rest of the line is left over.', 'Put the text in double quotes, or write each apostrophe twice (\'\'): `github: "ada\'s"`.'],
    ['a backslash in double quotes', 'github: "C:\\Users"', 3, 12, 'In text in double quotes, a backslash starts an escape such as \\n, and \\U is none.', 'Put the text in single quotes instead (a backslash is plain there), or write each backslash twice (\\\\).'],
    ['a field without its colon', 'github ada-l\ntimezone: UTC', 3, 1, 'This line has no colon: YAML cannot read "github" as a field.', 'Put a colon after the field\'s name: `github: ada-l`.'],
  ])('%s is said as the slip it is, once, at the line to change', (_name, line, lineNumber, column, message, fix) => {
    const problems = problemsIn(exampleRepo({ 'people/ada.yaml': `id: ada\nname: Ada\n${line}\n` }), 'people/ada.yaml');
    expect(problems.map((p: { line: number; column: number; rule: string; message: string; fix: string }) => [p.line, p.column, p.rule, p.message, p.fix])).toEqual([[lineNumber, column, 'yaml-syntax', message, fix]]);
  });

  it('a file whose lines end with a lone carriage return is told so once, not as three YAML errors on one line', () => {
    // Before: three times 'Invalid YAML: nested mappings are not allowed in compact mappings.' on line 1.
    const problems = problemsIn(exampleRepo({ 'people/ada.yaml': 'id: ada\rname: Ada\rgithub: ada-l\r' }), 'people/ada.yaml');
    expect(problems.map((p: { line: number; column: number; rule: string; fix: string }) => [p.line, p.column, p.rule, p.fix])).toEqual([
      [1, 8, 'yaml-syntax', 'Save the file with LF (or CRLF) line endings: most editors show and change the line ending in their status bar.'],
    ]);
  });

  it('a maintainer written with an @ in the config\'s list gets the list without it', () => {
    const problems = problemsIn(exampleRepo({ 'mentor.config.yaml': 'program: P\nmaintainers: [andrew-gh, @ada-l]\n' }), 'mentor.config.yaml');
    expect(problems.map((p: { line: number; column: number; fix: string }) => [p.line, p.column, p.fix])).toEqual([[2, 26, 'Write the handle without the @: `maintainers: [andrew-gh, ada-l]`.']]);
  });
});
