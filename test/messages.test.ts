import { describe, expect, it } from 'vitest';
import { noMergeBaseError, rangeRefError } from '../src/io/ref-messages.js';
import { exampleRepo, expectNoCrash, mentorJson } from './helpers/repo.js';

// Inputs that used to get someone else's words (git's, or a wrong guess at the value) get
// mentor's: what the input is, and what to write instead.

const BOB_LOG = 'cohorts/2026-fall/logs/bob/2026-W47.yaml';

describe('tags in records', () => {
  it.each([
    ['!!binary', 'done: !!binary aGVsbG8=', 'The tag !!binary marks base64-encoded binary data'],
    ['!!js/function', 'done: !!js/function "function () { return 1 }"', 'The tag !!js/function asks for code'],
    ['!custom', 'done: !custom finished', 'The tag !custom is a custom YAML tag'],
    ['a verbatim tag', 'done: !<tag:example.com,2026:x> finished', 'The tag tag:example.com,2026:x is a custom YAML tag'],
  ])('%s is reported as a tag, at the tag', (_, line, message) => {
    const repo = exampleRepo({ [BOB_LOG]: `person: bob\nweek: 2026-W47\nhours:\n  practice: 3\n${line}\n` });
    const { code, json } = mentorJson(['validate', '--repo', repo, '--format', 'json']);
    expect(code).toBe(1);
    expect(json.problems).toEqual([expect.objectContaining({ file: BOB_LOG, line: 5, column: 7, rule: 'yaml-tag', message: expect.stringContaining(message) })]);
    expect(JSON.stringify(json)).not.toMatch(/not-a-mapping|invalid-type/);
  });

  it('the core schema tags are plain YAML and stay allowed', () => {
    const repo = exampleRepo({ [BOB_LOG]: 'person: !!str bob\nweek: 2026-W47\nhours: !!map\n  practice: !!int 3\ndone: !<tag:yaml.org,2002:str> finished\n' });
    const result = mentorJson(['validate', '--repo', repo, '--format', 'json']);
    expect(result.json.problems).toEqual([]);
    expect(result.code).toBe(0);
  });
});

describe('refs that are not one commit', () => {
  it.each([
    ['main..pr', 'is a range of commits (two dots)', 'e.g. --base main'],
    ['main...pr', 'is a range of commits (three dots)', 'e.g. --base main'],
    ['^main', 'names a set of commits', 'e.g. --base main'],
    ['pr^@', 'names a set of commits', 'e.g. --base pr'],
    ['pr^!', 'names a set of commits', 'e.g. --base pr'],
  ])('%s gets mentor\'s words', (ref, message, hint) => {
    const error = rangeRefError(ref, '--base');
    expect(error?.message).toContain(`--base ${ref} ${message}`);
    expect(error?.hint).toContain(hint);
    expect(error?.exitCode).toBe(2);
  });

  it.each(['main', 'origin/main', 'HEAD~2', 'pr^', 'pr^2', 'v1.0', 'main@{1}', '0123abcd', 'feature/a.b'])('%s is one commit', (ref) => {
    expect(rangeRefError(ref, '--base')).toBeUndefined();
  });

  it('a base with no history in common says so, and how to fix a shallow clone', () => {
    expect(noMergeBaseError('--base', 'other', 'HEAD', false).message).toBe('--base other and HEAD have no commit in common, so there is nothing to compare from: other is not an ancestor of HEAD, nor are they branches of one history.');
    expect(noMergeBaseError('--base', 'other', 'HEAD', true).hint).toContain('fetch-depth: 0');
  });
});

describe('no crash on any of them', () => {
  it('a record made only of a tag', () => {
    const repo = exampleRepo({ [BOB_LOG]: '!custom\n' });
    const result = mentorJson(['validate', '--repo', repo, '--format', 'json']);
    expect(result.json.problems[0]).toMatchObject({ rule: 'yaml-tag', line: 1, column: 1 });
  });
});
