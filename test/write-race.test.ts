import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostTag } from '../src/io/writer.js';
import { namespaceTestsRun } from './helpers/faults.js';
import { mentorIn } from './helpers/in-process.js';
import { exampleGitRepo, exampleRepo, GIT_ENV, MENTOR_BIN, readText, type RunResult } from './helpers/repo.js';

// Two writers on one checkout (faults 2, F3). A writer takes the write lock before it reads the
// records, so a second writer reads them only once the first has written: both edits land.

const COHORT = 'cohorts/2026-fall/cohort.yaml';

/** The real CLI in a child process, with what it says on stderr as it says it. */
function start(args: string[], env: NodeJS.ProcessEnv, wrapper: string[] = []): { child: ChildProcess; said: (text: string) => Promise<void>; done: Promise<RunResult> } {
  const [command, ...rest] = [...wrapper, process.execPath, MENTOR_BIN, ...args];
  const child = spawn(command!, rest, { env: { ...process.env, NO_COLOR: '1', ...GIT_ENV, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<RunResult>((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })));
  const said = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const look = () => stderr.includes(text) && (resolve(), true);
      if (look()) return;
      child.stderr!.on('data', look);
      void done.then((result) => reject(new Error(`exited (${result.code}) before saying "${text}": ${result.stderr}`)));
    });
  return { child, said, done };
}

/** The `mentor:` line of a member in cohort.yaml, if any. */
function mentorOf(repo: string, person: string): string | undefined {
  const block = readText(repo, COHORT).split('\n  - ').find((entry) => entry.startsWith(`person: ${person}\n`));
  return /\n\s+mentor: ([a-z0-9-]+)/.exec(block ?? '')?.[1];
}

