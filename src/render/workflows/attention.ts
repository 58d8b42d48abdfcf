import { CURRENT_BRANCH, GATE_CONTEXT, header, RUNNER, runnerJob, runStep, WORKFLOW_DEFAULTS } from './common.js';
import { neverPlacedMarker, OFF_QUEUE_ISSUE_WHY, waitingMarker } from '../attention.js';
import { notifiedLine } from '../../core/attention-notified.js';
import { OFFER_LABEL, REQUEST_LABEL } from '../issue-forms.js';
import { GATE_WAITS, notTakenInNotice, problemLine, REQUEST_MARKER, REQUEST_NOUN, STUCK_MARKER, type StuckProblem } from '../request.js';

// The attention workflow keeps ONE issue current from `status --format markdown`: created when a
// request waits, edited as the queue moves, closed when nothing waits. An edited body notifies
// nobody (isaacs/github#310), so new mentions go out once, in a new comment (--comment-out).

export const ATTENTION_LABEL = 'mentor-attention';

/** A stuck answer's problem line, as a jq regular expression capturing `problem`. */
const PROBLEM_RE = problemLine('PROBLEM' as StuckProblem).replace('PROBLEM', '(?<problem>[a-z]{1,20})');

/** How the body's record of the mentions sent starts (a line of its own). */
const NOTIFIED_PREFIX = notifiedLine([]).split(' ').slice(0, 2).join(' ');

