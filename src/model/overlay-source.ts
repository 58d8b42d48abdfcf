import type { DirEntry, DirListing, ReadOutcome, RecordSource } from './record-source.js';

/**
 * A record source as it would be after some writes and deletions, without touching any file:
 * a command can load the records it is about to write and compare them with the ones it read.
 */
export class OverlaySource implements RecordSource {
  readonly label: string;
  readonly root: string;
  /** What the writes add to each folder, found once: a move of ten thousand members lists ten thousand folders. */
  private readonly added = new Map<string, Map<string, DirEntry>>();

  constructor(
    private readonly base: RecordSource,
    private readonly written: ReadonlyMap<string, string>,
    private readonly deleted: ReadonlySet<string>,
  ) {
    this.label = `${base.label}, with the changes about to be written`;
    this.root = base.root;
    for (const file of written.keys()) {
      const parts = file.split('/');
      for (let depth = 0; depth < parts.length; depth++) {
        const dir = parts.slice(0, depth).join('/');
        const name = parts[depth]!;
        const entries = this.added.get(dir) ?? new Map<string, DirEntry>();
        this.added.set(dir, entries);
        entries.set(name, depth === parts.length - 1 ? { name, kind: 'file', regular: true } : { name, kind: 'dir' });
      }
    }
  }

  list(dir: string): DirListing {
    const listing = this.base.list(dir);
    if ('problem' in listing) return listing;
    const prefix = dir === '' ? '' : `${dir}/`;
    const entries = new Map<string, DirEntry>();
    for (const entry of listing.entries) if (!this.deleted.has(prefix + entry.name)) entries.set(entry.name, entry);
    for (const [name, entry] of this.added.get(dir) ?? []) entries.set(name, entry);
    return { entries: [...entries.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) };
  }

  read(file: string, regular?: boolean): ReadOutcome {
    const text = this.written.get(file);
    return text !== undefined ? { text } : this.base.read(file, regular);
  }

  prefetch(files: readonly string[]): void {
    this.base.prefetch?.(files.filter((file) => !this.written.has(file)));
  }
}
