import { header, runnerJob, runStep, WORKFLOW_DEFAULTS } from './common.js';
import { GATE_PERMISSIONS, gateSteps } from './gate-steps.js';

/**
 * The pull request a merge group is for, from the group's branch name
 * (`gh-readonly-queue/<base>/pr-<number>-<sha>`), then read through the API: its head commit,
 * author and association. Each value is checked before it goes to GITHUB_ENV.
 */
const FIND_PULL_REQUEST = `number=$(printf '%s\\n' "$GROUP_REF" | sed -n 's#^refs/heads/gh-readonly-queue/.*/pr-\\([0-9]\\{1,10\\}\\)-[0-9a-f]\\{40,64\\}$#\\1#p')
if [ -z "$number" ]; then
  echo "::error::The merge group's branch $GROUP_REF names no pull request: nothing to judge, so the queue cannot merge it."
  exit 1
fi
gh api "repos/$GITHUB_REPOSITORY/pulls/$number" > "$RUNNER_TEMP/pull.json"
jq -r --arg base "$DEFAULT_BRANCH" '
  select(.base.ref == $base
    and (.number | tostring | test("^[0-9]+$"))
    and (.head.sha | test("^[0-9a-f]{40,64}$"))
    and (.user.login | test("^[A-Za-z0-9][A-Za-z0-9-]*(\\\\[bot\\\\])?$"))
    and (.author_association | test("^[A-Z_]+$"))
    and ((.head.repo.full_name // "") | test("^([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)?$")))
  | "NUMBER=\\(.number)", "HEAD_SHA=\\(.head.sha)", "AUTHOR=\\(.user.login)", "AUTHOR_ASSOCIATION=\\(.author_association)", "HEAD_REPOSITORY=\\(.head.repo.full_name // "")"' "$RUNNER_TEMP/pull.json" >> "$GITHUB_ENV"
if ! grep -q '^NUMBER=' "$GITHUB_ENV"; then
  echo "::error::Pull request #$number is not a pull request into the default branch: the queue cannot merge it."
  exit 1
fi`;

/**
 * The merge group's commit must be the pull request merged onto the group's base and nothing
 * else: its status then says what the judgement of the pull request on that base says. A group of
 * several pull requests holds changes by other authors, which this one's author cannot be judged
 * for: refused, with the setting that makes each group one pull request.
 */
const ONE_PULL_REQUEST = `git cat-file -e "$GROUP_SHA^{commit}" 2> /dev/null || git fetch --no-tags --quiet origin "$GROUP_SHA"
if ! merged=$(git merge-tree --write-tree "$BASE_SHA" "$HEAD_SHA"); then
  echo "::error::Pull request #$NUMBER does not merge cleanly onto the merge group's base $BASE_SHA."
  exit 1
fi
if [ "$merged" != "$(git rev-parse "$GROUP_SHA^{tree}")" ]; then
  echo "::error::The merge group $GROUP_SHA holds more than pull request #$NUMBER on top of its base: the gate judges one pull request at a time, for its author. Set the merge queue's 'Maximum pull requests to merge' to 1 (Settings → Rules or Branches, the rule of the default branch)."
  exit 1
fi`;

/**
 * mentor-gate-queue.yml: the gate in a merge queue. A queue waits for the required checks on the
 * commit it builds (the pull request merged onto the default branch and every pull request ahead
 * of it), so `mentor/gate` is set on that commit too, judged against that base: what was fine
 * when the pull request was judged (a claim, an approval by someone still a maintainer then) is
 * judged again on what it will land on. Runs the base's runner, checked out at the group's base.
 */
export function gateQueueWorkflow(): string {
  return `${header([
    '# The gate in a merge queue: sets `mentor/gate` on the commit the queue builds (the pull request',
    '# merged onto the default branch and the pull requests ahead of it), judging the pull request',
    "# against that base, so what lands is what was judged. It runs the runner of the group's base",
    "# (checked out at merge_group.base_sha), never the group's own; the pull request is read",
    "# through the API from the group's branch name, and its head commit is fetched as data.",
  ])}name: mentor gate in the merge queue

on:
  merge_group:
    types: [checks_requested]

${WORKFLOW_DEFAULTS}

# One judgement of a merge group's commit at a time (a queue rebuilt builds new commits).
concurrency:
  group: mentor-gate-\${{ github.event.merge_group.head_sha }}
  cancel-in-progress: true

jobs:
  gate:
    if: github.event.merge_group.base_ref == format('refs/heads/{0}', github.event.repository.default_branch)
${runnerJob({
  permissions: GATE_PERMISSIONS,
  env: [
    'GH_TOKEN: ${{ github.token }}',
    'GROUP_SHA: ${{ github.event.merge_group.head_sha }}',
    'GROUP_REF: ${{ github.event.merge_group.head_ref }}',
    '# The commit the group is built on: the default branch and every pull request ahead in the queue.',
    'BASE_SHA: ${{ github.event.merge_group.base_sha }}',
    'DEFAULT_BRANCH: ${{ github.event.repository.default_branch }}',
  ],
  fullHistory: true,
  checkoutRef: '${{ github.event.merge_group.base_sha }}',
})}
${runStep('Find the pull request the merge group is for', FIND_PULL_REQUEST)}
${gateSteps({
  statusOn: { commit: '$GROUP_SHA', called: "merge group's commit" },
  beforeJudging: { name: 'Check that the merge group is this pull request and nothing else', script: ONE_PULL_REQUEST },
})}
`;
}
