import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { EXAMPLE, makeTree, mentor, PACKAGE_ROOT } from './helpers/repo.js';

// The README quotes what the commands print on the example at the demo's fixed "now", so the
// examples can be reproduced on any day (issue 17).

const readme = readFileSync(path.join(PACKAGE_ROOT, 'README.md'), 'utf8');
const demo = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')).scripts.demo as string;
const DEMO_NOW = /MENTOR_NOW=(\S+)/.exec(demo)?.[1];

/** Console blocks of the read-only commands the example can run as they are. */
const blocks = [...readme.matchAll(/```console\n\$ mentor (hours|assign|status|tree)( [^\n]*)?\n([\s\S]*?)```/g)].map((match) => ({
  args: [match[1]!, ...(match[2] ?? '').trim().split(/\s+/).filter(Boolean)],
  lines: match[3]!.split('\n').filter((line) => line.trim() !== '' && !/^\s*(│\s*)?\.\.\.$/.test(line)),
}));

describe('the README examples', () => {
  it('npm run demo fixes now with MENTOR_NOW', () => {
    expect(DEMO_NOW).toBe('2026-11-24T09:00:00-08:00');
  });

  it('quotes the four commands the demo runs', () => {
    expect(blocks.map((block) => block.args[0]).sort()).toEqual(['assign', 'hours', 'status', 'tree']);
  });

  it.each(blocks.map((block) => [block.args.join(' '), block] as const))('`mentor %s` prints what the README shows, in order', async (_name, block) => {
    const result = await mentorIn([...block.args, '--repo', EXAMPLE], { env: { MENTOR_NOW: DEMO_NOW } });
    expect(result.code, result.stderr).toBe(0);
    const output = result.stdout.split('\n');
    let at = 0;
    for (const line of block.lines) {
      const found = output.indexOf(line, at);
      expect(found, `README line not in the output (in order):\n${line}\n---\n${result.stdout}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });
});

/** The words of a `$ mentor ...` line, "double quoted" words kept whole. */
const wordsOf = (line: string) => [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]!);

describe('the README section "Add people and a cohort"', () => {
  const section = /\n## Add people and a cohort\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';

  it('runs as written on a new program: the files it shows, then each command, printing what it shows', async () => {
    const NOW = { MENTOR_NOW: '2026-11-24T09:00:00-08:00', TZ: 'UTC' };
    const parent = makeTree({});
    expect(mentor(['init', 'program'], { cwd: parent, env: NOW }).code).toBe(0);
    const repo = path.join(parent, 'program');
    // Each YAML example that names its file on its first line is written there.
    const files = [...section.matchAll(/```yaml\n# (\S+)\n([\s\S]*?)```/g)];
    expect(files.map((match) => match[1])).toEqual(['people/sam.yaml', 'cohorts/2026-first/members/sam.yaml']);
    for (const [, file, text] of files) writeFileSync(path.join(repo, file!), text!);
    const consoles = [...section.matchAll(/```console\n([\s\S]*?)```/g)].map((match) => match[1]!);
    expect(consoles).toHaveLength(1);
    const runs = consoles[0]!.split(/^\$ mentor /m).filter(Boolean).map((run) => run.split('\n').filter((line) => line.trim() !== ''));
    expect(runs.map((run) => wordsOf(run[0]!)[0])).toEqual(['validate', 'request', 'claim', 'assign', 'tree']);
    for (const [command, ...shown] of runs) {
      const result = await mentorIn([...wordsOf(command!), '--repo', repo], { env: NOW });
      expect(result.code, `${command}\n${result.stdout}${result.stderr}`).toBe(0);
      const output = result.stdout.split('\n');
      let at = 0;
      for (const line of shown) {
        const found = output.indexOf(line, at);
        expect(found, `README line not in the output of \`mentor ${command}\` (in order):\n${line}\n---\n${result.stdout}`).toBeGreaterThanOrEqual(0);
        at = found + 1;
      }
    }
  });

  it('is what init and request --role mentor point to', async () => {
    expect(section).toContain('placeholder lead, `alex`');
    const init = mentor(['init', 'program'], { cwd: makeTree({}), env: { MENTOR_NOW: '2026-11-24T09:00:00-08:00', TZ: 'UTC' } });
    expect(init.stdout).toContain('"Add people and a cohort"');
  });
});
