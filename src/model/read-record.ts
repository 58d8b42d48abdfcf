import { checkShape, type Salvage } from './check-shape.js';
import type { RecordFile } from './layout-scan.js';
import type { Problem } from './problem.js';
import type { RecordSource } from './record-source.js';
import type { RecordKind } from './schemas.js';
import { YamlSource } from './source.js';

/** One record file read, parsed and shape-checked; its problems go to `problems`. */
export function readRecord<K extends RecordKind>(source: RecordSource, file: RecordFile & { kind: K }, problems: Problem[], salvage?: Salvage) {
  const outcome = source.read(file.file, file.regular === true);
  if ('problem' in outcome) {
    problems.push({ file: file.file, line: 1, column: 1, ...outcome.problem });
    return { yaml: undefined, record: undefined, fields: undefined };
  }
  const key = source.parses && `${file.kind}\0${file.file}\0${outcome.text}`;
  const known = key === undefined ? undefined : (source.parses!.get(key) as Parsed<K> | undefined);
  const parsed = known ?? parse(file, outcome.text);
  if (key !== undefined && !known) source.parses!.set(key, parsed);
  if (salvage) Object.assign(salvage, parsed.salvage);
  problems.push(...parsed.yaml.problems);
  // `fields`: what a record that cannot be used still says validly, for the rules that need only that.
  return { yaml: parsed.yaml, record: parsed.record, fields: parsed.salvage.fields as Partial<NonNullable<Parsed<K>['record']>> | undefined };
}

interface Parsed<K extends RecordKind> {
  yaml: YamlSource;
  record: ReturnType<typeof checkShape<K>>;
  salvage: Salvage;
}

function parse<K extends RecordKind>(file: RecordFile & { kind: K }, text: string): Parsed<K> {
  const yaml = new YamlSource(file.file, text);
  const salvage: Salvage = {};
  const record = checkShape(yaml, file.kind, salvage);
  return { yaml, record, salvage };
}
