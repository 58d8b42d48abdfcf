import { MentorError } from '../errors.js';
import { RUNNER_COMMAND, RUNNER_DIR } from '../domain/layout.js';
import { isNewerVersion } from '../domain/versions.js';
import { printError } from '../io/output.js';
import { findRepoRoot } from '../io/repo.js';
import { RUNNER_VERSION, repoRunnerVersion } from '../io/runner.js';

// CI runs the repo's committed runner; a person runs the mentor they installed. When the two are
// different versions they may judge the same records differently (a rule added or fixed, a report
// or schema written another way), and the person should hear it before CI tells them.

/** A note on standard error when the program repo's runner is another version than this mentor. */
export function noteRunnerSkew(command: string, repoOption: string | undefined): void {
  let root: string;
  try {
    root = findRepoRoot(repoOption);
  } catch {
    return; // No program repo here: the command itself says so, or needs none.
  }
  let theirs: string | undefined;
  try {
    theirs = repoRunnerVersion(root);
  } catch (error) {
    // A runner that cannot be read (a folder, a symlink) is for validate or upgrade to say: a note never fails a command.
    if (error instanceof MentorError) return;
    throw error;
  }
  if (theirs === undefined || theirs === RUNNER_VERSION) return;
  const judge = `CI runs the runner, so it may judge the records differently.`;
  if (isNewerVersion(RUNNER_VERSION, theirs)) {
    printError(`mentor: note: this repo's runner (${RUNNER_DIR}/) is mentor ${theirs}, older than this mentor (${RUNNER_VERSION}); ${judge} Bring the repo to this mentor with \`mentor upgrade --commit\`.`);
  } else if (isNewerVersion(theirs, RUNNER_VERSION)) {
    printError(`mentor: note: this repo's runner (${RUNNER_DIR}/) is mentor ${theirs}, newer than this mentor (${RUNNER_VERSION}); ${judge} Run the repo's own, \`${RUNNER_COMMAND} ${command}\`, or install mentor ${theirs} or later.`);
  }
}
