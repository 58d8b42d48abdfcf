import { GATE_CONTEXT, header, runnerJob, WORKFLOW_DEFAULTS } from './common.js';
import { GATE_PERMISSIONS, gateSteps } from './gate-steps.js';

/**
 * mentor-gate.yml: the check a repo requires. It runs on pull_request_target, so the workflow
 * file, the runner and the rules are the base branch's, whatever the pull request changes; the
 * pull request's head commit is fetched as data and judged by `check-pr --head`.
 */
export function gateWorkflow(): string {
  return `${header([
    `# The gate: judges whether the author of a pull request may make its changes, and sets the`,
    `# commit status \`${GATE_CONTEXT}\` on its head commit (make branch protection require it). It runs`,
    `# the BASE branch's workflow and runner (pull_request_target): the pull request's commits are`,
    `# fetched as data and read from git objects, never checked out, installed or run. Pull request`,
    `# text reaches the shell only through env. It judges only pull requests into the default branch:`,
    `# a status belongs to a commit, so a verdict under another branch's rules would show on the`,
    `# same commit's pull request into the default branch.`,
  ])}name: mentor gate

on:
  pull_request_target:
    types: [opened, synchronize, reopened, edited]

${WORKFLOW_DEFAULTS}

# One run at a time per head commit, shared with mentor-gate-review.yml: the newest judgement of a
# commit is the one that stands.
concurrency:
  group: mentor-gate-\${{ github.event.pull_request.head.sha }}
  cancel-in-progress: true

jobs:
  gate:
    if: github.event.pull_request.base.ref == github.event.repository.default_branch
${runnerJob({
  permissions: GATE_PERMISSIONS,
  env: [
    'GH_TOKEN: ${{ github.token }}',
    'NUMBER: ${{ github.event.pull_request.number }}',
    'HEAD_SHA: ${{ github.event.pull_request.head.sha }}',
    "# The base branch as it is now (the commit checked out, whose runner judges): the event's",
    '# own base sha is where the base stood when the pull request was opened or last pushed.',
    'BASE_SHA: ${{ github.sha }}',
    'AUTHOR: ${{ github.event.pull_request.user.login }}',
    'AUTHOR_ASSOCIATION: ${{ github.event.pull_request.author_association }}',
    'HEAD_REPOSITORY: ${{ github.event.pull_request.head.repo.full_name }}',
  ],
  fullHistory: true,
})}
${gateSteps()}
`;
}
