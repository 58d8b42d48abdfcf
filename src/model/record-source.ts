// Where records are read from: the working tree, or a git commit. The loader reads only through
// this interface, so the same rules judge a working tree, a pull request's head and its base.

/** No record is this big; a bigger file is a mistake or an attack, and is not read. */
export const MAX_RECORD_BYTES = 1024 * 1024;

export interface DirEntry {
  name: string;
  /** What the entry is; a symlink is 'other' (never followed: see `outside` and `symlink`). */
  kind: 'file' | 'dir' | 'other';
  /** A plain regular file (not reached through a symlink). */
  regular?: boolean;
  /** A symlink that leads outside the repo: never followed. */
  outside?: boolean;
  /** Any other symlink (inside the repo, or leading nowhere): never followed either (see symlinkProblem). */
  symlink?: boolean;
}

/** Something in the layout that cannot be read, as the rule that says so. */
export interface SourceProblem {
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  fix: string;
  /** Where in the file, when not at its start (1-based). */
  line?: number;
  column?: number;
}

export type DirListing = { entries: DirEntry[] } | { problem: SourceProblem };
export type ReadOutcome = { text: string } | { problem: SourceProblem };

export interface RecordSource {
  /** Said in messages: "the working tree", "commit 1a2b3c4". */
  readonly label: string;
  /** The program's folder on disk (the working tree it is, or the clone the commit is in). */
  readonly root: string;
  /** The entries of a folder (relative, forward slashes; '' is the top), sorted by name; none when it is missing. */
  list(dir: string): DirListing;
  /** One record's text. `regular`: the listing saw a plain file. */
  read(file: string, regular?: boolean): ReadOutcome;
  /** Reads ahead: the loader says which files it is about to read, so a commit reads them in one go. */
  prefetch?(files: readonly string[]): void;
  /**
   * Of the files in a folder, those whose text holds one of `needles` (ASCII letters in any case):
   * a quick filter before reading, for sources that have one (a commit: one `git grep`).
   */
  filesHolding?(dir: string, needles: readonly string[]): Set<string>;
  /**
   * Parses of record texts (by kind, path and text), shared by sources that hold many of the same
   * files, so each is parsed once: a pull request's base and head. Filled by readRecord.
   */
  readonly parses?: Map<string, unknown>;
}

/**
 * A symlink where a record or a folder of records belongs, even one that stays inside the repo:
 * git commits the link, not what it leads to, so a commit (what the gate and `--at` read) never
 * holds the record. Read in one place and refused in the other, one pull request would pass its
 * validate check and fail the gate; both sources refuse it, in these words.
 */
export function symlinkProblem(what: 'file' | 'folder'): SourceProblem {
  return {
    rule: 'unexpected-file',
    severity: 'error',
    message: `This is a symlink; mentor reads records only from regular files and folders, as git commits them (git commits the link, not the ${what} it leads to).`,
    fix: what === 'file' ? 'Replace the symlink with the record itself: remove the link, and move or copy the file it leads to here.' : 'Replace the symlink with the real folder: remove the link, and move or copy the folder it leads to here.',
  };
}

/** Where a symlink leads: never followed to read a record, but said, since the fix differs. */
export type LinkTarget = 'inside' | 'outside' | 'nowhere' | 'loop';

/** What a source holds at a path, for following a symlink's text: another link (its text), something, or nothing. */
export type HeldAt = (path: string) => { link: string } | 'there' | undefined;

/**
 * Where the symlink at `link` (a repo path) with the text `target` leads, worked out from the
 * text alone, so a working tree and a commit say the same of the same link. An absolute target
 * is a repo path when it lies under one of `roots` (the program folder as given and as the file
 * system names it); a target that leaves the repo is `beyond`'s to judge (outside, or nowhere).
 */
export function whereLinkLeads(link: string, target: string, roots: readonly string[], held: HeldAt, beyond: (absolute: string) => LinkTarget): LinkTarget {
  const seen = new Set<string>();
  for (let at = link, text = target; ; ) {
    if (seen.has(at)) return 'loop';
    seen.add(at);
    const root = text.startsWith('/') ? roots.find((r) => text === r || text.startsWith(`${r}/`)) : undefined;
    const joined = text.startsWith('/') ? (root === undefined ? undefined : text.slice(root.length + 1)) : [...at.split('/').slice(0, -1), text].join('/');
    const place = joined === undefined ? undefined : normalPath(joined);
    if (place === undefined) return beyond(text.startsWith('/') ? text : `${roots[0]}/${at.split('/').slice(0, -1).join('/')}/${text}`);
    if (place === '') return 'inside';
    const found = held(place);
    if (found === undefined) return 'nowhere';
    if (found === 'there') return 'inside';
    at = place;
    text = found.link;
  }
}

