import { terminalWidth } from '../io/output.js';
import { helpExample } from '../render/usage.js';
import type { Command } from './options.js';

// One real use of each command, under its --help: the first thing a new user copies.

const EXAMPLES: Record<string, string> = {
  init: 'mentor init my-program',
  validate: 'mentor validate --changed origin/main',
  schema: 'mentor schema --check',
  hours: 'mentor hours 2026-fall --week 2026-W47',
  log: 'mentor log --person hal --week 2026-W47 --hours practice=4.5 code-review=1 --done "Joins and indexes"',
  assign: 'mentor assign 2026-fall --dry-run --explain',
  members: 'mentor members 2026-fall --to files --commit',
  report: 'mentor report 2026-fall --week 2026-W47 --commit',
  status: 'mentor status 2026-fall',
  tree: 'mentor tree 2026-fall',
  codeowners: 'mentor codeowners --check',
  upgrade: 'mentor upgrade --commit',
  'check-pr': 'mentor check-pr --base origin/main --head HEAD --author hal-k',
  next: 'mentor next 2026-fall 2027-spring --start 2027-01-11 --end 2027-04-04 --commit',
  progress: 'mentor progress hal',
  request: 'mentor request --person maya --name "Maya Rao" --github maya-r --timezone America/Los_Angeles --wants react,node',
  claim: 'mentor claim cleo --as ada --commit',
  release: 'mentor release bob --reason "moved to another team" --commit',
  forms: 'mentor forms --check',
  site: 'mentor site --out _site',
  fix: 'mentor fix --check',
  'pr-summary': 'mentor pr-summary --base origin/main --author hal-k',
};

/** Adds each command's example, broken to the terminal's width when --help is shown. */
export function addExamples(commands: readonly Command[]): void {
  for (const command of commands) {
    const line = EXAMPLES[command.name()];
    if (line !== undefined) command.addHelpText('after', () => helpExample(line, terminalWidth() ?? 80));
  }
}
