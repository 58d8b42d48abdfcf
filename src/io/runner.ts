import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExitCode, MentorError } from '../errors.js';
import { packageVersion } from '../version.js';
import { readRegularFile } from './regular-file.js';
import { removeFiles, writeFilesAtomic } from './write.js';
import { checkWritePaths } from './write-path.js';
import { RUNNER_DIR, RUNNER_ENTRY } from '../domain/layout.js';

// The runner: the whole CLI bundled into .mentor/mentor.mjs (with the prompts and the charts
// beside it, loaded when a command needs them), that a program repo commits and runs with plain
// `node` (scripts/build-runner.mjs writes it to dist/runner/). `mentor init` and `mentor upgrade`
// copy the running CLI's build into a repo.

export { RUNNER_DIR, RUNNER_ENTRY };
/** Every file of the runner, as the build writes it and as a repo holds it under .mentor/. */
export const RUNNER_FILES = ['mentor.mjs', 'prompts.mjs', 'echarts.cjs', 'LICENSES.txt', 'README.md'] as const;

export const RUNNER_VERSION = packageVersion();

/** The runner's first line names its version: `// mentor <version>: ...`. */
const BANNER = /^\/\/ mentor ([^\s:]+)/;

/**
 * Where this CLI's runner build is: beside this very file when the CLI running is itself the
 * runner (our code is all in mentor.mjs), else dist/runner/ of the package.
 */
function runnerBuildDir(): string {
  const self = fileURLToPath(import.meta.url);
  return path.basename(self) === 'mentor.mjs' ? path.dirname(self) : path.resolve(path.dirname(self), '../runner');
}

/** The runner's files (name -> content) from the running CLI's build. */
export function readRunnerBuild(): Map<string, string> {
  const dir = runnerBuildDir();
  const files = new Map<string, string>();
  for (const name of RUNNER_FILES) {
    const file = path.join(dir, name);
    if (!existsSync(file)) {
      throw new MentorError(`This mentor has no runner build (${file} is missing).`, ExitCode.usage, 'Build it with `npm run build` in the mentor package, or install the published package.');
    }
    files.set(`${RUNNER_DIR}/${name}`, readFileSync(file, 'utf8'));
  }
  return files;
}

/** The version of the runner a repo has committed, if it has one that says. */
export function repoRunnerVersion(root: string): string | undefined {
  const head = readRegularFile(root, RUNNER_ENTRY, 200);
  return head === undefined ? undefined : BANNER.exec(head.bytes.toString('utf8'))?.[1];
}

/**
 * The repo's .mentor must be a real folder (or absent), checked before anything else happens:
 * through a symlink, writing the runner and removing the files it no longer has would act
 * wherever the link points (the write refuses that too, but only once a branch is made).
 */
export function checkRunnerFolder(root: string): void {
  checkWritePaths(root, [RUNNER_DIR]);
  const stat = lstatSync(path.join(root, RUNNER_DIR), { throwIfNoEntry: false });
  if (stat && !stat.isDirectory()) {
    throw new MentorError(`${RUNNER_DIR} is not a folder; mentor writes the runner only into a real folder of the repo.`, ExitCode.usage, `Replace it with a folder (git rm ${RUNNER_DIR}), then run mentor upgrade again.`);
  }
}

/** Files under the repo's .mentor/ that the new runner does not have (a runner of another build). */
export function staleRunnerFiles(root: string, keep: ReadonlyMap<string, string>): string[] {
  const dir = path.join(root, RUNNER_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !keep.has(`${RUNNER_DIR}/${entry.name}`) && !entry.name.startsWith('.'))
    .map((entry) => `${RUNNER_DIR}/${entry.name}`);
}

/** Writes the runner into the repo, each file atomically, and removes the files it no longer has. */
export function writeRunner(root: string, files: ReadonlyMap<string, string>, remove: readonly string[]): void {
  checkWritePaths(root, [...files.keys(), ...remove]);
  writeFilesAtomic(root, [...files].map(([file, content]) => ({ file, content })));
  removeFiles(root, remove);
}
