import { readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { programFolderOf } from '../domain/layout.js';
import { ExitCode, fileSystemError, isSystemError, MentorError } from '../errors.js';
import { removeFiles, writeFilesAtomic } from './write.js';
import { checkWritePaths, chosenFolder } from './write-path.js';
import { writerOf } from './generated.js';

/**
 * The folder `site --out` names (absolute), as chosenFolder() gives it, refused when it is the
 * repo's top folder or lies in a folder of records or of what mentor generates: the site would
 * mix with the records there, and its sweep of stale pages would remove .html files it never wrote.
 */
export function siteFolder(repoRoot: string, absolute: string): ReturnType<typeof chosenFolder> {
  const out = chosenFolder(repoRoot, absolute);
  // A folder above the repo (the file system's root included) holds other people's files and folders: the site would scatter among them.
  // Compared as the system resolves them: a symlink to such a folder leads there too.
  const above = out.inRepo ? '' : path.relative(out.root, realFolder(repoRoot));
  if (!out.inRepo && above !== '' && !above.startsWith('..') && !path.isAbsolute(above)) {
    throw new MentorError(
      `Not writing the dashboard to ${absolute === path.parse(absolute).root ? 'the top folder of the file system' : 'a folder that holds the program repo'}: its pages and cohorts/ folder would mix with what is there. Nothing was written.`,
      ExitCode.usage,
      'Choose a folder of its own: leave out --out for _site (what the pages workflow publishes), or name a new folder such as --out site.',
    );
  }
  if (!out.inRepo) return out;
  const relative = out.relative.split(path.sep).join('/');
  const folder = programFolderOf(relative);
  if (relative !== '' && folder === undefined) return out;
  const where = folder === undefined ? "the repo's top folder, which holds the records" : `${relative === folder ? '' : `${relative}/, inside `}${folder}/, a folder mentor keeps for the records and the files it generates`;
  throw new MentorError(
    `Not writing the dashboard to ${where}: the site would mix with them, and its sweep of old cohort pages would remove .html files there. Nothing was written.`,
    ExitCode.usage,
    'Choose a folder of its own: leave out --out for _site (what the pages workflow publishes), name another folder such as --out site, or one outside the repo.',
  );
}

/** The folder with every symlink on its way followed, or as it is written when it cannot be. */
function realFolder(absolute: string): string {
  try {
    return realpathSync(absolute);
  } catch {
    return absolute;
  }
}

/**
 * Writes the dashboard's files into `dir` (relative to `root`: the repo, or the folder the user
 * chose) and removes the pages of cohorts that no longer exist (in `pagesFolder`), so the folder
 * holds exactly the site. Nothing else in it is touched, and nothing outside it: the way to every
 * file is checked before anything is read, written or removed. A page is mentor's when it holds
 * `mark`: one that does not (the user's own index.html) is never replaced (the write is refused,
 * nothing written) nor removed.
 */
export function writeSiteFolder(root: string, dir: string, files: ReadonlyMap<string, string>, pagesFolder: string, mark: string): void {
  const pages = path.join(dir, pagesFolder);
  checkWritePaths(root, [pages, ...[...files.keys()].map((file) => path.join(dir, file))]);
  const theirs = [...files.keys()].filter((file) => wroteBySomeoneElse(root, path.join(dir, file), mark));
  if (theirs.length > 0) {
    const shown = path.join(root, dir, theirs[0]!);
    throw new MentorError(
      `${shown} is not a page that \`mentor site\` wrote, and mentor never overwrites it${theirs.length > 1 ? ` (nor ${theirs.length - 1} more)` : ''}. Nothing was written.`,
      ExitCode.usage,
      'Give the dashboard a folder of its own with --out (a new one, or the one it was written to before), or move that file away.',
    );
  }
  const gone = pagesIn(path.join(root, pages))
    .filter((name) => !files.has(`${pagesFolder}/${name}`) && !wroteBySomeoneElse(root, path.join(pages, name), mark))
    .map((name) => path.join(pages, name));
  writeFilesAtomic(root, [...files].map(([file, content]) => ({ file: path.join(dir, file), content })));
  removeFiles(root, gone);
}

/** A file at `relative` that does not hold the mark of a page mentor wrote (one that cannot be read: the write says what is wrong with it). */
const wroteBySomeoneElse = (root: string, relative: string, mark: string) => writerOf(root, relative, mark, MAX_PAGE_BYTES) === 'other';

/** Pages of a program of 10,000 people are a few MB: a file far past that is no page of mentor's. */
const MAX_PAGE_BYTES = 512 * 1024 * 1024;

/** The pages in the cohort pages folder; none when there is no such folder (no cohort page yet). */
function pagesIn(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => entry.name);
  } catch (error) {
    if (isSystemError(error) && (error.code === 'ENOENT' || error.code === 'ENOTDIR')) return [];
    throw isSystemError(error) ? fileSystemError(error, 'read the folder', folder, 'Nothing was written.') : error;
  }
}
