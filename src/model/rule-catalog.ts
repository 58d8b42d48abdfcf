// Every rule validate can report, with what it means. SARIF output lists them; the README's
// rule table comes from here too. A test fails when a rule is reported that is not listed.

import { membersDir } from '../domain/layout.js';
import { FORBIDDEN_KEYS } from './forbidden-keys.js';
import { MAX_ALIASES } from './source.js';
import { MAX_DEPTH } from './yaml-depth.js';

export interface RuleInfo {
  id: string;
  title: string;
  help: string;
}

export const RULES: readonly RuleInfo[] = [
  { id: 'yaml-syntax', title: 'Invalid YAML', help: 'The file is not valid YAML; check indentation, quotes and colons near the position.' },
  { id: 'yaml-duplicate-key', title: 'Duplicate key', help: 'A key appears twice in one mapping; keep one.' },
  { id: 'yaml-alias-limit', title: 'Too many aliases', help: `Records may use at most ${MAX_ALIASES} YAML aliases; write values out instead (this blocks alias bombs).` },
  { id: 'yaml-too-deep', title: 'Nested too deep', help: `Records nest at most ${MAX_DEPTH} levels (lists and mappings inside each other); deeper YAML is refused before it is parsed.` },
  { id: 'yaml-tag', title: 'YAML tag', help: 'Records are plain YAML: custom tags (!custom, !!js/function) and !!binary are refused, never read as text or run.' },
  { id: 'yaml-complex-key', title: 'Complex key', help: 'Keys must be plain names, not lists or mappings.' },
  { id: 'forbidden-key', title: 'Forbidden key', help: `The keys ${[...FORBIDDEN_KEYS].slice(0, -1).join(', ')} and ${[...FORBIDDEN_KEYS].at(-1)} are not allowed in records.` },
  { id: 'merge-conflict', title: 'Merge conflict markers', help: 'Resolve the conflict: keep the right lines and delete the <<<<<<<, ======= and >>>>>>> lines.' },
  { id: 'empty-file', title: 'Empty file', help: 'A record file must hold its fields.' },
  { id: 'not-a-mapping', title: 'Not a mapping', help: 'A record is a mapping of `key: value` lines at the top level.' },
  { id: 'unknown-field', title: 'Unknown field', help: 'A field the schema does not know is ignored; it is usually a typo.' },
  { id: 'missing-field', title: 'Missing field', help: 'A required field is missing.' },
  { id: 'invalid-type', title: 'Wrong type', help: 'The value has the wrong type (text, number, list, mapping, true/false).' },
  { id: 'invalid-value', title: 'Invalid value', help: 'The value does not fit the field: a pattern, a range, a real date, zone or week.' },
  { id: 'file-too-large', title: 'File too large', help: 'Records are at most 1 MiB; larger files are not read.' },
  { id: 'not-utf8', title: 'Not UTF-8', help: 'Records are UTF-8 text.' },
  { id: 'unreadable-file', title: 'Unreadable file', help: 'The file or folder cannot be read; check its permissions.' },
  { id: 'missing-file', title: 'Missing file', help: 'A file the layout expects does not exist.' },
  { id: 'symlink-outside-repo', title: 'Symlink out of the repo', help: 'mentor never follows a symlink that leads outside the program repo.' },
  { id: 'unexpected-file', title: 'Unexpected file', help: 'A file in a records folder that is not a record (wrong extension, not a regular file, a symlink: git commits the link, not what it leads to).' },
  { id: 'invalid-file-name', title: 'Invalid file name', help: 'File and folder names of people and cohorts are their ids: lower-case letters, digits and dashes.' },
  { id: 'cohort-missing-file', title: 'Cohort without cohort.yaml', help: 'Every folder in cohorts/ holds a cohort.yaml.' },
  { id: 'member-without-cohort', title: 'Member file without a cohort', help: `A member file lives in ${membersDir('<cohort>')}/ of a cohort that has a cohort.yaml.` },
  { id: 'intake-unknown-cohort', title: 'Requests go to no cohort', help: 'intake.cohort in mentor.config.yaml names the cohort requests land in; it must be a cohort of the program.' },
  { id: 'eligibility-duplicate', title: 'Eligibility question twice', help: 'Each eligibility question in intake has its own id.' },
  { id: 'timezone-abbreviation', title: 'Time zone as an abbreviation or a fixed offset', help: 'A time zone is a place (Europe/London), not an abbreviation or an offset: BST reads as Asia/Dhaka, EST keeps no summer time, Etc/GMT+5 is UTC−5. Weeks and matches are counted by the zone.' },
  { id: 'id-matches-file', title: 'Id differs from file name', help: 'The id field equals the file name (people) or the folder name (cohorts).' },
  { id: 'github-duplicate', title: 'Duplicate GitHub handle', help: 'Each person has their own GitHub handle; CODEOWNERS and check-pr rely on it.' },
  { id: 'missing-person', title: 'Missing person file', help: 'Several records name a person who has no file in people/; creating that file fixes them all.' },
  { id: 'member-unknown-person', title: 'Unknown person', help: 'A record names a person who has no file in people/.' },
  { id: 'member-duplicate', title: 'Member listed twice', help: 'A person is a member of a cohort at most once (in cohort.yaml or as a member file, not both).' },
  { id: 'mentor-cycle', title: 'Cycle of mentors', help: "Mentors that name each other round in a circle (a's mentor is b, b's mentor is a) are under no lead; set one of their mentors to a member of the tier above." },
  { id: 'member-own-mentor', title: 'Own mentor', help: 'A member cannot mentor themselves; their mentor is someone of the tier above.' },
  { id: 'yaml-tab-indent', title: 'Tab in indentation', help: 'YAML indents with spaces only; a tab in the indentation breaks the file.' },
  { id: 'member-unknown-mentor', title: 'Mentor not in the cohort', help: "A member's mentor must be a member of the same cohort." },
  { id: 'mentor-not-member', title: 'Mentor missing from the cohort', help: 'Several members name a mentor the cohort does not list; adding that member fixes them all.' },
  { id: 'lead-has-mentor', title: 'Lead with a mentor', help: 'A lead has no mentor.' },
  { id: 'mentor-tier', title: 'Mentor of the wrong tier', help: "A mentor's mentor is a lead; a mentee's mentor is a mentor." },
  { id: 'prefers-not-eligible', title: 'Preference cannot be honoured', help: 'The preferred mentor is not of the tier above in this cohort.' },
  { id: 'capacity-max-mentees', title: 'Too many mentees', help: "Direct mentees never exceed the role's maxMentees." },
  { id: 'capacity-max-hours', title: 'Over the hour budget', help: "Direct mentees never push a person's planned hours past maxHoursPerWeek." },
  { id: 'cohort-dates', title: 'Cohort dates', help: 'A cohort ends after it starts.' },
  { id: 'assigned-without-mentor', title: 'assignedAt without a mentor', help: 'assignedAt records when a mentor was assigned; add the mentor or drop the time.' },
  { id: 'assigned-before-requested', title: 'Assigned before requested', help: 'A member was assigned before they asked; check both times and zones.' },
  { id: 'log-person-folder', title: 'Log in the wrong folder', help: 'A log lives in the folder of its person: logs/<person>/<week>.yaml.' },
  { id: 'log-week-file', title: 'Log named for another week', help: 'A log file is named for its week: <week>.yaml.' },
  { id: 'log-not-member', title: 'Log of a non-member', help: 'Only members of a cohort log in it.' },
  { id: 'log-unknown-activity', title: 'Unknown activity', help: "Logged hours are for activities of the person's role in the config." },
  { id: 'log-total-hours', title: 'More hours than a week', help: 'Hours logged in a week add up to at most 168.' },
  { id: 'log-week-outside-cohort', title: 'Week outside the cohort', help: "A log's week is a week of its cohort, from the week of its start to the week of its end; `mentor log` and the gate refuse any other." },
];

export const RULE_IDS = new Set(RULES.map((rule) => rule.id));
