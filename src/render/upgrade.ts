import { RUNNER_DIR } from '../domain/layout.js';
import { terminalLine } from './escape.js';

// What `mentor upgrade` says: what it replaced, added and regenerated, what it left and why.

export interface UpgradeOutcome {
  from: string | undefined;
  /** Whether the repo had a runner at all: without one, the runner is added, not replaced. */
  hadRunner: boolean;
  to: string;
  /** Runner files written or removed. */
  runner: readonly string[];
  /** Workflows written: `added` are those the repo did not have. */
  workflows: readonly string[];
  added: readonly string[];
  /** Generated files CI checks, written as this build writes them. */
  generated: readonly string[];
  /** Workflows that differ from this build's, left as they are (no --workflows). */
  workflowsLeft: readonly string[];
  /** Of those, the ones the repo does not have. */
  newWorkflows: readonly string[];
  /** Generated files that could not be made from the records, and why. */
  left: ReadonlyArray<{ file: string; reason: string; command: string }>;
}

const baseName = (file: string) => file.replace(/^.*\//, '');
const workflowNames = (files: readonly string[]) => `${files.length === 1 ? 'the workflow' : 'the workflows'} ${files.map(baseName).join(', ')}`;

/** What was replaced and added, as one phrase: "the runner in .mentor/ (mentor a -> b), and the workflows x, y, and the new workflow z". */
export function upgradedWhat(outcome: UpgradeOutcome, verb: { replaced: string; added: string } | undefined): string {
  // The same version is another build of it (a development build, a rebuilt package): not "0.1.0 -> 0.1.0".
  // `from` is the first line of the repo's runner: text from the repo, escaped for the terminal.
  const versions = outcome.from === outcome.to ? `another build of mentor ${outcome.to}` : `mentor ${outcome.from === undefined ? 'unknown' : terminalLine(outcome.from)} -> ${outcome.to}`;
  const runner = outcome.runner.length > 0 ? `the runner in ${RUNNER_DIR}/ (${outcome.hadRunner ? versions : `mentor ${outcome.to}`})` : undefined;
  const replacedFlows = outcome.workflows.filter((file) => !outcome.added.includes(file));
  const replaced = [outcome.hadRunner ? runner : undefined, replacedFlows.length > 0 ? workflowNames(replacedFlows) : undefined].filter(Boolean).join(', and ');
  const added = [outcome.hadRunner ? undefined : runner, outcome.added.length > 0 ? workflowNames(outcome.added) : undefined].filter(Boolean).join(', and ') || undefined;
  if (verb === undefined) return [replaced, added?.replace(/^the /, 'the new ')].filter(Boolean).join(', and ');
  return [replaced && `${verb.replaced} ${replaced}`, added && `${replaced ? verb.added.toLowerCase() : verb.added} ${added}`].filter(Boolean).join(', and ');
}

/** The lines after what was written: the generated files brought along, what was left and why, the workflows left. */
export function upgradeNotes(outcome: UpgradeOutcome): string[] {
  const notes: string[] = [];
  if (outcome.generated.length > 0) notes.push(`Brought up to date what mentor ${outcome.to} generates, since CI checks them with the new runner: ${outcome.generated.join(', ')}.`);
  for (const { file, reason, command } of outcome.left) notes.push(`Left ${file} as it is: ${terminalLine(reason)} Fix that (\`mentor validate\` shows how), then run \`${command}\`: CI checks it.`);
  const differ = outcome.workflowsLeft.filter((file) => !outcome.newWorkflows.includes(file));
  const fresh = outcome.workflowsLeft.filter((file) => outcome.newWorkflows.includes(file));
  if (differ.length + fresh.length > 0) {
    const which = [differ.length > 0 ? `${workflowNames(differ)} ${differ.length === 1 ? 'differs' : 'differ'} from this mentor's` : undefined, fresh.length > 0 ? `${workflowNames(fresh)} ${fresh.length === 1 ? 'is' : 'are'} new in it` : undefined];
    const verbs = [differ.length > 0 ? 'replaces' : undefined, fresh.length > 0 ? 'adds' : undefined].filter(Boolean).join(' and ');
    const sentence = which.filter(Boolean).join(', and ');
    notes.push(`${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}: \`mentor upgrade --workflows\` ${verbs} them (fixes to the workflows reach the repo only so); read the diff, since an edit of your own is replaced too.`);
  }
  return notes;
}

/** The commit's subject. */
export function upgradeCommitMessage(outcome: UpgradeOutcome): string {
  const parts = [outcome.runner.length > 0 ? 'runner' : undefined, outcome.workflows.length > 0 ? 'workflows' : undefined].filter(Boolean);
  const upgrade = parts.length > 0 ? `Upgrade the mentor ${parts.join(' and ')} to ${outcome.to}` : undefined;
  const generated = outcome.generated.length > 0 ? (upgrade ? 'and bring what it generates up to date' : `Bring what mentor ${outcome.to} generates up to date`) : undefined;
  return `${[upgrade, generated].filter(Boolean).join(', ')} (mentor upgrade${outcome.workflows.length > 0 ? ' --workflows' : ''})`;
}
