import { CONFIG_FILE, COHORTS_DIR, LOGS_FOLDER, MEMBERS_FOLDER, PEOPLE_DIR, logsDir, underLogs } from '../domain/layout.js';
import { git, gitStarted } from './git-run.js';
import { CommitLinks, withLinkFlags, type CommitEntry } from './links.js';
import { filesGrepped, grepArgs, holdingKey } from './git-grep.js';
import { decodeRecord, folderNotFile, linkProblem, MAX_RECORD_BYTES, tooLarge, type DirEntry, type DirListing, type ReadOutcome, type RecordSource } from '../model/record-source.js';

// The records as they are in a git commit: one `git ls-tree` for the listing and one
// `git cat-file --batch` for each batch of blobs the loader asks for, whatever the repo's size.
// Nothing is checked out and nothing from the commit is run.

interface Blob {
  sha: string;
  size: number;
  mode: string;
}

/** Files of one folder read one at a time before the rest of the folder is read at once. */
const SINGLE_READS = 4;

/**
 * While all the records listed so far come to no more than this, a read takes every listed file
 * not yet read with it: a small program is read in one or two git processes, not one per file.
 */
const SMALL_LISTING_BYTES = 256 * 1024;

/** A folder as listed: its entries (and their names), and the blobs of its files by name. */
interface Folder {
  entries: DirEntry[];
  names: Set<string>;
  blobs: Map<string, Blob>;
}

/**
 * What two sources of one repo (a pull request's base and head) share: texts of equal blobs,
 * parses of equal files, and the listings of people/ and of each cohort folder (with its members/)
 * whose tree is the same in both: a pull request that changes one log lists one cohort again.
 */
export class SharedReads {
  readonly blobs = new Map<string, ReadOutcome>();
  readonly parses = new Map<string, unknown>();
  /** The folders listed at and below a path, by the path and its tree: `${path}\0${sha}`. */
  readonly trees = new Map<string, Array<[string, Folder]>>();
}

export class GitCommitSource implements RecordSource {
  /** Listed folders by path ('' is the top). */
  private readonly folders = new Map<string, Folder>();
  private readonly texts = new Map<string, ReadOutcome>();
  /** Reads per folder that were not read ahead. */
  private readonly misses = new Map<string, number>();

  /** Log folders seen but not yet listed: a commit's logs are listed per cohort, when first needed. */
  private readonly unlistedLogs = new Set<string>();
  private readonly listedPersonFolders = new Set<string>();
  /** How many person folders of each cohort's logs were listed one by one. */
  private readonly personListings = new Map<string, number>();
  /** What `holdingAhead` found, by folder and needles. */
  private readonly holding = new Map<string, Set<string>>();
  /** The bytes of every record file listed so far. */
  private listedBytes = 0;

  readonly parses?: Map<string, unknown>;
  private readonly sharedBlobs?: Map<string, ReadOutcome>;

  /**
   * `root`: the program folder (which may be below the top of the git repo); `commit`: the full
   * id of a commit or tree; `shared`: what another source of the same repo read, so a file
   * equal in both is read and parsed once; `label`: what messages call it.
   */
  constructor(
    readonly root: string,
    readonly commit: string,
    shared?: SharedReads,
    readonly label = `commit ${commit.slice(0, 7)}`,
  ) {
    this.parses = shared?.parses;
    this.sharedBlobs = shared?.blobs;
    this.shared = shared;
  }

  private readonly shared?: SharedReads;
  private listed = false;

