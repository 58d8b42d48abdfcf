import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { exampleGitRepo, exampleRepo, git, GIT_ENV, mentor, MENTOR_BIN } from './helpers/repo.js';

// An edit changes the content it means to change and nothing else about the file: its mode, its
// line endings, its folder (no temp files left), and its partner file (a report's .md and .json).

const COHORT = 'cohorts/2026-fall/cohort.yaml';
const BOB_LOG = 'cohorts/2026-fall/logs/bob/2026-W47.yaml';
const NOW = { MENTOR_NOW: '2026-11-25T12:00:00Z' };
const replaceBobLog = (hours: number) => ['log', '--cohort', '2026-fall', '--person', 'bob', '--week', '2026-W47', '--hours', `practice=${hours}`, '--force'];
const mode = (file: string) => statSync(file).mode & 0o777;
const bareLineFeeds = (text: string) => (text.match(/(^|[^\r])\n/g) ?? []).length;

describe('an edit keeps the file as it was', () => {
  it.each(['0444', '0640', '0600', '0755'])('keeps mode %s', async (octal) => {
    const wanted = Number.parseInt(octal, 8);
    const repo = exampleRepo();
    chmodSync(path.join(repo, BOB_LOG), wanted);
    chmodSync(path.join(repo, COHORT), wanted);
    // The first mode by real CLI runs, the others in-process: the same code writes the files.
    const run = octal === '0444' ? mentor : mentorIn;
    expect((await run([...replaceBobLog(9), '--repo', repo], { env: NOW })).code).toBe(0);
    expect((await run(['assign', '2026-fall', '--repo', repo, '--yes'], { env: NOW })).code).toBe(0);
    expect(readFileSync(path.join(repo, BOB_LOG), 'utf8')).toContain('practice: 9');
    expect(readFileSync(path.join(repo, COHORT), 'utf8')).toContain('mentor: ada');
    expect(mode(path.join(repo, BOB_LOG)).toString(8)).toBe(wanted.toString(8));
    expect(mode(path.join(repo, COHORT)).toString(8)).toBe(wanted.toString(8));
  });

  it('keeps CRLF line endings when assign edits a CRLF cohort file', async () => {
    const repo = exampleRepo();
    const file = path.join(repo, COHORT);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
    expect((await mentorIn(['assign', '2026-fall', '--repo', repo, '--yes'], { env: NOW })).code).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after).toMatch(/- person: cleo\r\n(?: {4}.*\r\n)* {4}mentor: ada\r\n/);
    expect(bareLineFeeds(after)).toBe(0);
  });

  it('keeps a byte-order mark (with CRLF) when assign edits a cohort file', async () => {
    const repo = exampleRepo();
    const file = path.join(repo, COHORT);
    const original = `\ufeff${readFileSync(file, 'utf8').replace(/\n/g, '\r\n')}`;
    writeFileSync(file, original);
    expect((await mentorIn(['assign', '2026-fall', '--repo', repo, '--yes'], { env: NOW })).code).toBe(0);
    const after = readFileSync(file);
    expect([...after.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(after.toString('utf8').split('\r\n')[0]).toBe(original.split('\r\n')[0]);
    expect(bareLineFeeds(after.toString('utf8'))).toBe(0);
  });

  it('keeps CRLF with core.autocrlf: the checkout stays CRLF and git sees only the new lines', async () => {
    const repo = exampleGitRepo();
    git(repo, ['config', 'core.autocrlf', 'true']);
    git(repo, ['rm', '-q', '--cached', '-r', '.']);
    git(repo, ['reset', '-q', '--hard']);
    const file = path.join(repo, COHORT);
    expect(readFileSync(file, 'utf8')).toContain('\r\n');
    expect((await mentorIn(['assign', '2026-fall', '--repo', repo, '--yes'], { env: NOW })).code).toBe(0);
    expect((await mentorIn([...replaceBobLog(9), '--repo', repo], { env: NOW })).code).toBe(0);
    for (const edited of [file, path.join(repo, BOB_LOG)]) expect(bareLineFeeds(readFileSync(edited, 'utf8')), edited).toBe(0);
    const diff = git(repo, ['diff', '--numstat', '--', COHORT]).trim();
    expect(diff).toMatch(/^\d+\t0\t/);
  });
});

describe('temporary files and locks stay out of the way', () => {
  it('in a git worktree the lock goes under the git dir, not into the working tree', async () => {
    const main = exampleGitRepo();
    const linked = `${main}-linked`;
    git(main, ['worktree', 'add', '-q', linked]);
    const gitDir = path.join(main, '.git/worktrees', path.basename(linked));
    const child = spawn(process.execPath, [MENTOR_BIN, ...replaceBobLog(9), '--repo', linked], { env: { ...process.env, ...GIT_ENV, ...NOW, MENTOR_PAUSE_BEFORE_RENAME_MS: '1500' } });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await waitFor(child, 'paused before rename');
    expect(existsSync(path.join(gitDir, 'mentor.lock'))).toBe(true);
    expect(readdirSync(linked).filter((name) => name.includes('lock'))).toEqual([]);
    expect(await exited).toBe(0);
    expect(existsSync(path.join(gitDir, 'mentor.lock'))).toBe(false);
    expect(git(linked, ['status', '--porcelain', '--untracked-files=all'])).toBe(` M ${BOB_LOG}\n`);
  });

  it('temp files are dotfiles named for mentor, and a killed writer\'s are removed by the next write', async () => {
    const repo = exampleRepo();
    const dir = path.join(repo, 'cohorts/2026-fall/logs/bob');
    const child = spawn(process.execPath, [MENTOR_BIN, ...replaceBobLog(9), '--repo', repo], { env: { ...process.env, ...GIT_ENV, ...NOW, MENTOR_PAUSE_BEFORE_RENAME_MS: '20000' } });
    await waitFor(child, 'paused before rename');
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    const temps = readdirSync(dir).filter((name) => name.startsWith('.'));
    // Named for the file, the writer's pid and where that pid means something (io/writer.ts).
    expect(temps).toEqual([expect.stringMatching(new RegExp(`^\\.2026-W47\\.yaml\\.mentor-tmp-${child.pid}-[0-9a-f]{8}-[0-9a-f]{8}$`))]);
    // The next write anywhere in that folder removes it.
    expect((await mentorIn(['log', '--cohort', '2026-fall', '--person', 'bob', '--week', '2026-W46', '--hours', 'practice=2', '--force', '--repo', repo], { env: NOW })).code).toBe(0);
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('report writes both files before renaming either: killed at any moment, the .md and .json are a pair', async () => {
    const repo = exampleRepo();
    const report = ['report', '2026-fall', '--week', '2026-W47', '--repo', repo];
    expect((await mentorIn(report, { env: NOW })).code).toBe(0);
    const md = path.join(repo, 'reports/2026-fall/2026-W47.md');
    const json = path.join(repo, 'reports/2026-fall/2026-W47.json');
    const before = [readFileSync(md, 'utf8'), readFileSync(json, 'utf8')];
    expect((await mentorIn([...replaceBobLog(9), '--repo', repo], { env: NOW })).code).toBe(0);
    // Each rename is preceded by a pause of 1 s; killed 1.5 s after the first, a writer that renamed
    // one file and paused again before the other would leave a new .md beside an old .json.
    const child = spawn(process.execPath, [MENTOR_BIN, ...report], { env: { ...process.env, ...GIT_ENV, ...NOW, MENTOR_PAUSE_BEFORE_RENAME_MS: '1000' } });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await waitFor(child, 'paused before rename');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    child.kill('SIGKILL');
    await exited;
    const left = [readFileSync(md, 'utf8'), readFileSync(json, 'utf8')];
    expect((await mentorIn(report, { env: NOW })).code).toBe(0);
    const fresh = [readFileSync(md, 'utf8'), readFileSync(json, 'utf8')];
    expect(fresh).not.toEqual(before);
    expect([before, fresh]).toContainEqual(left);
    expect(readdirSync(path.dirname(md)).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});

function waitFor(child: ReturnType<typeof spawn>, text: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let stderr = '';
    child.stderr!.on('data', (chunk) => {
      stderr += chunk;
      if (stderr.includes(text)) resolve();
    });
    child.on('exit', () => reject(new Error(`exited before "${text}": ${stderr}`)));
  });
}
