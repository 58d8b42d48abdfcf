import path from 'node:path';
import { ExitCode } from '../errors.js';
import { refuseGitDir, shownPath } from '../io/repo.js';
import { siteFolder, writeSiteFolder } from '../io/site-folder.js';
import { siteData, type SkippedRecord } from '../core/site.js';
import { COHORT_PAGES, SITE_MARK } from '../render/site/html.js';
import { renderSite } from '../render/site/site.js';
import { plural } from '../render/words.js';
import { terminalLine } from '../render/escape.js';
import { loadForCommand, peopleOf } from './context.js';
import { folderForJson, sayGenerated, type Format } from './generated-step.js';
import { hoursInOverlappingCohorts, membersLeftOut, usableCohortLogs, warnLeftOut } from './week-logs.js';
import { membersWithoutPersonFile, peopleWithErrors, warnPeopleWithErrors } from './person-errors.js';

export interface SiteOptions {
  repo?: string;
  /** The site folder, relative to the repo. */
  out: string;
  format?: Format;
}

/**
 * Builds the dashboard from every record that can be used: a cohort file or a log with errors
 * is left out, said on stderr and shown on the pages, and the site is still written (exit 0), so
 * the published dashboard stays current while someone fixes the record. `mentor validate` is
 * the command whose exit code judges the records.
 */
export async function siteCommand(options: SiteOptions): Promise<number> {
  const loaded = loadForCommand(options.repo);
  const { program } = loaded;
  const outDir = path.resolve(program.root, options.out);
  // Never among git's own files: a --out into .git (or a bare repository) would write into the repository's history store.
  refuseGitDir(outDir, `--out ${terminalLine(shownPath(outDir))}`, 'Choose a folder for --out outside git\'s own files.');
  const out = siteFolder(program.root, outDir);
  const unreadable: SkippedRecord[] = [];
  const cohorts = [...program.cohorts.values()].flatMap((entry) => {
    if (entry.cohort && !entry.partial) {
      const { logs, skipped } = usableCohortLogs(program, entry.id);
      return [{ cohort: entry.cohort, logs, skipped: [...membersLeftOut(program, entry.cohort), ...skipped], elsewhere: hoursInOverlappingCohorts(program, entry.cohort) }];
    }
    const first = program.problems.find((problem) => problem.file === entry.file && problem.severity === 'error');
    unreadable.push({ file: entry.file, line: first?.line ?? 1, column: first?.column ?? 1, message: `${first ? `${first.message} ` : ''}Cohort ${entry.id} is left out.` });
    return [];
  });
  // A person file with errors is listed too: the pages use only its fields valid on their own.
  const people = peopleWithErrors(program).map(({ file, line, column, message }) => ({ file, line, column, message }));
  const data = siteData({ config: program.config, cohorts, skipped: [...unreadable, ...people], people: peopleOf(program), now: loaded.now, today: loaded.today });
  const files = renderSite(data);
  writeSiteFolder(out.root, out.relative, files, COHORT_PAGES, SITE_MARK);
  warnLeftOut(data.skipped.filter((record) => !people.some((person) => person.file === record.file)), 'the dashboard', 'the dashboard lists them all');
  warnPeopleWithErrors([...people, ...membersWithoutPersonFile(program, [...program.cohorts.values()].filter((entry) => entry.cohort && !entry.partial))], loaded.warned);
  // The folder is typed by the user: shown on one line, no escape or workflow command in it.
  const shown = terminalLine(shownPath(outDir));
  const leftOut = data.skipped.length - people.length;
  const partly = people.length > 0 ? `, using only the valid fields of ${plural(people.length, 'person file')} with errors` : '';
  const text = `Wrote the dashboard to ${shown}/: index.html and ${plural(files.size - 1, 'cohort page')}${leftOut > 0 ? `, leaving out ${plural(leftOut, 'record')} with errors` : ''}${partly}.`;
  const skipped = data.skipped.map(({ file, line, column, message }) => ({ file, line, column, message }));
  const where = folderForJson(out);
  sayGenerated(options.format, text, { out: where, skipped }, [...files.keys()].map((file) => (where === '.' ? file : `${where}/${file}`)));
  return ExitCode.ok;
}
