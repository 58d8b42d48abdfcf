import { activitiesOf } from '../../domain/commitments.js';
import { ROLES } from '../../domain/tiers.js';
import { formatPath, type Problem } from '../problem.js';
import { DEFAULT_ACTIVITIES, type Config, type Role } from '../schemas.js';
import type { PathSegment } from '../source.js';

// `hours:` left empty with the activities meant for it written below it, not indented: the lines
// are right, only their indentation is not. The shape check calls `hours` "empty" and each line an
// unknown field to remove; with what the program knows (the person's role, the role's activities)
// those problems say to indent the lines instead. Same rules, same places: messages and fixes only.

/** `hours:` of a log, when its activities (of the person's role) sit below it unindented. */
export function explainUnindentedHours(record: unknown, config: Config, roleOf: () => Role | undefined, problems: Problem[]): void {
  // Only a log with `hours:` empty needs its cohort read for the person's role.
  if (!isRecord(record) || record.hours !== null) return;
  const role = roleOf();
  if (role === undefined) return;
  const activities = activitiesOf(config, role);
  explain(problems, record, [], 'hours', (key) => Object.hasOwn(activities, key), 'so its hours are not counted');
}

/** `activities:` of a config role, when activities sit below it unindented. */
export function explainUnindentedActivities(record: unknown, problems: Problem[]): void {
  const roles = isRecord(record) ? record.roles : undefined;
  if (!isRecord(roles)) return;
  for (const role of ROLES) {
    const entry = roles[role];
    if (!isRecord(entry)) continue;
    const looksLikeActivity = (key: string, value: unknown) => Object.hasOwn(DEFAULT_ACTIVITIES[role], key) || typeof value === 'number' || (isRecord(value) && 'hours' in value);
    explain(problems, entry, ['roles', role], 'activities', looksLikeActivity, 'so it is ignored');
  }
}

function explain(problems: Problem[], record: Record<string, unknown>, path: PathSegment[], parent: string, belongs: (key: string, value: unknown) => boolean, effect: string): void {
  const keys = Object.keys(record);
  const at = keys.indexOf(parent);
  if (at === -1 || record[parent] !== null) return;
  const unknown = (key: string) => `unknown-field:${formatPath([...path, key])}`;
  const strays = keys.slice(at + 1).filter((key) => belongs(key, record[key]) && problems.some((problem) => problem.subject === unknown(key)));
  if (strays.length === 0) return;
  const names = strays.length === 1 ? strays[0]! : `${strays.slice(0, -1).join(', ')} and ${strays.at(-1)!}`;
  const field = `\`${parent}:\``;
  problems.forEach((problem, index) => {
    if (problem.subject === `invalid-type:${formatPath([...path, parent])}`) {
      const are = strays.length === 1 ? 'is' : 'are';
      problems[index] = { ...problem, message: `${field} is empty: ${names} below it ${are} meant for it, but ${are} not indented under it.`, fix: `Indent ${names} by two spaces so ${strays.length === 1 ? 'it belongs' : 'they belong'} to ${field}.` };
    }
    const stray = strays.find((key) => problem.subject === unknown(key));
    if (stray !== undefined) {
      problems[index] = { ...problem, message: `"${stray}" belongs under ${field} above it, but is not indented, ${effect}.`, fix: `Indent it by two spaces so it belongs to ${field}.` };
    }
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
