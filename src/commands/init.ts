import { currentTime } from '../io/clock.js';
import path from 'node:path';
import { ensureFolder, holdsRecords, isRegularFile, occupied, staleFiles } from '../io/generated.js';
import { ExitCode, MentorError, usageError } from '../errors.js';
import { assertBranchToCommitOn, assertGitInstalled, commitFiles, currentBranch, hasCommits, initRepo, openGit } from '../io/git.js';
import { workTreePlace } from '../io/git-work-tree.js';
import { stagedAsTheyAre } from '../io/git-index.js';
import { print, say, styleFor, terminalWidth } from '../io/output.js';
import { configNotAFile, enclosingProgramRepo, refuseGitDir, resolveFromHere, worktreeOf } from '../io/repo.js';
import { readRunnerBuild } from '../io/runner.js';
import { writeFilesAtomic } from '../io/write.js';
import { readRegularFile } from '../io/regular-file.js';
import type { Config } from '../model/schemas.js';
import { listProblems, readConfigAlone } from './context.js';
import { localDate } from '../domain/time.js';
import { CODEOWNERS_FILE, CONFIG_FILE, GITIGNORE_FILE, RUNNER_COMMAND } from '../domain/layout.js';
import { isExampleRecord, scaffoldExampleRecords, scaffoldFiles, scaffoldPlaceholder } from '../render/scaffold.js';
import { sanitizeInline } from '../render/terminal.js';
import { formatSteps } from '../render/table.js';
import { renderWroteJson } from '../render/outcome-json.js';

export interface InitOptions {
  /** The folder as the argument [dir]. */
  dir?: string;
  /** The folder as --repo, which every command takes. */
  repo?: string;
  git: boolean;
  format?: 'text' | 'json';
}

