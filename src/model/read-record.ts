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
    return { yaml: undefined, record: undefined };
  }
  const yaml = new YamlSource(file.file, outcome.text);
  const record = checkShape(yaml, file.kind, salvage);
  problems.push(...yaml.problems);
  return { yaml, record };
}