/** A '/'-separated path with `.` and `..` worked out; undefined when it climbs above the top. */
function normalPath(joined: string): string | undefined {
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part !== '..') parts.push(part);
    else if (parts.pop() === undefined) return undefined;
  }
  return parts.join('/');
}

/** The one verdict on a symlink where a record or a folder of records belongs, from wherever it is read. */
export function linkProblem(what: 'file' | 'folder', leads: LinkTarget): SourceProblem {
  if (leads === 'inside') return symlinkProblem(what);
  if (leads === 'outside') {
    return what === 'file'
      ? { rule: 'symlink-outside-repo', severity: 'error', message: 'This file is a symlink that leads outside the repo; mentor does not follow it.', fix: 'Replace the symlink with the record itself.' }
      : { rule: 'symlink-outside-repo', severity: 'error', message: 'This symlink leads outside the repo; mentor does not follow it.', fix: 'Replace the symlink with the real folder.' };
  }
  // A folder that leads nowhere is still a link where a folder belongs: what to do is the same.
  if (what === 'folder') return symlinkProblem('folder');
  const where = leads === 'loop' ? 'round in a loop (to itself, or to a link that leads back)' : 'nowhere (what it names does not exist)';
  return { rule: 'unexpected-file', severity: 'error', message: `This file is a symlink that leads ${where}; there is no record to read.`, fix: 'Replace the symlink with the record itself.' };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export const tooLarge = (bytes?: number): SourceProblem => ({
  rule: 'file-too-large',
  severity: 'error',
  message:
    bytes === undefined
      ? `The file is over ${MAX_RECORD_BYTES / 1024 / 1024} MiB; it is not read.`
      : `The file is ${(bytes / 1024 / 1024).toFixed(1)} MiB; records are at most ${MAX_RECORD_BYTES / 1024 / 1024} MiB and this one is not read.`,
  fix: 'Shorten it: a record holds one person, cohort, member or week.',
});

/** A record's bytes as text: at most MAX_RECORD_BYTES, valid UTF-8, without a byte-order mark. */
export function decodeRecord(bytes: Uint8Array): ReadOutcome {
  if (bytes.length > MAX_RECORD_BYTES) return { problem: tooLarge(bytes.length) };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { problem: notUtf8(bytes) };
  }
  return { text: withoutBom(text) };
}

const withoutBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** Bytes that are not UTF-8, pointed at where the first bad byte is, as an editor counts lines and columns. */
function notUtf8(bytes: Uint8Array): SourceProblem {
  // UTF-16 starts with its byte-order mark: Windows Notepad's "Unicode", and what PowerShell 5's `>` writes.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'FF FE' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'FE FF' : undefined;
  if (utf16 !== undefined) {
    const message = `The file is saved as UTF-16 (it starts with the bytes 0x${utf16.replace(' ', ' 0x')}, UTF-16's byte-order mark), not as UTF-8 text.`;
    return { rule: 'not-utf8', severity: 'error', message, fix: 'Save it as UTF-8 in your editor (in Windows Notepad: Save As, Encoding: UTF-8).', line: 1, column: 1 };
  }
  const bad = firstInvalidByte(bytes);
  const before = withoutBom(utf8.decode(bytes.subarray(0, bad)));
  const lineStart = before.lastIndexOf('\n') + 1;
  const hex = bytes[bad]?.toString(16).toUpperCase().padStart(2, '0');
  return {
    rule: 'not-utf8',
    severity: 'error',
    message: `The file is not valid UTF-8 text${hex === undefined ? '' : `: byte 0x${hex} starts no UTF-8 character (the file may be saved as Latin-1 or Windows-1252)`}.`,
    fix: 'Save it as UTF-8 in your editor.',
    line: before.split('\n').length,
    column: before.length - lineStart + 1,
  };
}

/** The offset of the first byte that does not begin a complete, valid UTF-8 sequence (RFC 3629). */
function firstInvalidByte(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return at;
    // The second byte's range rules out overlong forms, surrogates and code points past U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < length; k++) {
      const next = bytes[at + k];
      if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return at;
    }
    at += length;
  }
  return at;
}

/** A FIFO, a socket, a device: nothing a record is. */
export const notRegular: SourceProblem = { rule: 'unexpected-file', severity: 'error', message: 'This is not a regular file.', fix: 'Replace it with a YAML file, or remove it.' };

/** A folder named as a record: the record cannot be read, and creating it fails until the folder goes. */
export const folderNotFile: SourceProblem = {
  rule: 'unexpected-file',
  severity: 'error',
  message: 'This is a folder, not a file: a record is one YAML file.',
  fix: 'Move what the folder holds elsewhere (or delete it), and write the record in its place.',
};

export const unreadable = (code: string | undefined): SourceProblem => ({
  rule: 'unreadable-file',
  severity: 'error',
  message: `The file cannot be read (${code ?? 'error'}).`,
  fix: 'Check its permissions.',
});
