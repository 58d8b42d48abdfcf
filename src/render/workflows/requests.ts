import { CURRENT_BRANCH, GATE_CONTEXT, header, ID_BRE, RUNNER, runnerJob, runStep, WORKFLOW_DEFAULTS } from './common.js';
import { MADE_FOR } from './gate-steps.js';
import { OFFER_LABEL, REQUEST_LABEL } from '../issue-forms.js';
import { ATTENTION_LABEL } from './attention.js';
import { placedJob, unclaimedJob } from './claim-placed.js';
import { CLAIM_AGAIN, CLAIM_MARKER } from '../claim.js';
import { GATE_WAITS, problemLine, REQUEST_MARKER, REQUEST_NOUN, STUCK_MARKER } from '../request.js';

// The request and claim workflows. Issue and comment text reaches the shell only through env
// and a file; mentor reads it (request --from-issue, claim) and answers in escaped Markdown. A
// pull request opened with GITHUB_TOKEN starts no workflow, so each job runs the gate itself,
// judging the issue's or comment's author, and sets the gate's commit status on the head commit.

const BOT_EMAIL = '41898282+github-actions[bot]@users.noreply.github.com';

/** Ends the workflow's part of a pull request's description: each run rewrites what is above it, and keeps what a maintainer writes below. */
export const WORKFLOW_PART_END = '<!-- mentor:workflow-end: this workflow rewrites what is above this line; write below it -->';

/** A committer, and a branch at the checked-out commit (a checkout may leave HEAD detached). */
const IDENTITY = `git config user.name 'github-actions[bot]'
git config user.email '${BOT_EMAIL}'
git switch --quiet -C mentor-base`;

/**
 * Pushes HEAD as $PUSH_TO, judges it for $AUTHOR, opens (or finds) its pull request described by
 * `description`, sets the gate status, and answers on the issue with a link to the pull request.
 * Where the repository does not let its workflows open pull requests (GitHub's default for a new
 * repository), the issue is told so in the requester's words, the maintainers are mentioned with
 * the setting to change, and the run fails: nobody is left waiting on a request that went nowhere.
 */
