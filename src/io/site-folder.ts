import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './write.js';

/**
 * Writes the dashboard's files into `dir`, each atomically, and removes the pages of cohorts
 * that no longer exist (in `pagesFolder`), so the folder holds exactly the site. Nothing else in
 * it is touched.
 */
export function writeSiteFolder(dir: string, files: ReadonlyMap<string, string>, pagesFolder: string): void {
  for (const [file, content] of files) writeFileAtomic(path.join(dir, file), content);
  const pages = path.join(dir, pagesFolder);
  for (const entry of readdirSync(pages, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.html') && !files.has(`${pagesFolder}/${entry.name}`)) rmSync(path.join(pages, entry.name));
  }
}