  /**
   * Lists the commit when first asked, not when made, so a caller may start other git work first
   * (holdingAhead). Two listings: the config, people and the cohort folders; then what people/,
   * each cohort folder and its members/ hold (taken from the other source where its tree is the
   * same). A folder named both bare and with a slash is listed if it is a folder and shown as what
   * it is if it is not. Logs are listed when first needed.
   */
  private listTop(): void {
    if (this.listed) return;
    this.listed = true;
    const shared = this.shared;
    const top = this.addListing(this.lsTree([CONFIG_FILE, PEOPLE_DIR, COHORTS_DIR, `${COHORTS_DIR}/`]));
    const wanted = top.filter((entry) => entry.kind === 'dir' && (entry.path === PEOPLE_DIR || entry.path.startsWith(`${COHORTS_DIR}/`)));
    const below = (entry: { path: string }) => (entry.path === PEOPLE_DIR ? [PEOPLE_DIR] : [entry.path, `${entry.path}/${MEMBERS_FOLDER}`]);
    const toList = wanted.filter((entry) => {
      const known = shared?.trees.get(`${entry.path}\0${entry.sha}`);
      for (const [dir, folder] of known ?? []) this.folders.set(dir, folder);
      return known === undefined;
    });
    if (toList.length > 0) this.addListing(this.lsTree(toList.flatMap((entry) => below(entry).map((dir) => `${dir}/`))));
    for (const entry of wanted) {
      const folders = below(entry).flatMap((dir): Array<[string, Folder]> => (this.folders.has(dir) ? [[dir, this.folders.get(dir)!]] : []));
      shared?.trees.set(`${entry.path}\0${entry.sha}`, folders);
      const logs = this.folders.get(entry.path)?.entries.find((inside) => inside.name === LOGS_FOLDER && inside.kind === 'dir');
      if (logs && entry.path !== PEOPLE_DIR) this.unlistedLogs.add(`${entry.path}/${LOGS_FOLDER}`);
    }
  }

  list(dir: string): DirListing {
    this.listTop();
    // A folder committed as a symlink (people -> elsewhere) is a link in the commit: said, not taken for an empty folder.
    if (dir !== '' && this.blobOf(dir)?.mode === '120000') return { problem: linkProblem('folder', this.links.leads(dir)) };
    this.ensureListed(dir);
    return { entries: this.folders.get(dir)?.entries ?? [] };
  }

  /**
   * Lists a cohort's logs when first asked: all of them for the logs folder itself, or one
   * person's folder when only that is asked (a pull request that changes one log).
   */
  private ensureListed(dir: string): void {
    const under = underLogs(dir);
    if (!under || under.below.length > 1 || !this.unlistedLogs.has(logsDir(under.cohort))) return;
    if (under.below.length === 0) {
      this.unlistedLogs.delete(dir);
      this.addListing(this.lsTree([`${dir}/`], { recursive: true }));
    } else if (!this.listedPersonFolders.has(dir)) {
      // One person's folder at a time for a change of a few logs; past a few, the whole logs folder
      // in one call (a pull request changing 1,000 people's logs made 2,000 git processes).
      const cohortLogs = logsDir(under.cohort);
      const alone = (this.personListings.get(cohortLogs) ?? 0) + 1;
      this.personListings.set(cohortLogs, alone);
      if (alone > SINGLE_READS) {
        this.unlistedLogs.delete(cohortLogs);
        this.addListing(this.lsTree([`${cohortLogs}/`], { recursive: true }));
        return;
      }
      this.listedPersonFolders.add(dir);
      this.addListing(this.lsTree([`${dir}/`]));
    }
  }

  private lsTree(paths: string[], options: { recursive?: boolean } = {}): Buffer {
    return git(this.root, ['ls-tree', '-z', '--long', ...(options.recursive ? ['-r'] : []), '--end-of-options', this.commit, '--', ...paths]);
  }

