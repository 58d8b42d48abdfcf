import { ExitCode, MentorError } from '../errors.js';
import { dirtyFiles, isGitRepo, openGit } from '../io/git.js';
import { findRepoRoot } from '../io/repo.js';
import { RUNNER_DIR, RUNNER_VERSION, checkRunnerFolder, readRunnerBuild, repoRunnerVersion, staleRunnerFiles, writeRunner } from '../io/runner.js';
import { nextStepAfterCommit, planCommit, writeAndCommit } from './commit-step.js';
import { lockForWriting } from './context.js';
import { existsInRepo, staleFiles } from '../io/generated.js';
import { writeFilesAtomic } from '../io/write.js';
import { programWorkflows } from '../render/workflows/index.js';
import { shellWords } from '../domain/text.js';
import { isNewerVersion } from '../domain/versions.js';
import { RUNNER_COMMAND } from '../domain/layout.js';
import { sayGenerated, type Format } from './generated-step.js';

/**
 * `mentor upgrade`: replaces the repo's .mentor/ runner with the running CLI's build, and with
 * --workflows the workflows `mentor init` writes with this build's (fixes to them reach a program
 * only so: they are the repo's own files, which a maintainer may have edited).
 */
export async function upgradeCommand(options: { repo?: string; commit?: boolean; workflows?: boolean; format?: Format }): Promise<number> {
  const root = findRepoRoot(options.repo);
  checkRunnerFolder(root);
  const build = readRunnerBuild();
  const remove = staleRunnerFiles(root, build);
  const workflows = options.workflows ? programWorkflows() : new Map<string, string>();
  const staleWorkflows = staleFiles(root, workflows);
  const runnerChanged = [...staleFiles(root, build), ...remove];
  const changed = [...runnerChanged, ...staleWorkflows];
  const from = repoRunnerVersion(root);
  refuseDowngrade(from);
  const json = { from: from ?? null, to: RUNNER_VERSION };
  if (changed.length === 0) {
    sayGenerated(options.format, `The runner in ${RUNNER_DIR}/ is already this build (mentor ${RUNNER_VERSION})${options.workflows ? ', and so are the workflows' : ''}.`, json, []);
    return ExitCode.ok;
  }
  const plan = options.commit ? await planCommit(root, `upgrade/mentor-${RUNNER_VERSION}`, changed) : undefined;
  if (!plan) await refuseUncommitted(root, changed);
  lockForWriting(root, 'upgrade');
  const write = () => {
    if (runnerChanged.length > 0) writeRunner(root, build, remove);
    writeFilesAtomic(root, staleWorkflows.map((file) => ({ file, content: workflows.get(file)! })));
  };
  const runner = runnerChanged.length > 0 ? `the runner in ${RUNNER_DIR}/ (mentor ${from ?? 'unknown'} -> ${RUNNER_VERSION})` : undefined;
  // A workflow a newer mentor added (the merge queue's gate, say) is new to the repo, not replaced.
  const added = staleWorkflows.filter((file) => !existsInRepo(root, file));
  const named = (files: string[]) => (files.length > 0 ? `${files.length === 1 ? 'the workflow' : 'the workflows'} ${files.map((file) => file.replace(/^.*\//, '')).join(', ')}` : undefined);
  const replaced = [runner, named(staleWorkflows.filter((file) => !added.includes(file)))].filter(Boolean).join(', and ');
  const flows = staleWorkflows.length > 0;
  const what = [replaced, added.length > 0 ? `the new ${named(added)!.replace(/^the /, '')}` : undefined].filter(Boolean).join(', and ');
  const done = [replaced && `Replaced ${replaced}`, added.length > 0 && `${replaced ? 'added' : 'Added'} ${named(added)}`].filter(Boolean).join(', and ');
  await writeAndCommit(plan, write, runnerChanged.length > 0 && staleWorkflows.length === 0 ? `Upgrade the mentor runner to ${RUNNER_VERSION} (mentor upgrade)` : `Upgrade the mentor ${runner ? 'runner and ' : ''}workflows to ${RUNNER_VERSION} (mentor upgrade --workflows)`);
  const commit = flows ? 'Commit them so CI and everyone who clones the repo run them; read the diff of the workflows first: an edit of your own to them is replaced too.' : `Commit ${RUNNER_DIR}/ so CI and everyone who clones the repo run it.`;
  sayGenerated(options.format, plan ? nextStepAfterCommit(plan.branch, what) : `${done}: ${changed.join(', ')}.\n${commit}`, json, changed, plan?.branch ?? null);
  return ExitCode.ok;
}

/** Without --commit too: a local edit of the runner is never overwritten silently. */
async function refuseUncommitted(root: string, files: string[]): Promise<void> {
  const repo = openGit(root);
  if (!(await isGitRepo(repo))) return;
  const dirty = await dirtyFiles(repo, files);
  if (dirty.length > 0) {
    throw new MentorError(`${dirty.join(', ')} ${dirty.length === 1 ? 'has' : 'have'} uncommitted changes; mentor upgrade will not overwrite them.`, ExitCode.invalid, `Commit them, or drop them with git checkout -- ${shellWords(dirty)}, then run mentor upgrade again.`);
  }
}

/**
 * An older mentor (a global install left behind, a teammate's) never replaces a newer runner: the
 * workflows, the gate and everyone's commands would go back to the older one's, fixes undone.
 */
function refuseDowngrade(from: string | undefined): void {
  if (from === undefined || !isNewerVersion(from, RUNNER_VERSION)) return;
  throw new MentorError(
    `The runner in ${RUNNER_DIR}/ is mentor ${from}, newer than this mentor (${RUNNER_VERSION}): upgrading would put an older one in its place. Nothing was written.`,
    ExitCode.invalid,
    `Run the repo's own, \`${RUNNER_COMMAND} <command>\`, or install mentor ${from} or later. To go back to an older runner on purpose, take it from git: git checkout <commit> -- ${RUNNER_DIR}`,
  );
}
