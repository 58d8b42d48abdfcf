import { execFileSync } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { expectNoCrash, mentor, smallProgram, type RunResult } from './helpers/repo.js';

const corpus = (name: string) => readFileSync(path.join(import.meta.dirname, 'corpus', name));

interface Case {
  corpus: string;
  at: string;
  rule: string;
  line: number;
  valid?: boolean;
}

// Each file of test/corpus/ goes where a record belongs; validate must report it, at the right
// line, with exit 1, and never crash or print what lies outside the repo.
const cases: Case[] = [
  { corpus: 'malformed.yaml', at: 'people/ann.yaml', rule: 'yaml-syntax', line: 3 },
  { corpus: 'duplicate-key.yaml', at: 'people/ann.yaml', rule: 'yaml-duplicate-key', line: 3 },
  { corpus: 'duplicate-hours.yaml', at: 'cohorts/c1/logs/ann/2026-W41.yaml', rule: 'yaml-duplicate-key', line: 3 },
  { corpus: 'alias-bomb.yaml', at: 'people/ann.yaml', rule: 'yaml-alias-limit', line: 9 },
  { corpus: 'deep-nesting.yaml', at: 'people/ann.yaml', rule: 'yaml-too-deep', line: 2 },
  { corpus: 'proto-key.yaml', at: 'people/ann.yaml', rule: 'forbidden-key', line: 3 },
  { corpus: 'empty.yaml', at: 'people/ann.yaml', rule: 'empty-file', line: 1 },
  { corpus: 'list.yaml', at: 'people/ann.yaml', rule: 'not-a-mapping', line: 1 },
  { corpus: 'scalar.yaml', at: 'people/ann.yaml', rule: 'not-a-mapping', line: 1 },
  { corpus: 'impossible-date.yaml', at: 'cohorts/c1/cohort.yaml', rule: 'invalid-value', line: 3 },
  { corpus: 'path-id.yaml', at: 'people/ann.yaml', rule: 'invalid-value', line: 1 },
  { corpus: 'path-member.yaml', at: 'cohorts/c1/cohort.yaml', rule: 'invalid-value', line: 5 },
  { corpus: 'two-documents.yaml', at: 'people/ann.yaml', rule: 'yaml-syntax', line: 3 },
  { corpus: 'tab-indent.yaml', at: 'people/ann.yaml', rule: 'yaml-tab-indent', line: 2 },
  { corpus: 'huge-number.yaml', at: 'cohorts/c1/logs/ann/2026-W41.yaml', rule: 'invalid-type', line: 4 },
  { corpus: 'not-utf8.yaml', at: 'people/ann.yaml', rule: 'not-utf8', line: 2 },
  { corpus: 'nul-byte.yaml', at: 'people/ann.yaml', rule: 'invalid-value', line: 2 },
  { corpus: 'yaml11-bool.yaml', at: 'people/ann.yaml', rule: 'invalid-type', line: 3 },
  { corpus: 'ansi-name.yaml', at: 'people/ann.yaml', rule: 'unknown-field', line: 3, valid: true },
  { corpus: 'crlf.yaml', at: 'people/ann.yaml', rule: '', line: 0, valid: true },
];

type Runner = (args: string[]) => RunResult | Promise<RunResult>;

// The table runs the CLI in-process (the same run(argv) as bin/mentor.js, on the same files); the
// named cases below it that could hang or crash a process run the real CLI.
async function check(repo: string, expected: { at: string; rule: string; line: number; valid?: boolean }, runner: Runner = mentorIn) {
  const json = await runner(['validate', '--repo', repo, '--format', 'json']);
  const text = await runner(['validate', '--repo', repo]);
  for (const result of [json, text]) {
    expectNoCrash(result);
    expect(result.code).toBe(expected.valid ? 0 : 1);
    // eslint-disable-next-line no-control-regex
    expect(result.stdout + result.stderr).not.toMatch(/\u001b|\u0007/);
    expect(result.stdout + result.stderr).not.toContain('root:x:0');
  }
  const problems = JSON.parse(json.stdout).problems as Array<{ file: string; rule: string; line: number }>;
  if (expected.rule) {
    expect(problems, JSON.stringify(problems, null, 2)).toContainEqual(expect.objectContaining({ file: expected.at, rule: expected.rule, line: expected.line }));
  } else {
    expect(problems).toEqual([]);
  }
  return problems;
}