  /** Records the entries of an `ls-tree -z --long` listing; returns them with their kind. */
  private addListing(listing: Buffer): Array<{ path: string; kind: DirEntry['kind']; sha: string }> {
    const added: Array<{ path: string; kind: DirEntry['kind']; sha: string }> = [];
    const touched = new Set<Folder>();
    for (const line of listing.toString('utf8').split('\0')) {
      if (line === '') continue;
      // `<mode> <type> <object> <size padded with spaces>\t<path>`
      const tab = line.indexOf('\t');
      const typeAt = line.indexOf(' ') + 1;
      const shaAt = line.indexOf(' ', typeAt) + 1;
      const sizeAt = line.indexOf(' ', shaAt) + 1;
      const mode = line.slice(0, typeAt - 1);
      const type = line.slice(typeAt, shaAt - 1);
      const sha = line.slice(shaAt, sizeAt - 1);
      const size = line.slice(sizeAt, tab).trim();
      const file = line.slice(tab + 1);
      const kind: DirEntry['kind'] = type === 'tree' ? 'dir' : type === 'blob' && mode !== '120000' ? 'file' : 'other';
      const folder = this.addToFolders(file, kind, touched, mode);
      if (type === 'blob' || type === 'commit') {
        const name = file.slice(file.lastIndexOf('/') + 1);
        if (!folder.blobs.has(name)) this.listedBytes += Number(size) || 0;
        folder.blobs.set(name, { sha, size: Number(size), mode });
      }
      added.push({ path: file, kind, sha });
    }
    for (const folder of touched) folder.entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return added;
  }

  private linksOf?: CommitLinks;
  /** Where the commit's links lead (io/links.ts): at a path, a blob (with its folder's links, read together), a folder, or nothing. */
  private get links(): CommitLinks {
    return (this.linksOf ??= new CommitLinks(this.root, this.commit, (place): CommitEntry => {
      const dir = place.slice(0, Math.max(0, place.lastIndexOf('/')));
      this.ensureListed(dir);
      const blob = this.blobOf(place);
      return blob ? { ...blob, linksBeside: () => [...this.folders.get(dir)!.blobs.values()].filter((other) => other.mode === '120000').map((other) => other.sha) } : this.isFolder(place) ? 'dir' : undefined;
    }));
  }

  private isFolder(file: string): boolean {
    const slash = file.lastIndexOf('/');
    const name = file.slice(slash + 1);
    return this.folders.get(slash < 0 ? '' : file.slice(0, slash))?.entries.some((entry) => entry.name === name && entry.kind === 'dir') === true;
  }

  private blobOf(file: string): Blob | undefined {
    const slash = file.lastIndexOf('/');
    return this.folders.get(slash < 0 ? '' : file.slice(0, slash))?.blobs.get(file.slice(slash + 1));
  }

  read(file: string): ReadOutcome {
    this.listTop();
    if (!this.texts.has(file)) {
      // A run that needs a few files of a big folder reads just those; one that goes on reading
      // them one by one would pay a git process per file, so past a few it reads the whole folder.
      const slash = file.lastIndexOf('/');
      const dir = slash < 0 ? '' : file.slice(0, slash);
      this.ensureListed(dir);
      const misses = (this.misses.get(dir) ?? 0) + 1;
      this.misses.set(dir, misses);
      const siblings = misses <= SINGLE_READS ? [] : (this.folders.get(dir)?.entries ?? []).filter((entry) => entry.kind === 'file').map((entry) => (dir === '' ? entry.name : `${dir}/${entry.name}`));
      this.prefetch([file, ...siblings]);
    }
    return this.texts.get(file)!;
  }