const openAndGate = (description: string, marker: string, what: string, beforeAnswer = '') => `# A branch a maintainer has committed to since (or amended: the committer tells) is theirs: an edit
# of the issue does not push over it (a merge of the default branch into it, as "Update branch"
# makes, is not such a change).
if git rev-parse --verify --quiet "refs/remotes/origin/$PUSH_TO" > /dev/null; then
  others=$(git log --no-merges --format='%ae%n%ce' "HEAD~1..refs/remotes/origin/$PUSH_TO" | awk -v bot='${BOT_EMAIL}' '$0 != bot { n++ } END { print n + 0 }')
  if [ "$others" -gt 0 ]; then
    printf '%s\\n' '${marker}' "Thanks. Your ${what} is already a pull request, and a maintainer has changed it since, so this workflow leaves it as it is. If you changed something, say what in a comment here and they will apply it." > "$RUNNER_TEMP/answer.md"
    gh issue comment "$NUMBER" --body-file "$RUNNER_TEMP/answer.md"
    exit 0
  fi
fi
printf '%s\\n' "${MADE_FOR('$AUTHOR', '${AUTHOR_ASSOCIATION:-NONE}')}" "${description}" > "$RUNNER_TEMP/pr.md"
# The same files on the same start as the branch holds (an edit that changes nothing it writes, a
# claim sent again): nothing is pushed. A new commit would notify everyone following the pull
# request and dismiss a maintainer's approval, for no change.
if git rev-parse --verify --quiet "refs/remotes/origin/$PUSH_TO" > /dev/null \\
  && [ "$(git rev-parse 'HEAD^{tree}' 'HEAD~1')" = "$(git rev-parse "refs/remotes/origin/$PUSH_TO^{tree}" "refs/remotes/origin/$PUSH_TO~1")" ]; then
  git reset --quiet --hard "refs/remotes/origin/$PUSH_TO"
else
  git push --force origin "HEAD:refs/heads/$PUSH_TO"
fi
base_sha=$(git rev-parse HEAD~1)
head_sha=$(git rev-parse HEAD)
set +e
${RUNNER} check-pr --base "$base_sha" --head "$head_sha" --author "$AUTHOR" --author-association "\${AUTHOR_ASSOCIATION:-NONE}" --format json > "$RUNNER_TEMP/gate.json"
code=$?
set -e
case "$code" in 0) state=success ;; 1) state=failure ;; *) state=error ;; esac
# It counts only once merged, and only a maintainer merges it (the attention issue reads the
# default branch): the pull request's body tells them, once, when it is opened.
mentions() { jq -r '(.maintainers // []) | map("@" + .) | join(", ")' 2> /dev/null; }
maintainers=$(mentions < "$RUNNER_TEMP/gate.json" || true)
if [ -z "$maintainers" ] && [ "$state" = error ]; then
  # check-pr stopped without a verdict, or its list: the config's maintainers, as codeowners reads
  # them (this commit writes records only, so its config is the base's; stale CODEOWNERS is exit 1).
  maintainers=$(${RUNNER} codeowners --check --format json 2> /dev/null | mentions || true)
fi
if [ -n "$maintainers" ]; then
  case "$state" in
    success) verdict="the gate passed it for @$AUTHOR" ;;
    failure) verdict="the gate did not pass it for @$AUTHOR (\\\`${RUNNER} check-pr --base $base_sha --head $head_sha --author $AUTHOR\\\` says why)" ;;
    *) verdict="the gate could not judge it for @$AUTHOR (\\\`${RUNNER} check-pr --base $base_sha --head $head_sha --author $AUTHOR\\\` stopped with an error: the run of this workflow shows it)" ;;
  esac
  printf '\\n%s\\n' "$maintainers: $verdict. It counts once merged, and only a maintainer can merge it." >> "$RUNNER_TEMP/pr.md"
fi
printf '%s\\n' '${WORKFLOW_PART_END}' >> "$RUNNER_TEMP/pr.md"
# The status before the pull request: a pull request the bot opens starts no workflow, so one
# opened without its status would wait for it until someone re-ran this.
gh api --method POST "repos/$GITHUB_REPOSITORY/statuses/$head_sha" -f state="$state" -f context=${GATE_CONTEXT} \\
  -f description="Judged by the workflow that opened it, for @$AUTHOR" > /dev/null
# Only a pull request from this repository's own branch: \`--head\` matches a fork's branch of that name too.
own_pull_request() { gh pr list --head "$PUSH_TO" --state open --json url,isCrossRepository --jq 'map(select(.isCrossRepository | not)) | .[0].url // empty'; }
pr=$(own_pull_request)
if [ -n "$pr" ]; then
  # An edited issue (or a claim again) is judged again: the description says this run's verdict,
  # above the marker; a maintainer's own words below it are kept (GitHub's editor writes CRLF). One
  # without the marker (taken out, or written by an older workflow) is theirs: left as it is. A
  # description is not worth failing the run for; the status above is the verdict that counts.
  if gh pr view "$pr" --json body --jq .body 2> /dev/null | tr -d '\\r' > "$RUNNER_TEMP/pr-now.md" && grep -qxF '${WORKFLOW_PART_END}' "$RUNNER_TEMP/pr-now.md"; then
    # Everything after the first marker line, even when it is the first line (a maintainer cleared what is above).
    kept=$(awk -v end='${WORKFLOW_PART_END}' 'below { print } !below && $0 == end { below = 1 }' "$RUNNER_TEMP/pr-now.md")
    [ -z "$kept" ] || printf '%s\\n' "$kept" >> "$RUNNER_TEMP/pr.md"
    gh pr edit "$pr" --body-file "$RUNNER_TEMP/pr.md" > /dev/null || true
  fi
elif ! pr=$(gh pr create --head "$PUSH_TO" --title "$(git log -1 --format=%s)" --body-file "$RUNNER_TEMP/pr.md" 2> "$RUNNER_TEMP/pr-error.txt"); then
  # Another run for the same branch (the same issue or claim sent twice at once) may have opened it since.
  pr=$(own_pull_request)
fi
if [ -z "$pr" ]; then
  cat "$RUNNER_TEMP/pr-error.txt" >&2
  if ! grep -q 'not permitted to create or approve pull requests' "$RUNNER_TEMP/pr-error.txt"; then
    # GitHub failed (a rate limit, an outage): a re-run opens it. Nobody is asked to change a setting.
    printf '%s\\n' '${marker}' '${STUCK_MARKER}' '${problemLine('github')}' "Thanks: your ${what} is ready, on branch \\\`$PUSH_TO\\\`, but GitHub did not open its pull request just now. A maintainer can re-run the failed run of this workflow; you do not need to do anything." > "$RUNNER_TEMP/answer.md"
    gh issue comment "$NUMBER" --body-file "$RUNNER_TEMP/answer.md"
    echo "::error::GitHub did not open the pull request from $PUSH_TO (its error is above). Re-run this job to open it."
    exit 1
  fi
  {
    printf '%s\\n' '${marker}' '${STUCK_MARKER}' '${problemLine('settings')}' "Thanks: your ${what} is ready, on branch \\\`$PUSH_TO\\\`, but this repository does not let its workflows open pull requests yet, so it waits for the organisers. You do not need to do anything." ''
    if [ -n "$maintainers" ]; then
      printf '%s\\n' "$maintainers: turn on Settings → Actions → General → Workflow permissions → 'Allow GitHub Actions to create and approve pull requests', then re-run the failed run of this workflow (or open a pull request from \\\`$PUSH_TO\\\` yourselves)."
    else
      printf '%s\\n' 'The program names no maintainer to tell yet (\`maintainers\` in mentor.config.yaml), so you may want to let the organisers know.'
    fi
  } > "$RUNNER_TEMP/answer.md"${beforeAnswer === '' ? '' : `
  ${beforeAnswer}`}
  gh issue comment "$NUMBER" --body-file "$RUNNER_TEMP/answer.md"
  echo "::error::The pull request could not be opened: allow GitHub Actions to create pull requests (Settings → Actions → General), then re-run this workflow."
  exit 1
fi
# A pull request the gate did not pass waits for a maintainer: whoever asked hears so, and what is theirs to do.
case "$state" in
  failure) printf '\\n%s\\n' '${GATE_WAITS.failure}' >> "$RUNNER_TEMP/answer.md" ;;
  error) printf '\\n%s\\n' '${GATE_WAITS.error}' >> "$RUNNER_TEMP/answer.md" ;;
esac
printf '\\n%s\\n' "Pull request: $pr" >> "$RUNNER_TEMP/answer.md"
gh issue comment "$NUMBER" --body-file "$RUNNER_TEMP/answer.md"`;

