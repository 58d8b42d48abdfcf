import { membersDir } from '../domain/layout.js';
import { ExitCode, MentorError } from '../errors.js';
import { print, say } from '../io/output.js';
import { removeFiles, writeFilesAtomic } from '../io/write.js';
import { checkWritePaths } from '../io/write-path.js';
import { meaningChanges } from '../core/member-meaning.js';
import { loadProgram } from '../model/load.js';
import { OverlaySource } from '../model/overlay-source.js';
import { planMemberMove, renderMemberMove, type MembersForm } from '../render/member-move.js';
import { renderMembersJson } from '../render/outcome-json.js';
import { chooseCohort, loadForCommand } from './context.js';
import { nextStepAfterCommit, nextStepWithoutCommit, planCommit, writeAndCommit } from './commit-step.js';

export interface MembersOptions {
  repo?: string;
  to: MembersForm;
  dryRun?: boolean;
  commit?: boolean;
  format?: 'text' | 'json';
}

/** Moves a cohort's members between the `members:` list of cohort.yaml and one file each. */
export async function membersCommand(cohortId: string | undefined, options: MembersOptions): Promise<number> {
  const loaded = loadForCommand(options.repo, options.dryRun ? {} : { lock: 'members' });
  const { program } = loaded;
  const entry = chooseCohort(loaded, cohortId, { command: 'members' });
  const move = planMemberMove(entry, options.to);
  if ('refused' in move) throw new MentorError(`${move.refused} Nothing was moved.`, ExitCode.invalid, 'Write each member as a plain entry (or file) by hand, then run the command again.');
  const dryRun = options.dryRun === true;
  const tell = (files: readonly string[], branch: string | null) =>
    options.format === 'json' ? print(renderMembersJson({ cohort: entry.id, to: options.to, moved: move.moved, dryRun, ok: true, problems: [], files, branch })) : say(renderMemberMove(entry.id, options.to, move, dryRun));
  if (move.moved.length === 0) {
    tell([], null);
    return ExitCode.ok;
  }
  // The records as they will be, read back before anything is written: the same tree, the same problems.
  const changes = meaningChanges(program, loadProgram(new OverlaySource(program.records, move.writes, new Set(move.deletes))), entry.id);
  if (changes.length > 0) {
    throw new MentorError(`Moving the members of ${entry.id} would change what the records mean: ${changes.slice(0, 5).join('; ')}. Nothing was moved.`, ExitCode.invalid, 'Run `mentor validate`, fix what it shows (anchors and aliases between entries cannot move), then try again.');
  }
  if (dryRun) {
    tell([], null);
    return ExitCode.ok;
  }

  const files = [...move.writes.keys(), ...move.deletes];
  const branch = `members/${entry.id}-to-${options.to}`;
  const message = `Move the members of ${entry.id} ${options.to === 'files' ? 'into one file each' : 'into the list in cohort.yaml'}`;
  const commitPlan = options.commit ? await planCommit(program.root, branch, files) : undefined;
  // The new homes first (move.writes is in that order), then the old ones emptied or removed: a
  // crash at any point leaves each member somewhere, at worst in both places, which validate names.
  checkWritePaths(program.root, files);
  const moveMembers = () => {
    // A member file is new; it takes the mode of cohort.yaml, where its member was (a private 0600 cohort stays private).
    writeFilesAtomic(program.root, [...move.writes].map(([file, content]) => ({ file, content, modeOf: entry.file })));
    removeFiles(program.root, move.deletes);
  };
  await writeAndCommit(commitPlan, moveMembers, message);
  tell(files, commitPlan?.branch ?? null);
  if (options.format !== 'json') say(commitPlan ? nextStepAfterCommit(commitPlan.branch, 'the move', program.root) : nextStepWithoutCommit('the move', { root: program.root, branch, files: [entry.file, membersDir(entry.id)], message }));
  return ExitCode.ok;
}
