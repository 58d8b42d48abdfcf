import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { exampleGitRepo, exampleRepo, git, GIT_ENV, makeTree, MENTOR_BIN, readText } from './helpers/repo.js';

// A writer stopped at any moment of a write loses nothing (faults 2, F4): killed (SIGKILL: the
// OOM killer, a power cut), between any two of its renames. Interrupted (Ctrl-C, SIGTERM), it
// finishes the write or the commit under way, says so, and leaves no temporary file or lock (F9).

const COHORT = 'cohorts/2026-fall/cohort.yaml';
const MEMBERS = 'cohorts/2026-fall/members';

/** Runs mentor until it pauses before rename number `at`, then sends it `signal` there; its exit code and stderr. */
async function signalledAtRename(args: string[], at: number, signal: NodeJS.Signals, pauseMs = 30_000): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [MENTOR_BIN, ...args], { env: { ...process.env, ...GIT_ENV, MENTOR_PAUSE_BEFORE_RENAME_MS: String(pauseMs), MENTOR_PAUSE_AT_RENAME: String(at) } });
  let said = '';
  child.stderr.on('data', (chunk) => (said += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (stderr.includes('paused before rename')) resolve();
    });
    child.on('exit', () => reject(new Error(`exited before the pause: ${stderr}`)));
  });
  child.kill(signal);
  return { code: await exited, stderr: said };
}

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
  const dotFiles = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('.'));

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
