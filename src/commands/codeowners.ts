import { ExitCode } from '../errors.js';
import { existsInRepo, staleFiles } from '../io/generated.js';
import { print } from '../io/output.js';
import { writeFileAtomic } from '../io/write.js';
import { renderCodeowners } from '../render/codeowners.js';
import { CODEOWNERS_FILE } from '../domain/layout.js';
import { loadForCommand, lockForWriting } from './context.js';

export async function codeownersCommand(options: { repo?: string; check?: boolean }): Promise<number> {
  const { program } = loadForCommand(options.repo);
  const content = renderCodeowners(program.config.maintainers);
  const current = staleFiles(program.root, new Map([[CODEOWNERS_FILE, content]])).length === 0 ? content : existsInRepo(program.root, CODEOWNERS_FILE) ? '' : undefined;
  if (options.check) {
    if (current === content) {
      print(`${CODEOWNERS_FILE} is up to date.`);
      return ExitCode.ok;
    }
    print(`${CODEOWNERS_FILE} is ${current === undefined ? 'missing' : 'out of date'}. Regenerate it with \`mentor codeowners\` and commit it.`);
    return ExitCode.invalid;
  }
  if (current !== content) {
    lockForWriting(program.root, 'codeowners');
    writeFileAtomic(program.root, CODEOWNERS_FILE, content);
  }
  print(current === content ? `${CODEOWNERS_FILE} is up to date.` : `Wrote ${CODEOWNERS_FILE} (the maintainers own every file: ${program.config.maintainers.length}).`);
  return ExitCode.ok;
}
