import { WITH_ACCESS } from '../../domain/github.js';
import { GATE_MARKER } from '../pull-request.js';
import { GATE_CONTEXT, RUNNER, runStep } from './common.js';

// The gate's steps, shared by the two trusted jobs that judge a pull request: the
// pull_request_target run (mentor-gate.yml) and the re-judging after a review
// (mentor-gate-review.yml). They read NUMBER, HEAD_SHA, BASE_SHA and AUTHOR from the job's
// environment, and run in a checkout of the base branch: the pull request's head commit is
// fetched as data for `check-pr --head` to read from git objects, never checked out or run.

/**
 * Who approved the head commit: each reviewer whose latest approving or blocking review is an
 * approval of exactly this commit, as the flag check-pr takes: --approved-by for a login with
 * access to the repository, --approved-without-access for one without (anyone may approve a
 * public repository's pull request, and a maintainer's old login can be someone else's now).
 */
const APPROVERS_JQ = `add // [] | map(select(.state == "APPROVED" or .state == "CHANGES_REQUESTED" or .state == "DISMISSED")) | group_by(.user.login) | map(last) | map(select(.state == "APPROVED" and .commit_id == $head)) | .[] | (if (${WITH_ACCESS.map((a) => `.author_association == "${a}"`).join(' or ')}) then "--approved-by" else "--approved-without-access" end) + " " + .user.login`;

/** The gate's earlier comment: made by this workflow's bot, the marker on its first line. */
const OWN_COMMENT_JQ = `add // [] | map(select(.user.login == "github-actions[bot]" and ((.body // "") | startswith("${GATE_MARKER}")))) | first | .id // empty`;

/** Where the status goes: a shell variable holding a commit (the head commit, or a merge queue's commit). */
const statusUrl = (commit: string) => `"repos/$GITHUB_REPOSITORY/statuses/${commit}"`;
const RUN_URL = '"$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/actions/runs/$GITHUB_RUN_ID"';

/** Marking the gate as running is for show: when GitHub refuses it, the judging goes on to the verdict. */
const pending = (commit: string) => `gh api --method POST ${statusUrl(commit)} -f state=pending -f context=${GATE_CONTEXT} \\
  -f description="Judging the changes by the base branch's rules" -f target_url=${RUN_URL} > /dev/null 2>&1 ||
  echo "::warning::GitHub did not take the 'pending' mark of ${GATE_CONTEXT}; the judging goes on and sets the verdict."`;

/** The gate's comment when it has no verdict: check-pr failed, or a call to GitHub did before it could run. */
const NO_VERDICT = `printf '%s\\n\\n%s\\n' '${GATE_MARKER}' "**The gate could not judge this pull request.** A maintainer can see why in [the run](${RUN_URL.slice(1, -1)}), and re-run it." > "$RUNNER_TEMP/gate.md"`;

const FETCH_HEAD = `git fetch --no-tags --quiet origin "+refs/pull/$NUMBER/head:refs/remotes/pull/$NUMBER/head"
if ! git cat-file -e "$HEAD_SHA^{commit}" 2> /dev/null; then
  echo "::error::The pull request moved on (its head is no longer $HEAD_SHA); the run for the new head judges it."
  exit 1
fi`;

/**
 * The line the request and claim workflows put first in the body of the pull request they open:
 * whom it was made for, and their author_association. Only the bot and writers can edit that
 * body, and the branch is in this repository, where only maintainers and workflows push.
 */
export const MADE_FOR = (login: string, association: string) => `<!-- mentor:for ${login} ${association} -->`;

const JUDGE = `# A pull request the request or claim workflow opened is the bot's: judged for the person it was
# made for (named on its body's first line), never as the bot, whoever reviews it.
if [ "$AUTHOR" = 'github-actions[bot]' ] && [ "$HEAD_REPOSITORY" = "$GITHUB_REPOSITORY" ]; then
  made_for=$(gh api "repos/$GITHUB_REPOSITORY/pulls/$NUMBER" | jq -r '(.body // "") | split("\\n")[0] | rtrimstr("\\r")' | sed -n 's/^${MADE_FOR('\\([A-Za-z0-9-]\\{1,39\\}\\)', '\\([A-Z_]\\{1,40\\}\\)')}$/\\1 \\2/p')
  if [ -n "$made_for" ]; then
    AUTHOR=\${made_for% *}
    AUTHOR_ASSOCIATION=\${made_for#* }
    echo "Opened by the request or claim workflow for @$AUTHOR: judged for them."
  fi
fi
gh api --paginate "repos/$GITHUB_REPOSITORY/pulls/$NUMBER/reviews" > "$RUNNER_TEMP/reviews.json"
approvals=()
while read -r flag login; do
  if [ -n "$login" ]; then approvals+=("$flag" "$login"); fi
done < <(jq -rs --arg head "$HEAD_SHA" '${APPROVERS_JQ}' "$RUNNER_TEMP/reviews.json")
set +e
${RUNNER} check-pr --base "$BASE_SHA" --head "$HEAD_SHA" --author "$AUTHOR" --author-association "\${AUTHOR_ASSOCIATION:-NONE}" "\${approvals[@]}" \\
  --format markdown > "$RUNNER_TEMP/gate.md" 2> "$RUNNER_TEMP/gate.err"
code=$?
set -e
case "$code" in
  0) verdict=success ;;
  1) verdict=failure ;;
  *) verdict=error
     ${NO_VERDICT} ;;
esac
echo "verdict=$verdict" >> "$GITHUB_OUTPUT"
cat "$RUNNER_TEMP/gate.md" >> "$GITHUB_STEP_SUMMARY"
# The verdict quotes record text: nothing in it may act as a workflow command in the log.
token=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \\n')
echo "::stop-commands::$token"
cat "$RUNNER_TEMP/gate.md" "$RUNNER_TEMP/gate.err"
echo "::$token::"`;

