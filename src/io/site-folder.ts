import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './write.js';

/**
 * Writes the dashboard's files into `dir`, each atomically, and removes the pages of cohorts
 * that no longer exist, so the folder holds exactly the site. Nothing else in it is touched.
 */
export function writeSiteFolder(dir: string, files: ReadonlyMap<string, string>): void {
  for (const [file, content] of files) writeFileAtomic(path.join(dir, file), content);
  const cohorts = path.join(dir, 'cohorts');
  for (const entry of readdirSync(cohorts, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.html') && !files.has(`cohorts/${entry.name}`)) rmSync(path.join(cohorts, entry.name));
  }
}
