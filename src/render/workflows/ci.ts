import { CODEOWNERS_FILE, REPORT_NAME, REPORTS_DIR, reportFile } from '../../domain/layout.js';
import { header, ID_ERE, indent, RUNNER, runnerJob, WORKFLOW_DEFAULTS } from './common.js';

// mentor.yml: validate on every push and pull request, and check that every generated file is
// what its command writes. On a pull request it runs the pull request's own files, so it informs
// (annotations on the changed lines, a job summary) but cannot be trusted: mentor-gate.yml is the
// check to require.

/** The job summary: counts, and the first problems with every Markdown character escaped. */
const SUMMARY_JQ = `def md: gsub("[\\\\r\\\\n]+"; " ") | gsub("(?<c>[!-/:-@\\\\[-\`{-~])"; "\\\\\\(.c)");
([.problems[] | select(.severity == "error")] | length) as $errors
| ([.problems[] | select(.severity == "warning")] | length) as $warnings
| "## mentor validate", "",
  (if $errors == 0 then "✅ \\(.files) files checked: no errors, \\($warnings) warnings."
   else "❌ \\(.files) files checked: \\($errors) errors, \\($warnings) warnings. Each is annotated on its line." end),
  (if (.problems | length) > 0 then "", "| file | line | problem |", "|---|---|---|",
     (.problems[:50][] | "| \\(.file | md) | \\(.line) | \\(.message | md) (\\(.rule)) |"),
     (if (.problems | length) > 50 then "", "… and \\((.problems | length) - 50) more." else empty end)
   else empty end)`;

const VALIDATE = `if [ "$GITHUB_EVENT_NAME" = pull_request ]; then scope=(--changed "$BASE_SHA"); else scope=(); fi
set +e
${RUNNER} validate "\${scope[@]}" --format github
code=$?
${RUNNER} validate "\${scope[@]}" --format json > "$RUNNER_TEMP/validate.json" 2> /dev/null
set -e
if jq -r '${SUMMARY_JQ.replace(/'/g, "'\\''")}' "$RUNNER_TEMP/validate.json" > "$RUNNER_TEMP/summary.md"; then
  cat "$RUNNER_TEMP/summary.md" >> "$GITHUB_STEP_SUMMARY"
else
  echo "mentor validate could not read the records: see the log." >> "$GITHUB_STEP_SUMMARY"
fi
exit "$code"`;

/** Each generated file, checked by the command that writes it; a stale one names that command. */
const GENERATED = `failed=0
stale() { echo "::error file=$1::$1 is not what \\\`mentor $2\\\` writes from the records. Regenerate it: ${RUNNER} $2, and commit the result."; failed=1; }
${RUNNER} codeowners --check || stale ${CODEOWNERS_FILE} codeowners
${RUNNER} schema --check || stale schemas schema
${RUNNER} forms --check || stale .github/ISSUE_TEMPLATE forms
# Reports: each committed week, .md and .json together. Names outside the layout are validate's to report.
git ls-files -- '${REPORTS_DIR}/*' | sed -nE 's#^${REPORTS_DIR}/(${ID_ERE})/${REPORT_NAME.source.slice(1)}#\\1 \\2#p' | sort -u > "$RUNNER_TEMP/reports.txt"
while read -r cohort week; do
  ${RUNNER} report "$cohort" --week "$week" --check || stale "${reportFile('$cohort', '$week', 'md')}" "report $cohort --week $week"
done < "$RUNNER_TEMP/reports.txt"
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
          BASE_SHA: \${{ github.event.pull_request.base.sha }}
        run: |
${indent(VALIDATE, '          ')}

  generated:
    if: ${ON_DEFAULT_BRANCH}
${runnerJob({ permissions: ['contents: read'], fullHistory: false })}
      - name: Check every generated file (CODEOWNERS, schemas, reports)
        run: |
${indent(GENERATED, '          ')}
`;
}
