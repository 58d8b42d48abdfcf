import { ExitCode, MentorError } from '../errors.js';
import { dirtyFiles, isGitRepo, openGit } from '../io/git.js';
import { print } from '../io/output.js';
import { findRepoRoot } from '../io/repo.js';
import { RUNNER_DIR, RUNNER_VERSION, checkRunnerFolder, differingRunnerFiles, readRunnerBuild, repoRunnerVersion, staleRunnerFiles, writeRunner } from '../io/runner.js';
import { finishCommit, nextStepAfterCommit, planCommit, startBranch } from './commit-step.js';
import { lockForWriting } from './context.js';

/** `mentor upgrade`: replaces the repo's .mentor/ runner with the running CLI's build. */
export async function upgradeCommand(options: { repo?: string; commit?: boolean }): Promise<number> {
  const root = findRepoRoot(options.repo);
  checkRunnerFolder(root);
  const build = readRunnerBuild();
  const remove = staleRunnerFiles(root, build);
  const changed = [...differingRunnerFiles(root, build), ...remove];
  const from = repoRunnerVersion(root);
  if (changed.length === 0) {
    print(`The runner in ${RUNNER_DIR}/ is already this build (mentor ${RUNNER_VERSION}).`);
    return ExitCode.ok;
  }
  const plan = options.commit ? await planCommit(root, `upgrade/mentor-${RUNNER_VERSION}`, changed) : undefined;
  if (!plan) await refuseUncommitted(root, changed);
  lockForWriting(root, 'upgrade');
  if (plan) await startBranch(plan);
  writeRunner(root, build, remove);
  const what = `the runner in ${RUNNER_DIR}/ (mentor ${from ?? 'unknown'} -> ${RUNNER_VERSION})`;
  if (plan) {
    await finishCommit(plan, `Upgrade the mentor runner to ${RUNNER_VERSION} (mentor upgrade)`);
    print(nextStepAfterCommit(plan.branch, what));
  } else {
    print(`Replaced ${what}: ${changed.join(', ')}.\nCommit ${RUNNER_DIR}/ so CI and everyone who clones the repo run it.`);
  }
  return ExitCode.ok;
}

/** Without --commit too: a local edit of the runner is never overwritten silently. */
async function refuseUncommitted(root: string, files: string[]): Promise<void> {
  const repo = openGit(root);
  if (!(await isGitRepo(repo))) return;
  const dirty = await dirtyFiles(repo, files);
  if (dirty.length > 0) {
    throw new MentorError(`${dirty.join(', ')} ${dirty.length === 1 ? 'has' : 'have'} uncommitted changes; mentor upgrade will not overwrite them.`, ExitCode.invalid, `Commit them, or drop them with git checkout -- ${RUNNER_DIR}, then run mentor upgrade again.`);
  }
}