export async function initCommand(options: InitOptions): Promise<number> {
  const dir = initFolder(options.dir, options.repo);
  const root = resolveFromHere(dir);
  refuseGitDir(root, dir);
  if (!ensureFolder(root)) {
    throw new MentorError(`${dir} exists and is not a folder.`, ExitCode.usage, 'Choose another folder for the program repo.');
  }
  // A config that is not a file would be "kept", committed, and break every later command.
  const config = configNotAFile(root);
  if (config) throw usageError(`${CONFIG_FILE} is already in ${dir}, and is not a file mentor can read: ${config.message}`, 'Replace it with the config file itself, or remove it and run `mentor init` again: it writes one.');
  const keptConfig = readKeptConfig(root, dir);
  const repo = openGit(root);
  if (options.git) await assertGitInstalled(repo);
  // A folder inside another repository's work tree gets a repository of its own: committed into
  // the outer one, its workflows would never run (GitHub reads only the top .github/).
  const place = options.git ? await workTreePlace(repo) : undefined;
  // In the user's own repository the commit goes on the branch checked out: none (detached HEAD),
  // or a merge or rebase under way, is refused before a file is written.
  if (place?.kind === 'top' && (await hasCommits(repo))) await assertBranchToCommitOn(repo);
  const style = styleFor(process.stdout);
  // With --format json the run says nothing until its one JSON answer at the end.
  const tell = options.format === 'json' ? () => {} : say;
  // The machine's zone: the program's for a new config, and the placeholder person's (who runs init).
  const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  // The example cohort starts today in the program's zone: a kept config's, where it has one.
  const today = localDate(keptConfig?.timezone ?? timezone, currentTime());
  // The runner is this CLI's own build, committed so the repo runs it with plain node.
  const files = new Map([
    ...scaffoldFiles({ program: titleFromFolder(path.basename(root)), today, timezone, config: keptConfig }),
    ...readRunnerBuild(),
  ]);
  // A program that has records already gets mentor's files, not a made-up lead and cohort among its own.
  const ownRecords = holdsRecords(root, isExampleRecord);
  if (ownRecords) for (const file of scaffoldExampleRecords(today)) files.delete(file);

  // Never overwrite: a file (or anything) already at the path is kept as it is.
  const written = [...files.keys()].filter((file) => !occupied(path.join(root, file)));
  const kept = [...files.keys()].filter((file) => !written.includes(file));
  writeFilesAtomic(root, written.map((file) => ({ file, content: files.get(file)! })));

  const lines = [`Program repo in ${sanitizeInline(root)}`];
  const outer = enclosingProgramRepo(root);
  if (outer !== undefined) lines.push(`Note: this folder is inside the program repo ${sanitizeInline(outer)}; this makes a second, separate program. To work on that one, run mentor in ${sanitizeInline(outer)} (or pass --repo).`);
  for (const file of written) lines.push(`  ${style.ok('created')}  ${file}`);
  for (const file of kept) lines.push(`  ${style.dim('kept   ')}  ${file} ${style.dim('(already there, not overwritten)')}`);
  if (ownRecords) lines.push(`  ${style.dim('no example person or cohort: people/ and cohorts/ hold records already')}`);
  tell(lines.join('\n'));

  const fresh = place !== undefined && place.kind !== 'top';
  // A repo is made even when every file was there already (a first run that stopped before git).
  // In a repository with no commit yet, a kept file that is exactly what init writes is one a first
  // run wrote before its commit failed (a full disk); so is one staged as it is, which a first run
  // added before git refused to commit (no identity), whatever day it was dated. It goes into the
  // first commit. Anything else kept is the user's, and stays out.
  const keptFiles = kept.filter((file) => isRegularFile(path.join(root, file)));
  const unborn = place?.kind === 'top' && !(await hasCommits(repo));
  const staged = unborn ? await stagedAsTheyAre(repo, keptFiles) : new Set<string>();
  const differ = unborn ? new Set(staleFiles(root, new Map(keptFiles.map((file) => [file, files.get(file)!]))).filter((file) => !staged.has(file))) : new Set<string>();
  let commit: string | undefined;
  const toCommit = [...written, ...(fresh ? keptFiles : unborn ? keptFiles.filter((file) => !differ.has(file)) : [])];
  if (options.git && toCommit.length > 0) {
    if (fresh) await initRepo(repo);
    const first = !(await hasCommits(repo));
    let sha: string;
    try {
      sha = await commitFiles(repo, toCommit, first ? 'Start the mentorship program (mentor init)' : 'Add mentor program files (mentor init)');
    } catch (error) {
      // The files are written either way; say how to finish, since a second init writes nothing new.
      if (error instanceof MentorError) {
        // One way on, not two in a row: the cause's own "then try again" is this.
        const cause = error.hint?.replace(/,? then try again\.$/, '').replace(/\.$/, '');
        throw new MentorError(`${error.message} The files are written but not committed.`, error.exitCode, `${cause ? `${cause}; then run` : 'Run'} the same \`mentor init\` again, which commits the files as it wrote them, or commit them yourself: git add -A && git commit -m "Start the mentorship program".`);
      }
      throw error;
    }
    commit = sha;
    tell(`${fresh ? `Initialised a git repository${place?.kind === 'inside' ? ' of its own' : ''} and committed` : 'Committed'} ${toCommit.length} files (${sha.slice(0, 7)}).`);
    if (place?.kind === 'inside') {
      tell(`${sanitizeInline(root)} is inside the git repository ${sanitizeInline(place.top)}, and GitHub runs workflows only from a repository's top folder, so nothing was committed there. That repository sees the folder as untracked: add it to its .gitignore, or move the folder out.`);
    }
  }
  // In a repository of the user's, the branch to protect is theirs (master, trunk...), not main.
  const branch = fresh ? 'main' : ((place?.kind === 'top' ? await currentBranch(repo).catch(() => undefined) : undefined) ?? 'your default branch');
  tell(nextSteps(fresh, ownRecords ? undefined : scaffoldPlaceholder(today), branch, missingIgnores(root, kept, files.get(GITIGNORE_FILE)!)));
  if (options.format === 'json') print(renderWroteJson({ dir: root, created: written, kept, commit: commit ?? null }, { ok: true, problems: [], files: written, branch: null }));
  return ExitCode.ok;
}

