import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { generateJsonSchemas } from '../src/model/json-schema.js';
import { EXAMPLE, makeTree, mentor, PACKAGE_ROOT, smallProgram } from './helpers/repo.js';

describe('JSON Schemas come from the zod schemas', () => {
  it.each([
    ['schemas/', path.join(PACKAGE_ROOT, 'schemas')],
    ['examples/web-cohort/schemas/', path.join(EXAMPLE, 'schemas')],
  ])('%s is up to date (run `npm run schemas` when this fails)', (_name, dir) => {
    const generated = generateJsonSchemas();
    expect(readdirSync(dir).sort()).toEqual([...generated.keys()].sort());
    for (const [file, content] of generated) expect(readFileSync(path.join(dir, file), 'utf8'), file).toBe(content);
  });

  it('describe the input shape: defaults are optional, unknown keys are flagged', () => {
    const person = JSON.parse(generateJsonSchemas().get('person.schema.json')!);
    expect(person.required).toEqual(['id', 'name']);
    expect(person.additionalProperties).toBe(false);
    expect(person.properties.active.default).toBe(true);
    const config = JSON.parse(generateJsonSchemas().get('config.schema.json')!);
    expect(config.required ?? []).toEqual([]);
  });

  it('mentor schema writes them, and --check fails when they are stale', async () => {
    const repo = smallProgram();
    expect(mentor(['schema', '--repo', repo, '--check']).code).toBe(1);
    const written = await mentorIn(['schema', '--repo', repo]);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain('schemas/log.schema.json');
    expect(readFileSync(path.join(repo, 'schemas/log.schema.json'), 'utf8')).toBe(generateJsonSchemas().get('log.schema.json'));
    const check = await mentorIn(['schema', '--repo', repo, '--check']);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('up to date');
  });

  it('mentor schema --out writes outside a program repo too', async () => {
    const dir = makeTree({});
    expect((await mentorIn(['schema', '--out', 'out'], { cwd: dir })).code).toBe(0);

    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['cohort.schema.json', 'config.schema.json', 'log.schema.json', 'member.schema.json', 'person.schema.json']);
  });
});
