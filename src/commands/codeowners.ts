import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ExitCode } from '../errors.js';
import { print } from '../io/output.js';
import { writeFileAtomic } from '../io/write.js';
import { renderCodeowners } from '../core/ownership.js';
import { loadForCommand, lockForWriting } from './context.js';

export const CODEOWNERS_FILE = '.github/CODEOWNERS';

export async function codeownersCommand(options: { repo?: string; check?: boolean }): Promise<number> {
  const { program } = loadForCommand(options.repo);
  const people = [...program.people.values()].flatMap((entry) => (entry.person ? [{ id: entry.id, github: entry.person.github }] : []));
  const content = renderCodeowners(people, program.config.maintainers);
  const file = path.join(program.root, CODEOWNERS_FILE);
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (options.check) {
    if (current === content) {
      print(`${CODEOWNERS_FILE} is up to date.`);
      return ExitCode.ok;
    }
    print(`${CODEOWNERS_FILE} is ${current === undefined ? 'missing' : 'out of date'}. Run \`mentor codeowners\` and commit it.`);
    return ExitCode.invalid;
  }
  if (current !== content) {
    lockForWriting(program.root, 'codeowners');
    writeFileAtomic(file, content);
  }
  print(current === content ? `${CODEOWNERS_FILE} is up to date.` : `Wrote ${CODEOWNERS_FILE} (${people.filter((p) => p.github).length} people, ${program.config.maintainers.length} maintainers).`);
  return ExitCode.ok;
}
