import { CODEOWNERS_FILE, cohortFile, COHORTS_DIR, CONFIG_FILE, REPORTS_DIR, reportFile } from '../../domain/layout.js';
import { header, indent, RUNNER, runnerJob, WORKFLOW_DEFAULTS } from './common.js';

// mentor.yml: validate on every push and pull request, and check that every generated file is
// what its command writes. On a pull request it runs the pull request's own files, so it informs
// (annotations on the changed lines, a job summary) but cannot be trusted: mentor-gate.yml is the
// check to require.

/**
 * The job summary: counts, and the first problems with every Markdown character escaped. `$known`:
 * how many of the errors the default branch had already (on a pull request).
 */
const SUMMARY_JQ = `def md: gsub("[\\\\r\\\\n]+"; " ") | gsub("(?<c>[!-/:-@\\\\[-\`{-~])"; "\\\\\\(.c)");
def count($n; $word): "\\($n) \\($word)\\(if $n == 1 then "" else "s" end)";
([.problems[] | select(.severity == "error")] | length) as $errors
| ([.problems[] | select(.severity == "warning")] | length) as $warnings
| "\\(count(.files; "file")) checked: \\(if $errors == 0 then "no errors" else count($errors; "error") end), \\(count($warnings; "warning"))" as $counts
| "## mentor validate", "",
  (if $errors == 0 then "✅ \\($counts)."
   elif $errors == $known then "⚠️ \\($counts). \\(if $errors == 1 then "The error was" else "Each error was" end) on the default branch already: not this pull request's to fix (a maintainer fixes it there)."
   else "❌ \\($counts). Each is annotated on its line, with what to do." end),
  (if $known > 0 and $errors > $known then "", "\\($known) of the errors \\(if $known == 1 then "was" else "were" end) on the default branch already: not this pull request's to fix." else empty end),
  (if (.problems | length) > 0 then "", "| file | line | problem | what to do |", "|---|---|---|---|",
     (.problems[:50][] | "| \\(.file | md) | \\(.line) | \\(.message | md) (\\(.rule)) | \\(.fix // "–" | md) |"),
     (if (.problems | length) > 50 then "", "… and \\((.problems | length) - 50) more." else empty end)
   else empty end)`;

/**
 * Of a pull request's errors, how many the default branch did not have: counted by file, rule and
 * message (lines may move), so a second error just like one already there is new.
 */
const NEW_ERRORS_JQ = `def counts: map(select(.severity == "error") | {file, rule, message} | tojson) | group_by(.) | map({key: .[0], value: length}) | from_entries;
($base[0].problems | counts) as $known
| [$head[0].problems | counts | to_entries[] | [.value - ($known[.key] // 0), 0] | max] | add // 0`;

/**
 * On a pull request, `$base`: the commit GitHub merged it onto, the first parent of the merge commit
 * checked out. The event's base.sha can be older (a pull request reopened, or run again after the
 * base branch moved: GitHub makes the merge again on the branch as it is), and against it the base
 * branch's own changes since would count as the pull request's. A shallow checkout still holds
 * the parents' ids in the commit itself (line 2: the first parent).
 */
const PULL_REQUEST_BASE = `if [ "$GITHUB_EVENT_NAME" = pull_request ]; then base=$(git cat-file commit HEAD | sed -n '2s/^parent //p'); fi`;

/** A jq program as one single-quoted shell word. */
const quoted = (jq: string) => `'${jq.replace(/'/g, "'\\''")}'`;

