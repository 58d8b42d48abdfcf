import { ExitCode, usageError } from '../errors.js';
import { print, printError, say } from '../io/output.js';
import { planRelease, releaseReasonProblem } from '../core/claim.js';
import { formatInstant } from '../domain/time.js';
import { renderReleaseJson } from '../render/outcome-json.js';
import { sanitizeInline } from '../render/terminal.js';
import { loadForCommand } from './context.js';
import { memberCohort, writeMemberEdit } from './claim.js';
import { nextStepAfterCommit, nextStepWithoutCommit } from './commit-step.js';

export interface ReleaseOptions {
  repo?: string;
  reason: string;
  cohort?: string;
  commit?: boolean;
  format: 'text' | 'json';
}

export async function releaseCommand(member: string, options: ReleaseOptions): Promise<number> {
  const wrongReason = releaseReasonProblem(options.reason);
  if (wrongReason !== undefined) throw usageError(wrongReason, 'For example: --reason "moved to another team".');
  const loaded = loadForCommand(options.repo, { lock: 'release' });
  const entry = memberCohort(loaded, member, options.cohort, 'release');
  const refuse = (cohort: string | null, reason: string) => {
    if (options.format === 'json') print(renderReleaseJson({ cohort, member, reason: options.reason.trim(), mentor: null, ok: false, problems: [reason], files: [], branch: null }));
    else printError(`mentor: nothing written: ${sanitizeInline(reason)}`);
    return ExitCode.invalid;
  };
  if ('problem' in entry) return refuse(null, entry.problem);
  const plan = planRelease(entry.cohort, member, options.reason, formatInstant(loaded.program.config.timezone, loaded.now));
  if (!plan.ok) return refuse(entry.id, plan.reason);
  const said = { cohort: entry.id, member, reason: options.reason.trim() };
  const change = { branch: `release/${entry.id}/${member}`, message: `Release ${member} in ${entry.id} from ${plan.mentor}: back to waiting` };
  const branch = options.commit ? change.branch : undefined;
  const files = await writeMemberEdit(loaded, entry, { person: member, set: plan.edit.set, unset: plan.edit.unset }, branch, change.message, 'release');
  if (options.format === 'json') {
    print(renderReleaseJson({ ...said, mentor: plan.mentor, ok: true, problems: [], files, branch: branch ?? null }));
    return ExitCode.ok;
  }
  say(`${member} is waiting again (released from ${plan.mentor}; kept in history): ${files.join(', ')}.`);
  say(branch !== undefined ? nextStepAfterCommit(branch, 'the release', loaded.program.root) : nextStepWithoutCommit('the change', { ...change, files, root: loaded.program.root }));
  return ExitCode.ok;
}
