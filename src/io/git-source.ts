import { spawnSync } from 'node:child_process';
import { MentorError, ExitCode } from '../errors.js';
import { decodeRecord, MAX_RECORD_BYTES, tooLarge, type DirEntry, type DirListing, type ReadOutcome, type RecordSource } from '../model/record-source.js';

// The records as they are in a git commit: one `git ls-tree` for the listing and one
// `git cat-file --batch` for each batch of blobs the loader asks for, whatever the repo's size.
// Nothing is checked out and nothing from the commit is run.

interface Blob {
  sha: string;
  size: number;
  mode: string;
}

const GIT_BUFFER = 1024 * 1024 * 1024;

export class GitCommitSource implements RecordSource {
  readonly label: string;
  private readonly blobs = new Map<string, Blob>();
  private readonly folders = new Map<string, DirEntry[]>();
  private readonly texts = new Map<string, ReadOutcome>();

  /** `root`: the program folder (which may be below the top of the git repo); `commit`: a full sha. */
  constructor(
    readonly root: string,
    readonly commit: string,
  ) {
    this.label = `commit ${commit.slice(0, 7)}`;
    const listing = git(root, ['ls-tree', '-r', '-z', '--long', '--end-of-options', commit, '--', '.']);
    for (const line of listing.toString('utf8').split('\0')) {
      if (line === '') continue;
      const tab = line.indexOf('\t');
      const [mode, type, sha, size] = line.slice(0, tab).split(/ +/) as [string, string, string, string];
      const file = line.slice(tab + 1);
      if (type === 'blob') this.blobs.set(file, { sha, size: Number(size), mode });
      this.addToFolders(file, type === 'blob' && mode !== '120000' ? 'file' : type === 'commit' || mode === '120000' ? 'other' : 'dir');
    }
    for (const entries of this.folders.values()) entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  list(dir: string): DirListing {
    return { entries: this.folders.get(dir) ?? [] };
  }

  read(file: string): ReadOutcome {
    if (!this.texts.has(file)) this.prefetch([file]);
    return this.texts.get(file)!;
  }

  prefetch(files: readonly string[]): void {
    const wanted: string[] = [];
    for (const file of files) {
      if (this.texts.has(file)) continue;
      const blob = this.blobs.get(file);
      if (blob === undefined) this.texts.set(file, { problem: { rule: 'missing-file', severity: 'error', message: `The file is not in ${this.label}.`, fix: 'Create it.' } });
      else if (blob.mode === '120000') this.texts.set(file, { problem: { rule: 'unexpected-file', severity: 'error', message: 'This is a symlink; mentor reads records only from regular files.', fix: 'Replace the symlink with the record itself.' } });
      else if (blob.size > MAX_RECORD_BYTES) this.texts.set(file, { problem: tooLarge(blob.size) });
      else wanted.push(file);
    }
    if (wanted.length === 0) return;
    const output = git(this.root, ['cat-file', '--batch'], wanted.map((file) => this.blobs.get(file)!.sha).join('\n') + '\n');
    let offset = 0;
    for (const file of wanted) {
      const newline = output.indexOf(10, offset);
      const header = output.subarray(offset, newline).toString('latin1').split(' ');
      const size = Number(header[2]);
      offset = newline + 1;
      this.texts.set(file, header[1] === 'blob' ? decodeRecord(output.subarray(offset, offset + size)) : { problem: { rule: 'unreadable-file', severity: 'error', message: `git could not read this file from ${this.label}.`, fix: 'Fetch the commit again (git fetch).' } });
      offset += size + 1;
    }
  }

  private addToFolders(file: string, kind: DirEntry['kind']): void {
    const slash = file.lastIndexOf('/');
    const dir = slash < 0 ? '' : file.slice(0, slash);
    const entry: DirEntry = { name: file.slice(slash + 1), kind, ...(kind === 'file' ? { regular: true } : {}) };
    const known = this.folders.get(dir);
    if (known) {
      known.push(entry);
      return;
    }
    this.folders.set(dir, [entry]);
    if (dir !== '') this.addToFolders(dir, 'dir');
  }
}

function git(cwd: string, args: string[], input?: string): Buffer {
  const result = spawnSync('git', args, { cwd, input, maxBuffer: GIT_BUFFER, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    throw new MentorError(code === 'ENOENT' ? 'git is not installed or not on PATH.' : `git ${args[0]} failed (${code ?? result.error.message}).`, ExitCode.usage, code === 'ENOENT' ? 'Install git and try again.' : undefined);
  }
  if (result.status !== 0) {
    const text = result.stderr.toString('utf8').replace(/\s+/g, ' ').replace(/^fatal: /, '').trim().slice(0, 300);
    throw new MentorError(`git ${args[0]}: ${text}`, ExitCode.usage, 'Check that the commit exists here (fetch it first).');
  }
  return result.stdout;
}
