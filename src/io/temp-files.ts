import { lstatSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { printError } from './output.js';
import { hostTag, writerState } from './writer.js';

// A write's new content waits in a temporary file beside its target until it is renamed into
// place (io/write.ts). A writer that dies (killed, a power cut) leaves its temporary files; the
// next write into the folder removes those that are only drafts of a file that is there.

/**
 * `.<name>.mentor-tmp-<pid>-<host>-<random>`: a dotfile no rule reads, named for its writer (io/writer.ts).
 * Earlier versions named no host: `.<name>.mentor-tmp-<pid>-<random>`.
 */
const TEMP_NAME = /^\.([A-Za-z0-9._-]+)\.mentor-tmp-(\d+)-(?:([0-9a-f]{8})-)?[0-9a-f]+$/;
/** Temporary files of versions before 0.2: `.<name>.<pid>.<random>.tmp`. */
const OLD_TEMP_NAME = /^\.([A-Za-z0-9._-]+)\.(\d+)\.[0-9a-f]+\.tmp$/;
/** A writer elsewhere, whose pid cannot be checked, is taken to have died when its file is this old: no write takes an hour. */
const WRITER_ELSEWHERE_MS = 60 * 60 * 1000;

/** A new temporary file's path for `file` (absolute), in the same folder. */
export function tempPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.mentor-tmp-${process.pid}-${hostTag()}-${randomBytes(4).toString('hex')}`);
}

/**
 * Removes the temporary files that writers which died left in `dir` (absolute; `root` is the
 * folder written into, for the warning). One whose target is there is a draft of a file that is
 * whole, and goes. One whose target is missing may hold the only copy of what it was to become
 * (a writer killed halfway through moving content), so it stays, and the user is told.
 */
export function removeStaleTemps(root: string, dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const kept: string[] = [];
  for (const name of names) {
    const match = TEMP_NAME.exec(name) ?? OLD_TEMP_NAME.exec(name);
    if (!match) continue;
    const state = writerState(Number(match[2]), match[3]);
    if (state === 'alive' || (state === 'elsewhere' && Date.now() - (modifiedAt(path.join(dir, name)) ?? 0) < WRITER_ELSEWHERE_MS)) continue;
    if (modifiedAt(path.join(dir, match[1]!)) !== undefined) removeQuietly(path.join(dir, name));
    else kept.push(name);
  }
  if (kept.length === 0) return;
  const folder = path.relative(root, dir) || '.';
  const shown = kept.length > 3 ? `${kept.slice(0, 3).join(', ')} and ${kept.length - 3} more` : kept.join(', ');
  printError(
    `mentor: warning: kept ${kept.length === 1 ? 'a file' : `${kept.length} files`} in ${folder}/ that a mentor which stopped midway wrote for ${kept.length === 1 ? 'a file' : 'files'} it never put in place (${shown}): ` +
      `each may hold the only copy of its content. Compare each with the records: rename it to its file's name (the part between the first dot and .mentor-tmp) if the records lack what it holds, else delete it.`,
  );
}

export function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Best effort: the next write removes it once this process is gone.
  }
}

/** When the file (or symlink: wherever it leads) was last changed; undefined when nothing is there. */
function modifiedAt(file: string): number | undefined {
  try {
    return lstatSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}
