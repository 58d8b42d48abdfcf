import { generateJsonSchemas } from '../model/json-schema.js';
import { dateOfDayNumber, dayNumber } from '../domain/time.js';
import { renderCodeowners } from '../core/ownership.js';

// The files `mentor init` writes: a program repo that validates as it is, ready for GitHub.

export interface ScaffoldInput {
  program: string;
  /** Today in the program's zone, YYYY-MM-DD: the example cohort starts on it. */
  today: string;
  timezone: string;
  /** How the program repo's CI gets mentor: the dependency spec in its package.json. */
  mentorSpec: string;
}

export function scaffoldFiles(input: ScaffoldInput): Map<string, string> {
  const files = new Map<string, string>();
  const end = dateOfDayNumber(dayNumber(input.today) + 12 * 7 - 1);
  const cohortId = `${input.today.slice(0, 4)}-first`;

  files.set(
    'mentor.config.yaml',
    `# yaml-language-server: $schema=schemas/config.schema.json
# Program settings. Every part is optional; see schemas/config.schema.json for all of them.
program: ${yamlString(input.program)}
timezone: ${input.timezone}        # IANA zone of the program; weeks are counted in it
requestSlaHours: 48             # a member without a mentor this long is overdue
maintainers: []                 # GitHub handles that may change any record, e.g. [your-handle]

# Hours per week of each role (the defaults: lead 5 + X, mentor 4 + X, mentee 5.5, X = direct
# mentees). Uncomment to change them; \`per: mentee\` means times X.
# roles:
#   mentor:
#     maxMentees: 4
#     activities:
#       one-on-ones:     { hours: 1, per: mentee, oneOnOne: true }
#       own-one-on-one:  { hours: 1, oneOnOne: true }
#       weekly-review:   { hours: 0.5 }
#       project:         { hours: 2 }
#       code-review:     { hours: 0.5 }
`,
  );

  files.set(
    'people/alex.yaml',
    `# yaml-language-server: $schema=../schemas/person.schema.json
# One person, kept across cohorts. The id equals the file name.
id: alex
name: Alex Example
github: alex-example            # GitHub handle: CODEOWNERS and check-pr use it
timezone: ${input.timezone}
skills: [javascript]
languages: [en]
active: true                    # false: opted out, never assigned new mentees
`,
  );

  files.set(
    `cohorts/${cohortId}/cohort.yaml`,
    `# yaml-language-server: $schema=../../schemas/cohort.schema.json
# One cycle of the program: its dates and its members (the tree).
id: ${cohortId}
name: First cohort
start: ${input.today}
end: ${end}
cadence: weekly                 # or biweekly
members:
  - person: alex
    role: lead
  # Add mentors (role: mentor, mentor: <a lead>) and mentees (role: mentee, mentor: <a mentor>).
  # A member without a mentor is waiting: \`mentor assign ${cohortId}\` places them.
`,
  );

  for (const [name, content] of generateJsonSchemas()) files.set(`schemas/${name}`, content);

  files.set('.github/pull_request_template.md', PULL_REQUEST_TEMPLATE);
  files.set('.github/workflows/mentor.yml', workflow());
  files.set('.github/workflows/mentor-comment.yml', commentWorkflow());
  files.set(
    'package.json',
    `${JSON.stringify(
      {
        name: input.program.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'mentorship-program',
        private: true,
        description: `${input.program}: records kept with mentor`,
        scripts: { validate: 'mentor validate', status: 'mentor status' },
        devDependencies: { 'mentor-cli': input.mentorSpec },
      },
      null,
      2,
    )}\n`,
  );
  files.set('.gitignore', 'node_modules/\n');
  files.set('.github/CODEOWNERS', renderCodeowners([{ id: 'alex', github: 'alex-example' }], []));
  files.set('.gitattributes', '*.yaml text eol=lf\nreports/** linguist-generated=true\n');
  return files;
}

function yamlString(text: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9 .,'()-]*$/.test(text) && !/:\s|\s#/.test(text) ? text : JSON.stringify(text);
}

