import { ExitCode } from '../errors.js';
import { existsInRepo, staleFiles } from '../io/generated.js';
import { writeFilesAtomic } from '../io/write.js';
import { issueForms } from '../render/issue-forms.js';
import { CONFIG_FILE } from '../domain/layout.js';
import { loadForCommand, lockForWriting } from './context.js';
import { checkGenerated, sayGenerated, type Format } from './generated-step.js';

export interface FormsOptions {
  repo?: string;
  check?: boolean;
  format?: Format;
}

/** Writes the request and become-a-mentor issue forms from the config; --check only compares. */
export async function formsCommand(options: FormsOptions): Promise<number> {
  const { program } = loadForCommand(options.repo);
  const forms = issueForms(program.config);
  const stale = staleFiles(program.root, forms);
  const upToDate = 'The issue forms are up to date.';
  const json = options.format === 'json' ? { forms: [...forms.keys()] } : undefined;
  if (options.check) {
    // A form that is not there (a repo made before the forms, or one deleted) is missing, not out of date.
    const missing = stale.filter((file) => !existsInRepo(program.root, file));
    const older = stale.filter((file) => !missing.includes(file));
    const said = () =>
      [...(missing.length > 0 ? [`Missing: ${missing.join(', ')}.`] : []), ...(older.length > 0 ? [`Out of date with ${CONFIG_FILE}: ${older.join(', ')}.`] : []), `Run \`mentor forms\` to write ${stale.length === 1 ? 'it' : 'them'} from ${CONFIG_FILE}, and commit the result.`].join('\n');
    return checkGenerated(stale, upToDate, said, json);
  }
  // Whole files made from the config, so no edit can be lost; the lock keeps writers one at a time.
  if (stale.length > 0) lockForWriting(program.root, 'forms');
  writeFilesAtomic(program.root, stale.map((file) => ({ file, content: forms.get(file)! })));
  sayGenerated(options.format, stale.length === 0 ? upToDate : `Wrote ${stale.join(', ')}.`, { forms: [...forms.keys()], stale }, stale);
  return ExitCode.ok;
}
