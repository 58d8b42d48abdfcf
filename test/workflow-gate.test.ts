import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPOSITORY, commitIn, githubWorld, openPullRequest, pushToMain, pullRequestEvent, review, reviewEvent, workflowRunEvent, type PullRequest, type World } from './helpers/github-world.js';
import { makeTree } from './helpers/repo.js';
import { CHECKOUT_ACTION, SETUP_NODE_ACTION } from '../src/render/workflows/common.js';
import { ghCalls, ghState, runWorkflow } from './helpers/workflow-sim.js';

// The gate (mentor-gate.yml on pull_request_target, mentor-gate-review.yml after a review) run by
// the workflow simulator on real clones: the commit status it sets, its one comment, and that it
// runs only the base's files whatever the pull request changes.

const MARKER = '<!-- mentor:gate -->';
const HAL_W47 = 'cohorts/2026-fall/logs/hal/2026-W47.yaml';
const halLog = 'person: hal\nweek: 2026-W47\nhours:\n  practice: 3\ndone: Indexes.\n';

const gate = (world: World, pr: PullRequest) => runWorkflow(world, 'mentor-gate.yml', pullRequestEvent(world, pr, 'pull_request_target')).jobs.gate!;
const statuses = (world: World, pr: PullRequest) => ghState(world).statuses.filter((status) => status.sha === pr.headSha);
const verdict = (world: World, pr: PullRequest) => statuses(world, pr).at(-1)!;
const comments = (world: World, pr: PullRequest) => ghState(world).routes[`GET repos/${REPOSITORY}/issues/${pr.number}/comments`] as Array<{ id: number; body: string }>;

function pullRequest(world: World, author: string, files: Record<string, string | null>, number = 5): PullRequest {
  commitIn(world.fork, `pr-${number}`, files);
  return openPullRequest(world, world.fork, { number, author });
}

