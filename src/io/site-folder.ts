import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileSystemError, isSystemError } from '../errors.js';
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
  const gone = pagesIn(path.join(root, pages))
    .filter((name) => !files.has(`${pagesFolder}/${name}`))
    .map((name) => path.join(pages, name));
  writeFilesAtomic(root, [...files].map(([file, content]) => ({ file: path.join(dir, file), content })));
  removeFiles(root, gone);
}

/** The pages in the cohort pages folder; none when there is no such folder (no cohort page yet). */
function pagesIn(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => entry.name);
  } catch (error) {
    if (isSystemError(error) && (error.code === 'ENOENT' || error.code === 'ENOTDIR')) return [];
    throw isSystemError(error) ? fileSystemError(error, 'read the folder', folder, 'Nothing was written.') : error;
  }
}
