import { existsSync } from 'node:fs';
import path from 'node:path';
import { ExitCode, MentorError } from '../errors.js';
import { changedInBranch, fileAt, isGitRepo, openGit, resolveCommit, refuseOptionLikeRef } from '../io/git.js';
import { print } from '../io/output.js';
import { findRepoRoot, readRecord } from '../io/repo.js';
import { cohortCommitments } from '../core/commitments.js';
import { judgeChanges } from '../core/ownership.js';
import { cohortChange, logHours, renderPrSummary, type Change } from '../core/pr-summary.js';
import { checkShape } from '../model/check-shape.js';
import { loadProgram, validateScope } from '../model/program.js';
import type { RecordKind } from '../model/schemas.js';
import { YamlSource } from '../model/source.js';
import { lockedBefore, ownersAt } from './check-pr.js';

export async function prSummaryCommand(options: { repo?: string; base: string; author?: string }): Promise<number> {
  refuseOptionLikeRef(options.base, '--base');
  const root = findRepoRoot(options.repo);
  const repo = openGit(root);
  if (!(await isGitRepo(repo))) throw new MentorError('pr-summary needs a git repository.', ExitCode.usage);
  const base = await resolveCommit(repo, options.base, '--base');
  const { mergeBase, files } = await changedInBranch(repo, base);
  const program = loadProgram(root);
  const people = new Map([...program.people].map(([id, entry]) => [id, entry.person]));

  const parse = <K extends RecordKind>(kind: K, file: string, text: string | undefined) => (text === undefined ? undefined : checkShape(new YamlSource(file, text), kind));
  const current = (file: string) => {
    if (!existsSync(path.join(root, file))) return undefined;
    const outcome = readRecord(root, file);
    return 'text' in outcome ? outcome.text : undefined;
  };

  const changes: Change[] = [];
  for (const change of files) {
    const log = /^cohorts\/([^/]+)\/logs\/([^/]+)\/([^/]+)\.yaml$/.exec(change.path);
    const cohortFile = /^cohorts\/([^/]+)\/cohort\.yaml$/.exec(change.path);
    if (log) {
      const [, cohortId, person, week] = log as unknown as [string, string, string, string];
      const after = change.status === 'deleted' ? undefined : parse('log', change.path, current(change.path));
      const before = change.status === 'added' ? undefined : parse('log', change.from ?? change.path, await fileAt(repo, mergeBase, change.from ?? change.path));
      const cohort = program.cohorts.get(cohortId)?.cohort;
      const planned = cohort ? cohortCommitments(program.config, cohort, people).find((row) => row.id === person)?.plannedTotal : undefined;
      changes.push({ kind: 'log', status: change.status, person, week, cohort: cohortId, hours: logHours(after), previousHours: logHours(before), plannedHours: planned, pullRequests: after?.pullRequests.length ?? 0 });
    } else if (cohortFile) {
      const after = change.status === 'deleted' ? undefined : program.cohorts.get(cohortFile[1]!)?.cohort;
      const before = change.status === 'added' ? undefined : parse('cohort', change.path, await fileAt(repo, mergeBase, change.from ?? change.path));
      changes.push(cohortChange(change.status, cohortFile[1]!, before, after));
    } else {
      const kind = change.path.startsWith('reports/') ? 'report' : change.path.startsWith('people/') ? 'person' : change.path === 'mentor.config.yaml' ? 'config' : 'other';
      changes.push({ kind, status: change.status, path: change.path });
    }
  }
  const { problems } = validateScope(root, files);
  const owners = await ownersAt(repo, mergeBase);
  const verdicts = options.author === undefined ? undefined : judgeChanges(files, options.author.replace(/^@/, ''), owners, await lockedBefore(repo, owners)).verdicts;
  print(renderPrSummary({ changes, problems, verdicts, author: options.author?.replace(/^@/, ''), maintainers: [...owners.maintainers].sort() }));
  return ExitCode.ok;
}