describe('the gate', { timeout: 180_000 }, () => {
  it("passes a mentee's own log: a mentor/gate success on the head commit and one comment with the marker", () => {
    const world = githubWorld();
    const pr = pullRequest(world, 'hal-k', { [HAL_W47]: halLog });
    const job = gate(world, pr);
    expect(job.succeeded, job.steps.map((s) => s.stderr).join('')).toBe(true);
    expect(statuses(world, pr).map((s) => `${s.context} ${s.state}`)).toEqual(['mentor/gate pending', 'mentor/gate success']);
    expect(verdict(world, pr).target_url).toMatch(/^https:\/\/github\.com\/learn-teach-code\/mentorship\/actions\/runs\/\d+$/);
    expect(comments(world, pr)).toHaveLength(1);
    expect(comments(world, pr)[0]!.body.split('\n')[0]).toBe(MARKER);
    expect(job.summary.split('\n')[0]).toBe(MARKER);
  });

  it("refuses a pull request that edits another person's log, and says whose it is", () => {
    const world = githubWorld();
    const bob = 'cohorts/2026-fall/logs/bob/2026-W46.yaml';
    const pr = pullRequest(world, 'hal-k', { [bob]: 'person: bob\nweek: 2026-W46\nhours:\n  practice: 9\n' });
    const job = gate(world, pr);
    expect(job.succeeded).toBe(false);
    expect(verdict(world, pr)).toMatchObject({ state: 'failure', context: 'mentor/gate' });
    expect(comments(world, pr)[0]!.body).toContain('bob');
    expect(job.steps.at(-1)!.stdout).toBe('The gate refused the pull request: see the comment on it.\n');
  });

  it("sets a status that sends the author to the comment, not to a maintainer, when the fix is theirs (a misspelt activity)", () => {
    const world = githubWorld();
    const pr = pullRequest(world, 'hal-k', { [HAL_W47]: halLog.replace('practice', 'practise') });
    gate(world, pr);
    // The checks list shows the description: it said 'A change needs a maintainer' for every refusal.
    expect(verdict(world, pr)).toMatchObject({ state: 'failure', description: 'Not yet: the comment on the pull request says what to fix, or whose approval it needs' });
    expect(comments(world, pr)[0]!.body).toContain('Did you mean "practice"?');
    expect(comments(world, pr)[0]!.body).not.toContain('Needs a maintainer');
  });

  it("passes a mentee's own log though main holds a maintainer's slip the log's checks read, and says it is not theirs", () => {
    const world = githubWorld();
    const cohort = 'cohorts/2026-fall/cohort.yaml';
    commitIn(world.maintainer, 'slip', { [cohort]: readFileSync(path.join(world.maintainer, cohort), 'utf8').replace('    mentor: linus\n', '    mentor: linuss\n') });
    pushToMain(world, world.maintainer);
    const pr = pullRequest(world, 'hal-k', { [HAL_W47]: halLog, 'people/hal.yaml': readFileSync(path.join(world.fork, 'people/hal.yaml'), 'utf8').replace('Hal Kim', 'Hal K. Kim') });
    const job = gate(world, pr);
    expect(job.succeeded, comments(world, pr)[0]?.body).toBe(true);
    expect(verdict(world, pr).state).toBe('success');
    expect(comments(world, pr)[0]!.body).toContain('1 problem in the records around this change was on the base branch already');
  });

  it("stays red for a fork that rewrites the gate workflow, adds a postinstall and replaces the runner: the base's runner judges it", () => {
    const world = githubWorld();
    const witness = path.join(makeTree({}), 'the-pull-request-ran');
    const fakeRunner = `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(witness)}, 'ran');\nconsole.log('all good');\n`;
    const pr = pullRequest(world, 'hal-k', {
      [HAL_W47]: halLog,
      '.github/workflows/mentor-gate.yml': 'name: mentor gate\non: pull_request_target\njobs:\n  gate:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo all good\n',
      'package.json': JSON.stringify({ name: 'x', scripts: { postinstall: `node -e "require('fs').writeFileSync('${witness}', 'ran')"` } }),
      '.mentor/mentor.mjs': fakeRunner,
    });
    const job = gate(world, pr);
    expect(job.steps.map((step) => step.name)).toContain("Judge the changes with the base branch's runner");
    expect(verdict(world, pr).state).toBe('failure');
    const body = comments(world, pr)[0]!.body;
    for (const file of ['.github/workflows/mentor-gate.yml', 'package.json', '.mentor/mentor.mjs']) expect(body).toContain(file);
    expect(existsSync(witness)).toBe(false);
    // The untrusted check does run the pull request's own files: that is why it is not the gate.
    runWorkflow(world, 'mentor.yml', pullRequestEvent(world, pr, 'pull_request'));
    expect(readFileSync(witness, 'utf8')).toBe('ran');
  });

  it('lets a newcomer register: their person file and themselves as a waiting member', () => {
    const world = githubWorld();
    const pr = pullRequest(world, 'newbie-x', {
      'people/newbie.yaml': 'id: newbie\nname: New Bie\ngithub: newbie-x\ntimezone: Europe/Berlin\nskills: []\nlanguages: [en]\nactive: true\n',
      'cohorts/2026-fall/members/newbie.yaml': 'person: newbie\nrole: mentee\nwants: [react]\nrequestedAt: 2026-11-20T10:00:00-08:00\n',
    });
    gate(world, pr);
    expect(verdict(world, pr).state).toBe('success');
  });

  it("lets a mentor claim a waiting member of the tier below, and refuses a mentee's claim", () => {
    const world = githubWorld();
    const cohort = readFileSync(path.join(world.fork, 'cohorts/2026-fall/cohort.yaml'), 'utf8');
    const claim = (mentor: string) => cohort.replace('    prefers: ada # a mentor she asked for\n', `    prefers: ada # a mentor she asked for\n    mentor: ${mentor}\n    assignedAt: 2026-11-20T11:00:00-08:00\n`);
    const byMentor = pullRequest(world, 'ada-l', { 'cohorts/2026-fall/cohort.yaml': claim('ada') }, 11);
    gate(world, byMentor);
    expect(verdict(world, byMentor).state).toBe('success');
    const byMentee = pullRequest(world, 'hal-k', { 'cohorts/2026-fall/cohort.yaml': claim('hal') }, 12);
    gate(world, byMentee);
    expect(verdict(world, byMentee).state).toBe('failure');
  });

  it('quotes hostile file names inertly in its comment, and obeys no workflow command from them', () => {
    const world = githubWorld();
    const pr = pullRequest(world, 'hal-k', {
      'people/x` @bob-m <img src=x onerror=alert(1)> # [a](https://evil.example).yaml': 'id: x\n',
      'cohorts/2026-fall/logs/hal\n::add-mask::ghs\n::warning::pwned/2026-W47.yaml': halLog,
    });
    const job = gate(world, pr);
    expect(verdict(world, pr).state).toBe('failure');
    // Inside a code span nothing renders; outside one, no HTML, no mention, no link may come from a name.
    const outsideCode = comments(world, pr)[0]!.body.replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '');
    expect(outsideCode).not.toMatch(/<img/);
    expect(outsideCode).not.toMatch(/@bob-m/);
    expect(outsideCode).not.toMatch(/\]\(https:\/\/evil/);
    expect(job.commands.map((c) => c.command)).not.toContain('add-mask');
    expect(job.commands.map((c) => c.command)).not.toContain('warning');
  });

  it('gives a bot author a clear maintainer-only verdict, not an error', () => {
    const world = githubWorld();
    const pr = pullRequest(world, 'dependabot[bot]', { [HAL_W47]: halLog });
    gate(world, pr);
    expect(verdict(world, pr).state).toBe('failure');
    expect(comments(world, pr)[0]!.body).toMatch(/maintainer/);
  });
});

