import { readdirSync } from 'node:fs';
import path from 'node:path';
import { removeFiles, writeFilesAtomic } from './write.js';
import { checkWritePaths } from './write-path.js';

/**
 * Writes the dashboard's files into `dir` (relative to `root`: the repo, or the folder the user
 * chose) and removes the pages of cohorts that no longer exist (in `pagesFolder`), so the folder
 * holds exactly the site. Nothing else in it is touched, and nothing outside it: the way to every
 * file is checked before anything is read, written or removed.
 */
export function writeSiteFolder(root: string, dir: string, files: ReadonlyMap<string, string>, pagesFolder: string): void {
  const pages = path.join(dir, pagesFolder);
  checkWritePaths(root, [pages, ...[...files.keys()].map((file) => path.join(dir, file))]);
  let names: string[];
  try {
    names = readdirSync(path.join(root, pages), { withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => entry.name);
  } catch {
    names = [];
  }
  const gone = names.filter((name) => !files.has(`${pagesFolder}/${name}`)).map((name) => path.join(pages, name));
  writeFilesAtomic(root, [...files].map(([file, content]) => ({ file: path.join(dir, file), content })));
  removeFiles(root, gone);
}
