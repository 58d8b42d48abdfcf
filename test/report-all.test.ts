import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn, mentorInJson } from './helpers/in-process.js';
import { exampleGitRepo, exampleRepo, git, mentor } from './helpers/repo.js';

// `mentor report --all`: every committed report at once, the records read once. CI's check of
// generated files runs it with --check (mentor.yml, job `generated`; test/workflow-ci.test.ts).

const W45 = 'reports/2026-fall/2026-W45';
const W46 = 'reports/2026-fall/2026-W46';
const HAL_W46 = 'cohorts/2026-fall/logs/hal/2026-W46.yaml';

/** The example with the reports of 2026-W45 and 2026-W46 written. */
async function withReports(repo = exampleRepo()): Promise<string> {
  for (const week of ['2026-W45', '2026-W46']) expect((await mentorIn(['report', '2026-fall', '--week', week, '--repo', repo])).code).toBe(0);
  return repo;
}

const lateLog = (repo: string) => writeFileSync(path.join(repo, HAL_W46), readFileSync(path.join(repo, HAL_W46), 'utf8').replace('practice: 3', 'practice: 5'));

describe('mentor report --all', () => {
  it('--check finds every committed report current, then names the one a late log left behind, with the command that rewrites it', async () => {
    const repo = await withReports();
    const current = mentor(['report', '--all', '--check', '--repo', repo]);
    expect(current).toEqual({ code: 0, stdout: 'All 2 committed reports are up to date.\n', stderr: '' });
    lateLog(repo);
    const behind = await mentorIn(['report', '--all', '--check', '--repo', repo]);
    expect(behind.code).toBe(1);
    expect(behind.stdout).toBe(`Out of date: 1 of 2 committed reports.\n  ${W46}.md, ${W46}.json\nRun \`mentor report --all\` to rewrite it, and commit the result.\n`);
    const json = await mentorInJson(['report', '--all', '--check', '--format', 'json', '--repo', repo]);
    expect(json.code).toBe(1);
    expect(json.json).toEqual({
      reports: [
        { cohort: '2026-fall', week: '2026-W45', stale: [], problem: null },
        { cohort: '2026-fall', week: '2026-W46', stale: [`${W46}.md`, `${W46}.json`], problem: null },
      ],
      stale: [`${W46}.md`, `${W46}.json`],
      ok: false,
      problems: [`Out of date: ${W46}.md, ${W46}.json. Run \`mentor report 2026-fall --week 2026-W46\` (or \`mentor report --all\`) and commit the result.`],
      files: [],
      branch: null,
    });
  });

  it('rewrites only the reports the records moved on from, as `mentor report` writes each, and touches no other', async () => {
    const repo = await withReports();
    lateLog(repo);
    const untouched = statSync(path.join(repo, `${W45}.md`)).mtimeMs;
    const result = await mentorIn(['report', '--all', '--repo', repo], { cwd: repo });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      `Wrote 2 files: 1 report the records had moved on from (1 already up to date).\n  ${W46}.md, ${W46}.json\n` +
        'Next: put the reports on a branch of its own and open a pull request; it counts once merged:\n  git switch -c report-refresh/2026-11-24\n' +
        `  git add ${W46}.md ${W46}.json\n  git commit -m 'Refresh 1 report'\n  git push -u origin report-refresh/2026-11-24\n` +
        'then open the pull request from the link that the push prints. (Next time, --commit makes the branch and the commit for you.)\n',
    );
    expect(statSync(path.join(repo, `${W45}.md`)).mtimeMs).toBe(untouched);
    const one = await withReports(exampleRepo());
    lateLog(one);
    expect((await mentorIn(['report', '2026-fall', '--week', '2026-W46', '--repo', one])).code).toBe(0);
    for (const file of [`${W46}.md`, `${W46}.json`]) expect(readFileSync(path.join(repo, file), 'utf8')).toBe(readFileSync(path.join(one, file), 'utf8'));
    expect(await mentorIn(['report', '--all', '--repo', repo])).toMatchObject({ code: 0, stdout: 'All 2 committed reports are up to date: nothing written.\n' });
  });

  it('says which reports cannot be made and why (a week the cohort no longer has, a log with errors), and fails the check', async () => {
    const repo = await withReports();
    const cohort = path.join(repo, 'cohorts/2026-fall/cohort.yaml');
    writeFileSync(cohort, readFileSync(cohort, 'utf8').replace(/^start: .*$/m, 'start: 2026-11-09'));
    const check = await mentorInJson(['report', '--all', '--check', '--format', 'json', '--repo', repo]);
    expect(check.code).toBe(1);
    expect(check.json.reports[0]).toEqual({ cohort: '2026-fall', week: '2026-W45', stale: [], problem: '2026-W45 is outside cohort 2026-fall (2026-W46 to 2026-W48).' });
    expect(check.json.reports[1]).toMatchObject({ week: '2026-W46', problem: null });
    const text = await mentorIn(['report', '--all', '--check', '--repo', repo]);
    expect(text.stdout).toContain(`Cannot be made: ${W45}.md: 2026-W45 is outside cohort 2026-fall (2026-W46 to 2026-W48). Fix that, or delete the report.`);
    // A name that is no ISO week is said so, as `mentor report --week` says it.
    writeFileSync(path.join(repo, 'reports/2026-fall/2026-W99.md'), 'x');
    const noWeek = await mentorInJson(['report', '--all', '--check', '--format', 'json', '--repo', repo]);
    expect(noWeek.json.reports.at(-1)).toEqual({ cohort: '2026-fall', week: '2026-W99', stale: [], problem: '2026-W99 is not an ISO week. 2026 has 53 ISO weeks: its last is 2026-W53, and the week after it is 2027-W01.' });
    rmSync(path.join(repo, 'reports/2026-fall/2026-W99.md'));
    // A log with errors stops every report of its cohort, each saying which log.
    writeFileSync(cohort, readFileSync(cohort, 'utf8').replace(/^start: .*$/m, 'start: 2026-09-07'));
    writeFileSync(path.join(repo, HAL_W46), 'person: hal\nweek: 2026-W46\nhours: [not, hours]\n');
    const broken = await mentorInJson(['report', '--all', '--check', '--format', 'json', '--repo', repo]);
    expect(broken.code).toBe(1);
    expect(broken.json.reports.map((r: { problem: string }) => r.problem)).toEqual([expect.stringContaining(`${HAL_W46} has errors`), expect.stringContaining(`${HAL_W46} has errors`)]);
    const written = await mentorIn(['report', '--all', '--repo', repo]);
    expect(written.code).toBe(1);
    expect(written.stdout.split('\n')[0]).toBe('0 of 2 committed reports are up to date: nothing written.');
    expect(written.stdout).toContain(`Cannot be made: ${W46}.md: ${HAL_W46} has errors`);
  });

  it('takes the reports of one cohort when named, refuses --week and a cohort that does not exist, and says when there is none', async () => {
    const repo = await withReports();
    lateLog(repo);
    expect((await mentorIn(['report', '2026-fall', '--all', '--check', '--repo', repo])).stdout).toContain('Out of date: 1 of 2 committed 2026-fall reports.\n');
    expect(await mentorIn(['report', '--all', '--week', '2026-W46', '--repo', repo])).toMatchObject({ code: 2, stderr: expect.stringContaining('--all takes every committed week: it takes no --week.') });
    expect(await mentorIn(['report', 'nope', '--all', '--check', '--repo', repo])).toMatchObject({ code: 2, stderr: expect.stringContaining('There is no cohort "nope".') });
    expect(await mentorIn(['report', '--all', '--check', '--repo', exampleRepo()])).toEqual({ code: 0, stdout: 'There is no committed report to check (reports/<cohort>/<week>.md).\n', stderr: '' });
  });

  it('--commit puts exactly the rewritten reports on a new branch report-refresh/<date>', async () => {
    const repo = await withReports(exampleGitRepo());
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-qm', 'reports']);
    lateLog(repo);
    git(repo, ['commit', '-qam', 'late log']);
    const result = await mentorInJson(['report', '--all', '--commit', '--format', 'json', '--repo', repo]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json).toMatchObject({ stale: [`${W46}.md`, `${W46}.json`], ok: true, files: [`${W46}.md`, `${W46}.json`], branch: 'report-refresh/2026-11-24' });
    expect(git(repo, ['branch', '--show-current']).trim()).toBe('report-refresh/2026-11-24');
    expect(git(repo, ['show', '--name-only', '--format=%s', 'HEAD']).trim().split('\n')).toEqual(['Refresh 1 report', '', `${W46}.json`, `${W46}.md`]);
  });
});
