import { ExitCode } from '../errors.js';
import { print, say, styleFor } from '../io/output.js';
import { CONFIG_FILE, readRecord, type RecordFile } from '../io/repo.js';
import { runHearingSignals, signalsHeard } from '../io/interrupt.js';
import { keepLineEndings, writeFilesAtomic } from '../io/write.js';
import { canonicalText } from '../core/canonical.js';
import type { Pausable } from '../core/pausable.js';
import { schemaLineFor } from '../model/json-schema.js';
import type { Program } from '../model/program.js';
import { loadForCommand, lockForWriting } from './context.js';
import { sanitizeInline } from '../render/terminal.js';
import { plural } from '../render/words.js';
import { renderWroteJson } from '../render/outcome-json.js';
import { countText } from '../domain/text.js';

/** Records named one a line before "… and N more". */
const LISTED = 50;

export interface FixOptions {
  repo?: string;
  check?: boolean;
  format?: 'text' | 'json';
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
  const notCanonical: RecordFile[] = [];
  const skipped: string[] = [];
  const unread: string[] = [];
  for (const record of files) {
    const outcome = canonicalOf(program, record);
    if (outcome === undefined) unread.push(record.file);
    else if (outcome.fixed === undefined) skipped.push(record.file);
    else if (outcome.fixed !== outcome.text) notCanonical.push(record);
  }
  const changed = options.check || notCanonical.length === 0 ? notCanonical.map((record) => record.file) : await rewrite(program, notCanonical);
  const lines: string[] = [];
  // Only the records read and parsed are known to be canonical.
  if (changed.length === 0) lines.push(style.ok(`✔ ${plural(files.length - skipped.length - unread.length, 'record is', 'records are')} in canonical form.`));
  else {
    lines.push(options.check ? style.warning(`${plural(changed.length, 'record is', 'records are')} not in canonical form (run \`mentor fix\`):`) : `Fixed ${plural(changed.length, 'record')}:`);
    // A program written by another tool may have every record off: a hundred thousand lines help no one.
    lines.push(...changed.slice(0, LISTED).map((file) => `  ${sanitizeInline(file)}`));
    if (changed.length > LISTED) lines.push(`  … and ${countText(changed.length - LISTED)} more${options.check ? ' (`mentor fix` rewrites them all)' : ''}`);
  }
  for (const [left, why] of [[skipped, 'with invalid YAML'], [unread, 'that cannot be read']] as const) {
    if (left.length > 0) lines.push(style.dim(`Skipped ${left.length} ${why} (see \`mentor validate\`): ${sanitizeInline(left.slice(0, 5).join(', '))}${left.length > 5 ? ', …' : ''}`));
  }
  const failed = options.check === true && changed.length > 0;
  if (options.format === 'json') {
    const fields = { check: options.check === true, notCanonical: changed, skipped: { invalidYaml: skipped, unreadable: unread } };
    print(renderWroteJson(fields, { ok: !failed, problems: failed ? [`${plural(changed.length, 'record is', 'records are')} not in canonical form: run \`mentor fix\`.`] : [], files: options.check ? [] : changed, branch: null }));
  } else say(lines.join('\n'));
  return failed ? ExitCode.invalid : ExitCode.ok;
}

/**
 * The record's text and its canonical form (undefined: invalid YAML); undefined when it cannot be
 * read. The canonical form keeps the file's CRLF line endings, as the write does (a checkout with
 * core.autocrlf): a record that differs only in those is canonical.
 */
function canonicalOf(program: Program, record: RecordFile): { text: string; fixed: string | undefined } | undefined {
  const outcome = readRecord(program.root, record.file, record.regular === true);
  if ('problem' in outcome) return undefined;
  const fixed = canonicalText(record.kind, outcome.text, { sortMembers: program.config.fix.sortMembers, schemaLine: schemaLineFor(record.kind, record.file) });
  return { text: outcome.text, fixed: fixed === undefined ? undefined : keepLineEndings(outcome.text, fixed) };
}

/**
 * Rewrites the records found not canonical, as one write: each is read again under the write
 * lock and fixed from that text (another writer may have changed it since), and the way to every
 * file is checked before the first is replaced, so a refusal leaves them all as they were.
 * Returns the files rewritten.
 */
async function rewrite(program: Program, records: RecordFile[]): Promise<string[]> {
  lockForWriting(program.root, 'fix');
  // Seconds on a program of thousands of records: a signal (Ctrl-C) meanwhile is heard within a
  // moment, and one that came just before is heard here, before anything is written.
  const writes = await runHearingSignals('reading the records again', fixedAgain(program, records));
  await signalsHeard();
  writeFilesAtomic(program.root, writes);
  return writes.map(({ file }) => file);
}

function* fixedAgain(program: Program, records: RecordFile[]): Pausable<Array<{ file: string; content: string }>> {
  const writes: Array<{ file: string; content: string }> = [];
  for (const record of records) {
    const outcome = canonicalOf(program, record);
    if (outcome?.fixed !== undefined && outcome.fixed !== outcome.text) writes.push({ file: record.file, content: outcome.fixed });
    yield;
  }
  return writes;
}
