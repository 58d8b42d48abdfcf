import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorInJson } from './helpers/in-process.js';
import fc from 'fast-check';
import { parseDocument, stringify } from 'yaml';
import { YamlSource } from '../src/model/source.js';
import { excessiveNesting, MAX_DEPTH } from '../src/model/yaml-depth.js';
import { EXAMPLE, exampleRepo, mentorJson, makeTree, minimal } from './helpers/repo.js';

// Hostile nesting is refused before any parser sees it: in the fast path and the yaml library's
// path alike, in time linear in the text and with a position.

const deepFlow = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const deepMapping = (depth: number) => Array.from({ length: depth }, (_, level) => `${'  '.repeat(level)}a:`).join('\n') + ' 1\n';

/** How deep the yaml library finds a text (flow and block levels alike). */
function parsedDepth(text: string): number {
  const depthOf = (value: unknown): number => (value !== null && typeof value === 'object' ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0);
  return depthOf(parseDocument(text, { version: '1.2' }).toJS());
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? yamlFiles(file) : /\.ya?ml$/.test(name) ? [file] : [];
  });
}

describe('the nesting limit', () => {
  it.each([
    ['a flow list as deep as allowed', `name: ${deepFlow(MAX_DEPTH - 1)}\n`, -1],
    ['a flow list one level too deep', `name: ${deepFlow(MAX_DEPTH)}\n`, 'name: '.length + MAX_DEPTH - 1],
    ['flow mappings too deep', `x: ${'{a: '.repeat(70)}1${'}'.repeat(70)}\n`, 'x: '.length + 4 * (MAX_DEPTH - 1)],
    ['block mappings too deep', deepMapping(70), deepMapping(70).indexOf(`\n${'  '.repeat(MAX_DEPTH)}a:`) + 1 + 2 * MAX_DEPTH],
    ['a list of lists on one line', `${'- '.repeat(70)}x\n`, 2 * (MAX_DEPTH - 1)],
    ['brackets in quotes, comments and block scalars', `a: "${'['.repeat(200)}"\nb: '${'{'.repeat(200)}'\n# ${'['.repeat(200)}\nc: |\n  ${'['.repeat(200)}\nd: "x\n  ${'['.repeat(200)}"\ne: [a, "${'['.repeat(200)}"]\n`, -1],
    ['brackets inside plain text', `done: fixed a[0] and b[1] ${'['.repeat(100)}\n`, -1],
  ])('%s', (_, text, expected) => {
    expect(excessiveNesting(text)).toBe(expected);
  });

  it('never counts a record of the example, or a file of the bad-input corpus, deeper than the yaml library does', () => {
    const files = [...yamlFiles(EXAMPLE), ...yamlFiles(path.join(import.meta.dirname, 'corpus'))];
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      let depth: number;
      try {
        depth = parsedDepth(text);
      } catch {
        continue; // too deep for the library itself
      }
      if (depth <= MAX_DEPTH - 2) expect(excessiveNesting(text), file).toBe(-1);
    }
  });

  it('never refuses what the yaml library writes at depths within the limit, in block or flow style', () => {
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'large', maxDepth: 40 }, fc.string(), fc.integer(), tie('list'), tie('map')),
      list: fc.array(tie('node'), { maxLength: 3 }),
      map: fc.dictionary(fc.string({ minLength: 1 }), tie('node'), { maxKeys: 3 }),
    })).node;
    fc.assert(
      fc.property(value, fc.constantFrom('block', 'flow') as fc.Arbitrary<'block' | 'flow'>, (node, style) => {
        const text = stringify(node, { collectionStyle: style });
        if (parsedDepth(text) > MAX_DEPTH - 2) return;
        expect(excessiveNesting(text), text).toBe(-1);
      }),
      { numRuns: 300, seed: 18 },
    );
  });

  // How fast is measured in bench/hostile-nesting.js (bench/RESULTS.md "Hostile nesting"), not here.
  it('refuses a 1 MB [[[...]]] with little memory, at its line and column', () => {
    const text = `id: ann\nname: ${deepFlow(512 * 1024)}\n`;
    const heapBefore = process.memoryUsage().heapUsed;
    const source = new YamlSource('people/ann.yaml', text);
    expect(source.problems).toEqual([expect.objectContaining({ rule: 'yaml-too-deep', line: 2, column: 'name: '.length + MAX_DEPTH })]);
    expect(source.value).toBeUndefined();
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(32 * 1024 * 1024);
  });

  it('refuses deep block nesting that the fast path would read, at its line', () => {
    const source = new YamlSource('people/ann.yaml', `id: ann\n${deepMapping(100)}`);
    expect(source.problems).toEqual([expect.objectContaining({ rule: 'yaml-too-deep', line: MAX_DEPTH + 2, column: 2 * MAX_DEPTH + 1 })]);
  });

  it('validate reports ten hostile logs, each with file, line and column, and the rest of the repo', () => {
    const hostile: Record<string, string> = {};
    for (let week = 40; week < 50; week++) hostile[`cohorts/2026-fall/logs/bob/2026-W${week}.yaml`] = `person: bob\nweek: 2026-W${week}\nhours: ${deepFlow(500_000)}\n`;
    const repo = exampleRepo({ ...hostile, 'people/zed.yaml': minimal.person('zed', 'bogus: 1\n') });
    const { code, json } = mentorJson(['validate', '--repo', repo, '--format', 'json'], { env: { MENTOR_NO_CACHE: '1' } });
    expect(code).toBe(1);
    const deep = json.problems.filter((p: { rule: string }) => p.rule === 'yaml-too-deep');
    expect(deep).toHaveLength(10);
    for (const problem of deep) expect(problem).toMatchObject({ line: 3, column: 'hours: '.length + MAX_DEPTH });
    expect(json.problems.some((p: { file: string; rule: string }) => p.file === 'people/zed.yaml' && p.rule === 'unknown-field')).toBe(true);
  });

  it('the fast path declines deep block nesting instead of recursing into it', async () => {
    const tree = makeTree({ 'mentor.config.yaml': `${minimal.config}${deepMapping(80)}` });
    const { json } = await mentorInJson(['validate', '--repo', tree, '--format', 'json']);
    expect(json.problems).toContainEqual(expect.objectContaining({ file: 'mentor.config.yaml', rule: 'yaml-too-deep', line: MAX_DEPTH + 3 }));
  });
});