/**
 * Runs a command that writes its Markdown answer for the issue; when it fails with an answer (the
 * request or claim refused), that answer goes on the issue and the job stops there, green. When it
 * fails without one (the records on the default branch cannot be read, a commit failed), the
 * fallback goes on the issue and the job is red: a maintainer looks only at a failed run.
 * `fallback`: a shell word (quoted; it may expand a variable). `again`: the other way to run it again once that is fixed (a re-run reads the default branch as it is then).
 */
const answerOrStop = (command: string, marker: string, fallback: string, again: string, beforeAnswer = '') => `set +e
${RUNNER} ${command} > "$RUNNER_TEMP/answer.md"
code=$?
set -e
if [ "$code" -ne 0 ]; then
  if [ -s "$RUNNER_TEMP/answer.md" ]; then${beforeAnswer === '' ? '' : `
    ${beforeAnswer}`}
    gh issue comment "$NUMBER" --body-file "$RUNNER_TEMP/answer.md"
    exit 0
  fi
  printf '%s\\n' '${marker}' '${STUCK_MARKER}' '${problemLine('broken')}' ${fallback} > "$RUNNER_TEMP/answer.md"
  gh issue comment "$NUMBER" --body-file "$RUNNER_TEMP/answer.md"
  echo "::error::mentor stopped without an answer for the issue (exit $code: its error is above). Fix what it says on the default branch, then re-run this job (or ${again})."
  exit 1
fi`;

/**
 * A handle the request workflow has mentioned already, on this issue or another open one of its
 * author's, is not mentioned again (shown as code): an answer that names the maintainers (only they
 * can take the request on) would otherwise notify them again on every edit of the issue, and for
 * every issue one person opens, as often as they like.
 */
const MENTION_ONCE = `mention_once() {
  for label in ${REQUEST_LABEL} ${OFFER_LABEL}; do
    gh issue list --label "$label" --author "$AUTHOR" --state open --limit 100 --json comments --jq '.[].comments[] | select((.author.login == "github-actions" or .author.login == "github-actions[bot]") and (.body | startswith("${REQUEST_MARKER}"))) | .body' || return 0
  done > "$RUNNER_TEMP/earlier.md"
  for handle in $(grep -o '@[A-Za-z0-9][A-Za-z0-9-]*' "$RUNNER_TEMP/answer.md" | sort -u); do
    if grep -qE -- "$handle([^A-Za-z0-9-]|$)" "$RUNNER_TEMP/earlier.md"; then
      # Twice: one separator between two mentions is used up by the first.
      sed -i -E -e "s/(^|[^\\\`A-Za-z0-9-])$handle([^A-Za-z0-9-]|$)/\\1\\\`$handle\\\`\\2/g" -e "s/(^|[^\\\`A-Za-z0-9-])$handle([^A-Za-z0-9-]|$)/\\1\\\`$handle\\\`\\2/g" "$RUNNER_TEMP/answer.md"
    fi
  done
}`;

