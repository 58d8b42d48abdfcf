import { ExitCode } from '../errors.js';
import { existsInRepo, staleFiles, writerOf } from '../io/generated.js';
import { writeFileAtomic } from '../io/write.js';
import { CODEOWNERS_MARK, renderCodeowners } from '../render/codeowners.js';
import { CODEOWNERS_FILE, CONFIG_FILE } from '../domain/layout.js';
import { loadForCommand, lockForWriting } from './context.js';
import { checkGenerated, sayGenerated, type Format } from './generated-step.js';

export async function codeownersCommand(options: { repo?: string; check?: boolean; format?: Format }): Promise<number> {
  const { program } = loadForCommand(options.repo);
  const { maintainers } = program.config;
  const content = renderCodeowners(maintainers);
  const current = staleFiles(program.root, new Map([[CODEOWNERS_FILE, content]])).length === 0 ? content : existsInRepo(program.root, CODEOWNERS_FILE) ? '' : undefined;
  const stale = current === content ? [] : [CODEOWNERS_FILE];
  const upToDate = `${CODEOWNERS_FILE} is up to date.`;
  if (options.check) {
    const json = options.format === 'json' ? { maintainers } : undefined;
    return checkGenerated(stale, upToDate, () => `${CODEOWNERS_FILE} is ${current === undefined ? 'missing' : 'out of date'}. Regenerate it with \`mentor codeowners\` and commit it.`, json);
  }
  // A file mentor did not write (the repo's own, kept by `mentor init`) is replaced, and said so.
  const replaced = stale.length > 0 && current !== undefined && writerOf(program.root, CODEOWNERS_FILE, CODEOWNERS_MARK, 4096) !== 'mentor';
  if (stale.length > 0) {
    lockForWriting(program.root, 'codeowners');
    writeFileAtomic(program.root, CODEOWNERS_FILE, content);
  }
  sayGenerated(options.format, stale.length === 0 ? upToDate : wroteText(maintainers.length, replaced), { maintainers, stale }, stale);
  return ExitCode.ok;
}

function wroteText(owners: number, replaced: boolean): string {
  const wrote = owners === 0
    ? `Wrote ${CODEOWNERS_FILE} with no owner yet: ${CONFIG_FILE} has no maintainers. Add \`maintainers: [your-handle]\` there, then run \`mentor codeowners\` again.`
    : `Wrote ${CODEOWNERS_FILE} (the maintainers own every file: ${owners}).`;
  return replaced ? `${wrote}\nIt replaced a ${CODEOWNERS_FILE} mentor had not written: its lines are gone from the file (if it was committed, \`git show HEAD:${CODEOWNERS_FILE}\` shows them). What each person may change is the mentor/gate check's to judge, not CODEOWNERS'.` : wrote;
}
