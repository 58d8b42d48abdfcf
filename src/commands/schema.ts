import path from 'node:path';
import { ExitCode } from '../errors.js';
import { staleFiles } from '../io/generated.js';
import { currentFolder, findRepoRoot, refuseGitDir, shownPath } from '../io/repo.js';
import { writeFilesAtomic } from '../io/write.js';
import { chosenFolder } from '../io/write-path.js';
import { generateJsonSchemas } from '../model/json-schema.js';
import { terminalLine } from '../render/escape.js';
import { checkGenerated, folderForJson, sayGenerated, type Format } from './generated-step.js';

export interface SchemaOptions {
  repo?: string;
  out: string;
  check?: boolean;
  format?: Format;
}

export async function schemaCommand(options: SchemaOptions): Promise<number> {
  // Schemas are useful outside a program repo too (an editor setup, another validator).
  const root = options.repo !== undefined || hasProgramRepo() ? findRepoRoot(options.repo) : outsideAProgram();
  const outDir = path.resolve(root, options.out);
  // Never among git's own files: a --out into .git (or a bare repository) would write into the repository's history store.
  refuseGitDir(outDir, `--out ${terminalLine(shownPath(outDir))}`, 'Choose a folder for --out outside git\'s own files.');
  // The folder is typed by the user: shown on one line, no escape or workflow command in it.
  const shown = terminalLine(shownPath(outDir));
  // Read the way it is written: a schemas folder that is a symlink is refused, not read through.
  const out = chosenFolder(root, outDir);
  const schemas = new Map([...generateJsonSchemas()].map(([name, content]) => [path.join(out.relative, name), content]));
  const staleFilesOut = staleFiles(out.root, schemas);
  if (!options.check) writeFilesAtomic(out.root, staleFilesOut.map((file) => ({ file, content: schemas.get(file)! })));
  const stale = staleFilesOut.map((file) => `${shown}/${path.basename(file)}`);
  const upToDate = `The schemas in ${shown}/ are up to date.`;
  // JSON names files relative to the repo (a folder outside it, absolutely), whatever the current folder.
  const where = folderForJson(out);
  const written = staleFilesOut.map((file) => (out.inRepo ? file.split(path.sep).join('/') : path.join(out.root, file)));
  const json = options.format === 'json' ? { out: where } : undefined;
  if (options.check) return checkGenerated(json ? written : stale, upToDate, (files) => `Out of date: ${files}.\nRun \`mentor schema --out ${terminalLine(options.out)}\` to regenerate them.`, json);
  sayGenerated(options.format, stale.length === 0 ? upToDate : `Wrote ${stale.join(', ')}.`, { out: where, stale: written }, written);
  return ExitCode.ok;
}

/** The current folder, when it is no program's: never git's own folder or a bare repository (the schemas would land among git's files). */
function outsideAProgram(): string {
  const here = currentFolder();
  refuseGitDir(here, 'The current folder');
  return here;
}

function hasProgramRepo(): boolean {
  try {
    findRepoRoot(undefined);
    return true;
  } catch {
    return false;
  }
}
