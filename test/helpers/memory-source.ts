import { loadProgram } from '../../src/model/load.js';
import { decodeRecord, type DirEntry, type DirListing, type ReadOutcome, type RecordSource } from '../../src/model/record-source.js';
import { validateProgram } from '../../src/model/validate.js';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EXAMPLE, type FileTree } from './repo.js';

/** Records held in memory: the loader and every rule run on it in-process, with no folder at all. */
export class MemorySource implements RecordSource {
  readonly label = 'memory';
  readonly root = '/in-memory';
  private readonly files: Map<string, string>;

  constructor(tree: FileTree) {
    this.files = new Map(Object.entries(tree).filter((entry): entry is [string, string] => entry[1] !== null));
  }

  list(dir: string): DirListing {
    const prefix = dir === '' ? '' : `${dir}/`;
    const entries = new Map<string, DirEntry>();
    for (const file of this.files.keys()) {
      if (!file.startsWith(prefix)) continue;
      const rest = file.slice(prefix.length);
      const slash = rest.indexOf('/');
      const name = slash < 0 ? rest : rest.slice(0, slash);
      if (!entries.has(name)) entries.set(name, slash < 0 ? { name, kind: 'file', regular: true } : { name, kind: 'dir' });
    }
    return { entries: [...entries.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) };
  }

  read(file: string): ReadOutcome {
    const text = this.files.get(file);
    if (text === undefined) return { problem: { rule: 'missing-file', severity: 'error', message: 'The file does not exist.', fix: 'Create it.' } };
    return decodeRecord(Buffer.from(text, 'utf8'));
  }
}

/** validate --format json, in-process: what the CLI would print for these files. */
export function validateTree(tree: FileTree) {
  const { problems, files } = validateProgram(new MemorySource(tree));
  return { valid: !problems.some((problem) => problem.severity === 'error'), files, problems };
}

export const loadTree = (tree: FileTree) => loadProgram(new MemorySource(tree));

/** The bundled example program as a file tree, with changes (null deletes a file). */
export function exampleTree(changes: FileTree = {}): FileTree {
  const tree: FileTree = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(EXAMPLE, dir), { withFileTypes: true })) {
      const relative = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else tree[relative] = readFileSync(path.join(EXAMPLE, relative), 'utf8');
    }
  };
  walk('');
  for (const [file, content] of Object.entries(changes)) {
    if (content === null) delete tree[file];
    else tree[file] = content;
  }
  return tree;
}
