import { ExitCode, MentorError } from '../errors.js';
import { print, styleFor, terminalWidth } from '../io/output.js';
import { programProgress } from '../core/cycles.js';
import { closest } from '../model/suggest.js';
import { renderProgressJson, renderProgressText } from '../render/cycles.js';
import { sanitizeInline } from '../render/terminal.js';
import { loadForCommand, peopleOf, unknownCohorts, unknownCohortsError } from './context.js';
import { cohortLogs } from './week-logs.js';
import { membersWithoutPersonFile, peopleWithErrors, warnPeopleWithErrors } from './person-errors.js';

export async function progressCommand(personId: string | undefined, options: { repo?: string; format: 'text' | 'json' }): Promise<number> {
  const loaded = loadForCommand(options.repo);
  const { program } = loaded;
  if (personId !== undefined && !program.people.has(personId)) {
    const guess = closest(personId, program.people.keys());
    throw new MentorError(`There is no person "${sanitizeInline(personId)}".`, ExitCode.usage, guess ? `Did you mean ${guess}?` : undefined);
  }
  // The figures add up every cohort: one that cannot be read stops them, as a log with errors does.
  const unknown = unknownCohorts(program);
  if (unknown.length > 0) throw unknownCohortsError(unknown, "the program's progress");
  const cohorts = [...program.cohorts.values()].flatMap((entry) => (entry.cohort ? [{ cohort: entry.cohort, logs: cohortLogs(program, entry.id) }] : []));
  const people = peopleOf(program);
  const result = programProgress(program.config, cohorts, people, loaded.today, loaded.now);
  const shown = personId === undefined ? result.people : result.people.filter((p) => p.id === personId);
  const shownIds = new Set(shown.map((p) => p.id));
  const missing = membersWithoutPersonFile(program, [...program.cohorts.values()].filter((entry) => entry.cohort)).filter((problem) => shownIds.has(problem.subject!.slice('missing-person:'.length)));
  warnPeopleWithErrors([...peopleWithErrors(program, shownIds), ...missing], loaded.warned);
  const programFigures = personId === undefined ? result.program : undefined;
  print(options.format === 'json' ? renderProgressJson(shown, programFigures) : renderProgressText(shown, programFigures, styleFor(process.stdout), terminalWidth()));
  return ExitCode.ok;
}