describe('two writers on one checkout', { timeout: 60_000 }, () => {
  it('a claim started while another claim writes waits for it and keeps its edit: both mentors are in cohort.yaml', async () => {
    const repo = exampleRepo();
    // The first writer holds the lock with its new cohort.yaml staged, not yet renamed into place.
    const first = start(['claim', 'jon', '--as', 'linus', '--repo', repo], { MENTOR_PAUSE_BEFORE_RENAME_MS: '2500' });
    await first.said('paused before rename');
    // The second starts now and goes for the lock the moment the first lets it go.
    const second = start(['claim', 'cleo', '--as', 'ada', '--repo', repo], { MENTOR_PAUSE_BEFORE_LOCK_MS: '30000' });
    const [a, b] = await Promise.all([first.done, second.done]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(mentorOf(repo, 'jon')).toBe('linus');
    expect(mentorOf(repo, 'cleo')).toBe('ada');
  });

  it('fix started while a log is written fixes the new log, not the one it read before it held the lock', async () => {
    const log = 'cohorts/2026-fall/logs/bob/2026-W47.yaml';
    const repo = exampleRepo();
    // Not canonical (a trailing space), so fix finds it in its first look, before it takes the lock.
    writeFileSync(path.join(repo, log), readText(repo, log).replace('\n', ' \n'));
    const first = start(['log', '--cohort', '2026-fall', '--person', 'bob', '--week', '2026-W47', '--hours', 'practice=9', '--force', '--repo', repo], { MENTOR_PAUSE_BEFORE_RENAME_MS: '2500' });
    await first.said('paused before rename');
    const second = start(['fix', '--repo', repo], { MENTOR_PAUSE_BEFORE_LOCK_MS: '30000' });
    const [a, b] = await Promise.all([first.done, second.done]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(readText(repo, log)).toContain('practice: 9');
  });
});

describe('a writer takes the lock before it reads the records', () => {
  // Each names something the records do not have: read first, the command would say so; locked
  // first, it finds the lock held (here by this very process, which is alive) before it reads.
  const writers: string[][] = [
    ['claim', 'nobody', '--as', 'linus'],
    ['release', 'nobody', '--reason', 'moved away'],
    ['assign', 'no-such-cohort', '--yes'],
    ['members', 'no-such-cohort', '--to', 'files'],
    ['report', 'no-such-cohort'],
    ['log', '--person', 'nobody', '--week', '2026-W47', '--hours', 'practice=1'],
    ['request', '--cohort', 'no-such-cohort', '--person', 'zoe', '--name', 'Zoe', '--github', 'zoe-z', '--timezone', 'UTC'],
    ['next', 'no-such-cohort', '2027-spring', '--start', '2027-01-11', '--yes'],
  ];

  it.each(writers.map((args) => [args[0]!, args]))('%s finds the lock held before it says anything about the records, and writes nothing', async (_name, args) => {
    const repo = exampleRepo();
    const lock = path.join(repo, '.mentor.lock');
    writeFileSync(lock, JSON.stringify({ pid: process.pid, command: 'claim', startedAt: '2026-11-24T17:00:00.000Z' }));
    const result = await mentorIn([...args, '--repo', repo]);
    expect(result.stderr).toContain(`Another mentor command (\`mentor claim\`, pid ${process.pid}`);
    expect(result.stderr).toContain('it may be waiting for an answer in another terminal');
    expect(result.code).toBe(2);
    rmSync(lock);
  });

  it('a dry run or a check reads without the lock, so it works while another writer holds it', async () => {
    const repo = exampleRepo();
    writeFileSync(path.join(repo, '.mentor.lock'), JSON.stringify({ pid: process.pid, command: 'claim', startedAt: '2026-11-24T17:00:00.000Z' }));
    for (const args of [['assign', '2026-fall', '--dry-run'], ['members', '2026-fall', '--to', 'files', '--dry-run'], ['report', '2026-fall', '--check']]) {
      const result = await mentorIn([...args, '--repo', repo]);
      expect(result.stderr, args.join(' ')).not.toContain('Another mentor command');
      expect(result.code, args.join(' ')).not.toBe(2);
    }
  });
});

describe('a writer in another pid namespace (a container, another machine on the share)', { timeout: 60_000 }, () => {
  const logWeek = (week: string, repo: string) => ['log', '--cohort', '2026-fall', '--person', 'hal', '--week', week, '--hours', 'practice=2', '--force', '--repo', repo];
  /** A host tag that is not this one. */
  const ELSEWHERE = hostTag() === '00000000' ? '11111111' : '00000000';
  const deadHere = 2 ** 22 + 1; // above the default pid_max: no process has it here

  it.runIf(namespaceTestsRun())('finds the lock of a live writer outside its namespace held, instead of taking it over as a dead one', async () => {
    const repo = exampleGitRepo();
    const first = start(logWeek('2026-W46', repo), { MENTOR_PAUSE_BEFORE_RENAME_MS: '30000' });
    await first.said('paused before rename');
    try {
      const second = await start(logWeek('2026-W45', repo), {}, ['unshare', '-p', '-f', '--mount-proc']).done;
      expect(second.stderr).toContain(`pid ${first.child.pid} on another machine or container`);
      expect(second.code).toBe(2);
      expect(readText(repo, '.git/mentor.lock')).toContain(`"pid":${first.child.pid}`);
    } finally {
      first.child.kill('SIGKILL');
    }
  });

  it('is never judged dead by its pid: its lock is refused, named as from elsewhere, and left in place', async () => {
    const repo = exampleRepo();
    const lock = path.join(repo, '.mentor.lock');
    writeFileSync(lock, JSON.stringify({ pid: deadHere, host: ELSEWHERE, command: 'log', startedAt: '2026-11-24T17:00:00.000Z' }));
    const result = await mentorIn([...logWeek('2026-W45', repo)]);
    expect(result.stderr).toContain(`pid ${deadHere} on another machine or container`);
    expect(result.stderr).toContain('If no mentor is running there, delete');
    expect(result.code).toBe(2);
    expect(existsSync(lock)).toBe(true);
  });

  it("has its temporary files kept while they are fresh, and removed once an hour old, by the next write in the folder", async () => {
    const repo = exampleRepo();
    const dir = path.join(repo, 'cohorts/2026-fall/logs/hal');
    const fresh = `.2026-W46.yaml.mentor-tmp-${deadHere}-${ELSEWHERE}-0a0b0c0d`;
    const old = `.2026-W45.yaml.mentor-tmp-${deadHere}-${ELSEWHERE}-0a0b0c0d`;
    const deadHereTemp = `.2026-W46.yaml.mentor-tmp-${deadHere}-${hostTag()}-1a1b1c1d`;
    for (const name of [fresh, old, deadHereTemp]) writeFileSync(path.join(dir, name), 'hours: {}\n');
    const hourAgo = new Date(Date.now() - 61 * 60 * 1000);
    utimesSync(path.join(dir, old), hourAgo, hourAgo);
    expect((await mentorIn(logWeek('2026-W45', repo))).code).toBe(0);
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([fresh]);
  });
});