const VALIDATE = `${PULL_REQUEST_BASE}
if [ "$GITHUB_EVENT_NAME" = pull_request ]; then scope=(--changed "$base"); else scope=(); fi
set +e
${RUNNER} validate "\${scope[@]}" --format github
code=$?
${RUNNER} validate "\${scope[@]}" --format json > "$RUNNER_TEMP/validate.json" 2> /dev/null
set -e
# A pull request fails only on errors it brings: one the default branch had already (a maintainer's
# slip, in a file its author may not change) is annotated, but is not theirs to fix. So does a merge
# queue's group (it validates all of what will land), against the commit it is built on: else the
# queue would throw out each pull request its own run let through.
if [ "$GITHUB_EVENT_NAME" = merge_group ]; then base=$MERGE_GROUP_BASE; fi
known=0
if [ "$code" -eq 1 ] && [ -n "\${base:-}" ]; then
  set +e
  ${RUNNER} validate --at "$base" --format json > "$RUNNER_TEMP/base.json" 2> /dev/null
  base_code=$?
  set -e
  if [ "$base_code" -le 1 ] && new=$(jq -n --slurpfile head "$RUNNER_TEMP/validate.json" --slurpfile base "$RUNNER_TEMP/base.json" ${quoted(NEW_ERRORS_JQ)}); then
    known=$(( $(jq '[.problems[] | select(.severity == "error")] | length' "$RUNNER_TEMP/validate.json") - new ))
    if [ "$new" -eq 0 ]; then
      echo "::notice::Each error above was on the default branch already: not this pull request's to fix. A maintainer fixes it there."
      code=0
    fi
  fi
fi
if jq -r --argjson known "$known" ${quoted(SUMMARY_JQ)} "$RUNNER_TEMP/validate.json" > "$RUNNER_TEMP/summary.md"; then
  cat "$RUNNER_TEMP/summary.md" >> "$GITHUB_STEP_SUMMARY"
else
  echo "mentor validate could not read the records: see the log." >> "$GITHUB_STEP_SUMMARY"
fi
exit "$code"`;

/**
 * Each generated file, checked by the command that writes it; a stale one names that command.
 * A report is its week as it was when written: the reports this push or pull request writes or
 * edits must be exactly what mentor writes from its records. One written before goes behind when
 * a late log, a person's edit of their own file or the config changes what it would say now: not
 * the mistake of whoever made that change (a mentee may not touch reports/), so it never fails a
 * check; a push to the default branch lists it, with the command that refreshes it.
 */
const GENERATED = `failed=0
stale() { echo "::error file=$1::$1 is not what \\\`mentor $2\\\` writes from the records. Regenerate it: ${RUNNER} $2, and commit the result."; failed=1; }
# A report mentor cannot make (a week the cohort does not have, a cohort that does not exist, records
# it cannot read): regenerating it would be refused, so mentor's words for why (% escaped for the log).
unmade() { echo "::error file=$1::$1 cannot be made: \${2//%/%25} Fix that, or delete the report."; failed=1; }
# Exit 1: the file is not what the command writes. Any other (2: the config cannot be read): mentor
# said why on the log, and regenerating would be refused the same way.
check() { local code=0; ${RUNNER} "$2" --check || code=$?; if [ "$code" -eq 1 ]; then stale "$1" "$2"; elif [ "$code" -ne 0 ]; then failed=1; fi; }
check ${CODEOWNERS_FILE} codeowners
check schemas schema
check .github/ISSUE_TEMPLATE forms
# Reports: every committed week, .md and .json together, in one run of mentor (the records read
# once). Other names under reports/ are not reports: neither checked here nor by validate.
set +e; ${RUNNER} report --all --check --format json < /dev/null > "$RUNNER_TEMP/reports.json" 2> "$RUNNER_TEMP/reports.txt"; code=$?; set -e
# The report files this event writes or edits: against the commit it starts from (one more commit
# fetched, no history). A first push, or a start git can no longer fetch: every report.
${PULL_REQUEST_BASE}
if [ "$GITHUB_EVENT_NAME" = pull_request ]; then SINCE=$base; fi
if [ -n "$SINCE" ] && git fetch --no-tags --quiet --depth=1 origin "$SINCE" 2> /dev/null; then
  git diff --name-only --no-renames "$SINCE" HEAD -- '${REPORTS_DIR}/' > "$RUNNER_TEMP/written.txt"
  git diff --name-only --no-renames "$SINCE" HEAD -- '${COHORTS_DIR}/' '${CONFIG_FILE}' > "$RUNNER_TEMP/changed.txt"
else
  git ls-files -- '${REPORTS_DIR}/*' > "$RUNNER_TEMP/written.txt"
  : > "$RUNNER_TEMP/changed.txt"
fi
behind=()
# Each report that is not current: its cohort, week, whether it is behind (the records now say
# something else) or cannot be made (records mentor cannot read; a week the cohort no longer has),
# and mentor's words for why, on one line.
if [ "$code" -le 1 ] && jq -r '.reports[] | select(.problem != null or (.stale | length) > 0) | [.cohort, .week, (if .problem == null then "behind" else "unmade" end), (.problem // "" | gsub("[[:cntrl:]]+"; " "))] | @tsv' "$RUNNER_TEMP/reports.json" > "$RUNNER_TEMP/reports.tsv" 2> /dev/null; then
  while IFS=$'\t' read -r cohort week state why; do
    if grep -qxF -e "${reportFile('$cohort', '$week', 'md')}" -e "${reportFile('$cohort', '$week', 'json')}" "$RUNNER_TEMP/written.txt"; then
      if [ "$state" = behind ]; then stale "${reportFile('$cohort', '$week', 'md')}" "report $cohort --week $week"; else unmade "${reportFile('$cohort', '$week', 'md')}" "$why"; fi
    elif [ "$GITHUB_EVENT_NAME" = push ]; then
      if [ "$state" = behind ]; then behind+=("$cohort $week"); else echo "${reportFile('$cohort', '$week', 'md')}: $why"; failed=1; fi
    elif [ "$state" = unmade ] && grep -qxF -e "${cohortFile('$cohort')}" -e '${CONFIG_FILE}' "$RUNNER_TEMP/changed.txt"; then
      # A pull request (or a queue's group) that changes the report's cohort file or the config (a
      # maintainer's: a mentee's log is not held to a report the default branch has already), after
      # which mentor cannot make it: said here, not on the default branch after the merge.
      unmade "${reportFile('$cohort', '$week', 'md')}" "$why"
    fi
  done < "$RUNNER_TEMP/reports.tsv"
else
  # mentor could not read the program at all: it says why.
  cat "$RUNNER_TEMP/reports.txt"
  failed=1
fi
if [ "\${#behind[@]}" -gt 0 ]; then
  if [ "\${#behind[@]}" -eq 1 ]; then reports='1 committed report is'; else reports="\${#behind[@]} committed reports are"; fi
  echo "::warning::$reports behind the records: a late log, a person's edit, the config or a newer runner changed what they would say. That is expected; a maintainer refreshes them with the commands in this job's summary."
  {
    echo "## Reports behind the records"
    echo
    echo "Records changed after these reports were written (a late log, a person's edit, the config, or a newer runner). To refresh them all, a maintainer runs \\\`${RUNNER} report --all --commit\\\` (a new branch with each rewritten) and opens a pull request; or one at a time, on a branch:"
    echo
    echo '\`\`\`sh'
    for entry in "\${behind[@]}"; do echo "${RUNNER} report \${entry% *} --week \${entry#* }"; done
    echo '\`\`\`'
  } >> "$GITHUB_STEP_SUMMARY"
fi
exit "$failed"`;

