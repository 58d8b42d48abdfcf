import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOW, commitIn, git, githubWorld, halRenames, mainSha, mergeGroup, mergeGroupEvent, openPullRequest, pullRequestEvent, pushEvent, pushToMain, reportOnMain, slipOnMain } from './helpers/github-world.js';
import { mentor } from './helpers/repo.js';
import { runWorkflow, type SimEvent } from './helpers/workflow-sim.js';

// mentor.yml run by the workflow simulator (test/helpers/workflow-sim.ts) on real clones: what a
// push and a pull request show. The gate is test/workflow-gate.test.ts.

const HAL_W47 = 'cohorts/2026-fall/logs/hal/2026-W47.yaml';
const halLog = (hours: string) => `person: hal\nweek: 2026-W47\nhours:\n  ${hours}\ndone: Indexes.\n`;

describe('mentor.yml on a push to main', { timeout: 180_000 }, () => {
  it('validates every record with the runner, writes a job summary, and finds every generated file current', () => {
    const world = githubWorld();
    const before = mainSha(world);
    commitIn(world.maintainer, 'log', { [HAL_W47]: halLog('practice: 3') });
    pushToMain(world, world.maintainer);
    const run = runWorkflow(world, 'mentor.yml', pushEvent(world, before));
    expect(run.jobs.validate!.steps.map((step) => step.stderr).join('')).toBe('');
    expect(run.jobs.validate!.succeeded).toBe(true);
    expect(run.jobs.validate!.summary).toMatch(/^## mentor validate\n\n✅ \d+ files checked: no errors, 0 warnings\.\n$/);
    expect(run.jobs.generated!.succeeded).toBe(true);
    expect(run.jobs.generated!.commands).toEqual([]);
  });

  it('annotates a broken record on its line and fails, with the problem in the summary escaped for Markdown', () => {
    const world = githubWorld();
    const before = mainSha(world);
    commitIn(world.maintainer, 'log', { [HAL_W47]: halLog('practise_<b>: 3') });
    pushToMain(world, world.maintainer);
    const job = runWorkflow(world, 'mentor.yml', pushEvent(world, before), ['validate']).jobs.validate!;
    expect(job.succeeded).toBe(false);
    expect(job.commands).toContainEqual(expect.objectContaining({ command: 'error', properties: expect.stringContaining(`file=${HAL_W47},line=4`) }));
    expect(job.summary).toContain('❌');
    expect(job.summary).toContain("| cohorts\\/2026\\-fall\\/logs\\/hal\\/2026\\-W47\\.yaml | 4 | \\\"practise\\_\\<b\\>\\\" is not an activity of a mentee\\.");
    expect(job.summary).not.toContain('<b>');
  });
});

describe('mentor.yml and the committed reports', { timeout: 180_000 }, () => {
  const HAL_W46 = 'cohorts/2026-fall/logs/hal/2026-W46.yaml';
  const STALE_W46 = {
    command: 'error',
    properties: 'file=reports/2026-fall/2026-W46.md',
    message: 'reports/2026-fall/2026-W46.md is not what `mentor report 2026-fall --week 2026-W46` writes from the records. Regenerate it: node .mentor/mentor.mjs report 2026-fall --week 2026-W46, and commit the result.',
  };
  const lateLog = (world: ReturnType<typeof githubWorld>, clone: string) =>
    commitIn(clone, 'late-log', { [HAL_W46]: readFileSync(path.join(world.maintainer, HAL_W46), 'utf8').replace('practice: 3', 'practice: 5') });

  it('holds a report that a push or a pull request writes or edits to the records, naming the exact command that regenerates it', () => {
    const world = githubWorld();
    const before = reportOnMain(world);
    const fresh = runWorkflow(world, 'mentor.yml', pushEvent(world, before), ['generated']).jobs.generated!;
    expect(fresh.succeeded).toBe(true);
    expect(fresh.commands).toEqual([]);
    // A report edited by hand, in a pull request and in a push.
    const report = path.join(world.maintainer, 'reports/2026-fall/2026-W46.md');
    commitIn(world.maintainer, 'hand-edit', { 'reports/2026-fall/2026-W46.md': readFileSync(report, 'utf8').replace('Missing logs', 'No missing logs') });
    const pr = openPullRequest(world, world.maintainer, { number: 3, author: 'andrew-gh' });
    const onPr = runWorkflow(world, 'mentor.yml', pullRequestEvent(world, pr, 'pull_request'), ['generated']).jobs.generated!;
    expect(onPr.succeeded).toBe(false);
    expect(onPr.commands).toEqual([STALE_W46]);
    const main = mainSha(world);
    pushToMain(world, world.maintainer);
    const onPush = runWorkflow(world, 'mentor.yml', pushEvent(world, main), ['generated']).jobs.generated!;
    expect(onPush.succeeded).toBe(false);
    expect(onPush.commands).toEqual([STALE_W46]);
    // A report written from records the push does not hold (a log changed in the same push) fails too.
    const mixed = mainSha(world);
    commitIn(world.maintainer, 'mixed', { 'reports/2026-fall/2026-W46.md': readFileSync(report, 'utf8').replace('No missing logs', 'Missing logs'), [HAL_W46]: readFileSync(path.join(world.maintainer, HAL_W46), 'utf8').replace('practice: 3', 'practice: 4') });
    pushToMain(world, world.maintainer);
    expect(runWorkflow(world, 'mentor.yml', pushEvent(world, mixed), ['generated']).jobs.generated!.commands).toEqual([STALE_W46]);
  });

  it('counts the reports a push leaves behind, in one warning, and gives the command for each in the summary', () => {
    const world = githubWorld();
    reportOnMain(world, '2026-W45');
    reportOnMain(world);
    // hal's new name is in both reports' trees: a change of his own, which leaves both behind.
    halRenames(world);
    const before = mainSha(world);
    pushToMain(world, world.fork);
    const onMain = runWorkflow(world, 'mentor.yml', pushEvent(world, before), ['generated']).jobs.generated!;
    expect(onMain.succeeded).toBe(true);
    expect(onMain.commands).toEqual([
      { command: 'warning', properties: '', message: "2 committed reports are behind the records: a late log, a person's edit, the config or a newer runner changed what they would say. That is expected; a maintainer refreshes them with the commands in this job's summary." },
    ]);
    expect(onMain.summary).toContain('```sh\nnode .mentor/mentor.mjs report 2026-fall --week 2026-W45\nnode .mentor/mentor.mjs report 2026-fall --week 2026-W46\n```');
  });

  it("lets a late log leave a report behind: the mentee's pull request and the merge queue stay green, and main lists it with the command that refreshes it", () => {
    const world = githubWorld();
    reportOnMain(world);
    lateLog(world, world.fork);
    const pr = openPullRequest(world, world.fork, { number: 9, author: 'hal-k' });
    const onPr = runWorkflow(world, 'mentor.yml', pullRequestEvent(world, pr, 'pull_request'), ['generated']).jobs.generated!;
    expect(onPr.succeeded).toBe(true);
    expect(onPr.commands).toEqual([]);
    expect(onPr.summary).toBe('');
    const queue = runWorkflow(world, 'mentor.yml', mergeGroupEvent(mergeGroup(world, [pr])), ['generated']).jobs.generated!;
    expect(queue.succeeded).toBe(true);
    expect(queue.commands).toEqual([]);
    // Merged: main's run is green, with one warning and the refresh command in its summary.
    const before = mainSha(world);
    pushToMain(world, world.fork);
    const onMain = runWorkflow(world, 'mentor.yml', pushEvent(world, before), ['generated']).jobs.generated!;
    expect(onMain.succeeded).toBe(true);
    expect(onMain.commands).toEqual([
      { command: 'warning', properties: '', message: "1 committed report is behind the records: a late log, a person's edit, the config or a newer runner changed what they would say. That is expected; a maintainer refreshes them with the commands in this job's summary." },
    ]);
    expect(onMain.summary).toContain('## Reports behind the records');
    expect(onMain.summary).toContain('```sh\nnode .mentor/mentor.mjs report 2026-fall --week 2026-W46\n```');
    // The maintainer runs it: the refreshed report is held to the records, and nothing is behind.
    const refreshed = mainSha(world);
    git(world.maintainer, 'fetch', '-q', 'origin');
    git(world.maintainer, 'switch', '-q', '-C', 'refresh', 'origin/main');
    expect(mentor(['report', '2026-fall', '--week', '2026-W46', '--repo', world.maintainer], { env: { MENTOR_NOW: NOW } }).code).toBe(0);
    git(world.maintainer, 'commit', '-q', '-am', 'refresh');
    pushToMain(world, world.maintainer);
    const after = runWorkflow(world, 'mentor.yml', pushEvent(world, refreshed), ['generated']).jobs.generated!;
    expect(after.succeeded).toBe(true);
    expect(after.commands).toEqual([]);
    expect(after.summary).toBe('');
  });

  it('holds every report on a first push or when the start of a push cannot be fetched, and fails on a report of a week its cohort no longer has', () => {
    const world = githubWorld();
    reportOnMain(world);
    lateLog(world, world.maintainer);
    pushToMain(world, world.maintainer);
    for (const before of ['0'.repeat(40), 'f'.repeat(40)]) {
      const job = runWorkflow(world, 'mentor.yml', pushEvent(world, before), ['generated']).jobs.generated!;
      expect(job.succeeded, before).toBe(false);
      expect(job.commands, before).toEqual([STALE_W46]);
    }
    // The cohort now starts after the report's week: not behind but wrong, and mentor says why.
    const before = mainSha(world);
    const cohort = path.join(world.maintainer, 'cohorts/2026-fall/cohort.yaml');
    commitIn(world.maintainer, 'start', { 'cohorts/2026-fall/cohort.yaml': readFileSync(cohort, 'utf8').replace(/^start: .*$/m, 'start: 2026-11-16') });
    pushToMain(world, world.maintainer);
    const job = runWorkflow(world, 'mentor.yml', pushEvent(world, before), ['generated']).jobs.generated!;
    expect(job.succeeded).toBe(false);
    expect(job.steps.at(-1)!.stdout).toContain('2026-W46');
    expect(job.summary).toBe('');
  });
});

describe('mentor.yml and the issue forms', { timeout: 180_000 }, () => {
  it('fails when the request form no longer matches the config, naming mentor forms', () => {
    const world = githubWorld();
    const before = mainSha(world);
    const config = path.join(world.maintainer, 'mentor.config.yaml');
    commitIn(world.maintainer, 'eligibility', { 'mentor.config.yaml': `${readFileSync(config, 'utf8')}intake:\n  eligibility:\n    - id: adult\n      question: I am 18 or older\n` });
    pushToMain(world, world.maintainer);
    const job = runWorkflow(world, 'mentor.yml', pushEvent(world, before), ['generated']).jobs.generated!;
    expect(job.succeeded).toBe(false);
    expect(job.commands.map((c: { message: string }) => c.message).join('\n')).toContain('node .mentor/mentor.mjs forms');
  });
});

describe('mentor.yml on a pull request', { timeout: 180_000 }, () => {
  it("checks what a mentee's pull request changes and annotates their line", () => {
    const world = githubWorld();
    commitIn(world.fork, 'my-log', { [HAL_W47]: halLog('practise: 3') });
    const pr = openPullRequest(world, world.fork, { number: 7, author: 'hal-k' });
    const job = runWorkflow(world, 'mentor.yml', pullRequestEvent(world, pr, 'pull_request'), ['validate']).jobs.validate!;
    expect(job.succeeded).toBe(false);
    expect(job.commands.map((c) => `${c.command} ${c.properties}`)).toEqual([`error file=${HAL_W47},line=4,col=3`]);
    expect(job.summary).toContain('❌ 1 file checked: 1 error, 0 warnings. Each is annotated on its line, with what to do.');
    // Each problem's fix is in the table beside it: what to do, for a volunteer reading the summary.
    expect(job.summary).toContain('| file | line | problem | what to do |');
  });

  it("fails a pull request only on errors it brings: one the default branch had already is annotated, said to be not the author's, and lets it pass", () => {
    const world = githubWorld();
    // A maintainer's slip lands on main: ivy's mentor misspelt.
    slipOnMain(world);
    // hal edits his own person file: validate --changed checks the cohort that names him, and finds the slip.
    halRenames(world);
    const pr = openPullRequest(world, world.fork, { number: 11, author: 'hal-k' });
    const job = runWorkflow(world, 'mentor.yml', pullRequestEvent(world, pr, 'pull_request'), ['validate']).jobs.validate!;
    expect(job.commands.map((c) => c.command)).toEqual(['error', 'notice']);
    expect(job.commands[0]!.properties).toContain('file=cohorts/2026-fall/cohort.yaml');
    expect(job.commands[1]!.message).toBe("Each error above was on the default branch already: not this pull request's to fix. A maintainer fixes it there.");
    expect(job.succeeded).toBe(true);
    expect(job.summary).toMatch(/⚠️ \d+ files checked: 1 error, 0 warnings\. The error was on the default branch already: not this pull request's to fix/);
    // The same pull request with an error of its own fails, and says which one was there before.
    commitIn(world.fork, 'my-name', { 'people/hal.yaml': readFileSync(path.join(world.fork, 'people/hal.yaml'), 'utf8').replace('timezone: Asia/Seoul', 'timezone: Asia/Soul') });
    const own = openPullRequest(world, world.fork, { number: 12, author: 'hal-k' });
    const failed = runWorkflow(world, 'mentor.yml', pullRequestEvent(world, own, 'pull_request'), ['validate']).jobs.validate!;
    expect(failed.succeeded).toBe(false);
    expect(failed.commands.map((c) => c.command)).toEqual(['error', 'error']);
    expect(failed.summary).toContain('❌');
    expect(failed.summary).toContain("1 of the errors was on the default branch already: not this pull request's to fix.");
    // A second error just like the one already there (another member's mentor misspelt the same way) is new.
    const slipped = readFileSync(path.join(world.maintainer, 'cohorts/2026-fall/cohort.yaml'), 'utf8');
    expect(slipped.split('mentor: linuss').length).toBe(2);
    commitIn(world.fork, 'same-slip', { 'cohorts/2026-fall/cohort.yaml': slipped.replace('    mentor: grace\n', '    mentor: linuss\n') });
    const twice = openPullRequest(world, world.fork, { number: 13, author: 'hal-k' });
    const again = runWorkflow(world, 'mentor.yml', pullRequestEvent(world, twice, 'pull_request'), ['validate']).jobs.validate!;
    expect(again.commands.filter((c) => c.message.includes('The mentor "linuss" is not a member'))).toHaveLength(2);
    expect(again.commands.map((c) => c.command)).not.toContain('notice');
    expect(again.succeeded).toBe(false);
  });

  it('lets no file or folder name of a pull request issue a workflow command or reach the log as a terminal escape', () => {
    const world = githubWorld();
    const hostile = 'cohorts/2026-fall/logs/hal\n::add-mask::ghs\n::warning file=x::pwned/2026-W47.yaml';
    commitIn(world.fork, 'hostile', { [hostile]: halLog('practice: 3'), 'people/z%0A::error::x.yaml': 'id: z\n', 'people/\u001b[2Jansi.yaml': 'id: ansi\n' });
    const pr = openPullRequest(world, world.fork, { number: 8, author: 'hal-k' });
    const job = runWorkflow(world, 'mentor.yml', pullRequestEvent(world, pr, 'pull_request'), ['validate']).jobs.validate!;
    expect(job.commands.length).toBeGreaterThan(0);
    expect(job.commands.map((c) => c.command)).not.toContain('add-mask');
    expect(job.commands.map((c) => c.command)).not.toContain('warning');
    for (const line of job.steps.flatMap((step) => step.stdout.split('\n'))) expect(line.startsWith('::') ? line : '').not.toMatch(/^::(add-mask|warning)/);
    expect(job.steps.map((step) => step.stdout + step.stderr).join('')).not.toContain('\u001b');
    expect(job.commands.some((c) => c.properties.includes('\\x1b[2Jansi.yaml'))).toBe(true);
  });
});

describe('a program repo whose default branch is not called main', { timeout: 180_000 }, () => {
  /** A push to `branch` of a repository whose default branch is `defaultBranch` (main's commit pushed there). */
  const pushTo = (world: ReturnType<typeof githubWorld>, branch: string, defaultBranch: string): SimEvent => {
    const sha = mainSha(world);
    git(world.origin, 'update-ref', `refs/heads/${branch}`, sha);
    const repository = { full_name: world.repository, name: 'mentorship', owner: { login: 'learn-teach-code' }, default_branch: defaultBranch };
    return { name: 'push', sha, ref: `refs/heads/${branch}`, workflowSha: sha, payload: { ref: `refs/heads/${branch}`, before: sha, after: sha, repository } };
  };

  it('validates every push to its default branch (master, as `mentor init` keeps in a repository made before) and builds the dashboard, and runs nothing for a push to another branch', () => {
    const world = githubWorld();
    const ci = runWorkflow(world, 'mentor.yml', pushTo(world, 'master', 'master'));
    expect(ci.jobs.validate?.succeeded).toBe(true);
    expect(ci.jobs.validate!.summary).toContain('files checked: no errors');
    expect(ci.jobs.generated?.succeeded).toBe(true);
    // The dashboard's build starts: its first step asks whether Pages is on.
    const pages = runWorkflow(world, 'mentor-pages.yml', pushTo(world, 'master', 'master'), ['build']);
    expect(pages.jobs.build?.ran).toBe(true);
    expect(pages.jobs.build!.steps[0]).toMatchObject({ name: 'Is GitHub Pages on?', ran: true });
    // A push to another branch of the same repository checks nothing and publishes nothing.
    expect(runWorkflow(world, 'mentor.yml', pushTo(world, 'wip', 'master')).jobs.validate?.ran ?? false).toBe(false);
    expect(runWorkflow(world, 'mentor-pages.yml', pushTo(world, 'wip', 'master'), ['build']).jobs.build?.ran ?? false).toBe(false);
    // Nor does a tag that has the default branch's name.
    const tag = { ...pushTo(world, 'wip', 'master'), ref: 'refs/tags/master' };
    expect(runWorkflow(world, 'mentor.yml', tag).jobs.validate?.ran ?? false).toBe(false);
    expect(runWorkflow(world, 'mentor-pages.yml', tag, ['build']).jobs.build?.ran ?? false).toBe(false);
  });
});