describe('bad inputs never crash validate', () => {
  it.each(cases)('$corpus gives $rule at line $line', async (testCase) => {
    const repo = smallProgram();
    writeFileSync(path.join(repo, testCase.at), corpus(testCase.corpus));
    await check(repo, testCase);
  });

  it('shows raw terminal escapes in a source line as visible text', () => {
    const repo = smallProgram();
    writeFileSync(path.join(repo, 'people/ann.yaml'), corpus('ansi-raw.yaml'));
    const result = mentor(['validate', '--repo', repo]);
    expect(result.stdout).toContain('\\x1b[2J');
    // eslint-disable-next-line no-control-regex
    expect(result.stdout).not.toMatch(/\u001b/);
    expect(result.code).toBe(1);
  });

  it('does not follow a symlink to /etc/passwd', async () => {
    const repo = smallProgram();
    symlinkSync('/etc/passwd', path.join(repo, 'people/pw.yaml'));
    await check(repo, { at: 'people/pw.yaml', rule: 'symlink-outside-repo', line: 1 });
  });

  it('does not follow a symlinked cohort folder out of the repo', async () => {
    const repo = smallProgram();
    const outside = smallProgram();
    symlinkSync(path.join(outside, 'cohorts/c1'), path.join(repo, 'cohorts/c2'));
    await check(repo, { at: 'cohorts/c2', rule: 'symlink-outside-repo', line: 1 });
  });

  it('refuses a symlink that stays inside the repo, as a commit read by the gate does (git holds the link, not the file)', async () => {
    const repo = smallProgram({ 'shared/ann.yaml': 'id: ann\nname: Ann\n' });
    execFileSync('rm', [path.join(repo, 'people/ann.yaml')]);
    symlinkSync('../shared/ann.yaml', path.join(repo, 'people/ann.yaml'));
    await check(repo, { at: 'people/ann.yaml', rule: 'unexpected-file', line: 1 });
  });

  it('does not read an 8 MiB file', async () => {
    const repo = smallProgram();
    writeFileSync(path.join(repo, 'people/big.yaml'), `id: big\nname: ${'x'.repeat(8 * 1024 * 1024)}\n`);
    await check(repo, { at: 'people/big.yaml', rule: 'file-too-large', line: 1 });
  });

  it('does not hang on a named pipe where a record belongs', async () => {
    const repo = smallProgram();
    execFileSync('mkfifo', [path.join(repo, 'people/pipe.yaml')]);
    await check(repo, { at: 'people/pipe.yaml', rule: 'unexpected-file', line: 1 }, mentor);
  });

  it('says a file name that is not UTF-8 cannot be read, once, instead of telling to create the file', async () => {
    const repo = smallProgram();
    writeFileSync(Buffer.concat([Buffer.from(path.join(repo, 'people') + '/'), Buffer.from([0xff, 0xfe]), Buffer.from('.yaml')]), 'id: x\nname: X\n');
    const result = await mentorIn(['validate', '--repo', repo, '--format', 'json']);
    expectNoCrash(result);
    const problems = JSON.parse(result.stdout).problems as Array<{ rule: string; message: string }>;
    expect(problems.map((problem) => `${problem.rule}: ${problem.message}`)).toEqual(['invalid-file-name: This file name is not valid UTF-8, so the file cannot be read.']);
    expect(result.code).toBe(1);
  });

  it('reports every bad file in one run', async () => {
    const repo = smallProgram();
    writeFileSync(path.join(repo, 'people/a1.yaml'), corpus('malformed.yaml'));
    writeFileSync(path.join(repo, 'people/a2.yaml'), corpus('alias-bomb.yaml'));
    writeFileSync(path.join(repo, 'people/a3.yaml'), corpus('empty.yaml'));
    const problems = await check(repo, { at: 'people/a1.yaml', rule: 'yaml-syntax', line: 3 }, mentor);
    expect(new Set(problems.map((problem) => problem.file))).toEqual(new Set(['people/a1.yaml', 'people/a2.yaml', 'people/a3.yaml']));
  });
});
