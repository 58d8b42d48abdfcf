import { GATE_CONTEXT, header, runnerJob, runStep, WORKFLOW_DEFAULTS } from './common.js';
import { GATE_PERMISSIONS, gateSteps } from './gate-steps.js';
import { REVIEW_WORKFLOW_NAME } from './review.js';

/**
 * The pull request a workflow_run is about, matched among the open pull requests into the default
 * branch by its head commit, repository and branch (a fork's workflow_run carries no
 * pull_requests, nothing from an artifact or a file the pull request wrote is trusted, and a
 * stranger can open another pull request with the same head commit). Each value is checked
 * before it goes to GITHUB_ENV.
 */
const FIND_PULL_REQUEST = `if ! gh api --paginate "repos/$GITHUB_REPOSITORY/pulls?state=open&per_page=100" > "$RUNNER_TEMP/pulls.json"; then
  # The review may have taken back what the verdict on this commit stands on (an approval): without
  # the pull request it cannot be judged again, so that verdict does not stand either.
  gh api --method POST "repos/$GITHUB_REPOSITORY/statuses/$HEAD_SHA" -f state=error -f context=${GATE_CONTEXT} \\
    -f description='The gate could not judge this pull request: see the run' -f target_url="$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/actions/runs/$GITHUB_RUN_ID" > /dev/null
  exit 1
fi
jq -rs --arg head "$HEAD_SHA" --arg repo "$HEAD_REPOSITORY" --arg branch "$HEAD_BRANCH" --arg base "$DEFAULT_BRANCH" '
  add // [] | map(select(.head.sha == $head and .head.repo.full_name == $repo and .head.ref == $branch and .base.ref == $base)) | first // empty
  | select((.number | tostring | test("^[0-9]+$"))
      and (.user.login | test("^[A-Za-z0-9][A-Za-z0-9-]*(\\\\[bot\\\\])?$"))
      and (.author_association | test("^[A-Z_]+$")))
  | "NUMBER=\\(.number)", "AUTHOR=\\(.user.login)", "AUTHOR_ASSOCIATION=\\(.author_association)"' "$RUNNER_TEMP/pulls.json" >> "$GITHUB_ENV"
if ! grep -q '^NUMBER=' "$GITHUB_ENV"; then echo "No open pull request into the default branch has the head commit $HEAD_SHA from that repository and branch: nothing to judge."; fi`;

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

${WORKFLOW_DEFAULTS}

# Shared with mentor-gate.yml: one judgement of a head commit at a time, the newest standing.
concurrency:
  group: mentor-gate-\${{ github.event.workflow_run.head_sha }}
  cancel-in-progress: true

jobs:
  gate:
${runnerJob({
  permissions: GATE_PERMISSIONS,
  env: [
    'GH_TOKEN: ${{ github.token }}',
    'HEAD_SHA: ${{ github.event.workflow_run.head_sha }}',
    'HEAD_REPOSITORY: ${{ github.event.workflow_run.head_repository.full_name }}',
    'HEAD_BRANCH: ${{ github.event.workflow_run.head_branch }}',
    'DEFAULT_BRANCH: ${{ github.event.repository.default_branch }}',
    '# The default branch as it is now (the commit checked out, whose runner judges).',
    'BASE_SHA: ${{ github.sha }}',
  ],
  fullHistory: true,
})}
${runStep('Find the open pull request whose head is this commit', FIND_PULL_REQUEST)}
${gateSteps({ when: "env.NUMBER != ''" })}
`;
}
