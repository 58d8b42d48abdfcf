import { realpathSync } from 'node:fs';
import path from 'node:path';
import { git } from './git-run.js';
import { whereLinkLeads, type DirEntry, type HeldAt, type LinkTarget } from '../model/record-source.js';

// Where a symlink leads, for the working tree and for a commit alike: from the link's text, so
// `validate`, `validate --at`, `--changed` and the gate give the same rule and words of one link.

/** Where a link's target that leaves the repo leads on this machine (a commit's link is judged here too). */
export function beyondTheRepo(absolute: string, roots: readonly string[]): LinkTarget {
  try {
    const real = realpathSync(absolute);
    return roots.some((root) => real === root || real.startsWith(root + path.sep)) ? 'inside' : 'outside';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'loop' : 'nowhere';
  }
}

/** A listed link's entry, saying whether it leads outside only when asked: most links are read as files, and said then. */
export function withLinkFlags(entry: DirEntry, leads: (() => LinkTarget) | undefined): DirEntry {
  if (leads === undefined) return entry;
  return Object.defineProperties(entry, { outside: { get: () => leads() === 'outside', enumerable: true }, symlink: { get: () => leads() !== 'outside', enumerable: true } });
}

/** What a commit holds at a path: a blob (a link's mode is 120000) and the links of its folder, a folder, or nothing. */
export type CommitEntry = { sha: string; mode: string; linksBeside: () => string[] } | 'dir' | undefined;

/**
 * The links of one commit, judged where they lead. Their texts are read in one git process per
 * folder of links (a pull request of 2,000 links took 27 s when each was a process of its own).
 */
export class CommitLinks {
  private readonly texts = new Map<string, string>();
  private roots?: string[];

  /** Every path of the commit, listed once when a link leads where the source has not listed (outside the program's folders). */
  private everything?: Map<string, CommitEntry>;

  constructor(
    private readonly root: string,
    private readonly commit: string,
    private readonly listed: (place: string) => CommitEntry,
  ) {}

  /** What the commit holds at a path: as the source lists it, else from one listing of the whole commit. */
  private at(place: string): CommitEntry {
    const found = this.listed(place);
    if (found !== undefined) return found;
    if (this.everything === undefined) {
      const entries = new Map<string, CommitEntry>();
      const links = () => [...entries.values()].flatMap((entry) => (entry && entry !== 'dir' && entry.mode === '120000' ? [entry.sha] : []));
      for (const line of git(this.root, ['ls-tree', '-r', '-t', '-z', '--end-of-options', this.commit]).toString('utf8').split('\0')) {
        const [mode, type, sha] = line.slice(0, Math.max(0, line.indexOf('\t'))).split(' ');
        if (line !== '') entries.set(line.slice(line.indexOf('\t') + 1), type === 'tree' ? 'dir' : { sha: sha!, mode: mode!, linksBeside: links });
      }
      this.everything = entries;
    }
    return this.everything.get(place);
  }

  /** Reads the texts of these link blobs at once. */
  prefetch(shas: readonly string[]): void {
    const wanted = [...new Set(shas)].filter((sha) => !this.texts.has(sha));
    if (wanted.length === 0) return;
    const output = git(this.root, ['cat-file', '--batch'], `${wanted.join('\n')}\n`);
    let offset = 0;
    for (const sha of wanted) {
      const newline = output.indexOf(10, offset);
      const size = Number(output.subarray(offset, newline).toString('latin1').split(' ')[2]) || 0;
      this.texts.set(sha, output.subarray(newline + 1, newline + 1 + size).toString('utf8'));
      offset = newline + 1 + size + 1;
    }
  }

  /** Where the link committed at `link` leads. */
  leads(link: string): LinkTarget {
    const self = this.at(link);
    if (self === undefined || self === 'dir') return 'nowhere';
    this.prefetch([self.sha, ...self.linksBeside()]);
    const held: HeldAt = (place) => {
      const entry = this.at(place);
      if (entry === undefined) return undefined;
      if (entry === 'dir' || entry.mode !== '120000') return 'there';
      this.prefetch([entry.sha, ...entry.linksBeside()]);
      return { link: this.texts.get(entry.sha)! };
    };
    const roots = this.rootsOnDisk();
    return whereLinkLeads(link, this.texts.get(self.sha)!, roots, held, (outside) => beyondTheRepo(outside, roots));
  }

  /** The program folder as given and as the file system names it. */
  private rootsOnDisk(): string[] {
    if (this.roots === undefined) {
      let real = path.resolve(this.root);
      try {
        real = realpathSync(this.root);
      } catch {
        // Gone meanwhile: the path as given.
      }
      this.roots = [path.resolve(this.root), real];
    }
    return this.roots;
  }
}
