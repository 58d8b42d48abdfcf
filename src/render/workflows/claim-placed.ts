import { CURRENT_BRANCH, ID_ERE, RUNNER, runnerJob, runStep } from './common.js';

// A claim's pull request merged: the member is placed. The claim workflow's answer told the member
// of the first claim only (a second mentor's claim does not mention them again), and that claim may
// be the one closed unmerged: so the member, and the mentor, hear of the claim that placed them
// when a maintainer merges it, on its pull request; and, when one is closed unmerged while they
// still wait with no other claim open, that they wait again. The pull request was opened by the
// workflow's token, but the merge (or the closing) is a maintainer's, so GitHub starts these.

/** The first line of the comment on a merged claim. */
export const PLACED_MARKER = '<!-- mentor:placed -->';
/** The first line of the comment on a claim closed without a merge. */
export const UNCLAIMED_MARKER = '<!-- mentor:unclaimed -->';

const HANDLE_ERE = '[A-Za-z0-9][A-Za-z0-9-]{0,38}';
const SHA_ERE = '[0-9a-f]{40}([0-9a-f]{24})?';

/**
 * `placements`: reads `pr-summary --format json` on stdin and prints a line `<cohort> <member> <mentor> <member's handle> <mentor's handle>`
 * for each member the change gives a mentor (placed, or moved to another), `-` for a handle
 * the base's person file does not have; a line not shaped so (a record that is not valid) is left out.
 */
const PLACEMENTS = `placements() {
  jq -r '.handles as $h | .changes[] | select(.kind == "tree") | .cohort as $c | ((.placed[] | [.person, .mentor]), (.moved[] | [.person, .to])) | [$c, .[0], .[1], ($h[.[0]] // "-"), ($h[.[1]] // "-")] | join(" ")' | grep -xE '${ID_ERE} ${ID_ERE} ${ID_ERE} (${HANDLE_ERE}|-) (${HANDLE_ERE}|-)'
}`;

/**
 * A merged claim: whom the merge placed, and with whom, from the default branch's own records (the
 * merge commit and the commit before it: a maintainer merged it), read as data by the runner. Not
 * from the branch's name nor the description: a maintainer may have given the member to another
 * mentor before merging, an older workflow wrote no member line, and a handle may have changed.
 */
const SCRIPT = `${PLACEMENTS}
printf '%s\\n' "$MERGED" "$HEAD_SHA" | grep -qxvE '${SHA_ERE}' && exit 0
git fetch --no-tags --quiet --depth=2 origin "$MERGED"
# A first commit has nothing before it: it placed nobody that a claim did.
git rev-parse --verify --quiet "$MERGED~1^{commit}" > /dev/null || exit 0
# The default branch before the merge: the merge commit's first parent, or the squashed commit's
# parent; "Rebase and merge" puts the pull request's commits on it one by one (each with its own
# subject, where a squash is one commit), so the branch before them is that many commits back.
before="$MERGED~1"
case "$COMMITS" in
  '' | *[!0-9]* | 1) ;;
  *)
    if ! git rev-parse --verify --quiet "$MERGED^2" > /dev/null && git fetch --no-tags --quiet --depth=$((COMMITS + 1)) origin "$MERGED" "$HEAD_SHA" \\
      && [ "$(git log --format=%s -n "$COMMITS" "$MERGED")" = "$(git log --format=%s -n "$COMMITS" "$HEAD_SHA")" ]; then
      before="$MERGED~$COMMITS"
    fi ;;
esac
${RUNNER} pr-summary --base "$before" --head "$MERGED" --format json > "$RUNNER_TEMP/merged.json"
placed=$(placements < "$RUNNER_TEMP/merged.json" || true)
# At most 20 mentioned in one comment; the rest are counted, so none is left untold without a word.
placements=$(head -n 20 <<< "$placed")
more=$(( $(printf '%s\\n' "$placed" | wc -l) - 20 ))
if [ -z "$placements" ]; then
  echo "This merge gives no member a mentor (the default branch had it so already): nobody to tell."
  exit 0
fi
printf '%s\\n' '${PLACED_MARKER}' > "$RUNNER_TEMP/placed.md"
while read -r cohort member mentor member_handle mentor_handle; do
  if [ "$mentor_handle" = - ]; then mentor_name=$mentor; hello='Say hello here.'; else mentor_name="@$mentor_handle"; hello="Say hello here; @$mentor_handle, over to you."; fi
  if [ "$member_handle" != - ]; then
    text="@$member_handle: this pull request is merged, so $mentor_name is your mentor now ($member in $cohort). $hello"
  elif [ "$mentor_handle" != - ]; then
    text="@$mentor_handle: this pull request is merged, so you are the mentor of $member in $cohort now. $member has no GitHub handle in the program's records, so they are not mentioned here: tell them the way the program does."
  else
    text="This pull request is merged, so $mentor is the mentor of $member in $cohort now. Neither has a GitHub handle in the program's records, so nobody is mentioned here: tell them the way the program does."
  fi
  printf '%s\\n' "$text" >> "$RUNNER_TEMP/placed.md"
done <<< "$placements"
if [ "$more" -eq 1 ]; then
  printf '%s\\n' '1 more member has a mentor by this merge and is not mentioned here: tell them the way the program does.' >> "$RUNNER_TEMP/placed.md"
elif [ "$more" -gt 1 ]; then
  printf '%s\\n' "$more more members have a mentor by this merge and are not mentioned here: tell them the way the program does." >> "$RUNNER_TEMP/placed.md"
fi
gh pr comment "$NUMBER" --body-file "$RUNNER_TEMP/placed.md" > /dev/null`;