const PULL_REQUEST_TEMPLATE = `<!-- Weekly log? Run \`npx mentor log\` (it asks the questions), or add
     cohorts/<cohort>/logs/<you>/<week>.yaml by hand, then open this pull request. -->

## What this pull request does

- [ ] Adds my weekly log for week \`YYYY-Www\`
- [ ] Updates my person file
- [ ] Something else (describe it):

## Checklist

- [ ] \`npx mentor validate\` passes
- [ ] I only changed my own files (CI checks this with \`mentor check-pr\`)
`;

function workflow(): string {
  return `# Written by \`mentor init\`. Checks every push and pull request of the program repo, and
# alerts the organisers every day while a request for a mentor is overdue.
# Untrusted values (branch names, user names) reach the shell only through env, never inline.
name: mentor

on:
  push:
    branches: [main]
  pull_request:
  schedule:
    - cron: '0 16 * * *'
  workflow_dispatch:

permissions:
  contents: read

jobs:
  validate:
    if: github.event_name == 'push' || github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0            # full history: --changed and check-pr compare with the base
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - name: Validate every record
        if: github.event_name == 'push'
        run: npx mentor validate --format github
      - name: Validate what the pull request changes
        if: github.event_name == 'pull_request'
        env:
          BASE: origin/\${{ github.base_ref }}
        run: npx mentor validate --format github --changed "$BASE"
      - name: Check the author may change these records
        if: github.event_name == 'pull_request'
        env:
          BASE: origin/\${{ github.base_ref }}
          AUTHOR: \${{ github.event.pull_request.user.login }}
        run: npx mentor check-pr --base "$BASE" --author "$AUTHOR"
      - name: Check that changed reports are up to date
        if: github.event_name == 'pull_request'
        env:
          BASE: origin/\${{ github.base_ref }}
        run: |
          git diff --name-only -z "$BASE...HEAD" -- 'reports/*/*.md' | while IFS= read -r -d '' report; do
            cohort=$(basename "$(dirname "$report")")
            week=$(basename "$report" .md)
            npx mentor report "$cohort" --week "$week" --check
          done
      - name: Summarise the pull request for a comment
        if: always() && github.event_name == 'pull_request'
        env:
          BASE: origin/\${{ github.base_ref }}
          AUTHOR: \${{ github.event.pull_request.user.login }}
          NUMBER: \${{ github.event.pull_request.number }}
        run: |
          mkdir -p pr-summary
          npx mentor pr-summary --base "$BASE" --author "$AUTHOR" > pr-summary/summary.md
          echo "$NUMBER" > pr-summary/number
      - uses: actions/upload-artifact@v4
        if: always() && github.event_name == 'pull_request'
        with:
          name: pr-summary
          path: pr-summary/

  overdue:
    if: github.event_name == 'schedule' || github.event_name == 'workflow_dispatch'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - name: Fail while a request for a mentor is overdue
        run: npx mentor status --fail-on overdue
`;
}

/**
 * Posts the pull-request summary as a comment. It runs on workflow_run, in the base repository's
 * context, so it works for pull requests from forks (whose own runs cannot write); it never checks
 * out or runs the pull request's code, it only reads the summary artifact.
 */
function commentWorkflow(): string {
  return `# Written by \`mentor init\`. Comments the summary \`mentor pr-summary\` wrote in the mentor
# workflow on the pull request. Needs: pull-requests: write (to comment), actions: read (to
# download the artifact). Safe for forks: it runs the base branch's workflow and treats the
# artifact as data.
name: mentor comment

on:
  workflow_run:
    workflows: [mentor]
    types: [completed]

permissions:
  actions: read
  pull-requests: write

jobs:
  comment:
    if: github.event.workflow_run.event == 'pull_request'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/download-artifact@v4
        with:
          name: pr-summary
          run-id: \${{ github.event.workflow_run.id }}
          github-token: \${{ github.token }}
      - name: Comment on the pull request
        env:
          GH_TOKEN: \${{ github.token }}
          REPO: \${{ github.repository }}
        run: |
          number=$(tr -cd '0-9' < number)
          test -n "$number" || exit 0
          gh pr comment "$number" --repo "$REPO" --body-file summary.md --edit-last || gh pr comment "$number" --repo "$REPO" --body-file summary.md
`;
}
