import { CODEOWNERS_FILE, cohortFile, COHORTS_DIR, CONFIG_FILE, GITIGNORE_FILE, logFile, memberFile, personFile, REPORTS_DIR, RUNNER_COMMAND, RUNNER_DIR, SCHEMAS_DIR } from '../domain/layout.js';
import { generateJsonSchemas, SCHEMA_FILES, schemaLineFor } from '../model/json-schema.js';
import { dateOfDayNumber, dayNumber } from '../domain/time.js';
import { renderCodeowners } from './codeowners.js';
import { programWorkflows } from './workflows/index.js';
import { SITE_FOLDER } from './workflows/pages.js';
import { issueForms } from './issue-forms.js';
import { configSchema, DEFAULT_ACTIVITIES, type Config, type Role } from '../model/schemas.js';
import { plannedHours, roundHours } from '../domain/commitments.js';
import { ROLES } from '../domain/tiers.js';

// The files `mentor init` writes, except the runner (.mentor/, copied from the build by io/runner):
// a program repo that validates as it is, ready for GitHub. It needs no package.json: everything
// runs the committed runner with plain node.

export interface ScaffoldInput {
  program: string;
  /** Today in the program's zone, YYYY-MM-DD: the example cohort starts on it. */
  today: string;
  timezone: string;
  /** The config the repo already has, kept (init never overwrites): the generated files are written from it. */
  config?: Config;
}

/** The example lead init writes, for the organiser to make their own: its id and its two files. */
export function scaffoldPlaceholder(today: string): { person: string; files: [string, string] } {
  return { person: PLACEHOLDER, files: [personFile(PLACEHOLDER), memberFile(firstCohortId(today), PLACEHOLDER)] };
}

/** The example records init writes (the placeholder lead and the first cohort): left out where a program already has records. */
export function scaffoldExampleRecords(today: string): string[] {
  return [...scaffoldPlaceholder(today).files, cohortFile(firstCohortId(today))];
}

/** Whether a person file or cohort folder is init's example (of any day's run: one that wrote it, then stopped before its commit). */
export function isExampleRecord(file: string): boolean {
  return file === personFile(PLACEHOLDER) || new RegExp(`^${COHORTS_DIR}/\\d{4}-first$`).test(file);
}

const PLACEHOLDER = 'alex';
const firstCohortId = (today: string) => `${today.slice(0, 4)}-first`;