const setStatus = (commit: string) => `case "$VERDICT" in
  success) description='Every change is one its author may make, or a maintainer approved it' ;;
  failure) description='Not yet: the comment on the pull request says what to fix, or whose approval it needs' ;;
  *) VERDICT=error; description='The gate could not judge this pull request: see the run' ;;
esac
# The verdict is the write that counts (until it lands the commit shows 'pending', or what an
# earlier run set): a call GitHub fails (a 5xx, a rate limit) is tried twice more.
for wait in 5 15 0; do
  if gh api --method POST ${statusUrl(commit)} -f state="$VERDICT" -f context=${GATE_CONTEXT} \\
    -f description="$description" -f target_url=${RUN_URL} > /dev/null 2> "$RUNNER_TEMP/status-error.txt"; then
    break
  fi
  if [ "$wait" -eq 0 ]; then cat "$RUNNER_TEMP/status-error.txt" >&2; exit 1; fi
  echo "GitHub did not take the $VERDICT status; trying again in $wait seconds."
  sleep "$wait"
done`;

const COMMENT = `# No verdict (a call to GitHub failed before one): the comment says so, never the verdict before.
test -n "\${NUMBER:-}" || exit 0
test -s "$RUNNER_TEMP/gate.md" || ${NO_VERDICT}
# The comment is about the pull request's current head: a run for an older head (a slow run, a
# re-judging after a review of an earlier commit) sets that commit's status only.
current=$(gh api "repos/$GITHUB_REPOSITORY/pulls/$NUMBER" | jq -r '.head.sha')
if [ "$current" != "$HEAD_SHA" ]; then
  echo "The pull request's head is now $current: the run for that commit writes the comment."
  exit 0
fi
jq -n --rawfile body "$RUNNER_TEMP/gate.md" '{body: $body}' > "$RUNNER_TEMP/comment.json"
existing=$(gh api --paginate "repos/$GITHUB_REPOSITORY/issues/$NUMBER/comments" | jq -rs '${OWN_COMMENT_JQ}')
if [ -n "$existing" ]; then
  gh api --method PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$existing" --input "$RUNNER_TEMP/comment.json" > /dev/null
else
  gh api --method POST "repos/$GITHUB_REPOSITORY/issues/$NUMBER/comments" --input "$RUNNER_TEMP/comment.json" > /dev/null
fi`;

/** The run is red unless the gate passed: a refusal, or no verdict at all (said apart: a maintainer re-runs only the second). */
const FAIL_UNLESS_PASSED = `if [ "$VERDICT" = failure ]; then
  echo "The gate refused the pull request: see the comment on it."
else
  echo "The gate could not judge the pull request: the steps above say why. Re-run this job once that is fixed."
fi
exit 1`;

export interface GateStepOptions {
  /** The condition every step adds (the re-judging job skips them when no open pull request has the head commit). */
  when?: string;
  /** The commit whose status is set (a shell variable, and what to call it): the head commit unless said. */
  statusOn?: { commit: string; called: string };
  /** A step (name and script) run after the head is fetched and before it is judged. */
  beforeJudging?: { name: string; script: string };
}

/** The steps after the base is checked out. */
export function gateSteps(options: GateStepOptions = {}): string {
  const { when, statusOn = { commit: '$HEAD_SHA', called: 'head commit' }, beforeJudging } = options;
  const only = (condition: string) => [condition, when].filter(Boolean).join(' && ');
  const step = (name: string, body: string, extra: string[] = []) => runStep(name, body, extra);
  const guard = when ? [`if: ${when}`] : [];
  return [
    step('Mark the gate as running', pending(statusOn.commit), guard),
    step("Fetch the pull request's head commit as data (never checked out)", FETCH_HEAD, guard),
    ...(beforeJudging ? [step(beforeJudging.name, beforeJudging.script, guard)] : []),
    step("Judge the changes with the base branch's runner", JUDGE, ['id: judge', ...guard]),
    step(`Set the ${GATE_CONTEXT} status on the ${statusOn.called}`, setStatus(statusOn.commit), [`if: ${only('always()')}`, 'env:', '  VERDICT: ${{ steps.judge.outputs.verdict }}']),
    step('Post the verdict as the one gate comment on the pull request', COMMENT, [`if: ${only('always()')}`]),
    step('Fail this run unless the gate passed', FAIL_UNLESS_PASSED, [`if: ${only("steps.judge.outputs.verdict != 'success'")}`, 'env:', '  VERDICT: ${{ steps.judge.outputs.verdict }}']),
  ].join('\n');
}

/** The job permissions both gate jobs need, and nothing more. */
export const GATE_PERMISSIONS = ['contents: read', 'pull-requests: write', 'statuses: write'];
