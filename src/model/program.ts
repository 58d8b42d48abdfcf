import { ID_PATTERN, PEOPLE_DIR } from '../domain/layout.js';
import type { Layout, RecordFile } from './layout-scan.js';
import type { Problem } from './problem.js';
import { readRecord } from './read-record.js';
import type { RecordSource } from './record-source.js';
import type { Cohort, Config, Member, Person } from './schemas.js';
import type { PathSegment, YamlSource } from './source.js';
import { badFileName } from './file-names.js';

// The program as loaded: config, people and cohorts (with their trees), and where each came
// from, so that rules can point at the line of any field. Logs are read on demand.

/**
 * A person file, read and checked on first use: a full run reads them all, but a run that
 * checks a few changed files reads only the people those files need.
 */
export class PersonEntry {
  private loaded?: { person?: Person; fields?: Partial<Person>; yaml?: YamlSource; problems: Problem[] };

  constructor(
    private readonly records: RecordSource,
    private readonly record: RecordFile,
  ) {}

  get id(): string {
    return this.record.nameId;
  }

  get file(): string {
    return this.record.file;
  }

  get person(): Person | undefined {
    return this.load().person;
  }

  get source(): YamlSource | undefined {
    return this.load().yaml;
  }

  /**
   * What commands use of the person: the person, or when the file has errors one made of the
   * fields valid on their own (an opted-out mentor's `active: false` still holds), named by the id
   * when the name is not among them; undefined when nothing can be read.
   */
  get usable(): Person | undefined {
    const { person, fields } = this.load();
    if (person || !fields) return person;
    return { skills: [], languages: [], active: true, ...fields, id: this.id, name: fields.name ?? this.id };
  }

  /** The person, or when the file has errors the fields that are valid on their own (for the rules that need only those). */
  get fields(): Partial<Person> | undefined {
    const { person, fields } = this.load();
    return person ?? fields;
  }

  /**
   * Whether `github` is this handle (lower case); parses the file only if its text could say so.
   * A file with errors still names its owner by what its `github:` says: the gate must know whose
   * file it is (for them to fix it, and for nobody to register the handle twice).
   */
  hasHandle(key: string): boolean {
    if (!this.loaded) {
      const read = this.records.read(this.record.file, this.record.regular === true);
      if ('text' in read && !read.text.includes('\\') && !read.text.toLowerCase().includes(key)) return false;
    }
    return this.writtenHandle()?.toLowerCase() === key;
  }

  /** The handle the file names, lowercased (what hasHandle compares), or undefined. */
  handleKey(): string | undefined {
    return this.writtenHandle()?.toLowerCase();
  }

  private writtenHandle(): string | undefined {
    if (this.person) return this.person.github;
    const value = this.source?.value;
    const github = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>).github : undefined;
    return typeof github === 'string' ? github.trim().replace(/^@/, '') : undefined;
  }

  /** The problems of the file itself (reading, YAML, fields). */
  get problems(): Problem[] {
    return this.load().problems;
  }

  private load() {
    if (!this.loaded) {
      const problems: Problem[] = [];
      if (!ID_PATTERN.test(this.record.nameId)) problems.push(badFileName(this.record.file, 'person'));
      const { yaml, record, fields } = readRecord(this.records, this.record as RecordFile & { kind: 'person' }, problems);
      this.loaded = { person: record, fields, yaml, problems };
    }
    return this.loaded;
  }
}

/**
 * The people whose `github` is this handle (case-insensitive), parsing only the person files that
 * could say so: a file whose text holds neither the handle nor a backslash (a YAML escape could
 * spell it otherwise) cannot. So finding one pull request's author reads every file but parses
 * one or two, not thousands.
 */
export function peopleWithHandle(program: Program, handle: string): PersonEntry[] {
  return peopleWithHandles(program, [handle]).get(handle.toLowerCase()) ?? [];
}

/**
 * peopleWithHandle for many handles at once (lowercased handle -> people), in one search of the
 * person files: a pull request adding 1,000 people searched them 1,000 times (43 s).
 */
export function peopleWithHandles(program: Program, handles: readonly string[]): Map<string, PersonEntry[]> {
  const found = new Map(handles.map((handle) => [handle.toLowerCase(), [] as PersonEntry[]]));
  if (found.size === 0) return found;
  const holding = program.records.filesHolding?.(PEOPLE_DIR, [...new Set(handles.flatMap(handleNeedles))]);
  const entries = [...program.people.values()].filter((entry) => holding?.has(entry.file) ?? true);
  program.records.prefetch?.(entries.map((entry) => entry.file));
  const [only, ...more] = found.keys();
  for (const entry of entries) {
    // One handle: a file whose text cannot name it is not parsed (a source that cannot search, the
    // working tree, offers every file).
    const key = more.length === 0 ? (entry.hasHandle(only!) ? only : undefined) : entry.handleKey();
    if (key !== undefined) found.get(key)?.push(entry);
  }
  return found;
}

/** What a person file that could name this handle holds: the handle, or a backslash (a YAML escape could spell it). */
export const handleNeedles = (handle: string): string[] => [handle, '\\'];

/** Where a member is written: an entry of `members:` in cohort.yaml, or a member file. */
export interface MemberPlace {
  file: string;
  source: YamlSource;
  /** The path of the member's mapping in that file: ['members', 3], or [] for a member file. */
  path: PathSegment[];
}

export interface CohortEntry {
  id: string;
  file: string;
  /** The cohort with every member, from cohort.yaml and from member files, as one tree. */
  cohort?: Cohort;
  source?: YamlSource;
  /** Where each member of `cohort.members` is written, in the same order. */
  places: MemberPlace[];
  /** Members by person id (the first entry when a person is listed twice). */
  members: Map<string, Member>;
  /** The cohort had errors in its own fields (dates, name): rules on them are skipped. */
  partial: boolean;
  /** Which of its own fields had errors (a stand-in or nothing is read in their place). */
  replaced: readonly string[];
  /** The problems of its own files (names, reading, YAML, fields, members written twice), not of the rules. */
  problems: Problem[];
}

/** The small index every per-file check depends on: config, people and cohorts, not logs. */
export interface Program {
  /** The program's folder on disk. */
  root: string;
  /** Where the records were read from. */
  records: RecordSource;
  config: Config;
  configValid: boolean;
  configSource?: YamlSource;
  people: Map<string, PersonEntry>;
  cohorts: Map<string, CohortEntry>;
  layout: Layout;
  problems: Problem[];
}

/** The place of a person's member entry in a cohort, if they are a member. */
export function placeOf(entry: CohortEntry, person: string): MemberPlace | undefined {
  const index = entry.cohort?.members.findIndex((member) => member.person === person) ?? -1;
  return index < 0 ? undefined : entry.places[index];
}
