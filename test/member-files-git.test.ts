import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { mentorIn, mentorInJson } from './helpers/in-process.js';
import { exampleRepo, git, GIT_ENV, gitRepo, makeTree, mentor, readText } from './helpers/repo.js';

// Member files on real git: requests that add different members never conflict; two claims of the
// same member do, so git lets only the first merge, and the gate refuses the second at the base.

const NOW = { MENTOR_NOW: '2026-11-23T10:00:00-08:00' };
const CLEO = 'cohorts/2026-fall/members/cleo.yaml';

/** The example with its members as files, committed on main. */
async function programWithMemberFiles(): string {
  const repo = exampleRepo();
  expect((await mentorIn(['members', '2026-fall', '--to', 'files', '--repo', repo], { env: NOW })).code).toBe(0);
  return gitRepo(repo);
}

async function checkPr(repo: string, head: string, author: string) {
  return await mentorInJson<{ allowed: boolean; changes: Array<{ file: string; status: string; allowed: boolean; reason: string }> }>(
    ['check-pr', '--repo', repo, '--base', 'main', '--head', head, '--author', author, '--format', 'json'],
    { env: NOW },
  );
}

/** Tries a merge into main; true when git merged it. A conflicted merge is aborted. */
function mergeIntoMain(repo: string, branch: string): boolean {
  git(repo, ['switch', '-q', 'main']);
  try {
    execFileSync('git', ['merge', '--no-ff', '--no-edit', branch], { cwd: repo, env: { ...process.env, ...GIT_ENV }, stdio: 'pipe' });
    return true;
  } catch {
    git(repo, ['merge', '--abort']);
    return false;
  }
}

describe('member files on git', { timeout: 180_000 }, () => {
  let base: string;
  beforeAll(async () => {
    base = await programWithMemberFiles();
  });

  it('two request branches adding different member files merge cleanly, one after the other, and each passes the gate', async () => {
    const repo = makeTree({}, base);
    const request = async (person: string, github: string) => {
      git(repo, ['switch', '-q', 'main']);
      const made = await mentorIn(['request', '--repo', repo, '--cohort', '2026-fall', '--person', person, '--name', person.toUpperCase(), '--github', github, '--timezone', 'Europe/Paris', '--wants', 'react', '--commit'], { env: NOW });
      expect(made.code, made.stderr).toBe(0);
      const branch = git(repo, ['branch', '--show-current']).trim();
      expect(git(repo, ['show', '--name-only', '--format=', branch]).trim().split('\n').sort()).toEqual([`cohorts/2026-fall/members/${person}.yaml`, `people/${person}.yaml`]);
      return branch;
    };
    const zoe = await request('zoe', 'zoe-z');
    const yan = await request('yan', 'yan-y');
    expect((await checkPr(repo, zoe, 'zoe-z')).json.allowed).toBe(true);
    expect((await checkPr(repo, yan, 'yan-y')).json.allowed).toBe(true);

    expect(mergeIntoMain(repo, zoe)).toBe(true);
    expect(mergeIntoMain(repo, yan)).toBe(true);
    expect(readText(repo, 'cohorts/2026-fall/members/zoe.yaml')).toContain('person: zoe');
    expect(readText(repo, 'cohorts/2026-fall/members/yan.yaml')).toContain('person: yan');
    expect(readText(repo, 'cohorts/2026-fall/cohort.yaml')).toBe(git(repo, ['show', 'HEAD~2:cohorts/2026-fall/cohort.yaml']));
    const waiting = (await mentorInJson(['assign', '2026-fall', '--repo', repo, '--dry-run', '--format', 'json'], { env: NOW })).json;
    expect(waiting.assignments.map((a: { person: string }) => a.person).sort()).toEqual(['cleo', 'jon', 'yan', 'zoe']);
    expect(mentor(['validate', '--repo', repo], { env: NOW }).code).toBe(0);
  });

  it('two claims of the same waiting member file conflict: the first merges, git refuses the second, and the gate refuses it at the new base', async () => {
    const repo = makeTree({}, base);
    // Each mentor runs `mentor claim --commit` from main; its branch is renamed so the two can sit side by side.
    const claim = async (mentorId: string) => {
      git(repo, ['switch', '-q', 'main']);
      const made = await mentorIn(['claim', 'cleo', '--as', mentorId, '--commit', '--repo', repo], { env: NOW });
      expect(made.code, made.stderr).toBe(0);
      const branch = `claim/cleo-${mentorId}`;
      git(repo, ['branch', '-m', branch]);
      expect(git(repo, ['show', '--name-only', '--format=', branch]).trim()).toBe(CLEO);
      expect(git(repo, ['show', `${branch}:${CLEO}`])).toContain(`mentor: ${mentorId}`);
      return branch;
    };
    const byLinus = await claim('linus');
    const byAda = await claim('ada');
    // Each claim alone is one a mentor with room may make.
    expect((await checkPr(repo, byLinus, 'linus-s')).json).toMatchObject({ allowed: true, changes: [{ file: CLEO, status: 'modified', allowed: true }] });
    expect((await checkPr(repo, byAda, 'ada-l')).json.allowed).toBe(true);

    expect(mergeIntoMain(repo, byLinus)).toBe(true);
    expect(readText(repo, CLEO)).toContain('mentor: linus');
    expect(mergeIntoMain(repo, byAda)).toBe(false);
    expect(git(repo, ['status', '--porcelain']).trim()).toBe('');
    expect(readText(repo, CLEO)).toContain('mentor: linus');

    const second = await checkPr(repo, byAda, 'ada-l');
    expect(second.code).toBe(1);
    expect(second.json.allowed).toBe(false);
    const verdict = second.json.changes.find((change) => change.file === CLEO)!;
    expect(verdict.allowed).toBe(false);
    expect(verdict.reason).toMatch(/linus|waiting/);
  });
});
