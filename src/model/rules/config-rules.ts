import { cohortFile } from '../../domain/layout.js';
import { zoneNotAPlace } from '../../domain/zone-words.js';
import type { Problem } from '../problem.js';
import type { Program } from '../program.js';
import { closest } from '../suggest.js';

// Rules of mentor.config.yaml that look past the file: what it names must exist, once.

export function checkConfigRules(program: Program, problems: Problem[]): void {
  const source = program.configSource;
  if (!program.configValid || !source) return;
  const { intake } = program.config;
  if (intake.cohort !== undefined && !program.cohorts.has(intake.cohort)) {
    const cohorts = [...program.cohorts.keys()];
    const guess = closest(intake.cohort, cohorts);
    const fix = guess ? `Did you mean ${guess}?` : cohorts.length > 0 ? `Name one of: ${cohorts.join(', ')}.` : `Create ${cohortFile(intake.cohort)}, or remove intake.cohort.`;
    problems.push(source.problemAt(['intake', 'cohort'], 'value', 'intake-unknown-cohort', 'error', `Requests go to cohort ${intake.cohort}, which does not exist, so every request would be refused.`, fix));
  }
  const zone = zoneNotAPlace(program.config.timezone);
  if (zone) problems.push(source.problemAt(['timezone'], 'value', 'timezone-abbreviation', 'warning', `${zone.message} The program's weeks are counted in it.`, `Write the place the program keeps time by${zone.place === undefined ? '' : `, such as \`timezone: ${zone.place}\``}.`));
  const seen = new Set<string>();
  intake.eligibility.forEach((question, index) => {
    if (seen.has(question.id)) {
      problems.push(source.problemAt(['intake', 'eligibility', index, 'id'], 'value', 'eligibility-duplicate', 'error', `The eligibility question "${question.id}" is listed twice: the form would ask it twice, and one --answer ${question.id}=yes would answer both.`, 'Give each question its own id, or delete one.'));
    }
    seen.add(question.id);
  });
}
