import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateProgram } from '../src/model/validate.js';
import { WorktreeSource } from '../src/io/worktree-source.js';
import { exampleRepo } from './helpers/repo.js';

// Property: whatever a record becomes, validate never throws, and every problem says how to fix
// it and points inside the file it names. `npm test` runs a fixed seed; the benchmark job (`npm run fuzz`) runs many
// thousands of cases with FUZZ_RUNS and a fresh FUZZ_SEED. On failure fast-check prints the seed
// and the path to replay it (FUZZ_SEED=<seed>).

const runs = Number(process.env.FUZZ_RUNS ?? 300);
const seed = Number(process.env.FUZZ_SEED ?? 20261123);

const TARGETS = ['people/ada.yaml', 'cohorts/2026-fall/cohort.yaml', 'cohorts/2026-fall/logs/bob/2026-W47.yaml', 'mentor.config.yaml'];

const piece = fc.constantFrom(
  '\n', ' ', '  ', '\t', ':', ': ', '- ', '#', '"', "'", '[', ']', '{', '}', '&a ', '*a', '!!str ', '|', '>', '%', '@', '`', ',', '?', '---', '...',
  '__proto__: 1', 'constructor:', '<<<<<<< HEAD', '\u0000', '\u001b[2J', '\u202e', '\u200b', '😀', 'é', '1e400', '-0', '0x1F', '.nan', '~', 'null', 'yes',
  '9'.repeat(40), '[[[[[[[[[[', '{a: {b: {c: {d: 1}}}}', '&x [*x, *x]', 'person: ../../etc/passwd', 'week: 2026-W53', 'start: 2026-02-30', 'role: boss',
);

type Mutation = (text: string) => string;
const at = (text: string, where: number) => Math.floor(where * (text.length + 1));
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.oneof(piece, fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 }))).map(([where, insert]) => (t: string) => t.slice(0, at(t, where)) + insert + t.slice(at(t, where))),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 30 })).map(([where, count]) => (t: string) => t.slice(0, at(t, where)) + t.slice(at(t, where) + count)),
  fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: -4, max: 4 })).map(([line, shift]) => (t: string) => {
    const lines = t.split('\n');
    const index = line % Math.max(1, lines.length);
    lines[index] = shift >= 0 ? ' '.repeat(shift) + lines[index] : lines[index]!.slice(-shift);
    return lines.join('\n');
  }),
  fc.tuple(fc.integer({ min: 0, max: 60 }), piece).map(([line, value]) => (t: string) => {
    const lines = t.split('\n');
    const index = line % Math.max(1, lines.length);
    lines[index] = lines[index]!.replace(/:.*$/, `: ${value}`);
    return lines.join('\n');
  }),
  fc.integer({ min: 1, max: 3000 }).map((depth) => (t: string) => `${t}\nextra: ${'['.repeat(depth)}${']'.repeat(depth)}\n`),
);

describe('fuzzing validate', () => {
  it(`never throws and always points inside the named file (${runs} cases, seed ${seed})`, () => {
    const repo = exampleRepo();
    const originals = new Map(TARGETS.map((file) => [file, readFileSync(path.join(repo, file), 'utf8')]));
    fc.assert(
      fc.property(fc.constantFrom(...TARGETS), fc.array(mutation, { minLength: 1, maxLength: 4 }), (target, mutations) => {
        const text = mutations.reduce((current, mutate) => mutate(current), originals.get(target)!);
        writeFileSync(path.join(repo, target), text);
        try {
          const { problems } = validateProgram(new WorktreeSource(repo));
          for (const problem of problems) {
            expect(['error', 'warning']).toContain(problem.severity);
            expect(problem.message.length).toBeGreaterThan(0);
            expect(problem.fix?.length ?? 0, `no fix for ${JSON.stringify(problem)}`).toBeGreaterThan(0);
            if (problem.file !== target) continue;
            const lines = text.split(/\r?\n/);
            expect(problem.line, JSON.stringify(problem)).toBeGreaterThanOrEqual(1);
            expect(problem.line, JSON.stringify(problem)).toBeLessThanOrEqual(lines.length + 1);
            expect(problem.column, JSON.stringify(problem)).toBeGreaterThanOrEqual(1);
            expect(problem.column, `${JSON.stringify(problem)} in ${JSON.stringify(text)}`).toBeLessThanOrEqual((lines[problem.line - 1] ?? "").length + 2);
          }
        } finally {
          writeFileSync(path.join(repo, target), originals.get(target)!);
        }
      }),
      { numRuns: runs, seed },
    );
  }, 30_000 + runs * 200);
});
