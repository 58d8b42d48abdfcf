import { ExitCode, MentorError } from '../errors.js';
import { readRecord } from '../io/repo.js';
import { print, styleFor } from '../io/output.js';
import { findRepoRoot } from '../io/repo.js';
import { isError } from '../model/problem.js';
import { validateProgram, validateScope } from '../model/program.js';
import { createRequire } from 'node:module';
import { renderProblemsSarif } from '../render/sarif.js';
import { renderProblemsGithub, renderProblemsJson, renderProblemsText, type ValidationResult } from '../render/problems.js';

export interface ValidateOptions {
  repo?: string;
  format: 'text' | 'json' | 'github' | 'sarif';
  changed?: string;
}

export async function validateCommand(options: ValidateOptions): Promise<number> {
  const root = findRepoRoot(options.repo);
  const { problems, files } = options.changed === undefined ? validateProgram(root) : await validateChanged(root, options.changed);
  const result: ValidationResult = { valid: !problems.some(isError), files, problems };
  print(render(result, options.format, root));
  return result.valid ? ExitCode.ok : ExitCode.invalid;
}

async function validateChanged(root: string, ref: string) {
  const { changedSince, isGitRepo, openGit, resolveCommit, refuseOptionLikeRef } = await import('../io/git.js');
  refuseOptionLikeRef(ref, '--changed');
  const repo = openGit(root);
  if (!(await isGitRepo(repo))) throw new MentorError('--changed needs a git repository.', ExitCode.usage, 'Run it in a clone of the program repo, or validate everything without --changed.');
  const commit = await resolveCommit(repo, ref, '--changed');
  const changes = await changedSince(repo, commit);
  return validateScope(root, changes);
}

function render(result: ValidationResult, format: ValidateOptions['format'], root: string): string {
  if (format === 'json') return renderProblemsJson(result);
  if (format === 'github') return renderProblemsGithub(result);
  if (format === 'sarif') return renderProblemsSarif(result, (createRequire(import.meta.url)('../../package.json') as { version: string }).version);
  const lines = new Map<string, string[] | undefined>();
  return renderProblemsText(result, styleFor(process.stdout), (file, line) => {
    if (!lines.has(file)) {
      const outcome = readRecord(root, file);
      lines.set(file, 'text' in outcome ? outcome.text.split(/\r?\n/) : undefined);
    }
    return lines.get(file)?.[line - 1];
  });
}
