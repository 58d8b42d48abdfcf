import path from 'node:path';
import { ExitCode } from '../errors.js';
import { print, printError } from '../io/output.js';
import { writeSiteFolder } from '../io/site-folder.js';
import { chosenFolder } from '../io/write-path.js';
import { siteData } from '../core/site.js';
import { COHORT_PAGES } from '../render/site/html.js';
import { renderSite } from '../render/site/site.js';
import { plural } from '../render/words.js';
import { loadForCommand, peopleOf } from './context.js';
import { cohortLogs } from './week-logs.js';

export interface SiteOptions {
  repo?: string;
  /** The site folder, relative to the repo. */
  out: string;
}

export async function siteCommand(options: SiteOptions): Promise<number> {
  const loaded = loadForCommand(options.repo);
  const { program } = loaded;
  const cohorts = [...program.cohorts.values()].flatMap((entry) => {
    if (entry.cohort && !entry.partial) return [{ cohort: entry.cohort, logs: cohortLogs(program, entry.id) }];
    printError(`mentor: warning: ${entry.file} cannot be read, so cohort ${entry.id} is left out (run \`mentor validate\`).`);
    return [];
  });
  const people = peopleOf(program);
  const files = renderSite(siteData({ config: program.config, cohorts, people, now: loaded.now, today: loaded.today }));
  const outDir = path.resolve(program.root, options.out);
  const out = chosenFolder(program.root, outDir);
  writeSiteFolder(out.root, out.relative, files, COHORT_PAGES);
  const shown = path.relative(process.cwd(), outDir);
  print(`Wrote the dashboard to ${shown === '' ? '.' : shown.startsWith('..') ? outDir : shown}/: index.html and ${plural(files.size - 1, 'cohort page')}.`);
  return ExitCode.ok;
}
