import { header, runnerJob } from './common.js';
import { GATE_PERMISSIONS, gateSteps } from './gate-steps.js';
import { REVIEW_WORKFLOW_NAME } from './review.js';

/**
 * The pull request a workflow_run is about, matched by its head commit among the open pull
 * requests (a fork's workflow_run carries no pull_requests, and nothing from an artifact or a
 * file the pull request wrote is trusted). Each value is checked before it goes to GITHUB_ENV.
 */
const FIND_PULL_REQUEST = `gh api --paginate "repos/$GITHUB_REPOSITORY/pulls?state=open&per_page=100" > "$RUNNER_TEMP/pulls.json"
jq -rs --arg head "$HEAD_SHA" '
  add // [] | map(select(.head.sha == $head)) | first // empty
  | select((.number | tostring | test("^[0-9]+$")) and (.base.sha | test("^[0-9a-f]{40}$"))
      and (.user.login | test("^[A-Za-z0-9][A-Za-z0-9-]*(\\\\[bot\\\\])?$")))
  | "NUMBER=\\(.number)", "BASE_SHA=\\(.base.sha)", "AUTHOR=\\(.user.login)"' "$RUNNER_TEMP/pulls.json" >> "$GITHUB_ENV"
if ! grep -q '^NUMBER=' "$GITHUB_ENV"; then echo "No open pull request has the head commit $HEAD_SHA: nothing to judge."; fi`;

/**
 * mentor-gate-review.yml: after a review, judges the pull request again with the approvals on
 * its head commit, and sets the same status and comment as the gate. Runs the default branch's
 * workflow and runner (workflow_run).
 */
export function gateReviewWorkflow(): string {
  return `${header([
    '# After a review: judges the pull request again, now counting the approvals on its head',
    '# commit, and sets the same `mentor/gate` status and comment as mentor-gate.yml. It runs the',
    "# default branch's workflow and runner (workflow_run); the pull request is found by its head",
    '# commit through the API, never from an artifact or anything the pull request wrote.',
  ])}name: mentor gate after a review

on:
  workflow_run:
    workflows: [${REVIEW_WORKFLOW_NAME}]
    types: [completed]

permissions: {}

concurrency:
  group: mentor-gate-review-\${{ github.event.workflow_run.head_sha }}
  cancel-in-progress: true

jobs:
  gate:
${runnerJob({ permissions: GATE_PERMISSIONS, env: ['GH_TOKEN: ${{ github.token }}', 'HEAD_SHA: ${{ github.event.workflow_run.head_sha }}'], fullHistory: true })}
      - name: Find the open pull request whose head is this commit
        run: |
${FIND_PULL_REQUEST.split('\n').map((line) => `          ${line}`).join('\n')}
${gateSteps('      ', "env.NUMBER != ''")}
`;
}