/**
 * A claim closed without a merge: its member was told the claimer would be their mentor once it
 * merged. Told, when they are still waiting on the default branch and no other claim of them is
 * open (its merge tells them), that they wait again; otherwise nothing (a merged claim told them).
 */
const UNCLAIMED_SCRIPT = `${PLACEMENTS}
# Only a claim the workflow opened told its member of it: a writer's pull request named like one told nobody.
[ "$OPENER" = 'github-actions[bot]' ] || exit 0
# Told once on a pull request: closed again after a reopening, it has nothing new to say.
said=$(gh pr view "$NUMBER" --json comments --jq '[.comments[] | select((.author.login == "github-actions" or .author.login == "github-actions[bot]") and (.body | startswith("${UNCLAIMED_MARKER}")))] | length')
[ "$said" = 0 ] || exit 0
# Whom the claim would have placed, and with whom: its head read as data against the default
# branch (nothing of it checked out or run), and the member's handle as the default branch has it.
printf '%s\\n' "$HEAD_SHA" | grep -qxE '${SHA_ERE}' || exit 0
git cat-file -e "$HEAD_SHA^{commit}" 2> /dev/null || git fetch --no-tags --quiet origin "$HEAD_SHA"
# Of those, the member the workflow opened this claim for: its branch, which the workflow named
# (claim/<cohort>/<member>@<login>, before 2026-11-24 -<login>) and nobody can rename, says whom. Another the branch
# places too (a maintainer's commit on it) never heard of this claim.
claim=$(${RUNNER} pr-summary --base HEAD --head "$HEAD_SHA" --format json 2> /dev/null | placements \\
  | awk '{ named = "claim/" $1 "/" $2; rank = index(ENVIRON["HEAD_REF"], named "@") == 1 ? 0 : index(ENVIRON["HEAD_REF"], named "-") == 1 ? 1 : 2 } rank < 2 { print rank, $0 }' \\
  | sort -s -n -k 1,1 | head -n 1 | cut -d ' ' -f 2- || true)
[ -n "$claim" ] || exit 0
read -r cohort member mentor handle mentor_handle <<< "$claim"
[ "$handle" != - ] || exit 0
[ "$mentor_handle" = - ] || mentor=$mentor_handle
others=$(gh pr list --state open --limit 1000 --json headRefName,isCrossRepository --jq "map(select((.isCrossRepository | not) and (.headRefName | startswith(\\"claim/$cohort/$member@\\")))) | length")
[ "$others" = 0 ] || exit 0
# The default branch as it is after that list, not as the checkout found it: a claim of them merged
# meanwhile (a maintainer closes one claim and merges the other) is on it, and they wait no more.
git fetch --no-tags --quiet origin "$GITHUB_REF" > /dev/null 2>&1 || exit 0
git checkout --quiet --detach FETCH_HEAD
# A cohort mentor cannot read, or any other failure to tell: nothing is said.
waiting=$(${RUNNER} status "$cohort" --format json 2> /dev/null | jq -r --arg member "$member" '[.cohorts[].waiting[] | select(.id == $member)] | length' 2> /dev/null || true)
[ "$waiting" = 1 ] || exit 0
printf '%s\\n' '${UNCLAIMED_MARKER}' "@$handle: this claim was closed without being merged, so \\\`$mentor\\\` is not your mentor after all. You are still waiting: mentors are asked for you on the attention issue, and when a claim of you is merged you are told on it." > "$RUNNER_TEMP/unclaimed.md"
gh pr comment "$NUMBER" --body-file "$RUNNER_TEMP/unclaimed.md" > /dev/null`;

/** The job of mentor-claim.yml that runs on a claim closed unmerged: reads the default branch (nothing of the pull request). */
export function unclaimedJob(): string {
  return `  unclaimed:
    if: github.event_name == 'pull_request_target' && !github.event.pull_request.merged && startsWith(github.event.pull_request.head.ref, 'claim/') && github.event.pull_request.head.repo.full_name == github.repository && github.event.pull_request.base.ref == github.event.repository.default_branch
${runnerJob({
  permissions: ['contents: read', 'pull-requests: write'],
  env: ['GH_TOKEN: ${{ github.token }}', 'NUMBER: ${{ github.event.pull_request.number }}', 'HEAD_SHA: ${{ github.event.pull_request.head.sha }}', 'OPENER: ${{ github.event.pull_request.user.login }}', 'HEAD_REF: ${{ github.event.pull_request.head.ref }}'],
  // The merge base of the claim's head and the default branch: their history.
  fullHistory: true,
  checkoutRef: CURRENT_BRANCH,
})}
${runStep('Tell the member they wait again', UNCLAIMED_SCRIPT)}
`;
}

/**
 * The job of mentor-claim.yml that runs on a merged claim (pull_request_target closed): reads the
 * default branch (nothing of the pull request). Only a merge into the default branch places anyone:
 * the program's records are read there.
 */
export function placedJob(): string {
  return `  placed:
    if: github.event_name == 'pull_request_target' && github.event.pull_request.merged && startsWith(github.event.pull_request.head.ref, 'claim/') && github.event.pull_request.head.repo.full_name == github.repository && github.event.pull_request.base.ref == github.event.repository.default_branch
${runnerJob({
  permissions: ['contents: read', 'pull-requests: write'],
  env: ['GH_TOKEN: ${{ github.token }}', 'NUMBER: ${{ github.event.pull_request.number }}', 'MERGED: ${{ github.event.pull_request.merge_commit_sha }}', 'HEAD_SHA: ${{ github.event.pull_request.head.sha }}', 'COMMITS: ${{ github.event.pull_request.commits }}'],
  fullHistory: false,
  checkoutRef: CURRENT_BRANCH,
})}
${runStep('Tell the member and the mentor', SCRIPT)}
`;
}