export function scaffoldFiles(input: ScaffoldInput): Map<string, string> {
  const files = new Map<string, string>();
  const end = dateOfDayNumber(dayNumber(input.today) + 12 * 7 - 1);
  const cohortId = firstCohortId(input.today);

  files.set(
    CONFIG_FILE,
    `${schemaLineFor('config', CONFIG_FILE)}
# Program settings. Every part is optional; see ${SCHEMAS_DIR}/${SCHEMA_FILES.config} for all of them.
program: ${yamlString(input.program)}
${`timezone: ${input.timezone}`.padEnd(32)}# the program's time zone (a place name, such as Europe/London); weeks are counted in it
${`requestSlaHours: ${DEFAULTS.requestSlaHours}`.padEnd(32)}# a member without a mentor this long is overdue
maintainers: []                 # GitHub handles that may change any record, e.g. [your-handle]

# Hours per week of each role (the defaults: ${ROLES.map((role) => `${role} ${defaultHoursText(role)}`).join(', ')}, X = direct
# mentees). Uncomment to change them; \`per: mentee\` means times X.
# roles:
#   mentor:
#     maxMentees: ${DEFAULTS.roles.mentor.maxMentees}
#     activities:
${Object.entries(DEFAULT_ACTIVITIES.mentor).map(([name, activity]) => `#       ${`${name}:`.padEnd(17)}{ ${activityFields(activity)} }`).join('\n')}
`,
  );

  files.set(
    personFile(PLACEHOLDER),
    `${schemaLineFor('person', personFile(PLACEHOLDER))}
# One person, kept across cohorts. The id equals the file name.
id: alex
name: Alex Example
# github: your-handle          # uncomment with yours: the gate (check-pr) knows you by it
timezone: ${input.timezone}
skills: [javascript]
languages: [en]
active: true                    # false: opted out, never assigned new mentees
`,
  );

  files.set(
    cohortFile(cohortId),
    `${schemaLineFor('cohort', cohortFile(cohortId))}
# One cycle of the program: its dates. Its members are one file each in members/, so pull
# requests that add or claim different members never touch the same file (no merge conflicts).
id: ${cohortId}
name: First cohort
start: ${input.today}
end: ${end}
cadence: weekly                 # or biweekly
# Members: one file each in members/ (\`mentor members ${cohortId} --to list\` moves them back here).
`,
  );
  files.set(
    memberFile(cohortId, PLACEHOLDER),
    `${schemaLineFor('member', memberFile(cohortId, PLACEHOLDER))}
# A member of ${cohortId}; the file name is the person. Add mentors (role: mentor, mentor: <a lead>)
# and mentees (role: mentee, mentor: <a mentor>) as files like this one; a member without a
# mentor is waiting: \`mentor assign ${cohortId}\` places them.
person: alex
role: lead
`,
  );

  for (const [name, content] of generateJsonSchemas()) files.set(`${SCHEMAS_DIR}/${name}`, content);

  files.set('.github/pull_request_template.md', PULL_REQUEST_TEMPLATE);
  for (const [file, content] of programWorkflows()) files.set(file, content);
  // The issue forms and CODEOWNERS of the config the repo will have: the one just written (no intake
  // questions, no maintainers yet), or the one kept; CI checks them against it from the first push.
  const config = input.config ?? configSchema.parse({ program: input.program, timezone: input.timezone });
  for (const [file, content] of issueForms(config)) files.set(file, content);
  files.set(CODEOWNERS_FILE, renderCodeowners(config.maintainers));
  // Records and generated files keep LF in every checkout (core.autocrlf on Windows too), so they
  // are byte for byte what mentor writes. The runner is one generated line of bundled code: shown
  // as generated, never diffed line by line.
  files.set(
    '.gitattributes',
    [
      '*.yaml text eol=lf',
      '*.yml text eol=lf',
      `${CODEOWNERS_FILE} text eol=lf`,
      `${SCHEMAS_DIR}/** text eol=lf`,
      `${REPORTS_DIR}/** text eol=lf linguist-generated=true`,
      `${RUNNER_DIR}/** linguist-generated=true`,
      `${RUNNER_DIR}/*.mjs -diff`,
      `${RUNNER_DIR}/*.cjs -diff`,
      '',
    ].join('\n'),
  );
  // What `mentor site` writes by default: built for a look, or by the Pages workflow; never committed.
  // And the temporary files of a write (io/temp-files.ts), which only a writer killed mid-write leaves.
  files.set(GITIGNORE_FILE, `${SITE_FOLDER}/\n# Left only by a mentor killed mid-write (see mentor's README, "Writes are atomic").\n.*.mentor-tmp-*\n`);
  return files;
}

/** The config the scaffold's comments describe: every default. */
const DEFAULTS = configSchema.parse({});

/** A role's default weekly hours, X being its direct mentees: "5 + X", "5.5". */
function defaultHoursText(role: Role): string {
  const fixed = plannedHours(DEFAULTS, role, 0, 'weekly').total;
  const perMentee = roundHours(plannedHours(DEFAULTS, role, 1, 'weekly').total - fixed);
  return perMentee === 0 ? `${fixed}` : `${fixed} + ${perMentee === 1 ? '' : perMentee}X`;
}

/** An activity as the fields of a flow mapping: "hours: 1, per: mentee, oneOnOne: true". */
function activityFields(activity: (typeof DEFAULT_ACTIVITIES)[Role][string]): string {
  return [`hours: ${activity.hours}`, ...(activity.per ? [`per: ${activity.per}`] : []), ...(activity.oneOnOne ? ['oneOnOne: true'] : [])].join(', ');
}

function yamlString(text: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9 .,'()-]*$/.test(text) && !/:\s|\s#/.test(text) ? text : JSON.stringify(text);
}

const PULL_REQUEST_TEMPLATE = `<!-- Weekly log? Run \`${RUNNER_COMMAND} log\` (it asks the questions), or add
     ${logFile('<cohort>', '<you>', '<week>')} by hand, then open this pull request. -->

## What this pull request does

- [ ] Adds my weekly log for week \`YYYY-Www\`
- [ ] Updates my person file
- [ ] Something else (describe it):

## Checklist

- [ ] \`${RUNNER_COMMAND} validate\` passes
- [ ] I only changed my own records (the \`mentor/gate\` check judges this; a maintainer's approval overrides it)
`;