/**
 * One open request per person: a second issue by the same login is pointed at the first pull
 * request, whose issue they can edit, instead of the bot opening another.
 */
const ONE_REQUEST_EACH = `gh pr list --state open --limit 1000 --json headRefName,body,url,isCrossRepository > "$RUNNER_TEMP/open.json"
# Theirs, as '<url> <issue number>' lines. One whose issue is closed (its requester withdrew it) is
# not open for them: they cannot edit it into a run.
jq -r --arg author "$AUTHOR" --arg branch "$PUSH_TO" '.[] | select((.isCrossRepository | not) and (.headRefName | startswith("request/issue-")) and .headRefName != $branch and ((.body // "") | split("\\n")[0] | rtrimstr("\\r") | ascii_downcase | startswith("<!-- mentor:for " + ($author | ascii_downcase) + " "))) | "\\(.url) \\(.headRefName | ltrimstr("request/issue-"))"' "$RUNNER_TEMP/open.json" > "$RUNNER_TEMP/theirs.txt"
other=
while read -r url issue; do
  case "$issue" in
    '' | *[!0-9]*) ;;
    *) [ "$(gh issue view "$issue" --json state --jq .state 2> /dev/null)" = CLOSED ] && continue ;;
  esac
  other=$url
  break
done < "$RUNNER_TEMP/theirs.txt"
if [ -n "$other" ]; then
  printf '%s\\n' '${REQUEST_MARKER}' "Thanks. You already have an open $what: $other. If something changed, edit the issue of that one; this issue adds nothing, so a maintainer can close it." > "$RUNNER_TEMP/answer.md"
  gh issue comment "$NUMBER" --body-file "$RUNNER_TEMP/answer.md"
  exit 0
fi`;

/** Both jobs commit, push, open a pull request, answer on the issue and set the gate status. */
const WRITES = ['contents: write', 'issues: write', 'pull-requests: write', 'statuses: write'];

/** mentor-request.yml: a request (or an offer to mentor) from the issue form becomes a pull request. */
export function requestWorkflow(): string {
  const body = `printf '%s' "$BODY" > "$RUNNER_TEMP/body.md"
# What the issue asks for, in the words of every answer its author reads.
what='${REQUEST_NOUN.mentee}'
[ "$ROLE" != mentor ] || what='${REQUEST_NOUN.mentor}'
${MENTION_ONCE}
${IDENTITY}
${answerOrStop('request --from-issue "$RUNNER_TEMP/body.md" --github "$AUTHOR" --role "$ROLE" --format markdown --commit', REQUEST_MARKER, `'Thanks. Your '"$what"' could not be taken in just now, because of a problem on the side of the organisers, not in your answers. They will see it and answer here: you do not need to do anything.'`, 'edit the issue to run this again', 'mention_once')}
PUSH_TO="request/issue-$NUMBER"
${ONE_REQUEST_EACH}
${openAndGate("From the request form. Closes #$NUMBER (merging it answers the request). The gate judged it for the issue's author.", REQUEST_MARKER, '$what', 'mention_once')}`;
  return `${header([
    '# A request for a mentor (or an offer to mentor) from the issue form: `mentor request',
    '# --from-issue` checks it and this opens a pull request with the person file and the member,',
    '# or answers on the issue what to fix. Runs again when the issue is edited.',
  ])}name: mentor request

on:
  issues:
    types: [opened, edited]

${WORKFLOW_DEFAULTS}

# One run at a time per person: two request issues opened at once by one login would otherwise
# both find no open request of theirs and both open one. A run waits for the one before it (an
# edit of the issue too, so a push is never cut off halfway), then sees its pull request.
concurrency:
  group: mentor-request-\${{ github.event.issue.user.login }}
  cancel-in-progress: false

jobs:
  request:
    if: github.event.issue.state == 'open' && (contains(github.event.issue.labels.*.name, '${REQUEST_LABEL}') || contains(github.event.issue.labels.*.name, '${OFFER_LABEL}'))
