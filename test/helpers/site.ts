import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mentorIn } from './in-process.js';
import { exampleRepo, makeTree, mentor, type RunResult } from './repo.js';

/** "Now" for the bundled example: a Tuesday of its last weeks, with cleo's request overdue. */
export const EXAMPLE_NOW = '2026-11-24T09:00:00-08:00';

/** Builds a repo's dashboard into a fresh folder (mentor site, in-process); returns the folder. */
export async function buildSite(repo: string, now = EXAMPLE_NOW): Promise<string> {
  const out = makeTree({});
  return built(out, await mentorIn(['site', '--repo', repo, '--out', out], { env: { MENTOR_NOW: now } }));
}

/** buildSite() by a real CLI run, in its own process. */
export function buildSiteWithCli(repo: string, now = EXAMPLE_NOW): string {
  const out = makeTree({});
  return built(out, mentor(['site', '--repo', repo, '--out', out], { env: { MENTOR_NOW: now } }));
}

function built(out: string, result: RunResult): string {
  if (result.code !== 0) throw new Error(`mentor site exited ${result.code}:\n${result.stdout}\n${result.stderr}`);
  return out;
}

/** Every file of a site folder, by path, as text. */
export function siteFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(file);
      else files.set(file, readFileSync(path.join(dir, file), 'utf8'));
    }
  };
  walk('');
  return files;
}

/** Names and texts an attacker would put in records, each in a place the dashboard shows. */
export const HOSTILE = {
  script: '<script>alert(1)</script>',
  attribute: '"><img src=x onerror=alert(2)>',
  rtl: '\u202Eevil\u202C Cleo',
  zeroWidth: 'A\u200Bda',
  link: 'javascript:alert(3)',
};

/** The example program with hostile names for people, the cohort and the program. */
export function hostileRepo(): string {
  const person = (id: string, name: string) => `id: ${id}\nname: ${JSON.stringify(name)}\ntimezone: America/Los_Angeles\nskills: [react]\nlanguages: [en]\n`;
  const repo = exampleRepo({
    'people/cleo.yaml': person('cleo', HOSTILE.script),
    'people/jon.yaml': person('jon', HOSTILE.attribute),
    'people/ada.yaml': person('ada', HOSTILE.zeroWidth),
    'people/bob.yaml': person('bob', HOSTILE.rtl),
  });
  const edit = (file: string, change: (text: string) => string) => {
    const target = path.join(repo, file);
    writeFileSync(target, change(readFileSync(target, 'utf8')));
  };
  edit('mentor.config.yaml', (text) => text.replace('program: Learn Teach Code mentorship', `program: ${JSON.stringify(`${HOSTILE.script} program`)}`));
  edit('cohorts/2026-fall/cohort.yaml', (text) => text.replace('name: Fall 2026 web cohort', `name: ${JSON.stringify(HOSTILE.attribute)}`).replace('wants: [react]', `wants: [${JSON.stringify(HOSTILE.link)}]`).replace('  - person: eve\n    role: mentee\n    mentor: ada\n', `  - person: eve\n    role: mentee\n    mentor: ada\n    history:\n      - { mentor: grace, releasedAt: 2026-10-01T10:00:00Z, reason: ${JSON.stringify(HOSTILE.script)} }\n`));
  return repo;
}
