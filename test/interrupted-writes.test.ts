import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { exampleRepo, GIT_ENV, MENTOR_BIN, readText } from './helpers/repo.js';

// A writer stopped at any moment of a write loses nothing (faults 2, F4): killed (SIGKILL: the
// OOM killer, a power cut), between any two of its renames.

const COHORT = 'cohorts/2026-fall/cohort.yaml';
const MEMBERS = 'cohorts/2026-fall/members';

/** Runs mentor until it pauses before rename number `at`, then kills it there. */
async function killedAtRename(args: string[], at: number): Promise<void> {
  const child = spawn(process.execPath, [MENTOR_BIN, ...args], { env: { ...process.env, ...GIT_ENV, MENTOR_PAUSE_BEFORE_RENAME_MS: '30000', MENTOR_PAUSE_AT_RENAME: String(at) } });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (stderr.includes('paused before rename')) resolve();
    });
    child.on('exit', () => reject(new Error(`exited before the pause: ${stderr}`)));
  });
  child.kill('SIGKILL');
  await exited;
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
    await killedAtRename(['members', '2026-fall', '--to', 'files', '--repo', repo], at);
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