/** What an organiser does next; `fresh`: mentor made the repository, on branch main, with no remote; `branch`: the one to protect. */
function nextSteps(fresh: boolean, placeholder: ReturnType<typeof scaffoldPlaceholder> | undefined, branch: string, ignores: string[]): string {
  const steps: Array<[string, string]> = [
    ...(ignores.length > 0 ? [[`edit ${GITIGNORE_FILE}`, `add ${ignores.join(' and ')} to it: mentor's dashboard and what a killed mentor leaves are no records to commit`] as [string, string]] : []),
    ...(placeholder ? [[`edit ${placeholder.files[0]}`, `the placeholder lead, ${placeholder.person}: make it you (id, name, github); rename it and ${placeholder.files[1]} (and its person:) to your id`] as [string, string]] : []),
    [`edit ${CONFIG_FILE}`, 'add your GitHub handle to maintainers (and name the program), then'],
    [`${RUNNER_COMMAND} codeowners`, `write ${CODEOWNERS_FILE} from it`],
    [`${RUNNER_COMMAND} forms`, 'write the issue forms from it (they name the program: CI fails on forms older than the config)'],
    [`${RUNNER_COMMAND} validate`, 'check the records, then commit'],
    ...(fresh ? [['git remote add origin <url>', 'your new, empty GitHub repository'] as [string, string], ['git push -u origin main', 'then require the mentor/gate status on main'] as [string, string]] : [['git push', `then require the mentor/gate status on ${sanitizeInline(branch)}`] as [string, string]]),
    ['', '(README: "Add people and a cohort", "Running a program on GitHub")'],
  ];
  return ['', 'Next steps (everything runs with plain node, nothing to install):', formatSteps(steps, terminalWidth())].join('\n');
}

/** The lines of init's .gitignore that a .gitignore of the user's, kept, does not have. */
function missingIgnores(root: string, kept: readonly string[], ours: string): string[] {
  if (!kept.includes(GITIGNORE_FILE)) return [];
  let theirs: ReturnType<typeof readRegularFile>;
  try {
    theirs = readRegularFile(root, GITIGNORE_FILE, 1024 * 1024);
  } catch {
    return []; // Not a file (a folder, a link): not one to edit.
  }
  if (theirs === undefined || theirs.more) return [];
  const lines = new Set(theirs.bytes.toString('utf8').split(/\r?\n/).map((line) => line.trim()));
  return ours.split('\n').filter((line) => line !== '' && !line.startsWith('#') && !lines.has(line));
}

/**
 * The config already in the folder, which init keeps: the issue forms and CODEOWNERS are written
 * from it, or CI's check of them fails on the first push. One mentor cannot read is refused before
 * a file is written: forms from the defaults would be wrong the moment it is fixed.
 */
function readKeptConfig(root: string, dir: string): Config | undefined {
  if (!occupied(path.join(root, CONFIG_FILE))) return undefined;
  const read = readConfigAlone(worktreeOf(root));
  if ('config' in read) return read.config;
  throw usageError(
    `${CONFIG_FILE} is already in ${sanitizeInline(dir)}, and mentor cannot read it; init writes the issue forms and ${CODEOWNERS_FILE} from it, so it wrote nothing:\n${listProblems(read.problems)}`,
    'Fix it and run `mentor init` again (it keeps your config and writes the rest), or remove it: init then writes one of its own.',
  );
}

function titleFromFolder(name: string): string {
  const words = name.replace(/[^A-Za-z0-9]+/g, ' ').trim();
  return words ? `${words.charAt(0).toUpperCase()}${words.slice(1)} mentorship` : 'Mentorship program';
}


/** The folder to make the repo in: [dir] or --repo (the same one twice is fine), else this folder. */
function initFolder(dir: string | undefined, repo: string | undefined): string {
  if (dir !== undefined && repo !== undefined && resolveFromHere(dir) !== resolveFromHere(repo)) {
    throw usageError(`mentor init was given two folders: ${sanitizeInline(dir)} and --repo ${sanitizeInline(repo)}.`, 'Give the folder once, as `mentor init <dir>` or `mentor init --repo <dir>`.');
  }
  return dir ?? repo ?? '.';
}
