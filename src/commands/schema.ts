import path from 'node:path';
import { ExitCode } from '../errors.js';
import { staleFiles } from '../io/generated.js';
import { print } from '../io/output.js';
import { findRepoRoot } from '../io/repo.js';
import { writeFilesAtomic } from '../io/write.js';
import { chosenFolder } from '../io/write-path.js';
import { generateJsonSchemas } from '../model/json-schema.js';
import { checkGenerated } from './generated-step.js';

export interface SchemaOptions {
  repo?: string;
  out: string;
  check?: boolean;
}

export async function schemaCommand(options: SchemaOptions): Promise<number> {
  // Schemas are useful outside a program repo too (an editor setup, another validator).
  const root = options.repo !== undefined || hasProgramRepo() ? findRepoRoot(options.repo) : process.cwd();
  const outDir = path.resolve(root, options.out);
  const relative = path.relative(process.cwd(), outDir).split(path.sep).join('/') || '.';
  const schemas = generateJsonSchemas();
  const staleNames = staleFiles(outDir, schemas);
  if (!options.check) {
    const out = chosenFolder(root, outDir);
    writeFilesAtomic(out.root, staleNames.map((name) => ({ file: path.join(out.relative, name), content: schemas.get(name)! })));
  }
  const stale = staleNames.map((name) => `${relative}/${name}`);
  const upToDate = `The schemas in ${relative}/ are up to date.`;
  if (options.check) return checkGenerated(stale, upToDate, (files) => `Out of date: ${files}.\nRun \`mentor schema --out ${options.out}\` to regenerate them.`);
  print(stale.length === 0 ? upToDate : `Wrote ${stale.join(', ')}.`);
  return ExitCode.ok;
}

function hasProgramRepo(): boolean {
  try {
    findRepoRoot(undefined);
    return true;
  } catch {
    return false;
  }
}