${runnerJob({
  permissions: WRITES,
  env: ['GH_TOKEN: ${{ github.token }}', 'NUMBER: ${{ github.event.issue.number }}', 'AUTHOR: ${{ github.event.issue.user.login }}', 'AUTHOR_ASSOCIATION: ${{ github.event.issue.author_association }}', 'BODY: ${{ github.event.issue.body }}', `ROLE: \${{ contains(github.event.issue.labels.*.name, '${OFFER_LABEL}') && 'mentor' || 'mentee' }}`],
  fullHistory: true,
  checkoutRef: CURRENT_BRANCH,
})}
${runStep('Turn the request into a pull request, or say what to fix', body)}
`;
}

/** mentor-claim.yml: `/claim <member>` on the attention issue opens the claim's pull request. */
export function claimWorkflow(): string {
  const body = `member=$(printf '%s\\n' "$COMMENT" | head -n 1 | sed -n 's#^/claim[[:space:]][[:space:]]*@\\{0,1\\}\\(${ID_BRE}\\)[[:space:]]*$#\\1#p')
if [ -z "$member" ]; then
  printf '%s\\n' '${CLAIM_MARKER}' 'Write the member to claim as it is shown on the queue, such as \`/claim cleo\`. ${CLAIM_AGAIN}' > "$RUNNER_TEMP/answer.md"
  gh issue comment "$NUMBER" --body-file "$RUNNER_TEMP/answer.md"
  exit 0
fi
${IDENTITY}
${answerOrStop('claim "$member" --as "@$AUTHOR" --format markdown --commit', CLAIM_MARKER, `'The claim could not be made just now, because of a problem on the side of the organisers, not in your comment: please let a maintainer know (the run of this workflow shows them what failed). Once it is fixed, write the \`/claim\` again: an edited comment is not read.'`, 'write the /claim again')}
# One branch per member and claimer: '@' is in no id and no login, so no two pairs share a name.
PUSH_TO="$(git branch --show-current)@$(printf '%s' "$AUTHOR" | tr 'A-Z' 'a-z')"
# The member hears of the first claim of them: a claim again (the same mentor's, or another's while
# one is open) mentions them no more. The answer's one line that starts with a mention is theirs;
# the merge tells them who their mentor is (the placed job).
gh pr list --state open --limit 1000 --json headRefName,url,isCrossRepository > "$RUNNER_TEMP/open.json"
earlier=$(jq -r --arg claim "\${PUSH_TO%@*}@" 'map(select((.isCrossRepository | not) and (.headRefName | startswith($claim)))) | first | .url // empty' "$RUNNER_TEMP/open.json")
if [ -n "$earlier" ] && grep -q '^@[A-Za-z0-9]' "$RUNNER_TEMP/answer.md"; then
  sed -i '/^@[A-Za-z0-9]/d' "$RUNNER_TEMP/answer.md"
  printf '%s\\n' "$member was told of an open claim already ($earlier), so is not mentioned again." >> "$RUNNER_TEMP/answer.md"
fi
${openAndGate('A claim from the attention issue (#$NUMBER). The first claim merged wins; the gate refuses the others.', CLAIM_MARKER, 'claim')}`;
  return `${header([
    '# A comment `/claim <member>` on the attention issue: `mentor claim` checks the hard rules for the',
    '# commenter and this opens the pull request, or answers why not. The first claim merged wins;',
    '# when a maintainer merges one, the member and the mentor are told on it.',
  ])}name: mentor claim

on:
  issue_comment:
    types: [created]
  pull_request_target:
    types: [closed]

${WORKFLOW_DEFAULTS}

jobs:
  claim:
    if: github.event_name == 'issue_comment' && github.event.issue.pull_request == null && startsWith(github.event.comment.body, '/claim') && contains(github.event.issue.labels.*.name, '${ATTENTION_LABEL}')
${runnerJob({
  permissions: WRITES,
  env: ['GH_TOKEN: ${{ github.token }}', 'NUMBER: ${{ github.event.issue.number }}', 'AUTHOR: ${{ github.event.comment.user.login }}', 'AUTHOR_ASSOCIATION: ${{ github.event.comment.author_association }}', 'COMMENT: ${{ github.event.comment.body }}'],
  fullHistory: true,
  checkoutRef: CURRENT_BRANCH,
})}
${runStep('Claim the member for the commenter, or say why not', body)}
${placedJob()}
${unclaimedJob()}`;
}
