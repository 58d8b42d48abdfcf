import { describe, expect, it } from 'vitest';
import { validateTree } from './helpers/memory-source.js';
import { mentorJson, smallProgram, smallTree, type FileTree } from './helpers/repo.js';

// A log saved where no log is read counts as missing in status and report: validate warns about
// every such file or folder inside a cohort folder, says the log is not counted, and where it goes.

const LOG = 'person: ann\nweek: 2026-W41\nhours:\n  practice: 3\n';
const holds = 'a cohort folder holds cohort.yaml, members/ and logs/ only';

const cases: Array<[string, FileTree, { file: string; message: string; fix: string }]> = [
  ['a log beside cohort.yaml', { 'cohorts/c1/ann-2026-W41.yaml': LOG }, { file: 'cohorts/c1/ann-2026-W41.yaml', message: `This file is not read (${holds}), so the log in it is not counted.`, fix: 'Move it to cohorts/c1/logs/ann/2026-W41.yaml.' }],
  ['a folder named log', { 'cohorts/c1/log/ann/2026-W41.yaml': LOG }, { file: 'cohorts/c1/log', message: `This folder is not read (${holds}), so the logs in it are not counted.`, fix: 'Move the person folders it holds into cohorts/c1/logs/.' }],
  ['a folder named Logs in a cohort with no logs yet', { 'cohorts/c1/logs/ann/2026-W40.yaml': null, 'cohorts/c1/Logs/ann/2026-W41.yaml': LOG }, { file: 'cohorts/c1/Logs', message: `This folder is not read (${holds}), so the logs in it are not counted.`, fix: 'Rename it to cohorts/c1/logs.' }],
  ["a person's log folder beside cohort.yaml", { 'cohorts/c1/ann/2026-W41.yaml': LOG }, { file: 'cohorts/c1/ann', message: `This folder is not read (${holds}), so ann's logs in it are not counted.`, fix: 'Move it into cohorts/c1/logs/, so that it is cohorts/c1/logs/ann/.' }],
  ['a folder named member', { 'cohorts/c1/member/zed.yaml': 'person: zed\nrole: mentee\n' }, { file: 'cohorts/c1/member', message: `This folder is not read (${holds}), so the members in it are not read either.`, fix: 'Rename it to cohorts/c1/members.' }],
  ['any other file', { 'cohorts/c1/notes.txt': 'x' }, { file: 'cohorts/c1/notes.txt', message: `This file is not read: ${holds}.`, fix: 'Move a log to cohorts/c1/logs/<person>/<week>.yaml and a member to cohorts/c1/members/<person>.yaml, or delete the file.' }],
  ['a .yml log', { 'cohorts/c1/logs/ann/2026-W41.yml': LOG }, { file: 'cohorts/c1/logs/ann/2026-W41.yml', message: 'This log is not counted: records end in .yaml, and this .yml file is not read.', fix: 'Rename it to 2026-W41.yaml.' }],
  ['a log right in logs/', { 'cohorts/c1/logs/ann-2026-W41.yaml': LOG }, { file: 'cohorts/c1/logs/ann-2026-W41.yaml', message: 'Logs live in a folder per person: logs/<person>/<week>.yaml; this file is not read.', fix: 'Move it to cohorts/c1/logs/ann/2026-W41.yaml.' }],
  // Its name says the week only: the folder is the person's (logs/ is nobody's, so not logs/logs/).
  ['a week right in logs/', { 'cohorts/c1/logs/2026-W41.yaml': LOG }, { file: 'cohorts/c1/logs/2026-W41.yaml', message: 'Logs live in a folder per person: logs/<person>/<week>.yaml; this file is not read.', fix: 'Move it to cohorts/c1/logs/<person>/2026-W41.yaml, in the folder of the person whose log it is.' }],
];

describe('validate: a file in a cohort folder that is never read', () => {
  it.each(cases)('warns about %s, and says where it goes', (_name, tree, expected) => {
    const json = validateTree(smallTree(tree));
    expect(json.problems).toEqual([{ ...expected, line: 1, column: 1, rule: 'unexpected-file', severity: 'warning' }]);
    expect(json.valid).toBe(true);
  });

  it('asks of a cohort folder without cohort.yaml whose name is a cohort misspelt whether that cohort was meant, before saying to create one', () => {
    const json = validateTree(smallTree({ 'cohorts/C1/logs/ann/2026-W41.yaml': LOG, 'cohorts/spring/logs/ann/2026-W41.yaml': LOG }));
    expect(json.problems.map((p) => `${p.file}: ${p.fix}`)).toEqual([
      'cohorts/C1/cohort.yaml: Did you mean cohorts/c1/? Move what this folder holds there. Otherwise create cohorts/C1/cohort.yaml with id, name and start (and members), or remove the folder.',
      'cohorts/spring/cohort.yaml: Create cohorts/spring/cohort.yaml with id, name and start (and members), or remove the folder.',
    ]);
  });

  it('passes over notes and dotfiles in a cohort folder, as elsewhere', () => {
    expect(validateTree(smallTree({ 'cohorts/c1/README.md': '# notes\n', 'cohorts/c1/.gitkeep': '' })).problems).toEqual([]);
  });

  it('says it from the CLI, with the file it is about', () => {
    const { code, json } = mentorJson(['validate', '--repo', smallProgram(cases[0]![1]), '--format', 'json']);
    expect(code).toBe(0);
    expect(json.problems).toEqual([{ ...cases[0]![2], line: 1, column: 1, rule: 'unexpected-file', severity: 'warning' }]);
  });
});
