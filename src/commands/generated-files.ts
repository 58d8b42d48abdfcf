import path from 'node:path';
import { MentorError } from '../errors.js';
import { reportWeeks } from '../io/generated.js';
import { generateJsonSchemas } from '../model/json-schema.js';
import { renderCodeowners } from '../render/codeowners.js';
import { REQUEST_FORM, issueForms } from '../render/issue-forms.js';
import { CODEOWNERS_FILE, SCHEMAS_DIR, reportFile } from '../domain/layout.js';
import { loadForCommand } from './context.js';
import { committedReports, refusalLine } from './report-files.js';

// What CI's check of generated files (mentor.yml, job `generated`) compares with what the runner
// writes: CODEOWNERS, the schemas, the issue forms and every committed report. A newer runner may
// write them differently, so `mentor upgrade` brings them along with the runner: else the upgrade's
// own pull request fails that check.

export interface GeneratedFiles {
  /** Path -> content, as this build writes it. */
  files: Map<string, string>;
  /** What could not be made, and why (the records decide, not the build): the user's to fix. */
  left: Array<{ file: string; reason: string; command: string }>;
}

/** Every file CI checks, as this build would write it from the records in `root`. */
export function generatedFiles(root: string): GeneratedFiles {
  const files = new Map([...generateJsonSchemas()].map(([name, content]) => [`${SCHEMAS_DIR}/${name}`, content]));
  const left: GeneratedFiles['left'] = [];
  let loaded: ReturnType<typeof loadForCommand>;
  try {
    loaded = loadForCommand(root);
  } catch (error) {
    if (!(error instanceof MentorError)) throw error;
    const reason = refusalLine(error);
    left.push({ file: CODEOWNERS_FILE, reason, command: 'mentor codeowners' }, { file: path.posix.dirname(REQUEST_FORM), reason, command: 'mentor forms' });
    for (const { cohort, week } of reportWeeks(root)) left.push({ file: reportFile(cohort, week, 'md'), reason, command: `mentor report ${cohort} --week ${week}` });
    return { files, left };
  }
  const { program } = loaded;
  for (const [file, content] of issueForms(program.config)) files.set(file, content);
  files.set(CODEOWNERS_FILE, renderCodeowners(program.config.maintainers));
  for (const { cohort, week, files: made, problem } of committedReports(loaded, reportWeeks(root))) {
    if (made) for (const [file, content] of made) files.set(file, content);
    else left.push({ file: reportFile(cohort, week, 'md'), reason: problem, command: `mentor report ${cohort} --week ${week}` });
  }
  return { files, left };
}