  prefetch(files: readonly string[]): void {
    this.listTop();
    // A log's folder is listed when first needed: before its blob can be found.
    for (const dir of new Set(files.map((file) => file.slice(0, Math.max(0, file.lastIndexOf('/')))))) this.ensureListed(dir);
    const wanted: string[] = [];
    for (const file of this.withSmallListing(files)) {
      if (this.texts.has(file)) continue;
      const blob = this.blobOf(file);
      if (blob === undefined) this.texts.set(file, { problem: this.isFolder(file) ? folderNotFile : { rule: 'missing-file', severity: 'error', message: `The file is not in ${this.label}.`, fix: 'Create it.' } });
      else if (blob.mode === '120000') this.texts.set(file, { problem: linkProblem('file', this.links.leads(file)) });
      else if (blob.mode === '160000') this.texts.set(file, { problem: { rule: 'unexpected-file', severity: 'error', message: 'This is a submodule (a link to a commit of another repository); mentor reads records only from regular files.', fix: 'Remove the submodule (git rm) and add the record itself.' } });
      else if (blob.size > MAX_RECORD_BYTES) this.texts.set(file, { problem: tooLarge(blob.size) });
      else if (this.sharedBlobs?.has(blob.sha)) this.texts.set(file, this.sharedBlobs.get(blob.sha)!);
      else wanted.push(file);
    }
    if (wanted.length === 0) return;
    const output = git(this.root, ['cat-file', '--batch'], wanted.map((file) => this.blobOf(file)!.sha).join('\n') + '\n');
    let offset = 0;
    for (const file of wanted) {
      const newline = output.indexOf(10, offset);
      const header = output.subarray(offset, newline).toString('latin1').split(' ');
      offset = newline + 1;
      // `<sha> missing` (an object this clone lacks) has no content after it.
      const size = header.length === 3 ? Number(header[2]) : 0;
      if (header[1] === 'blob') {
        const text = decodeRecord(output.subarray(offset, offset + size));
        this.texts.set(file, text);
        this.sharedBlobs?.set(this.blobOf(file)!.sha, text);
      } else {
        this.texts.set(file, { problem: { rule: 'unreadable-file', severity: 'error', message: `git could not read this file from ${this.label}.`, fix: 'Fetch the commit again (git fetch).' } });
      }
      if (header.length === 3) offset += size + 1;
    }
  }

  /** The files asked for, and every listed file not yet read while the listing is small. */
  private withSmallListing(files: readonly string[]): readonly string[] {
    if (this.listedBytes > SMALL_LISTING_BYTES || files.every((file) => this.texts.has(file))) return files;
    const all = new Set(files);
    for (const [dir, folder] of this.folders) {
      for (const name of folder.blobs.keys()) all.add(dir === '' ? name : `${dir}/${name}`);
    }
    return [...all];
  }

  filesHolding(dir: string, needles: readonly string[]): Set<string> {
    const ahead = this.holding.get(holdingKey(dir, needles));
    if (ahead) return ahead;
    return filesGrepped(this.commit, git(this.root, grepArgs(this.commit, dir, needles), undefined, [0, 1]).toString('utf8'));
  }

  /**
   * Runs `filesHolding` in the background, for a caller that knows what it will ask and has other
   * git work to do meanwhile (check-pr: the author's handle, while git merges base and head). A
   * failure is not kept: asked later, filesHolding runs git again and says what went wrong.
   */
  async holdingAhead(dir: string, needles: readonly string[]): Promise<void> {
    const started = await gitStarted(this.root, grepArgs(this.commit, dir, needles), [0, 1]);
    if (started.failed === undefined) this.holding.set(holdingKey(dir, needles), filesGrepped(this.commit, started.stdout));
  }

  /** Adds an entry to its folder (and the folder to its parent, up to the top); returns the folder. */
  private addToFolders(file: string, kind: DirEntry['kind'], touched: Set<Folder>, mode?: string): Folder {
    const slash = file.lastIndexOf('/');
    const dir = slash < 0 ? '' : file.slice(0, slash);
    const name = file.slice(slash + 1);
    const entry: DirEntry = withLinkFlags({ name, kind, ...(kind === 'file' ? { regular: true } : {}) }, mode === '120000' ? () => this.links.leads(file) : undefined);
    let folder = this.folders.get(dir);
    if (!folder) {
      folder = { entries: [], names: new Set(), blobs: new Map() };
      this.folders.set(dir, folder);
      if (dir !== '') this.addToFolders(dir, 'dir', touched);
    }
    touched.add(folder);
    // A folder listed on its own before its contents (a cohort's logs) is not added twice.
    if (!folder.names.has(name)) {
      folder.names.add(name);
      folder.entries.push(entry);
    }
    return folder;
  }
}
