import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentorIn } from './helpers/in-process.js';
import { EXAMPLE, PACKAGE_ROOT } from './helpers/repo.js';

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