export function attentionWorkflow(): string {
  const body = `gh label create ${ATTENTION_LABEL} --color FBCA04 --description 'The queue of requests for a mentor' --force > /dev/null
gh label create ${REQUEST_LABEL} --color 0E8A16 --description 'A request for a mentor (issue form)' --force > /dev/null
gh label create ${OFFER_LABEL} --color 1D76DB --description 'An offer to mentor (issue form)' --force > /dev/null
number=$(gh issue list --label ${ATTENTION_LABEL} --state all --limit 1 --json number --jq '.[0].number // empty')
state=closed
: > "$RUNNER_TEMP/previous.md"
if [ -n "$number" ]; then
  gh issue view "$number" --json body --jq .body > "$RUNNER_TEMP/previous.md"
  state=$(gh issue view "$number" --json state --jq .state | tr 'A-Z' 'a-z')
fi
# The claims and requests waiting for a maintainer's merge (the claim and request workflows'
# branches, in this repository): a request is on no queue until then. A request's line ends with
# the gate's status on its head (lowercased; \`none\` before it has one): one the gate did not pass
# is not the maintainers' to merge as it is.
gh pr list --state open --limit 1000 --json headRefName,url,isCrossRepository,createdAt,statusCheckRollup --jq '.[] | select(.isCrossRepository | not) | if (.headRefName | startswith("claim/")) then "\\(.headRefName) \\(.url)" elif (.headRefName | startswith("request/issue-")) then "unmerged \\(.createdAt) \\(.url) \\(.headRefName | ltrimstr("request/issue-")) \\([(.statusCheckRollup // [])[] | select(.context? == "${GATE_CONTEXT}") | .state] | last // "none" | ascii_downcase)" else empty end' > "$RUNNER_TEMP/prs.txt"
# A request whose issue is closed (its requester withdrew it, or a maintainer took it in by hand) is
# not waiting: its pull request is the maintainers' to close, and nobody is asked to merge it. The
# closed request issues are read in one list (a call per pull request would spend the token's limit).
for label in ${REQUEST_LABEL} ${OFFER_LABEL}; do
  gh issue list --label "$label" --state closed --limit 1000 --json number --jq '.[] | "closed \\(.number)"'
done > "$RUNNER_TEMP/closed.txt"
: > "$RUNNER_TEMP/requested.txt"
while read -r kind opened url issue gate; do
  if [ "$kind" = unmerged ]; then
    grep -qxF "closed $issue" "$RUNNER_TEMP/closed.txt" && continue
    echo "$issue $url $gate" >> "$RUNNER_TEMP/requested.txt"
    echo "$kind $opened $url $gate"
  else
    echo "$kind $opened"
  fi
done < "$RUNNER_TEMP/prs.txt" > "$RUNNER_TEMP/claims.txt"
# The request issues the request workflow never answered, or answered only to say it is stuck (its
# run failed, GitHub was down): on no other queue, so the maintainers are told. Only the bot's answer counts.
# (A line 'told <number>': the bot's last answer there told its requester what to do, or that they need do nothing.
# A line 'label <number> <label>': which form it came from, for the words of what its author is told.)
# An issue's line ends with what keeps it stuck (its answer's problem line; \`none\`): the maintainers are told once per problem.
for label in ${REQUEST_LABEL} ${OFFER_LABEL}; do
  gh issue list --label "$label" --state open --limit 1000 --json number,url,createdAt,comments --jq '.[] | ([.comments[] | select((.author.login == "github-actions" or .author.login == "github-actions[bot]") and (.body | startswith("${REQUEST_MARKER}")))] | last) as $answer | select($answer == null or ($answer.body | contains("${STUCK_MARKER}"))) | "unanswered \\(.createdAt) \\(.url) \\((($answer.body // "") | capture("${PROBLEM_RE}") | .problem) // "none")", (select($answer != null) | "told \\(.number)"), "label \\(.number) '"$label"'"'
done > "$RUNNER_TEMP/unanswered.txt"
# One whose pull request is open was taken in, but its answer did not go out (GitHub refused the
# comment), or a maintainer opened the pull request of a stuck one by hand: its pull request is its
# one entry, and its requester gets the answer (sent after the body; once, since it is an answer).
: > "$RUNNER_TEMP/late.txt"
while read -r kind opened url problem; do
  [ "$kind" = unanswered ] || continue
  pull=$(awk -v n="\${url##*/}" '$1 == n { print $2, $3; exit }' "$RUNNER_TEMP/requested.txt")
  if [ -n "$pull" ]; then
    echo "\${url##*/} $pull" >> "$RUNNER_TEMP/late.txt"
  else
    echo "$kind $opened $url $problem"
  fi
done < "$RUNNER_TEMP/unanswered.txt" >> "$RUNNER_TEMP/claims.txt"
${RUNNER} status --format markdown --since "$RUNNER_TEMP/previous.md" --claims "$RUNNER_TEMP/claims.txt" --comment-out "$RUNNER_TEMP/comment.md" > "$RUNNER_TEMP/body.md"
if grep -qx '${waitingMarker(0)}' "$RUNNER_TEMP/body.md"; then
  if [ -n "$number" ] && [ "$state" = open ]; then
    gh issue edit "$number" --body-file "$RUNNER_TEMP/body.md" > /dev/null
    closing='Nobody is waiting for a mentor.'
    # A cohort that has just finished left some who asked without a mentor, and in no cohort now.
    if grep -q '^${neverPlacedMarker(0).split(' ').slice(0, 2).join(' ')} [1-9]' "$RUNNER_TEMP/body.md"; then
      closing='Nobody is waiting for a mentor in a cohort that has not finished. A cohort that has just finished never placed some who asked: this issue lists them, with the command that carries them into the next cycle.'
    fi
    gh issue close "$number" --comment "$closing" > /dev/null
  fi
  exit 0
fi
# The body records who has been mentioned, so it is written only once the comment with the
# mentions is out: if a call fails in between, the next run sends them (a new issue starts with
# no record).
if [ -z "$number" ]; then
  grep -v '^${NOTIFIED_PREFIX}' "$RUNNER_TEMP/body.md" > "$RUNNER_TEMP/first.md" || true
  url=$(gh issue create --title 'Requests waiting for a mentor' --label ${ATTENTION_LABEL} --body-file "$RUNNER_TEMP/first.md")
  number=\${url##*/}
elif [ "$state" != open ]; then
  gh issue reopen "$number" > /dev/null
fi
if [ -s "$RUNNER_TEMP/comment.md" ]; then
  gh issue comment "$number" --body-file "$RUNNER_TEMP/comment.md" > /dev/null
fi
gh issue edit "$number" --body-file "$RUNNER_TEMP/body.md" > /dev/null
# Whoever opened a request issue nobody answered hears, once, that the maintainers were told (its
# row names them). After the body, which records the mentions: a notice GitHub refuses (the issue
# locked, its limit on comments when many wait) fails no run, and is sent by the next. A stuck answer
# told its requester already (some have something to fix too), and so does this notice.
# An offer to mentor (its issue from the other form) is told in words for an offer.
role_of() { if grep -qx "label $1 ${OFFER_LABEL}" "$RUNNER_TEMP/unanswered.txt"; then echo mentor; else echo mentee; fi; }
printf '%s\\n' '${REQUEST_MARKER}' '${STUCK_MARKER}' "${notTakenInNotice('mentee', '#$number')}" > "$RUNNER_TEMP/told-mentee.md"
printf '%s\\n' '${REQUEST_MARKER}' '${STUCK_MARKER}' "${notTakenInNotice('mentor', '#$number')}" > "$RUNNER_TEMP/told-mentor.md"
for request in $(sed -n 's/^| #\\([0-9][0-9]*\\) | [^|]* | ${OFF_QUEUE_ISSUE_WHY} | @.*/\\1/p' "$RUNNER_TEMP/body.md"); do
  grep -qx "told $request" "$RUNNER_TEMP/unanswered.txt" && continue
  gh issue comment "$request" --body-file "$RUNNER_TEMP/told-$(role_of "$request").md" > /dev/null || true
done
# The answer the request workflow would have given: one the gate did not pass waits for a maintainer.
while read -r request pull gate; do
  case "$gate" in
    failure) then_what='${GATE_WAITS.failure}' ;;
    error) then_what='${GATE_WAITS.error}' ;;
    *) then_what='It counts once a maintainer merges it; you do not need to do anything.' ;;
  esac
  what='${REQUEST_NOUN.mentee}'
  [ "$(role_of "$request")" = mentee ] || what='${REQUEST_NOUN.mentor}'
  printf '%s\\n' '${REQUEST_MARKER}' "Thanks: your $what is ready, as a pull request: $pull. $then_what" > "$RUNNER_TEMP/late.md"
  gh issue comment "$request" --body-file "$RUNNER_TEMP/late.md" > /dev/null || true
done < "$RUNNER_TEMP/late.txt"`;
  return `${header([
    '# Every hour, and on each push to the default branch: keeps one issue (label mentor-attention)',
    '# current with the requests waiting for a mentor, mentions each mentor or maintainer once in a',
    '# new comment, and closes it when nobody waits. Reads the default branch only. It also makes the',
    "# labels the issue forms put on their issues (GitHub leaves out a form's label that does not",
    '# exist, and the request workflow answers labelled issues only): the push that brings this file',
    '# makes them, before the first request.',
  ])}name: mentor attention

on:
  schedule:
    - cron: '17 * * * *'
  push:
  workflow_dispatch:

${WORKFLOW_DEFAULTS}

# One run at a time, a newer one waiting. Keyed by branch: a push to another branch (whose run does
# nothing) never takes the place of a waiting run of the default branch.
concurrency:
  group: mentor-attention-\${{ github.ref_name }}
  cancel-in-progress: false

jobs:
  attention:
    if: github.event_name != 'push' || github.ref == format('refs/heads/{0}', github.event.repository.default_branch)
${runnerJob({ permissions: ['contents: read', 'issues: write', 'pull-requests: read'], env: ['GH_TOKEN: ${{ github.token }}'], fullHistory: false, checkoutRef: CURRENT_BRANCH })}
${runStep('Update the attention issue', body)}
`;
}
