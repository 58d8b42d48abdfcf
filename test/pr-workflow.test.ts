import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleRepo, git, gitRepo, makeTree, mentor, mentorJson } from './helpers/repo.js';

/** The example program on main, and a branch `pr` with the given edits committed. */
function pullRequest(edit: (repo: string) => void): string {
  const repo = gitRepo(exampleRepo());
  git(repo, ['switch', '-q', '-c', 'pr']);
  edit(repo);
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', 'pr']);
  return repo;
}

const write = (repo: string, file: string, text: string) => {
  mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  writeFileSync(path.join(repo, file), text);
};
const HAL_LOG = 'cohorts/2026-fall/logs/hal/2026-W47.yaml';
const halLog = 'person: hal\nweek: 2026-W47\nhours:\n  practice: 3\n';

function checkPr(repo: string, author: string, base = 'main') {
  return mentorJson(['check-pr', '--repo', repo, '--base', base, '--author', author, '--format', 'json']);
}

describe('mentor check-pr', () => {
  it('lets a person add and edit their own logs and person file', () => {
    const repo = pullRequest((r) => {
      write(r, HAL_LOG, halLog);
      write(r, 'cohorts/2026-fall/logs/hal/2026-W46.yaml', readFileSync(path.join(r, 'cohorts/2026-fall/logs/hal/2026-W46.yaml'), 'utf8').replace('done:', 'done: Also'));
      write(r, 'people/hal.yaml', `${readFileSync(path.join(r, 'people/hal.yaml'), 'utf8')}# hi\n`);
    });
    const { code, json } = checkPr(repo, 'hal-k');
    expect(json.ok).toBe(true);
    expect(json.files.map((f: { path: string; status: string }) => `${f.status} ${f.path}`).sort()).toEqual([`added ${HAL_LOG}`, 'modified cohorts/2026-fall/logs/hal/2026-W46.yaml', 'modified people/hal.yaml']);
    expect(code).toBe(0);
  });

  it("fails naming each file someone may not touch: others' records, the config, cohorts, reports", () => {
    const repo = pullRequest((r) => {
      write(r, HAL_LOG, halLog);
      write(r, 'people/bob.yaml', 'id: bob\nname: Bobby\n');
      write(r, 'mentor.config.yaml', `${readFileSync(path.join(r, 'mentor.config.yaml'), 'utf8')}# x\n`);
      write(r, 'cohorts/2026-fall/cohort.yaml', `${readFileSync(path.join(r, 'cohorts/2026-fall/cohort.yaml'), 'utf8')}# x\n`);
      write(r, 'reports/2026-fall/2026-W47.md', '# fake\n');
    });
    const { code, json } = checkPr(repo, 'hal-k');
    expect(code).toBe(1);
    const refused = json.files.filter((f: { allowed: boolean }) => !f.allowed).map((f: { path: string }) => f.path).sort();
    expect(refused).toEqual(['cohorts/2026-fall/cohort.yaml', 'mentor.config.yaml', 'people/bob.yaml', 'reports/2026-fall/2026-W47.md']);
    const text = mentor(['check-pr', '--repo', repo, '--base', 'main', '--author', 'hal-k']);
    expect(text.stdout).toContain('✖ modified people/bob.yaml: the person file of bob: only a maintainer may change it');
    expect(text.stdout).toContain('a maintainer (andrew-gh) must make or approve');
  });

  it('refuses deleting even your own log, and a rename into someone else’s folder', () => {
    const repo = pullRequest((r) => {
      rmSync(path.join(r, 'cohorts/2026-fall/logs/hal/2026-W45.yaml'));
      renameSync(path.join(r, 'cohorts/2026-fall/logs/hal/2026-W46.yaml'), path.join(r, 'cohorts/2026-fall/logs/gus/2026-W44.yaml'));
    });
    const { code, json } = checkPr(repo, 'hal-k');
    expect(code).toBe(1);
    const byPath = Object.fromEntries(json.files.map((f: { path: string }) => [f.path, f]));
    expect(byPath['cohorts/2026-fall/logs/hal/2026-W45.yaml']).toMatchObject({ status: 'deleted', allowed: false });
    expect(byPath['cohorts/2026-fall/logs/gus/2026-W44.yaml']).toMatchObject({ status: 'renamed', from: 'cohorts/2026-fall/logs/hal/2026-W46.yaml', allowed: false });
  });

  it('allows a rename within your own logs', () => {
    const repo = pullRequest((r) => renameSync(path.join(r, 'cohorts/2026-fall/logs/hal/2026-W46.yaml'), path.join(r, 'cohorts/2026-fall/logs/hal/2026-W44.yaml')));
    expect(checkPr(repo, 'hal-k').code).toBe(0);
  });

  it('lets a maintainer change anything', () => {
    const repo = pullRequest((r) => write(r, 'mentor.config.yaml', 'program: Changed\nmaintainers: [andrew-gh]\n'));
    expect(checkPr(repo, 'Andrew-GH').code).toBe(0);
  });

  it('reads maintainers from the base, so a pull request cannot make its author one', () => {
    const repo = pullRequest((r) => {
      write(r, 'mentor.config.yaml', 'program: P\nmaintainers: [andrew-gh, hal-k]\n');
      write(r, 'people/bob.yaml', 'id: bob\nname: Bobby\n');
    });
    const { code, json } = checkPr(repo, 'hal-k');
    expect(json.author.maintainer).toBe(false);
    expect(code).toBe(1);
  });

  it('fails an author who is neither in people/ nor a maintainer, clearly', () => {
    const repo = pullRequest((r) => write(r, 'people/zed.yaml', 'id: zed\nname: Zed\ngithub: zed-z\n'));
    const result = mentor(['check-pr', '--repo', repo, '--base', 'main', '--author', 'zed-z']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('@zed-z is not in people/ (no person file with github: zed-z) and not a maintainer');
  });

  it('judges the commits since the merge base, across a merge commit', () => {
    const repo = pullRequest((r) => write(r, HAL_LOG, halLog));
    git(repo, ['switch', '-q', 'main']);
    write(repo, 'people/bob.yaml', 'id: bob\nname: Bob on main\n');
    git(repo, ['commit', '-q', '-am', 'main moves on']);
    git(repo, ['switch', '-q', 'pr']);
    git(repo, ['merge', '-q', '--no-edit', 'main']);
    const { code, json } = checkPr(repo, 'hal-k');
    expect(json.files.map((f: { path: string }) => f.path)).toEqual([HAL_LOG]);
    expect(code).toBe(0);
  });

  it('refuses refs that look like options, before git sees them', () => {
    const repo = pullRequest((r) => write(r, HAL_LOG, halLog));
    for (const ref of ['--output=/tmp/pwned', '-p']) {
      const result = mentor(['check-pr', '--repo', repo, `--base=${ref}`, '--author', 'hal-k']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('is not a git ref');
    }
    const unknown = mentor(['check-pr', '--repo', repo, '--base', 'nope', '--author', 'hal-k']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--base nope: git knows no such commit');
  });
});

describe('mentor validate --changed', () => {
  it('checks only what changed since the ref, committed or not, with the output of a full run', () => {
    const repo = gitRepo(exampleRepo());
    write(repo, HAL_LOG, 'person: hal\nweek: 2026-W47\nhours:\n  practise: 3\n'); // untracked
    write(repo, 'cohorts/2026-fall/logs/bob/2026-W47.yaml', 'person: bob\nweek: 2026-W47\nhours:\n  one-on-ones: 1\n'); // modified, uncommitted
    const changed = mentorJson(['validate', '--repo', repo, '--changed', 'HEAD', '--format', 'json']);
    const full = mentorJson(['validate', '--repo', repo, '--format', 'json']);
    expect(changed.json.problems).toEqual(full.json.problems);
    expect(changed.json.files).toBe(2);
    expect(changed.code).toBe(1);
  });

  it('follows a changed person to the cohorts that name them, and a changed cohort to its logs', () => {
    const repo = gitRepo(exampleRepo());
    rmSync(path.join(repo, 'people/bob.yaml'));
    const { json } = mentorJson(['validate', '--repo', repo, '--changed', 'HEAD', '--format', 'json']);
    expect(json.problems.map((p: { file: string; rule: string }) => `${p.file} ${p.rule}`)).toEqual(['cohorts/2026-fall/cohort.yaml member-unknown-person']);
    git(repo, ['checkout', '--', 'people/bob.yaml']);
    const cohort = path.join(repo, 'cohorts/2026-fall/cohort.yaml');
    writeFileSync(cohort, readFileSync(cohort, 'utf8').replace('  - person: hal\n    role: mentee\n    mentor: grace\n', ''));
    const afterCohort = mentorJson(['validate', '--repo', repo, '--changed', 'HEAD', '--format', 'json']);
    expect(afterCohort.json.problems.map((p: { file: string; rule: string }) => `${p.file} ${p.rule}`)).toEqual(['cohorts/2026-fall/logs/hal/2026-W45.yaml log-not-member', 'cohorts/2026-fall/logs/hal/2026-W46.yaml log-not-member']);
  });

  it('handles a rename (the new name is checked) and a deletion', () => {
    const repo = gitRepo(exampleRepo());
    git(repo, ['mv', 'cohorts/2026-fall/logs/bob/2026-W45.yaml', 'cohorts/2026-fall/logs/bob/2026-W44.yaml']);
    git(repo, ['rm', '-q', 'cohorts/2026-fall/logs/bob/2026-W46.yaml']);
    git(repo, ['commit', '-q', '-m', 'rename']);
    const { json } = mentorJson(['validate', '--repo', repo, '--changed', 'HEAD~1', '--format', 'json']);
    expect(json.problems).toEqual([expect.objectContaining({ file: 'cohorts/2026-fall/logs/bob/2026-W44.yaml', rule: 'log-week-file' })]);
  });

  it('works when the program repo is a folder inside a bigger git repo', () => {
    const outer = makeTree({});
    execFileSync('cp', ['-r', exampleRepo(), path.join(outer, 'program')]);
    gitRepo(outer);
    write(path.join(outer, 'program'), HAL_LOG, 'person: hal\nweek: 2026-W47\nhours:\n  practise: 3\n');
    const { json } = mentorJson(['validate', '--repo', path.join(outer, 'program'), '--changed', 'HEAD', '--format', 'json']);
    expect(json.problems.map((p: { file: string }) => p.file)).toEqual([HAL_LOG]);
  });

  it('refuses a ref that looks like an option, and explains a shallow clone', () => {
    const repo = gitRepo(exampleRepo());
    expect(mentor(['validate', '--repo', repo, '--changed=--output=x']).code).toBe(2);
    for (let i = 0; i < 2; i++) {
      write(repo, `people/extra${i}.yaml`, `id: extra${i}\nname: E\n`);
      git(repo, ['add', '-A']);
      git(repo, ['commit', '-q', '-m', `c${i}`]);
    }
    const clone = path.join(makeTree({}), 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, clone]);
    const result = mentor(['validate', '--repo', clone, '--changed', 'HEAD~2']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('shallow clone');
    expect(result.stderr).toContain('fetch-depth: 0');
  });
});

describe('mentor codeowners', () => {
  it('makes the maintainers the owners of every file, deterministically, and --check names the command that regenerates it', () => {
    const repo = exampleRepo();
    const stale = mentor(['codeowners', '--repo', repo, '--check']);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain('Regenerate it with `mentor codeowners`');
    expect(mentor(['codeowners', '--repo', repo]).code).toBe(0);
    const text = readFileSync(path.join(repo, '.github/CODEOWNERS'), 'utf8');
    expect(text.split('\n').filter((line) => line && !line.startsWith('#'))).toEqual(['* @andrew-gh']);
    expect(mentor(['codeowners', '--repo', repo, '--check']).code).toBe(0);
    // A new person changes nothing (their rights are the gate's); a new maintainer does.
    writeFileSync(path.join(repo, 'people/zoe.yaml'), 'id: zoe\nname: Zoe\ngithub: zoe-z\n');
    expect(mentor(['codeowners', '--repo', repo, '--check']).code).toBe(0);
    writeFileSync(path.join(repo, 'mentor.config.yaml'), readFileSync(path.join(repo, 'mentor.config.yaml'), 'utf8').replace('maintainers: [andrew-gh]', 'maintainers: [andrew-gh, Zoe-Z]'));
    expect(mentor(['codeowners', '--repo', repo, '--check']).code).toBe(1);
    mentor(['codeowners', '--repo', repo]);
    expect(readFileSync(path.join(repo, '.github/CODEOWNERS'), 'utf8')).toContain('\n* @andrew-gh @zoe-z\n');
  });
});

describe('locked weeks', () => {
  /** main has lockLogsAfterWeeks: 2; the branch edits hal's logs in a commit dated 2026-11-23 (2026-W48). */
  function lockedRepo(edit: (repo: string) => void): string {
    const repo = exampleRepo();
    writeFileSync(path.join(repo, 'mentor.config.yaml'), `${readFileSync(path.join(repo, 'mentor.config.yaml'), 'utf8')}lockLogsAfterWeeks: 2\n`);
    gitRepo(repo);
    git(repo, ['switch', '-q', '-c', 'pr']);
    edit(repo);
    git(repo, ['add', '-A']);
    execFileSync('git', ['commit', '-q', '-m', 'pr'], { cwd: repo, env: { ...process.env, GIT_AUTHOR_NAME: 'a', GIT_AUTHOR_EMAIL: 'a@example.com', GIT_COMMITTER_NAME: 'a', GIT_COMMITTER_EMAIL: 'a@example.com', GIT_COMMITTER_DATE: '2026-11-23T12:00:00Z' } });
    return repo;
  }
  const touch = (repo: string, file: string) => writeFileSync(path.join(repo, file), `${readFileSync(path.join(repo, file), 'utf8')}# edited\n`);

  it('refuses an edit of a log older than N weeks, saying why and who can approve', () => {
    const repo = lockedRepo((r) => touch(r, 'cohorts/2026-fall/logs/hal/2026-W45.yaml'));
    const result = mentor(['check-pr', '--repo', repo, '--base', 'main', '--author', 'hal-k']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('the log of 2026-W45 is locked (weeks before 2026-W46 are closed: lockLogsAfterWeeks); a maintainer must make or approve this change');
    expect(result.stdout).toContain('andrew-gh');
  });

  it('allows recent weeks, new back-dated logs, and maintainers', () => {
    expect(checkPr(lockedRepo((r) => touch(r, 'cohorts/2026-fall/logs/hal/2026-W46.yaml')), 'hal-k').code).toBe(0);
    expect(checkPr(lockedRepo((r) => write(r, 'cohorts/2026-fall/logs/hal/2026-W44.yaml', 'person: hal\nweek: 2026-W44\n')), 'hal-k').code).toBe(0);
    expect(checkPr(lockedRepo((r) => touch(r, 'cohorts/2026-fall/logs/hal/2026-W45.yaml')), 'andrew-gh').code).toBe(0);
  });

  it('is off by default', () => {
    const repo = pullRequest((r) => touch(r, 'cohorts/2026-fall/logs/hal/2026-W45.yaml'));
    expect(checkPr(repo, 'hal-k').code).toBe(0);
  });
});
