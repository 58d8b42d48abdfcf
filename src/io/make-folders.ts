import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Makes a folder and the folders above it that are missing, one level at a time. Node's
 * `mkdirSync(dir, { recursive: true })` never returns where the file system refuses a new folder
 * with ENOENT under a parent that exists (/proc, /sys): it makes the parent again, forever. Here
 * each level is made once, and what the file system says (ENOENT, EACCES, EEXIST for a file in
 * the way, EROFS) is thrown for the caller to say.
 */
export function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    // Anything at `at` (a folder, or a file that mkdirSync below refuses with EEXIST) ends the walk.
    if (statSync(at, { throwIfNoEntry: false }) !== undefined || path.dirname(at) === at) {
      if (!statSync(at, { throwIfNoEntry: false })?.isDirectory()) missing.push(at);
      break;
    }
    missing.push(at);
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      // Made meanwhile by someone else: as good as made here.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw error;
    }
  }
}
