import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { helpExample } from '../src/render/usage.js';
import { MENTOR_BIN } from './helpers/repo.js';

// --help of every command in a narrow terminal, as a phone's SSH app or a split pane gives (term8).

const COMMANDS = ['init', 'validate', 'schema', 'hours', 'log', 'assign', 'members', 'report', 'status', 'tree', 'codeowners', 'upgrade', 'check-pr', 'next', 'progress', 'request', 'claim', 'release', 'forms', 'site', 'fix', 'pr-summary'];

/** `mentor <command> --help` at a terminal `columns` wide, its lines. */
function helpAt(command: string, columns: number): string[] {
  const result = spawnSync('python3', [path.join(import.meta.dirname, 'helpers/run_pty.py'), '[]', '--', process.execPath, MENTOR_BIN, command, '--help'], { encoding: 'utf8', env: { ...process.env, PTY_COLUMNS: String(columns), MENTOR_LIVE_HELP: '1' } });
  expect(result.status, result.stdout).toBe(0);
  return result.stdout.split(/\r?\n/);
}

describe('--help in a narrow terminal', () => {
  it.each(COMMANDS)('%s --help shows an example and fits 40 columns, no word cut in two', (command) => {
    const lines = helpAt(command, 40);
    expect(lines).toContain('Example:');
    // Only what cannot be broken may be wider: one long word (a path), or commander's usage line.
    const over = lines.filter((line) => line.length > 40 && line.trim().includes(' ') && !line.startsWith('Usage:'));
    expect(over, over.join('\n')).toEqual([]);
  });

  it('breaks a long example between words with a continuation, never inside quotes', () => {
    const text = helpExample('mentor log --person hal --week 2026-W47 --hours practice=4.5 --done "Joins and indexes"', 40);
    expect(text).toBe('\nExample:\n  mentor log --person hal --week \\\n    2026-W47 --hours practice=4.5 \\\n    --done "Joins and indexes"');
    expect(helpExample('mentor tree 2026-fall', 40)).toBe('\nExample:\n  mentor tree 2026-fall');
  });
});