/** A pull request, a merge queue's commit, or a push to the default branch (a push to any other branch runs nothing). */
const ON_DEFAULT_BRANCH = "github.event_name == 'pull_request' || github.event_name == 'merge_group' || github.ref == format('refs/heads/{0}', github.event.repository.default_branch)";

export function ciWorkflow(): string {
  return `${header([
    '# Checks every push to the default branch and every pull request: the records (annotated on the',
    '# changed lines, with a job summary) and every generated file. On a pull request it runs that',
    '# pull request\'s own files, so it informs but proves nothing: require the `mentor/gate` status',
    '# (mentor-gate.yml) instead.',
    '# Nothing is installed: the jobs run the committed runner with plain node.',
  ])}name: mentor

# Pushes to the default branch, whatever it is called (\`main\`, \`master\`, or renamed since): a
# branch name in \`on:\` would be fixed when this file is written.
# And in a merge queue: the whole of what will land is validated (a repository that requires this
# check too would otherwise wait for it there forever).
on:
  push:
  pull_request:
  merge_group:
    types: [checks_requested]

${WORKFLOW_DEFAULTS}

jobs:
  validate:
    if: ${ON_DEFAULT_BRANCH}
${runnerJob({ permissions: ['contents: read'], fullHistory: true })}
      - name: Validate the records (on a pull request, what it changes)
        env:
          MERGE_GROUP_BASE: \${{ github.event.merge_group.base_sha }}
        run: |
${indent(VALIDATE, '          ')}

  generated:
    if: ${ON_DEFAULT_BRANCH}
${runnerJob({ permissions: ['contents: read'], fullHistory: false })}
      - name: Check every generated file (CODEOWNERS, schemas, reports)
        env:
          SINCE: \${{ github.event.merge_group.base_sha || github.event.before }}
        run: |
${indent(GENERATED, '          ')}
`;
}
