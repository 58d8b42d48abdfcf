import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Problem } from '../model/problem.js';
import { findGitDir } from './git-dir.js';
import type { LogCheckCache } from '../model/validate.js';
import { writeFileAtomic } from './write.js';

// The validation cache: what checking each log found, keyed by the log's size, mtime, ctime and
// inode, valid only for the same index (config, cohorts, the set of people) and the same build
// of mentor (its code, not its version number: a rebuilt rule must not reuse old answers).
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

export class ValidationCache implements LogCheckCache {
  private readonly previous: Record<string, Entry>;
  private readonly writtenAt: number;
  private readonly next: Record<string, Entry> = {};
  private readonly startedAt = Date.now();
  private readonly pending = new Map<string, Entry>();
  /** How many logs were answered from the cache in this run. */
  reused = 0;

  private constructor(
    private readonly root: string,
    private readonly file: string,
    private readonly key: string,
    previous: CacheFile | undefined,
  ) {
    this.previous = previous?.format === FORMAT && previous.key === key ? previous.logs : {};
    this.writtenAt = previous?.writtenAt ?? 0;
  }

  /** The cache of a program repo inside a git work tree, or undefined (no cache) outside one. */
  static open(root: string, indexParts: readonly string[]): ValidationCache | undefined {
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
    return new ValidationCache(root, file, indexKey([buildKey(), ...indexParts]), previous);
  }

  /** What checking this file found last time, if it has not changed since. */
  lookup(relative: string): Problem[] | undefined {
    let stats;
    try {
      // The link itself, not what it leads to: a log replaced by a symlink to it is a change (it is refused now).
      stats = lstatSync(path.join(this.root, relative), { bigint: false });
    } catch {
      return undefined;
    }
    const fresh: Entry = [stats.size, stats.mtimeMs, stats.ctimeMs, stats.ino, []];
    const old = this.previous[relative];
    if (old && old[0] === fresh[0] && old[1] === fresh[1] && old[2] === fresh[2] && old[3] === fresh[3] && this.writtenAt - fresh[1] > RACY_MS) {
      this.next[relative] = old;
      this.reused++;
      return old[4];
    }
    this.pending.set(relative, fresh);
    return undefined;
  }

  remember(relative: string, problems: Problem[]): void {
    const stats = this.pending.get(relative);
    if (stats) this.next[relative] = [stats[0], stats[1], stats[2], stats[3], problems];
  }

  save(): void {
    // Every log answered from the cache and none gone: the file on disk already says all of it.
    const kept = Object.keys(this.next).length;
    if (this.pending.size === 0 && kept === this.reused && kept === Object.keys(this.previous).length) return;
    try {
      writeFileAtomic(path.dirname(this.file), path.basename(this.file), JSON.stringify({ format: FORMAT, key: this.key, writtenAt: this.startedAt, logs: this.next } satisfies CacheFile), { said: false, flush: false });
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

let build: string | undefined;

/**
 * What identifies this build of mentor: a hash of its code. Built as files (dist/), every
 * module counts; bundled into one runner, that file.
 */
export function buildKey(): string {
  if (build !== undefined) return build;
  const here = fileURLToPath(import.meta.url);
  const hash = createHash('sha256');
  const top = path.basename(path.dirname(here)) === 'io' ? path.dirname(path.dirname(here)) : undefined;
  for (const file of top ? codeFiles(top) : [here]) hash.update(path.relative(top ?? path.dirname(here), file)).update(readFileSync(file));
  return (build = hash.digest('hex'));
}

function codeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => (entry.isDirectory() ? codeFiles(path.join(dir, entry.name)) : /\.(m?js)$/.test(entry.name) ? [path.join(dir, entry.name)] : []));
}
