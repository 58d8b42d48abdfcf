import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { exampleGitRepo, exampleRepo, git } from './helpers/repo.js';

/** Moves every file's times an hour back, so the cache may trust them (it never trusts fresh ones). */
function age(dir: string): void {
  const past = new Date(Date.now() - 3_600_000);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && !entry.parentPath.includes(`${path.sep}.git`)) utimesSync(path.join(entry.parentPath, entry.name), past, past);
  }
}

async function run(repo: string, cache: boolean) {
  const result = await mentorIn(['validate', '--repo', repo, '--format', 'json'], { env: cache ? { MENTOR_CACHE_STATS: '1' } : { MENTOR_NO_CACHE: '1' } });
  return { code: result.code, stdout: result.stdout, reused: Number(/reused (\d+)/.exec(result.stderr)?.[1] ?? -1) };
}

/** A cached run must say exactly what a cold run says. */
async function expectSameAsCold(repo: string) {
  const cached = await run(repo, true);
  const cold = await run(repo, false);
  expect(cached.stdout).toBe(cold.stdout);
  expect(cached.code).toBe(cold.code);
  return cached;
}

describe('the validation cache', () => {
  it('lives under .git, is used on a second run, and changes nothing in the results', async () => {
    const repo = exampleGitRepo();
    age(repo);
    expect((await expectSameAsCold(repo)).reused).toBe(0);
    const second = await expectSameAsCold(repo);
    expect(second.reused).toBe(29);
    expect(readdirSync(path.join(repo, '.git/mentor')).length).toBe(1);
    expect(git(repo, ['status', '--porcelain']).trim()).toBe('');
  });

  it('is not written again by a run that changed nothing, and is by one that did', async () => {
    const repo = exampleGitRepo();
    age(repo);
    await run(repo, true);
    const [name] = readdirSync(path.join(repo, '.git/mentor'));
    const file = path.join(repo, '.git/mentor', name!);
    const written = statSync(file).ino;
    expect((await run(repo, true)).reused).toBe(29);
    expect(statSync(file).ino).toBe(written);
    writeFileSync(path.join(repo, 'cohorts/2026-fall/logs/bob/2026-W46.yaml'), 'person: bob\nweek: 2026-W46\nhours:\n  practise: 4\n');
    expect((await run(repo, true)).reused).toBe(28);
    expect(statSync(file).ino).not.toBe(written);
  });

  it('sees an edit, a revert and a branch switch', async () => {
    const repo = exampleGitRepo();
    age(repo);
    await run(repo, true);
    const log = path.join(repo, 'cohorts/2026-fall/logs/bob/2026-W46.yaml');
    writeFileSync(log, 'person: bob\nweek: 2026-W46\nhours:\n  practise: 4\n');
    const edited = await expectSameAsCold(repo);
    expect(edited.code).toBe(1);
    expect(edited.stdout).toContain('log-unknown-activity');
    git(repo, ['checkout', '--', '.']);
    const reverted = await expectSameAsCold(repo);
    expect(reverted.code).toBe(0);

    git(repo, ['switch', '-q', '-c', 'other']);
    const cohort = path.join(repo, 'cohorts/2026-fall/cohort.yaml');
    writeFileSync(cohort, readFileSync(cohort, 'utf8').replace('    mentor: grace\n', '    mentor: linus\n'));
    git(repo, ['commit', '-q', '-am', 'move a mentee']);
    age(repo);
    expect((await expectSameAsCold(repo)).code).toBe(0);
    // The cohort changed, so no log result of the old index is reused.
    git(repo, ['switch', '-q', 'main']);
    const back = await expectSameAsCold(repo);
    expect(back.reused).toBe(0);
  });

  it('sees a change to the config, which every log depends on', async () => {
    const repo = exampleGitRepo();
    age(repo);
    await run(repo, true);
    writeFileSync(path.join(repo, 'mentor.config.yaml'), 'program: P\nroles:\n  mentee:\n    activities:\n      practice: { hours: 5 }\n');
    const changed = await expectSameAsCold(repo);
    expect(changed.reused).toBe(0);
    expect(changed.code).toBe(1);
  });

  it('is not written outside a git repository', async () => {
    const repo = exampleRepo();
    await run(repo, true);
    expect(readdirSync(repo)).not.toContain('.git');
    expect(statSync(repo).isDirectory()).toBe(true);
  });
});
