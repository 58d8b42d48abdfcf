import { ExitCode } from '../errors.js';
import { readRecord } from '../io/repo.js';
import { print, styleFor } from '../io/output.js';
import { findRepoRoot } from '../io/repo.js';
import { isError } from '../model/problem.js';
import { validateProgram } from '../model/program.js';
import { renderProblemsGithub, renderProblemsJson, renderProblemsText, type ValidationResult } from '../render/problems.js';

export interface ValidateOptions {
  repo?: string;
  format: 'text' | 'json' | 'github';
}

export async function validateCommand(options: ValidateOptions): Promise<number> {
  const root = findRepoRoot(options.repo);
  const { problems, files } = validateProgram(root);
  const result: ValidationResult = { valid: !problems.some(isError), files, problems };
  print(render(result, options.format, root));
  return result.valid ? ExitCode.ok : ExitCode.invalid;
}

function render(result: ValidationResult, format: ValidateOptions['format'], root: string): string {
  if (format === 'json') return renderProblemsJson(result);
  if (format === 'github') return renderProblemsGithub(result);
  const lines = new Map<string, string[] | undefined>();
  return renderProblemsText(result, styleFor(process.stdout), (file, line) => {
    if (!lines.has(file)) {
      const outcome = readRecord(root, file);
      lines.set(file, 'text' in outcome ? outcome.text.split(/\r?\n/) : undefined);
    }
    return lines.get(file)?.[line - 1];
  });
}
