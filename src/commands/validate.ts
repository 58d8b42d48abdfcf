import { ExitCode } from '../errors.js';
import { ValidationCache } from '../io/cache.js';
import { currentTime } from '../io/clock.js';
import { print, printError, styleFor, ttyWidth } from '../io/output.js';
import { findRepoRoot } from '../io/repo.js';
import { WorktreeSource } from '../io/worktree-source.js';
import { isError } from '../model/problem.js';
import type { RecordSource } from '../model/record-source.js';
import { listForScope, validateProgram, validateScope } from '../model/validate.js';
import { renderProblemsSarif } from '../render/sarif.js';
import { renderProblemsGithub, renderProblemsJson, renderProblemsText, type ValidationResult } from '../render/problems.js';
import { packageVersion } from '../version.js';

export interface ValidateOptions {
  repo?: string;
  format: 'text' | 'json' | 'github' | 'sarif';
  changed?: string;
  at?: string;
}

export async function validateCommand(options: ValidateOptions): Promise<number> {
  // No rule reads "now" today, but every command refuses a MENTOR_NOW it cannot read (exit 2),
  // so a CI job that sets it wrong hears so here first.
  currentTime();
  const root = findRepoRoot(options.repo);
  const git = options.changed !== undefined || options.at !== undefined ? await import('../io/git-changes.js') : undefined;
  const at = options.at === undefined ? undefined : await git!.commitSource(root, options.at, '--at');
  const records: RecordSource = at ?? new WorktreeSource(root);
  let validation;
  if (options.changed !== undefined) {
    // git starts first; the records are listed while it works.
    const changes = git!.changesBetween(root, options.changed, at?.commit);
    changes.catch(() => undefined); // Its failure is said where it is awaited, below.
    const listed = listForScope(records);
    validation = validateScope(records, await changes, listed);
  } else {
    let cache: ValidationCache | undefined;
    validation = validateProgram(records, at ? undefined : (parts) => (cache = ValidationCache.open(root, parts)));
    cache?.save();
    if (cache && process.env.MENTOR_CACHE_STATS) printError(`cache: reused ${cache.reused} of ${[...validation.program.layout.logs.values()].flat().length} logs`);
  }
  const { problems, files } = validation;
  const result: ValidationResult = { valid: !problems.some(isError), files, problems };
  if (at && options.format === 'text') printError(`Records as of ${at.label}.`);
  print(render(result, options.format, records));
  // A config that cannot be read is exit 2 here as in every other command, its problems said above.
  if (!validation.program.configValid) return ExitCode.usage;
  return result.valid ? ExitCode.ok : ExitCode.invalid;
}

function render(result: ValidationResult, format: ValidateOptions['format'], records: RecordSource): string {
  if (format === 'json') return renderProblemsJson(result);
  if (format === 'github') return renderProblemsGithub(result);
  if (format === 'sarif') return renderProblemsSarif(result, packageVersion());
  const lines = new Map<string, string[] | undefined>();
  return renderProblemsText(result, styleFor(process.stdout), (file, line) => {
    if (!lines.has(file)) {
      const outcome = records.read(file);
      lines.set(file, 'text' in outcome ? outcome.text.split(/\r?\n/) : undefined);
    }
    return lines.get(file)?.[line - 1];
  }, ttyWidth());
}