describe('the gate after a review', { timeout: 180_000 }, () => {
  it("turns green when a maintainer approves the head commit, editing the one comment in place; other approvals don't count", () => {
    const world = githubWorld();
    const pr = pullRequest(world, 'hal-k', { 'cohorts/2026-fall/logs/bob/2026-W46.yaml': 'person: bob\nweek: 2026-W46\nhours:\n  practice: 9\n' });
    gate(world, pr);
    expect(verdict(world, pr).state).toBe('failure');
    const rejudge = () => {
      expect(runWorkflow(world, 'mentor-review.yml', reviewEvent(pr, 'andrew-gh', 'APPROVED')).jobs.signal!.succeeded).toBe(true);
      return runWorkflow(world, 'mentor-gate-review.yml', workflowRunEvent(world, pr)).jobs.gate!;
    };
    review(world, pr, 'grace-h', 'APPROVED');
    review(world, pr, 'andrew-gh', 'APPROVED', 'f'.repeat(40));
    rejudge();
    expect(verdict(world, pr).state).toBe('failure');
    review(world, pr, 'andrew-gh', 'APPROVED');
    const job = rejudge();
    expect(job.succeeded, job.steps.map((s) => s.stdout + s.stderr).join('')).toBe(true);
    expect(verdict(world, pr).state).toBe('success');
    const checkPr = job.steps.find((step) => step.name === "Judge the changes with the base branch's runner")!;
    expect(checkPr.ran).toBe(true);
    expect(comments(world, pr)).toHaveLength(1);
    expect(ghCalls(world).filter((call) => call.method === 'PATCH').map((call) => call.path)).toEqual([
      `repos/${REPOSITORY}/issues/comments/${comments(world, pr)[0]!.id}`,
      `repos/${REPOSITORY}/issues/comments/${comments(world, pr)[0]!.id}`,
    ]);
  });

  it('counts a maintainer only with access to the repository: a listed login without it (renamed, taken by someone else) neither approves nor is a maintainer', () => {
    const world = githubWorld();
    const bobLog = { 'cohorts/2026-fall/logs/bob/2026-W46.yaml': 'person: bob\nweek: 2026-W46\nhours:\n  practice: 9\n' };
    const pr = pullRequest(world, 'hal-k', bobLog);
    gate(world, pr);
    review(world, pr, 'andrew-gh', 'APPROVED', pr.headSha, 'NONE');
    runWorkflow(world, 'mentor-gate-review.yml', workflowRunEvent(world, pr));
    expect(verdict(world, pr).state).toBe('failure');
    expect(comments(world, pr)[0]!.body).not.toContain('approved by');
    // Said, so a maintainer whose organisation membership is private knows why and what to do.
    expect(comments(world, pr)[0]!.body).toMatch(/The approval of @\S*andrew-gh does not count: GitHub says this login has no access to the repository \(a member of the organisation whose membership is private shows so: make it public, or add the login as a collaborator\)/);

    commitIn(world.fork, 'pr-6', bobLog);
    const own = openPullRequest(world, world.fork, { number: 6, author: 'andrew-gh', association: 'NONE' });
    gate(world, own);
    expect(verdict(world, own).state).toBe('failure');
    expect(comments(world, own)[0]!.body).toContain('listed as a maintainer, but GitHub says this login has no access to the repository');
  });

  it("judges a pull request the request workflow opened for the person it was made for, whoever reviews it, and only one from this repository's own branch", () => {
    const world = githubWorld();
    const zoe = {
      'people/zoe.yaml': 'id: zoe\nname: Zoe\ngithub: zoe-z\ntimezone: Europe/Paris\nskills: []\n',
      'cohorts/2026-fall/members/zoe.yaml': 'person: zoe\nrole: mentee\nwants: [react]\nrequestedAt: 2026-11-20T10:00:00Z\n',
    };
    const madeFor = '<!-- mentor:for zoe-z NONE -->\nFrom the request form. Closes #7.';
    commitIn(world.maintainer, 'request/issue-7', zoe);
    const pr = openPullRequest(world, world.maintainer, { number: 8, author: 'github-actions[bot]', headRef: 'request/issue-7', body: madeFor });
    review(world, pr, 'random-passerby', 'COMMENTED');
    const job = runWorkflow(world, 'mentor-gate-review.yml', workflowRunEvent(world, pr)).jobs.gate!;
    expect(job.steps.map((step) => step.stdout).join('')).toContain('Opened by the request or claim workflow for @zoe-z: judged for them.');
    expect(verdict(world, pr).state, comments(world, pr)[0]!.body).toBe('success');
    expect(comments(world, pr)[0]!.body).toContain('newcomer');

    // The same line in the body of a fork's pull request, or of the bot's without it, changes nothing.
    commitIn(world.fork, 'pr-9', zoe);
    const fork = openPullRequest(world, world.fork, { number: 9, author: 'zoe-z', body: '<!-- mentor:for andrew-gh COLLABORATOR -->' });
    gate(world, fork);
    expect(comments(world, fork)[0]!.body).toMatch(/Opened by @\u200Bzoe-z|Opened by @zoe-z/);
    expect(comments(world, fork)[0]!.body).not.toContain('maintainer)');
    commitIn(world.maintainer, 'request/issue-10', zoe);
    const bare = openPullRequest(world, world.maintainer, { number: 10, author: 'github-actions[bot]', headRef: 'request/issue-10', body: 'No line.' });
    gate(world, bare);
    expect(verdict(world, bare).state).toBe('failure');
    expect(comments(world, bare)[0]!.body).toContain('a bot');
  });

  it('does nothing when no open pull request has the head commit', () => {
    const world = githubWorld();
    const pr = pullRequest(world, 'hal-k', { [HAL_W47]: halLog });
    const job = runWorkflow(world, 'mentor-gate-review.yml', workflowRunEvent(world, { ...pr, headSha: 'a'.repeat(40) })).jobs.gate!;
    expect(job.succeeded).toBe(true);
    expect(job.steps.filter((step) => step.ran).map((step) => step.name)).toEqual([CHECKOUT_ACTION, SETUP_NODE_ACTION, 'Find the open pull request whose head is this commit']);
    expect(ghState(world).statuses).toEqual([]);
  });
});
