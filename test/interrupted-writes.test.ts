import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { atRenamePause, startMentor, type Run } from './helpers/paused-writer.js';
import { exampleGitRepo, exampleRepo, git, gitPlace, makeTree, readText } from './helpers/repo.js';

// A writer stopped at any moment of a write loses nothing (faults 2, F4): killed (SIGKILL: the
// OOM killer, a power cut), between any two of its renames. Interrupted (Ctrl-C, SIGTERM), it
// finishes the write or the commit under way, says so, and leaves no temporary file or lock (F9);
// interrupted before its write, it writes nothing; a second signal stops it at once, saying where
// the user is and how to finish by hand.

const COHORT = 'cohorts/2026-fall/cohort.yaml';
const MEMBERS = 'cohorts/2026-fall/members';

/** Runs mentor until it pauses before rename number `at`, then sends it `signal` there; its exit code and stderr. */
function signalledAtRename(args: string[], at: number, signal: NodeJS.Signals, pauseMs = 30_000): Promise<Run> {
  return atRenamePause(args, (child) => child.kill(signal), { at, pauseMs });
}

const dotFiles = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('.'));

/** Every member of the cohort, wherever it is: in the list of cohort.yaml or a file of its own. */
function membersAnywhere(repo: string): string[] {
  const listed = [...readText(repo, COHORT).matchAll(/^ {2}- person: ([a-z0-9-]+)/gm)].map((match) => match[1]!);
  const files = existsSync(path.join(repo, MEMBERS)) ? readdirSync(path.join(repo, MEMBERS)).filter((name) => /^[a-z0-9-]+\.yaml$/.test(name)).map((name) => name.replace(/\.yaml$/, '')) : [];
  return [...new Set([...listed, ...files])].sort();
}

describe('members --to files stopped between two renames', { timeout: 120_000 }, () => {
  const members = membersAnywhere(exampleRepo());

  it.each([
    ['after the first member file', 2],
    ['before the last file', members.length + 1],
  ])('%s keeps every member somewhere, and the next write in the folder removes no copy', async (_when, at) => {
    const repo = exampleRepo();
    await signalledAtRename(['members', '2026-fall', '--to', 'files', '--repo', repo], at, 'SIGKILL');
    expect(membersAnywhere(repo)).toEqual(members);
    const request = await mentorIn(['request', '--cohort', '2026-fall', '--person', 'zoe', '--name', 'Zoe', '--github', 'zoe-z', '--timezone', 'UTC', '--repo', repo]);
    expect(request.code, request.stderr).toBe(0);
    expect(membersAnywhere(repo)).toEqual([...members, 'zoe'].sort());
    // The killed writer's drafts of member files it never put in place are kept, and said.
    const drafts = readdirSync(path.join(repo, MEMBERS)).filter((name) => name.includes('.mentor-tmp-'));
    expect(drafts).toHaveLength(members.length + 1 - at);
    if (drafts.length > 0) expect(request.stderr).toContain(`warning: kept ${drafts.length} files in ${MEMBERS}/ that a mentor which stopped midway wrote`);
  });
});

describe('a writer interrupted (Ctrl-C, SIGTERM)', { timeout: 120_000 }, () => {
  const BOB_LOG = 'cohorts/2026-fall/logs/bob/2026-W47.yaml';

  it('in the middle of a write finishes it whole, says what it wrote, exits 130, and leaves no temporary file or lock', async () => {
    const repo = exampleRepo();
    const log = ['log', '--cohort', '2026-fall', '--person', 'bob', '--week', '2026-W47', '--hours', 'practice=9', '--force', '--repo', repo];
    const { code, stderr } = await signalledAtRename(log, 1, 'SIGINT', 1500);
    expect(stderr).toContain(`mentor: interrupted (SIGINT) after writing ${BOB_LOG}, each whole.`);
    expect(code).toBe(130);
    expect(readText(repo, BOB_LOG)).toContain('practice: 9');
    expect(dotFiles(path.dirname(path.join(repo, BOB_LOG)))).toEqual([]);
    expect(existsSync(path.join(repo, '.mentor.lock'))).toBe(false);
  });

  it('during claim --commit finishes the commit rather than leave the user half-way, says so, and exits 143', async () => {
    const repo = exampleGitRepo();
    const { code, stderr } = await signalledAtRename(['claim', 'jon', '--as', 'linus', '--commit', '--repo', repo], 1, 'SIGTERM', 1500);
    expect(stderr).toContain('mentor: interrupted (SIGTERM) after committing cohorts/2026-fall/cohort.yaml on the new branch claim/2026-fall/jon (to drop it: git switch main && git branch -D claim/2026-fall/jon).');
    expect(code).toBe(143);
    expect(git(repo, ['status', '--porcelain', '--untracked-files=all'])).toBe('');
    expect(git(repo, ['show', 'claim/2026-fall/jon:cohorts/2026-fall/cohort.yaml'])).toContain('mentor: linus');
    expect(existsSync(path.join(repo, '.git/mentor.lock'))).toBe(false);
  });

  it("init's .gitignore keeps a killed writer's temporary files out of git", async () => {
    const repo = path.join(makeTree({}), 'program');
    expect((await mentorIn(['init', repo])).code).toBe(0);
    writeFileSync(path.join(repo, 'people/.ada.yaml.mentor-tmp-123-0a0b0c0d-1a2b3c4d'), 'id: ada\n');
    expect(git(repo, ['status', '--porcelain', '--untracked-files=all'])).toBe('');
  });
});

