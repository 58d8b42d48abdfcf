import { lstatSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { printError } from './output.js';

// A write's new content waits in a temporary file beside its target until it is renamed into
// place (io/write.ts). A writer that dies (killed, a power cut) leaves its temporary files; the
// next write into the folder removes those that are only drafts of a file that is there.

/** `.<name>.mentor-tmp-<pid>-<random>`: a dotfile no rule reads, named for the writer. */
const TEMP_NAME = /^\.([A-Za-z0-9._-]+)\.mentor-tmp-(\d+)-[0-9a-f]+$/;
/** Temporary files of versions before 0.2: `.<name>.<pid>.<random>.tmp`. */
const OLD_TEMP_NAME = /^\.([A-Za-z0-9._-]+)\.(\d+)\.[0-9a-f]+\.tmp$/;

/** A new temporary file's path for `file` (absolute), in the same folder. */
export function tempPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.mentor-tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
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
    const pid = Number(match[2]);
    if (pid === process.pid || isAlive(pid)) continue;
    if (exists(path.join(dir, match[1]!))) removeQuietly(path.join(dir, name));
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

export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Best effort: the next write removes it once this process is gone.
  }
}

/** Whether anything is at the path (a symlink counts, wherever it leads). */
function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}
