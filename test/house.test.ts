import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GitCommitSource } from '../src/io/git-source.js';
import { WorktreeSource } from '../src/io/worktree-source.js';
import { loadProgram } from '../src/model/load.js';
import type { Program } from '../src/model/program.js';
import { validateProgram } from '../src/model/validate.js';
import { exampleRepo, git, gitRepo, makeTree, PACKAGE_ROOT } from './helpers/repo.js';

// The structure of the code: layers that point one way, no circles, small files; and the one
// loader giving the same program whichever source it reads.

const SRC = path.join(PACKAGE_ROOT, 'src');

/** The layer of each file of src/ (errors.ts and version.ts are the base that io and above share). */
const LAYERS: Array<[prefix: string, layer: string]> = [
  ['domain/', 'domain'],
  ['errors.ts', 'base'],
  ['version.ts', 'base'],
  ['model/', 'model'],
  ['core/', 'core'],
  ['io/', 'io'],
  ['render/', 'render'],
  ['commands/', 'commands'],
  ['cli.ts', 'cli'],
  ['cli/', 'cli'],
  ['main.ts', 'main'],
  ['runner.ts', 'runner'],
];
const layerOf = (file: string) => LAYERS.find(([prefix]) => file.startsWith(prefix))?.[1] ?? 'none';

/**
 * What each layer may import besides itself (PROTOCOL.md, "The house"). Not a ladder: core and io
 * stand side by side on model, so io never imports core or render, and core never imports io.
 */
const BELOW = ['domain', 'base', 'model', 'core', 'io', 'render'];
const MAY_IMPORT: Record<string, readonly string[]> = {
  domain: [],
  base: [],
  model: ['domain'],
  core: ['model', 'domain'],
  io: ['model', 'domain', 'base'],
  render: ['core', 'model', 'domain'],
  commands: BELOW,
  cli: [...BELOW, 'commands'],
  main: [...BELOW, 'commands', 'cli'],
  runner: [...BELOW, 'commands', 'cli', 'main'],
};

function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sourceFiles(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.relative(SRC, path.join(dir, entry.name))] : []));
}

