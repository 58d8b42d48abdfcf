import { ExitCode, MentorError } from '../errors.js';
import { dirtyFiles, isGitRepo, openGit } from '../io/git.js';
import { findRepoRoot } from '../io/repo.js';
import { RUNNER_DIR, RUNNER_VERSION, checkRunnerFolder, readRunnerBuild, repoRunnerVersion, staleRunnerFiles, writeRunner } from '../io/runner.js';
import { nextStepAfterCommit, planCommit, writeAndCommit } from './commit-step.js';
import { lockForWriting } from './context.js';
import { existsInRepo, staleFiles } from '../io/generated.js';
import { programWorkflows } from '../render/workflows/index.js';
import { shellWords } from '../domain/text.js';
import { isNewerVersion } from '../domain/versions.js';
import { COHORTS_DIR, CONFIG_FILE, PEOPLE_DIR, RUNNER_COMMAND, RUNNER_ENTRY, SCHEMAS_DIR } from '../domain/layout.js';
import { sayGenerated, type Format } from './generated-step.js';
import { generatedFiles } from './generated-files.js';
import { upgradeCommitMessage, upgradeNotes, upgradedWhat, type UpgradeOutcome } from '../render/upgrade.js';

/**
 * `mentor upgrade`: replaces the repo's .mentor/ runner with the running CLI's build, and with
 * --workflows the workflows `mentor init` writes with this build's (fixes to them reach a program
 * only so: they are the repo's own files, which a maintainer may have edited). What CI checks with
 * the runner (schemas, issue forms, CODEOWNERS, committed reports) comes along as this build writes
 * it, so the upgrade's own pull request passes CI.
 */
export async function upgradeCommand(options: { repo?: string; commit?: boolean; workflows?: boolean; format?: Format }): Promise<number> {
  const root = findRepoRoot(options.repo);
  checkRunnerFolder(root);
  const from = repoRunnerVersion(root);
  refuseDowngrade(from);
  // Before the records are read: the reports brought along are built from records no other writer changes meanwhile.
  lockForWriting(root, 'upgrade');
  const build = readRunnerBuild();
  const remove = staleRunnerFiles(root, build);
  const workflows = programWorkflows();
  const staleWorkflows = staleFiles(root, workflows);
  const generated = generatedFiles(root);
  const runner = [...staleFiles(root, build), ...remove];
  const outcome: UpgradeOutcome = {
    from,
    hadRunner: existsInRepo(root, RUNNER_ENTRY),
    to: RUNNER_VERSION,
    runner,
    workflows: options.workflows ? staleWorkflows : [],
    // A workflow a newer mentor added (the merge queue's gate, say) is new to the repo, not replaced.
    added: options.workflows ? staleWorkflows.filter((file) => !existsInRepo(root, file)) : [],
    generated: staleFiles(root, generated.files),
    workflowsLeft: options.workflows ? [] : staleWorkflows,
    newWorkflows: options.workflows ? [] : staleWorkflows.filter((file) => !existsInRepo(root, file)),
    left: generated.left,
  };
  const json = { from: from ?? null, to: RUNNER_VERSION, generated: outcome.generated, workflowsLeft: outcome.workflowsLeft, left: outcome.left };
  const changed = [...runner, ...outcome.workflows, ...outcome.generated];
  const notes = upgradeNotes(outcome);
  if (changed.length === 0) {
    sayGenerated(options.format, [`The runner in ${RUNNER_DIR}/ is already this build (mentor ${RUNNER_VERSION})${options.workflows ? ', and so are the workflows' : ''}, and every file CI checks with it is up to date.`, ...notes].join('\n'), json, []);
    return ExitCode.ok;
  }
  // CODEOWNERS, the forms and the reports are made from the records (the schemas are not): their
  // commit must match the records committed beside them, or CI's check fails on the upgrade's branch.
  const fromRecords = outcome.generated.some((file) => !file.startsWith(`${SCHEMAS_DIR}/`));
  const reads = fromRecords ? { reads: { what: 'The upgrade (the CODEOWNERS, forms and reports it brings along)', files: [CONFIG_FILE, PEOPLE_DIR, COHORTS_DIR] } } : {};
  const plan = options.commit ? await planCommit(root, `upgrade/mentor-${RUNNER_VERSION}`, changed, reads) : undefined;
  if (!plan) await refuseUncommitted(root, changed);
  const writes = new Map([...build, ...workflows, ...generated.files].filter(([file]) => changed.includes(file)));
  await writeAndCommit(plan, () => writeRunner(root, writes, remove), upgradeCommitMessage(outcome));
  const what = upgradedWhat(outcome, undefined);
  const written = [...runner, ...outcome.workflows];
  const done = written.length > 0 ? `${upgradedWhat(outcome, { replaced: 'Replaced', added: 'Added' })}: ${written.join(', ')}.` : undefined;
  const commit = outcome.workflows.length > 0 ? 'Commit them so CI and everyone who clones the repo run them; read the diff of the workflows first: an edit of your own to them is replaced too.' : 'Commit them so CI and everyone who clones the repo run them.';
  const said = plan ? [nextStepAfterCommit(plan.branch, what || 'what mentor generates', plan.repo.dir), ...notes] : [done, ...notes, commit].filter((line): line is string => line !== undefined);
  sayGenerated(options.format, said.join('\n'), json, changed, plan?.branch ?? null);
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
