import { ID_BRE, JOB_MACHINE, runStep } from './common.js';

// A claim's pull request merged: the member is placed. The claim workflow's answer told the member
// of the first claim only (a second mentor's claim does not mention them again), and that claim may
// be the one closed unmerged: so the member, and the mentor, hear of the claim that placed them
// when a maintainer merges it, on its pull request. The pull request was opened by the workflow's
// token, but the merge is a maintainer's, so GitHub starts this.

/** The claim's pull request names the member's handle on its description (a hidden line), for this job: only writers can edit it. */
export const memberMarker = (handle: string) => `<!-- mentor:member ${handle} -->`;
/** The first line of the comment on a merged claim. */
export const PLACED_MARKER = '<!-- mentor:placed -->';

/** The claim job's shell line that reads the member's handle from its answer (the line that mentions them) into `member_marker`. */
export const MEMBER_MARKER_FROM_ANSWER = `member_handle=$(sed -n 's/^@\\([A-Za-z0-9][A-Za-z0-9-]\\{0,38\\}\\): .*/\\1/p' "$RUNNER_TEMP/answer.md" | head -n 1)
member_marker=\${member_handle:+ ${memberMarker('$member_handle')}}`;

const SCRIPT = `# claim/<cohort>/<member>@<login>: a branch only named like one is no claim of the workflow's.
claim=$(printf '%s\\n' "$BRANCH" | sed -n 's#^claim/\\(${ID_BRE}\\)/\\(${ID_BRE}\\)@\\([A-Za-z0-9][A-Za-z0-9-]\\{0,38\\}\\)$#\\2 \\1 \\3#p')
if [ -z "$claim" ]; then
  exit 0
fi
read -r member cohort login <<< "$claim"
handle=$(printf '%s\\n' "$BODY" | sed -n 's/.*${memberMarker('\\([A-Za-z0-9][A-Za-z0-9-]\\{0,38\\}\\)')}.*/\\1/p' | head -n 1)
if [ -n "$handle" ]; then
  text="@$handle: this pull request is merged, so @$login is your mentor now ($member in $cohort). Say hello here; @$login, over to you."
else
  text="@$login: this pull request is merged, so you are the mentor of $member in $cohort now. No GitHub handle of theirs was known when it was opened, so they are not mentioned here: reach them the way the program does."
fi
printf '%s\\n' '${PLACED_MARKER}' "$text" > "$RUNNER_TEMP/placed.md"
gh pr comment "$NUMBER" --body-file "$RUNNER_TEMP/placed.md" > /dev/null`;

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
    steps:
${runStep('Tell the member and the mentor', SCRIPT)}
`;
}
