import { ExitCode } from '../errors.js';
import { print, styleFor } from '../io/output.js';
import { CONFIG_FILE, readRecord, type RecordFile } from '../io/repo.js';
import { writeFileAtomic } from '../io/write.js';
import { canonicalText } from '../core/canonical.js';
import { schemaLineFor } from '../model/json-schema.js';
import { loadForCommand, lockForWriting } from './context.js';
import { plural } from '../render/words.js';

export interface FixOptions {
  repo?: string;
  check?: boolean;
}

export async function fixCommand(options: FixOptions): Promise<number> {
  const { program } = loadForCommand(options.repo);
  const style = styleFor(process.stdout);
  const files: RecordFile[] = [
    { file: CONFIG_FILE, kind: 'config', nameId: 'config' },
    ...program.layout.people,
    ...program.layout.cohorts,
    ...[...program.layout.members.values()].flat(),
    ...[...program.layout.logs.values()].flat(),
  ];
  const changed: string[] = [];
  const skipped: string[] = [];
  let locked = false;
  for (const record of files) {
    const outcome = readRecord(program.root, record.file, record.regular === true);
    if ('problem' in outcome) continue;
    const fixed = canonicalText(record.kind, outcome.text, { sortMembers: program.config.fix.sortMembers, schemaLine: schemaLineFor(record.kind, record.file) });
    if (fixed === undefined) {
      skipped.push(record.file);
      continue;
    }
    if (fixed === outcome.text) continue;
    changed.push(record.file);
    if (options.check) continue;
    if (!locked) {
      lockForWriting(program.root, 'fix');
      locked = true;
    }
    writeFileAtomic(program.root, record.file, fixed);
  }
  const lines: string[] = [];
  if (changed.length === 0) lines.push(style.ok(`✔ ${files.length} records are in canonical form.`));
  else lines.push(options.check ? style.warning(`${plural(changed.length, 'record is', 'records are')} not in canonical form (run \`mentor fix\`):`) : `Fixed ${plural(changed.length, 'record')}:`, ...changed.map((file) => `  ${file}`));
  if (skipped.length > 0) lines.push(style.dim(`Skipped ${skipped.length} with invalid YAML (see \`mentor validate\`): ${skipped.slice(0, 5).join(', ')}${skipped.length > 5 ? ', …' : ''}`));
  print(lines.join('\n'));
  return options.check && changed.length > 0 ? ExitCode.invalid : ExitCode.ok;
}