/** The files of src/ each file imports (static and lazy imports alike; a type-only import is no dependency at run time, but still an arrow). */
function importsOf(file: string, options: { types?: boolean } = {}): string[] {
  let text = readFileSync(path.join(SRC, file), 'utf8');
  if (options.types === false) text = text.replace(/^import type [^;]+;$/gm, '');
  const targets = [...text.matchAll(/(?:from\s+|import\(\s*)'(\.{1,2}\/[^']+)'/g)].map((match) => match[1]!);
  return targets.map((target) => path.normalize(path.join(path.dirname(file), target)).replace(/\.js$/, '.ts')).filter((target) => !target.startsWith('..'));
}

describe('the house', () => {
  const files = sourceFiles();
  const graph = new Map(files.map((file) => [file, importsOf(file)]));

  it('has layers that point one way: each file imports only its own layer and those its layer may (io only domain and model)', () => {
    const wrong: string[] = [];
    for (const [file, targets] of graph) {
      const layer = layerOf(file);
      for (const target of targets) if (layerOf(target) !== layer && !MAY_IMPORT[layer]?.includes(layerOf(target))) wrong.push(`${file} -> ${target}`);
    }
    expect(wrong).toEqual([]);
    expect(files.filter((file) => layerOf(file) === 'none')).toEqual([]);
  });

  it('has no source file over 300 lines', () => {
    const long = files.map((file) => [file, readFileSync(path.join(SRC, file), 'utf8').split('\n').length] as const).filter(([, lines]) => lines > 300);
    expect(long).toEqual([]);
  });

  it('lets only io/ touch the file system, git, processes or prompts', () => {
    const touching = files.filter((file) => !file.startsWith('io/') && /from '(node:fs|node:fs\/promises|node:child_process|simple-git|@inquirer\/prompts)'/.test(readFileSync(path.join(SRC, file), 'utf8')));
    expect(touching).toEqual([]);
  });

  // Each fact of the domain is written in one named place; a second copy of one of these shapes
  // anywhere else in src/ fails here (comments are not code and are left out).
  it.each([
    ['the tier order', /(['"])(lead|mentor|mentee)\1, *(['"])(lead|mentor|mentee)\3, *(['"])(lead|mentor|mentee)\5|\b(lead|mentor|mentee): *\d.*\b(lead|mentor|mentee): *\d/, 'domain/tiers.ts'],
    ['the forbidden keys', /'__proto__'/, 'model/forbidden-keys.ts'],
    ['the pair score (DESIGN.md weights)', /\b(weights|matching)\.(preferred|skill|timezone|language)\b/, 'core/assign-score.ts'],
    ["a log's total hours", /Object\.values\([^)]*hours\)/, 'domain/commitments.ts'],
    ['the record path layout', /\b(people|cohorts)\/(\$\{[^}]*\}|<[a-z]+>)(\/|\.yaml)|\/\^\(?(people|cohorts)\\\//, 'domain/layout.ts'],
    ['the package version', /package\.json'/, 'version.ts'],
    ['the committed runner and the command that runs it', /[\s'"`]\.mentor(\/|['"`])/, 'domain/layout.ts'],
  ])('writes %s in one place', (fact, pattern, home) => {
    const code = (file: string) => readFileSync(path.join(SRC, file), 'utf8').split('\n').filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line));
    const where = files.filter((file) => code(file).some((line) => pattern.test(line)));
    expect(where).toEqual([home]);
  });

  it('has no import circle', () => {
    const state = new Map<string, 'open' | 'done'>();
    const circles: string[] = [];
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        circles.push([...trail.slice(trail.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const target of graph.get(file) ?? []) visit(target, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(circles).toEqual([]);
  });

});

/** A program as plain data: what each source gave, without the source itself. */
function snapshot(program: Program) {
  return {
    config: program.config,
    people: [...program.people.values()].map((entry) => ({ id: entry.id, file: entry.file, person: entry.person, problems: entry.problems })),
    cohorts: [...program.cohorts.values()].map((entry) => ({ id: entry.id, file: entry.file, cohort: entry.cohort, places: entry.places.map((p) => [p.file, p.path]), partial: entry.partial })),
    layout: { ...program.layout, members: [...program.layout.members], logs: [...program.layout.logs] },
    problems: program.problems,
  };
}

describe('one loader, two sources', () => {
  const sameFromBoth = (repo: string) => {
    const worktree = new WorktreeSource(repo);
    const commit = new GitCommitSource(repo, git(repo, ['rev-parse', 'HEAD']).trim());
    expect(snapshot(loadProgram(commit))).toEqual(snapshot(loadProgram(worktree)));
    const fromCommit = validateProgram(commit);
    const fromTree = validateProgram(worktree);
    expect(fromCommit.problems).toEqual(fromTree.problems);
    expect(fromCommit.files).toBe(fromTree.files);
    return fromTree;
  };

  it('gives the same program and problems from a commit as from the working tree, on the example', () => {
    const repo = gitRepo(exampleRepo({ 'cohorts/2026-fall/members/zoe.yaml': 'person: zoe\nrole: mentee\nwants: [css]\n', 'people/zoe.yaml': 'id: zoe\nname: Zoe\n' }));
    expect(sameFromBoth(repo).files).toBe(46);
  });

  it('gives the same program and problems from a commit as from the working tree, on a generated repo with errors', () => {
    const repo = path.join(makeTree({}), 'generated');
    execFileSync(process.execPath, [path.join(PACKAGE_ROOT, 'bench/generate.js'), repo, '--cohorts', '2', '--members', '120', '--weeks', '3', '--errors'], { stdio: 'pipe' });
    gitRepo(repo);
    expect(sameFromBoth(repo).problems.length).toBeGreaterThan(0);
  });
});
