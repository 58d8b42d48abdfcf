import { ExitCode } from '../errors.js';
import { existsInRepo, staleFiles } from '../io/generated.js';
import { writeFileAtomic } from '../io/write.js';
import { renderCodeowners } from '../render/codeowners.js';
import { CODEOWNERS_FILE } from '../domain/layout.js';
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
  if (stale.length > 0) {
    lockForWriting(program.root, 'codeowners');
    writeFileAtomic(program.root, CODEOWNERS_FILE, content);
  }
  sayGenerated(options.format, stale.length === 0 ? upToDate : `Wrote ${CODEOWNERS_FILE} (the maintainers own every file: ${maintainers.length}).`, { maintainers, stale }, stale);
  return ExitCode.ok;
}
