import type { DirEntry, DirListing, ReadOutcome, RecordSource } from './record-source.js';

/**
 * A record source as it would be after some writes and deletions, without touching any file:
 * a command can load the records it is about to write and compare them with the ones it read.
 */
export class OverlaySource implements RecordSource {
  readonly label: string;
  readonly root: string;

  constructor(
    private readonly base: RecordSource,
    private readonly written: ReadonlyMap<string, string>,
    private readonly deleted: ReadonlySet<string>,
  ) {
    this.label = `${base.label}, with the changes about to be written`;
    this.root = base.root;
  }

  list(dir: string): DirListing {
    const listing = this.base.list(dir);
    if ('problem' in listing) return listing;
    const prefix = dir === '' ? '' : `${dir}/`;
    const entries = new Map<string, DirEntry>();
    for (const entry of listing.entries) if (!this.deleted.has(prefix + entry.name)) entries.set(entry.name, entry);
    for (const file of this.written.keys()) {
      if (!file.startsWith(prefix)) continue;
      const [name, ...rest] = file.slice(prefix.length).split('/');
      entries.set(name!, rest.length === 0 ? { name: name!, kind: 'file', regular: true } : { name: name!, kind: 'dir' });
    }
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
