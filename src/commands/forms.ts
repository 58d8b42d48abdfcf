import path from 'node:path';
import { ExitCode } from '../errors.js';
import { staleFiles } from '../io/generated.js';
import { print } from '../io/output.js';
import { writeFileAtomic } from '../io/write.js';
import { issueForms } from '../render/issue-forms.js';
import { loadForCommand } from './context.js';

export interface FormsOptions {
  repo?: string;
  check?: boolean;
}

/** Writes the request and become-a-mentor issue forms from the config; --check only compares. */
export async function formsCommand(options: FormsOptions): Promise<number> {
  const { program } = loadForCommand(options.repo);
  const forms = issueForms(program.config);
  const stale = staleFiles(program.root, forms);
  if (options.check) {
    if (stale.length === 0) {
      print('The issue forms are up to date.');
      return ExitCode.ok;
    }
    print(`Out of date with mentor.config.yaml: ${stale.join(', ')}.\nRun \`mentor forms\` to regenerate them.`);
    return ExitCode.invalid;
  }
  for (const file of stale) writeFileAtomic(path.join(program.root, file), forms.get(file)!);
  print(stale.length === 0 ? 'The issue forms are up to date.' : `Wrote ${stale.join(', ')}.`);
  return ExitCode.ok;
}
