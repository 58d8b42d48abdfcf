import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../model/problem.js';
import { findGitDir } from './git-dir.js';
import { writeFileAtomic } from './write.js';

// The validation cache: what checking each log found, keyed by the log's size, mtime, ctime and
// inode, valid only for the same index (config, cohorts, the set of people) and mentor version.
// It lives under .git/, so nothing is ever committed, and it is invisible in results: an entry
// is used only when the file provably has not changed since it was checked.

const FORMAT = 1;
/** A file modified this close to when it was checked may have changed within the same tick. */
const RACY_MS = 2000;

type Entry = [size: number, mtimeMs: number, ctimeMs: number, ino: number, problems: Problem[]];

interface CacheFile {
  format: number;
  key: string;
  writtenAt: number;
  logs: Record<string, Entry>;
}

export class ValidationCache {
  private readonly previous: Record<string, Entry>;
  private readonly writtenAt: number;
  private readonly next: Record<string, Entry> = {};
  private readonly startedAt = Date.now();
  /** How many logs were answered from the cache in this run. */
  reused = 0;

  private constructor(
    private readonly file: string,
    private readonly key: string,
    previous: CacheFile | undefined,
  ) {
    this.previous = previous?.format === FORMAT && previous.key === key ? previous.logs : {};
    this.writtenAt = previous?.writtenAt ?? 0;
  }

  /** The cache of a program repo inside a git work tree, or undefined (no cache) outside one. */
  static open(root: string, key: string): ValidationCache | undefined {
    if (process.env.MENTOR_NO_CACHE) return undefined;
    const gitDir = findGitDir(root);
    if (!gitDir) return undefined;
    const file = path.join(gitDir, 'mentor', `validate-${createHash('sha256').update(root).digest('hex').slice(0, 12)}.json`);
    let previous: CacheFile | undefined;
    try {
      previous = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    } catch {
      previous = undefined;
    }
    return new ValidationCache(file, key, previous);
  }

  /** What checking this file found last time, if it has not changed since. */
  lookup(root: string, relative: string): { problems: Problem[] } | { stats: Entry } {
    let stats;
    try {
      stats = statSync(path.join(root, relative), { bigint: false });
    } catch {
      return { stats: [-1, 0, 0, 0, []] };
    }
    const fresh: Entry = [stats.size, stats.mtimeMs, stats.ctimeMs, stats.ino, []];
    const old = this.previous[relative];
    if (old && old[0] === fresh[0] && old[1] === fresh[1] && old[2] === fresh[2] && old[3] === fresh[3] && this.writtenAt - fresh[1] > RACY_MS) {
      this.next[relative] = old;
      this.reused++;
      return { problems: old[4] };
    }
    return { stats: fresh };
  }

  remember(relative: string, stats: Entry, problems: Problem[]): void {
    if (stats[0] >= 0) this.next[relative] = [stats[0], stats[1], stats[2], stats[3], problems];
  }

  save(): void {
    try {
      writeFileAtomic(this.file, JSON.stringify({ format: FORMAT, key: this.key, writtenAt: this.startedAt, logs: this.next } satisfies CacheFile));
    } catch {
      // A cache that cannot be written only costs time next run.
    }
  }
}

/** The key of everything a log's check depends on besides the log itself. */
export function indexKey(parts: Iterable<string>): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}