describe('a signal between the lock and the write', { timeout: 120_000 }, () => {
  /**
   * Holds the write lock as another writer would (the lock file of a live process: this one), runs
   * mentor, which waits its turn at its pause before the lock (MENTOR_PAUSE_BEFORE_LOCK_MS), sends
   * it `signal` there, and lets the lock go. mentor, which listens from before it goes for the
   * lock, then takes it, reads the records and works out its change in one synchronous stretch in
   * which node hears nothing, as during the read of a big program: the signal waits to be heard.
   */
  async function signalledWhileWaiting(args: string[], lock: string, signal: NodeJS.Signals): Promise<Run> {
    writeFileSync(lock, JSON.stringify({ pid: process.pid, command: 'log', startedAt: new Date().toISOString(), nonce: 'held-by-the-test' }));
    const started = startMentor(args, { MENTOR_PAUSE_BEFORE_LOCK_MS: '60000' });
    await started.saying('waiting to lock');
    started.child.kill(signal);
    rmSync(lock);
    return started.ended;
  }

  it('assign --yes stops before it writes: exit 130, says nothing was written, cohort.yaml unchanged, no temporary file, the lock released', async () => {
    const repo = exampleRepo();
    const before = readText(repo, COHORT);
    const run = await signalledWhileWaiting(['assign', '2026-fall', '--yes', '--repo', repo], path.join(repo, '.mentor.lock'), 'SIGINT');
    expect(run.stderr).toContain('mentor: interrupted (SIGINT) before writing anything: nothing was written.');
    expect(run.code).toBe(130);
    expect(run.stdout).not.toContain('Placed');
    expect(readText(repo, COHORT)).toBe(before);
    expect(dotFiles(path.join(repo, 'cohorts/2026-fall'))).toEqual([]);
    expect(existsSync(path.join(repo, '.mentor.lock'))).toBe(false);
  });

  it('fix stops before it rewrites: exit 143, the record as it was, the lock released', async () => {
    const shuffled = 'name: Ada Lovelace\nid: ada\ngithub: ada-l\ntimezone: Europe/London\nskills: [javascript]\nlanguages: [en]\nmaxHoursPerWeek: 8\n';
    const repo = exampleRepo({ 'people/ada.yaml': shuffled });
    const run = await signalledWhileWaiting(['fix', '--repo', repo], path.join(repo, '.mentor.lock'), 'SIGTERM');
    expect(run.stderr).toContain('mentor: interrupted (SIGTERM) before writing anything: nothing was written.');
    expect(run.code).toBe(143);
    expect(readText(repo, 'people/ada.yaml')).toBe(shuffled);
    expect(dotFiles(path.join(repo, 'people'))).toEqual([]);
    expect(existsSync(path.join(repo, '.mentor.lock'))).toBe(false);
  });

  it('claim --commit stops before it makes its branch: exit 129 (SIGHUP, a terminal closed), on main as before, no branch, the lock released', async () => {
    const repo = exampleGitRepo();
    const before = gitPlace(repo, [COHORT]);
    const run = await signalledWhileWaiting(['claim', 'jon', '--as', 'linus', '--commit', '--repo', repo], path.join(repo, '.git/mentor.lock'), 'SIGHUP');
    expect(run.stderr).toContain('mentor: interrupted (SIGHUP) before writing anything: nothing was written.');
    expect(run.code).toBe(129);
    expect(gitPlace(repo, [COHORT])).toEqual(before);
    expect(existsSync(path.join(repo, '.git/mentor.lock'))).toBe(false);
  });
});

