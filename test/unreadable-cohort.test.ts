import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, exampleRepo, makeTree, mentor } from './helpers/repo.js';
import { mentorIn } from './helpers/in-process.js';

// A cohort whose cohort.yaml exists but cannot be read (a conflict marker, a YAML error, bytes that
// are not UTF-8, a FIFO) may be running, with people waiting in it: no command answers as if it
// were absent ("no cohort is running", "nobody is waiting", "not a member"). Each names the file,
// line and column and fails with exit 1; a command that has its answer in a cohort that can be
// read (a mentee's log, a claim there) still works.

const NOW = { env: { MENTOR_NOW: '2026-11-24T09:00:00-08:00' } };
const COHORT = 'cohorts/2026-fall/cohort.yaml';
const example = readFileSync(path.join(EXAMPLE, COHORT), 'utf8');
const conflicted = () => exampleRepo({ [COHORT]: `${example}<<<<<<< HEAD\n` });
const latin1 = () => {
  const repo = exampleRepo();
  writeFileSync(path.join(repo, COHORT), Buffer.concat([Buffer.from(example), Buffer.from('# Jos\xe9\n', 'latin1')]));
  return repo;
};
const run = (repo: string, ...args: string[]) => mentorIn([...args, '--repo', repo], NOW);

describe('a cohort whose cohort.yaml cannot be read', () => {
  it('makes status fail (exit 1) naming the file, line and column, never saying no cohort is running', async () => {
    const repo = conflicted();
    const status = await run(repo, 'status');
    expect(status.code).toBe(1);
    expect(status.stdout).toBe('');
    expect(status.stderr).toContain('The records of cohort 2026-fall have errors');
    expect(status.stderr).toContain(`${COHORT}:60:1 Unresolved merge conflict`);
    const overdue = await run(repo, 'status', '--fail-on', 'overdue');
    expect(overdue.code).toBe(1);
    const json = await mentor(['status', '--format', 'json', '--repo', repo], NOW);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).error.message).toContain(COHORT);
  });

  it("keeps asking for the other cohorts' requests on the attention issue while one cohort cannot be read", async () => {
    const repo = exampleRepo({ 'cohorts/2027-spring/cohort.yaml': 'id: 2027-spring\nname: Spring\nstart: 2027-01-04\nmembers: [\n' });
    const comment = path.join(makeTree({}), 'comment.md');
    const attention = await run(repo, 'status', '--format', 'markdown', '--comment-out', comment);
    expect(attention.code).toBe(0);
    const said = readFileSync(comment, 'utf8');
    expect(said).toContain('- cohort 2027-spring cannot be read, so mentor cannot tell who waits there: @andrew-gh (maintainer: fix it)');
    expect(said).toContain('- cleo in 2026-fall, overdue');
    expect(said).toContain('Reply `/claim <member>` to take one.');
    expect(attention.stdout).toContain('| 1 | cleo');
    expect(attention.stdout).toContain('<!-- mentor:waiting 3 -->');
  });

  it('makes the attention body list the cohort with its errors and the maintainers to tell, so nothing says nobody is waiting', async () => {
    const attention = await run(conflicted(), 'status', '--format', 'markdown');
    expect(attention.code).toBe(0);
    expect(attention.stdout).toContain('<!-- mentor:waiting 1 -->');
    expect(attention.stdout).not.toContain('Nobody is waiting');
    expect(attention.stdout).toContain(`- 2026-fall: @andrew-gh (maintainer: fix it)\n  - ${COHORT}:60:1 Unresolved merge conflict`);
    expect(attention.stderr).toContain('the records of cohort 2026-fall have errors, so the attention issue cannot tell who waits there');
  });

  it('stops progress and the commands that pick the running cohort themselves, whatever keeps the file from being read', async () => {
    const yamlError = exampleRepo({ [COHORT]: example.replace('members:', 'members: [') });
    const progress = await run(yamlError, 'progress');
    expect(progress.code).toBe(1);
    expect(progress.stdout).toBe('');
    expect(progress.stderr).toMatch(new RegExp(`${COHORT}:\\d+:\\d+ .*\\[yaml-syntax\\]`));
    const hours = await run(yamlError, 'hours');
    expect(hours.code).toBe(1);
    expect(hours.stderr).toContain('cannot tell which cohort is running');
    expect(hours.stderr).toContain('name the cohort: mentor hours <cohort>');

    const fifo = exampleRepo({ [COHORT]: null });
    execFileSync('mkfifo', [path.join(fifo, COHORT)]);
    const status = await run(fifo, 'status');
    expect(status.code).toBe(1);
    expect(status.stderr).toContain(`${COHORT}:1:1`);
    expect(status.stderr).not.toContain('No cohort is running');
  });

  it('makes claim, release, log and request say that the records of the cohort have errors, not that the member is absent', async () => {
    const repo = latin1();
    for (const args of [
      ['claim', 'jon', '--as', 'linus'],
      ['release', 'bob', '--reason', 'moved away'],
      ['log', '--person', 'hal', '--week', '2026-W47', '--hours', 'practice=3'],
    ]) {
      const said = await run(repo, ...args);
      expect(said.code, args.join(' ')).toBe(1);
      expect(said.stderr).toContain('The records of cohort 2026-fall have errors');
      expect(said.stderr).toContain('[not-utf8]');
      expect(said.stderr).not.toContain('not a member');
    }
    const request = await run(repo, 'request', '--person', 'zoe', '--name', 'Zoe', '--github', 'zoe-z', '--timezone', 'UTC');
    expect(request.code).toBe(1);
    expect(request.stderr).toContain('The records of cohort 2026-fall have errors, so mentor cannot tell whether it takes requests');
    expect(request.stderr).not.toContain('No cohort is running');
    const named = await run(repo, 'request', '--cohort', '2026-fall', '--person', 'zoe', '--name', 'Zoe', '--github', 'zoe-z', '--timezone', 'UTC', '--format', 'markdown');
    expect(named.code).toBe(1);
    // The requester on the issue is told that the organisers must fix it, not that the cohort does not exist.
    expect(named.stdout).toContain('the organisers must fix');
    expect(named.stdout).not.toContain('does not exist');
    expect(existsSync(path.join(repo, 'people/zoe.yaml'))).toBe(false);
  });

  it('does not stop a log or a claim in another cohort that can be read, while status still says which cohort could not be read', async () => {
    const repo = exampleRepo({ 'cohorts/2027-spring/cohort.yaml': 'id: 2027-spring\nname: Spring\nstart: 2027-01-04\nmembers: [\n' });
    const log = await run(repo, 'log', '--person', 'hal', '--week', '2026-W47', '--hours', 'practice=3', '--force');
    expect(log.stderr).toBe('');
    expect(log.code).toBe(0);
    const claim = await run(repo, 'claim', 'jon', '--as', 'linus');
    expect(claim.code).toBe(0);
    expect(readFileSync(path.join(repo, COHORT), 'utf8')).toMatch(/person: jon\n(.*\n)*?\s+mentor: linus/);
    const status = await run(repo, 'status');
    expect(status.code).toBe(1);
    expect(status.stdout).toContain('Fall 2026 web cohort (2026-fall)');
    expect(status.stderr).toContain('The records of cohort 2027-spring have errors');
    // A member of no cohort that can be read may be in the one that cannot.
    const unknown = await run(repo, 'claim', 'zed', '--as', 'linus');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('cohorts/2027-spring/cohort.yaml:4:10');
  });
});
