import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { beyondTheRepo } from './links.js';
import { decodeRecord, folderNotFile, linkProblem, MAX_RECORD_BYTES, notRegular, symlinkProblem, tooLarge, unreadable, whereLinkLeads, type DirEntry, type DirListing, type HeldAt, type LinkTarget, type ReadOutcome, type RecordSource, type SourceProblem } from '../model/record-source.js';

// The records as they are in a folder on disk. No symlink is followed: one that leads out of the
// repo is reported as such, and one inside it too, as a commit holds only the link; only regular
// files are read, never more than the record limit.

export class WorktreeSource implements RecordSource {
  readonly label = 'the working tree';

  /** Folders reached through real folders only: no symlink on the way, so no need to check where they lead. */
  private readonly realFolders = new Set<string>(['']);

  constructor(readonly root: string) {}

  list(dir: string): DirListing {
    const absolute = path.join(this.root, dir);
    let dirents: Dirent[];
    try {
      if (!this.realFolders.has(dir)) {
        const link = lstatSync(absolute, { throwIfNoEntry: false })?.isSymbolicLink() === true;
        if (!link && !statSync(absolute, { throwIfNoEntry: false })?.isDirectory()) return { entries: [] };
        const problem = this.linkOnTheWay(absolute, dir);
        if (problem) return { problem };
      }
      dirents = readdirSync(absolute, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return { entries: [] };
      return { problem: { rule: 'unreadable-file', severity: 'error', message: `The folder cannot be read (${code ?? 'error'}).`, fix: 'Check its permissions.' } };
    }
    const entries = dirents.map((dirent) => this.entryOf(dir, dirent));
    return { entries: entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) };
  }

  read(file: string, regular = false): ReadOutcome {
    const absolute = path.join(this.root, file);
    // The file itself is opened without following a link; a folder on its way is checked here,
    // unless listed already (a run that reads a changed file without listing its folder).
    const dir = path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file);
    if (!this.realFolders.has(dir)) {
      const problem = this.linkOnTheWay(path.dirname(absolute), dir);
      if (problem) return { problem };
    }
    let fd: number;
    try {
      fd = openSync(absolute, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOOP' || code === 'EMLINK') {
        // Not read even when it stays inside: a commit holds the link, so the gate could not read it.
        return { problem: linkProblem('file', this.whereLinkLeads(absolute)) };
      }
      if (code === 'ENOENT') return { problem: { rule: 'missing-file', severity: 'error', message: 'The file does not exist.', fix: 'Create it.' } };
      // A socket cannot be opened (ENXIO): it is no file to read, not a matter of permissions.
      return { problem: code === 'ENXIO' ? notRegular : unreadable(code) };
    }
    return readOpened(fd, regular);
  }

  private entryOf(dir: string, dirent: Dirent): DirEntry {
    if (dirent.isFile()) return { name: dirent.name, kind: 'file', regular: true };
    if (dirent.isDirectory()) {
      if (this.realFolders.has(dir)) this.realFolders.add(dir === '' ? dirent.name : `${dir}/${dirent.name}`);
      return { name: dirent.name, kind: 'dir' };
    }
    if (!dirent.isSymbolicLink()) return { name: dirent.name, kind: 'other' };
    // Never followed, as a commit (which holds the link) never can be: see symlinkProblem.
    const absolute = path.join(this.root, dir, dirent.name);
    return { name: dirent.name, kind: 'other', ...(this.whereLinkLeads(absolute) === 'outside' ? { outside: true } : { symlink: true }) };
  }

  /** Why the folder `dir` (existing) cannot be read because it, or a folder above it, is a symlink. */
  private linkOnTheWay(absolute: string, dir: string): SourceProblem | undefined {
    let real: string;
    try {
      real = realpathSync(absolute);
    } catch {
      // Missing (nothing to read: said where it is read), or a link that loops or leads nowhere.
      return lstatSync(absolute, { throwIfNoEntry: false })?.isSymbolicLink() ? symlinkProblem('folder') : undefined;
    }
    if (real === path.join(this.realRoot(), dir)) {
      this.realFolders.add(dir);
      return undefined;
    }
    if (!(real === this.realRoot() || real.startsWith(this.realRoot() + path.sep))) {
      // The link itself is said as its listing says it; a folder below one, by the folder.
      if (lstatSync(absolute, { throwIfNoEntry: false })?.isSymbolicLink()) return linkProblem('folder', 'outside');
      return { rule: 'symlink-outside-repo', severity: 'error', message: `${dir} leads outside the repo; mentor does not follow it.`, fix: 'Replace the symlink with a real folder.' };
    }
    // Inside the repo: not read, as a commit holds the link, not the folder.
    return symlinkProblem('folder');
  }

  private realRootPath?: string;

  /** The root as the file system names it (a root given through a symlink is still the repo). */
  private realRoot(): string {
    if (this.realRootPath === undefined) {
      try {
        this.realRootPath = realpathSync(this.root);
      } catch {
        return this.root; // Gone meanwhile: each read then says what it finds.
      }
    }
    return this.realRootPath;
  }

  /** Where a link leads, from its text (core of the verdict a commit gives too: see whereLinkLeads). */
  private whereLinkLeads(absolute: string): LinkTarget {
    let target: string;
    try {
      target = readlinkSync(absolute);
    } catch {
      return 'nowhere';
    }
    const roots = [path.resolve(this.root), this.realRoot()];
    const link = path.relative(roots[0]!, absolute).split(path.sep).join('/');
    return whereLinkLeads(link, target, roots, (place) => heldOnDisk(roots[0]!, place), (outside) => beyondTheRepo(outside, roots));
  }
}

/** What a folder on disk holds at a repo path, a link not followed. */
function heldOnDisk(root: string, place: string): ReturnType<HeldAt> {
  try {
    return lstatSync(path.join(root, place)).isSymbolicLink() ? { link: readlinkSync(path.join(root, place)) } : 'there';
  } catch {
    return undefined;
  }
}

/** One buffer for every read: a record is read whole into it, never more than the limit + 1. */
let shared = Buffer.allocUnsafe(64 * 1024);

function readOpened(fd: number, regular = false): ReadOutcome {
  try {
    // A file the listing saw as regular needs no fstat: the bounded read below enforces the size.
    const stats = regular ? { isFile: () => true, size: 0 } : fstatSync(fd);
    if (!stats.isFile()) return { problem: 'isDirectory' in stats && stats.isDirectory() ? folderNotFile : notRegular };
    if (stats.size > MAX_RECORD_BYTES) return { problem: tooLarge(stats.size) };
    // Read up to the limit + 1 bytes, whatever the size said (the file may grow meanwhile).
    let length = 0;
    for (;;) {
      if (length === shared.length) {
        if (shared.length > MAX_RECORD_BYTES) break;
        const bigger = Buffer.allocUnsafe(Math.min(shared.length * 4, MAX_RECORD_BYTES + 1));
        shared.copy(bigger, 0, 0, length);
        shared = bigger;
      }
      const count = readSync(fd, shared, length, shared.length - length, null);
      if (count === 0) break;
      length += count;
      if (length < shared.length && (stats.size <= length || regular)) break;
    }
    if (length > MAX_RECORD_BYTES) return { problem: tooLarge() };
    return decodeRecord(shared.subarray(0, length));
  } catch (error) {
    return { problem: unreadable((error as NodeJS.ErrnoException).code) };
  } finally {
    closeSync(fd);
  }
}