describe('a second signal while a --commit is under way', { timeout: 120_000 }, () => {
  it('stops at once, saying what mentor was doing and the commands that finish by hand; they put the user back, and no temporary file or lock is left', async () => {
    const repo = exampleGitRepo();
    const before = gitPlace(repo, [COHORT]);
    // Commits are signed, and the signing program waits, as gpg does for a passphrase nobody types.
    const marks = makeTree({});
    const signer = path.join(marks, 'sign');
    writeFileSync(signer, `#!/bin/sh\ntouch '${marks}/signing'\nwhile [ ! -e '${marks}/go' ]; do sleep 0.05; done\ntouch '${marks}/done'\nexit 1\n`, { mode: 0o755 });
    git(repo, ['config', 'commit.gpgsign', 'true']);
    git(repo, ['config', 'gpg.program', signer]);
    const started = startMentor(['claim', 'jon', '--as', 'linus', '--commit', '--repo', repo]);
    await until(() => existsSync(path.join(marks, 'signing')));
    started.child.kill('SIGINT');
    await started.saying('mentor: SIGINT: committing cohorts/2026-fall/cohort.yaml on the new branch claim/2026-fall/jon; stopping once that is done (send it again to stop at once).');
    started.child.kill('SIGINT');
    const run = await started.ended;
    const goBack = 'git restore --source=HEAD --staged --worktree -- cohorts/2026-fall/cohort.yaml && git switch main && git branch -D claim/2026-fall/jon';
    expect(run.stderr).toContain(
      'mentor: interrupted (SIGINT) while committing cohorts/2026-fall/cohort.yaml on the new branch claim/2026-fall/jon. ' +
        'You are on the new branch claim/2026-fall/jon with cohorts/2026-fall/cohort.yaml written; git may not have finished the commit (see git status and git log). ' +
        `To keep the change, commit it there if it is not (git add -- cohorts/2026-fall/cohort.yaml && git commit); to go back: ${goBack}.\n`,
    );
    expect(run.code).toBe(130);
    // mentor is gone; the git commit it started still waits for its signature. Let it fail, as a
    // signing program left alone does, and see what is left.
    expect(existsSync(path.join(repo, '.git/mentor.lock'))).toBe(false);
    writeFileSync(path.join(marks, 'go'), '');
    await until(() => existsSync(path.join(marks, 'done')));
    expect(git(repo, ['branch', '--show-current']).trim()).toBe('claim/2026-fall/jon');
    expect(git(repo, ['rev-parse', 'claim/2026-fall/jon'])).toBe(git(repo, ['rev-parse', 'main']));
    expect(readText(repo, COHORT)).toMatch(/- person: jon\n(?: {4}.*\n)* {4}mentor: linus\n/);
    expect(dotFiles(path.join(repo, 'cohorts/2026-fall'))).toEqual([]);
    // The commands it gave finish going back (git's commit, failing, holds no lock they need).
    execFileSync('sh', ['-c', goBack], { cwd: repo, stdio: 'pipe' });
    expect(gitPlace(repo, [COHORT])).toEqual(before);
  });

  it('while going back after a failed commit, stops at once; the commands it gives finish going back, even after git deleted the branch behind mentor', async () => {
    const repo = exampleGitRepo();
    const before = gitPlace(repo, [COHORT]);
    // The signature fails at once; the deletion of the new branch, mentor's first step back, waits.
    git(repo, ['config', 'commit.gpgsign', 'true']);
    git(repo, ['config', 'gpg.program', 'false']);
    const marks = makeTree({});
    const hook = path.join(repo, '.git/hooks/reference-transaction');
    writeFileSync(
      hook,
      `#!/bin/sh\ngrep -q '^[0-9a-f]* 0\\{40\\} refs/heads/claim/' || exit 0\n[ "$1" = committed ] && touch '${marks}/done'\n[ "$1" = prepared ] || exit 0\n` +
        `touch '${marks}/deleting'\nwhile [ ! -e '${marks}/go' ]; do sleep 0.05; done\n`,
      { mode: 0o755 },
    );
    const started = startMentor(['claim', 'jon', '--as', 'linus', '--commit', '--repo', repo]);
    await until(() => existsSync(path.join(marks, 'deleting')));
    started.child.kill('SIGINT');
    await started.saying('mentor: SIGINT: going back to main from the new branch claim/2026-fall/jon; stopping once that is done (send it again to stop at once).');
    started.child.kill('SIGINT');
    const run = await started.ended;
    const finish = 'git symbolic-ref HEAD refs/heads/main && git restore --source=HEAD --staged --worktree -- cohorts/2026-fall/cohort.yaml && git branch -D claim/2026-fall/jon';
    expect(run.stderr).toContain(
      `mentor: interrupted (SIGINT) while going back to main from the new branch claim/2026-fall/jon. See where you are with git status; to finish going back: ${finish} (git says so if the branch is already deleted).\n`,
    );
    expect(run.code).toBe(130);
    expect(existsSync(path.join(repo, '.git/mentor.lock'))).toBe(false);
    expect(dotFiles(path.join(repo, 'cohorts/2026-fall'))).toEqual([]);
    // git, left alone, deletes the branch HEAD still names: the worst place mentor can leave.
    writeFileSync(path.join(marks, 'go'), '');
    await until(() => existsSync(path.join(marks, 'done')));
    expect(git(repo, ['symbolic-ref', 'HEAD']).trim()).toBe('refs/heads/claim/2026-fall/jon');
    expect(git(repo, ['branch', '--list']).trim()).toBe('main');
    const finished = spawnSync('sh', ['-c', finish], { cwd: repo, encoding: 'utf8' });
    expect(finished.stderr).toContain("error: branch 'claim/2026-fall/jon' not found");
    expect(gitPlace(repo, [COHORT])).toEqual(before);
  });
});

/** Resolves once `condition` holds (a file another process makes); fails after a minute. */
async function until(condition: () => boolean): Promise<void> {
  for (const deadline = Date.now() + 60_000; !condition(); ) {
    if (Date.now() > deadline) throw new Error('waited a minute in vain');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
