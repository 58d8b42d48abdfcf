import { CURRENT_BRANCH, ID_BRE, JOB_MACHINE, RUNNER, runnerJob, runStep } from './common.js';

// A claim's pull request merged: the member is placed. The claim workflow's answer told the member
// of the first claim only (a second mentor's claim does not mention them again), and that claim may
// be the one closed unmerged: so the member, and the mentor, hear of the claim that placed them
// when a maintainer merges it, on its pull request; and, when one is closed unmerged while they
// still wait with no other claim open, that they wait again. The pull request was opened by the
// workflow's token, but the merge (or the closing) is a maintainer's, so GitHub starts these.

/** The claim's pull request names the member's handle on its description (a hidden line), for this job: read only on a pull request the workflow opened. */
export const memberMarker = (handle: string) => `<!-- mentor:member ${handle} -->`;
/** The first line of the comment on a merged claim. */
export const PLACED_MARKER = '<!-- mentor:placed -->';
/** The first line of the comment on a claim closed without a merge. */
export const UNCLAIMED_MARKER = '<!-- mentor:unclaimed -->';

/** The claim job's shell line that reads the member's handle from its answer (the line that mentions them) into `member_marker`. */
export const MEMBER_MARKER_FROM_ANSWER = `member_handle=$(sed -n 's/^@\\([A-Za-z0-9][A-Za-z0-9-]\\{0,38\\}\\): .*/\\1/p' "$RUNNER_TEMP/answer.md" | head -n 1)
member_marker=\${member_handle:+ ${memberMarker('$member_handle')}}`;

/** Reads the claim from its branch and description: member, cohort, login, and the member's handle (empty when none was written). */
const READ_CLAIM = `# claim/<cohort>/<member>@<login>: a branch only named like one is no claim of the workflow's.
claim=$(printf '%s\\n' "$BRANCH" | sed -n 's#^claim/\\(${ID_BRE}\\)/\\(${ID_BRE}\\)@\\([A-Za-z0-9][A-Za-z0-9-]\\{0,38\\}\\)$#\\2 \\1 \\3#p')
if [ -z "$claim" ]; then
  exit 0
fi
read -r member cohort login <<< "$claim"
# The member line counts only on a pull request the workflow opened: a writer's hand-made one could name anyone.
handle=
[ "$OPENER" = 'github-actions[bot]' ] && handle=$(printf '%s\\n' "$BODY" | sed -n 's/.*${memberMarker('\\([A-Za-z0-9][A-Za-z0-9-]\\{0,38\\}\\)')}.*/\\1/p' | head -n 1)`;

const SCRIPT = `${READ_CLAIM}
if [ -n "$handle" ]; then
  text="@$handle: this pull request is merged, so @$login is your mentor now ($member in $cohort). Say hello here; @$login, over to you."
else
  text="@$login: this pull request is merged, so you are the mentor of $member in $cohort now. Their GitHub handle is not on this pull request (they had none when it was opened, or an older workflow opened it), so they are not mentioned here: tell them the way the program does."
fi
printf '%s\\n' '${PLACED_MARKER}' "$text" > "$RUNNER_TEMP/placed.md"
gh pr comment "$NUMBER" --body-file "$RUNNER_TEMP/placed.md" > /dev/null`;

/**
 * A claim closed without a merge: its member was told the claimer would be their mentor once it
 * merged. Told, when they are still waiting on the default branch and no other claim of them is
 * open (its merge tells them), that they wait again; otherwise nothing (a merged claim told them).
 */
const UNCLAIMED_SCRIPT = `${READ_CLAIM}
[ -n "$handle" ] || exit 0
# Told once on a pull request: closed again after a reopening, it has nothing new to say.
said=$(gh pr view "$NUMBER" --json comments --jq '[.comments[] | select((.author.login == "github-actions" or .author.login == "github-actions[bot]") and (.body | startswith("${UNCLAIMED_MARKER}")))] | length')
[ "$said" = 0 ] || exit 0
others=$(gh pr list --state open --limit 1000 --json headRefName,isCrossRepository --jq "map(select((.isCrossRepository | not) and (.headRefName | startswith(\\"claim/$cohort/$member@\\")))) | length")
[ "$others" = 0 ] || exit 0
# The default branch as it is after that list, not as the checkout found it: a claim of them merged
# meanwhile (a maintainer closes one claim and merges the other) is on it, and they wait no more.
git fetch --quiet --depth=1 origin "$GITHUB_REF" > /dev/null 2>&1 || exit 0
git checkout --quiet --detach FETCH_HEAD
# A cohort mentor cannot read, or any other failure to tell: nothing is said.
waiting=$(${RUNNER} status "$cohort" --format json 2> /dev/null | jq -r --arg member "$member" '[.cohorts[].waiting[] | select(.id == $member)] | length' 2> /dev/null || true)
[ "$waiting" = 1 ] || exit 0
printf '%s\\n' '${UNCLAIMED_MARKER}' "@$handle: this claim was closed without being merged, so \\\`$login\\\` is not your mentor after all. You are still waiting: mentors are asked for you on the attention issue, and when a claim of you is merged you are told on it." > "$RUNNER_TEMP/unclaimed.md"
gh pr comment "$NUMBER" --body-file "$RUNNER_TEMP/unclaimed.md" > /dev/null`;

/** The job of mentor-claim.yml that runs on a claim closed unmerged: reads the default branch (nothing of the pull request). */
export function unclaimedJob(): string {
  return `  unclaimed:
    if: github.event_name == 'pull_request_target' && !github.event.pull_request.merged && startsWith(github.event.pull_request.head.ref, 'claim/') && github.event.pull_request.head.repo.full_name == github.repository
${runnerJob({
  permissions: ['contents: read', 'pull-requests: write'],
  env: ['GH_TOKEN: ${{ github.token }}', 'NUMBER: ${{ github.event.pull_request.number }}', 'BRANCH: ${{ github.event.pull_request.head.ref }}', 'BODY: ${{ github.event.pull_request.body }}', 'OPENER: ${{ github.event.pull_request.user.login }}'],
  fullHistory: false,
  checkoutRef: CURRENT_BRANCH,
})}
${runStep('Tell the member they wait again', UNCLAIMED_SCRIPT)}
`;
}

/** The job of mentor-claim.yml that runs on a merged claim (pull_request_target closed): no checkout, nothing of the pull request run. */
export function placedJob(): string {
  return `  placed:
    if: github.event_name == 'pull_request_target' && github.event.pull_request.merged && startsWith(github.event.pull_request.head.ref, 'claim/') && github.event.pull_request.head.repo.full_name == github.repository
${JOB_MACHINE}
    permissions:
      pull-requests: write
    env:
      GH_TOKEN: \${{ github.token }}
      GH_REPO: \${{ github.repository }}
      NUMBER: \${{ github.event.pull_request.number }}
      BRANCH: \${{ github.event.pull_request.head.ref }}
      BODY: \${{ github.event.pull_request.body }}
      OPENER: \${{ github.event.pull_request.user.login }}
    steps:
${runStep('Tell the member and the mentor', SCRIPT)}
`;
}
