#!/usr/bin/env node
// Writes a large synthetic program repo: `node bench/generate.js <dir> [--cohorts 10] [--members 1000]
// [--weeks 10] [--errors]`. Every record is valid unless --errors sprinkles about one problem per
// thousand files (typos, bad weeks, unknown people). Deterministic: the same arguments give the same repo.
import { folderArgument, freshFolder, LANGUAGES, option as optionOf, seeded, SKILLS, ZONES } from './synthetic.js';

const args = process.argv.slice(2);
const dir = folderArgument(args, 'usage: node bench/generate.js <dir> [--cohorts N] [--members N] [--weeks N] [--errors]');
const option = (name, fallback) => optionOf(args, name, fallback);
const cohorts = option('cohorts', 10);
const membersPerCohort = option('members', 1000);
const weeks = option('weeks', 10);
const withErrors = args.includes('--errors');
const { random, pick } = seeded(12345);
const write = freshFolder(dir);

write('mentor.config.yaml', 'program: Synthetic benchmark program\ntimezone: UTC\nmaintainers: [bench-admin]\nroles:\n  lead:\n    maxMentees: 12\n  mentor:\n    maxMentees: 12\n');
let files = 1;
let errors = 0;
const maybeError = () => withErrors && random() < 0.001;

for (let c = 0; c < cohorts; c++) {
  const cohort = `cohort-${String(c).padStart(2, '0')}`;
  const start = new Date(Date.UTC(2024, 0, 1 + c * 7 * 12));
  const startDate = start.toISOString().slice(0, 10);
  // Monday of the ISO week holding the start: 2024-01-01 is a Monday, and starts are 12 weeks apart.
  const leads = Math.max(1, Math.round(membersPerCohort / 100));
  const mentors = Math.max(1, Math.round(membersPerCohort * 0.08));
  const lines = [`id: ${cohort}`, `name: Synthetic cohort ${c}`, `start: ${startDate}`, 'cadence: weekly', 'members:'];
  const roles = [];
  for (let i = 0; i < membersPerCohort; i++) {
    const id = `p${c}-${String(i).padStart(5, '0')}`;
    const role = i < leads ? 'lead' : i < leads + mentors ? 'mentor' : 'mentee';
    const mentor = role === 'mentor' ? `p${c}-${String(i % leads).padStart(5, '0')}` : role === 'mentee' ? `p${c}-${String(leads + (i % mentors)).padStart(5, '0')}` : undefined;
    roles.push({ id, role });
    let personId = id;
    if (maybeError()) {
      personId = `${id}-typo`;
      errors++;
    }
    lines.push(`  - person: ${personId}`, `    role: ${role}`, ...(mentor ? [`    mentor: ${mentor}`] : []));
    const person = [
      `id: ${id}`,
      `name: Person ${c} ${i}`,
      `github: gh-${id}`,
      `timezone: ${pick(ZONES)}`,
      `skills: [${SKILLS.filter(() => random() < 0.2).join(', ')}]`,
      `languages: [${LANGUAGES.filter(() => random() < 0.4).join(', ') || 'en'}]`,
      'active: true',
    ];
    write(`people/${id}.yaml`, `${person.join('\n')}\n`);
    files++;
  }
  write(`cohorts/${cohort}/cohort.yaml`, `${lines.join('\n')}\n`);
  files++;
  for (let w = 0; w < weeks; w++) {
    const weekStart = new Date(start.getTime() + w * 7 * 86400000);
    const thursday = new Date(weekStart.getTime() + 3 * 86400000);
    const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
    const weekNumber = Math.floor((thursday.getTime() - yearStart) / 86400000 / 7) + 1;
    const week = `${thursday.getUTCFullYear()}-W${String(weekNumber).padStart(2, '0')}`;
    for (const { id, role } of roles) {
      const hours =
        role === 'mentee'
          ? ['own-one-on-one: 1', 'weekly-review: 0.5', `practice: ${pick([2, 3, 4])}`, 'code-review: 1']
          : role === 'mentor'
            ? [`one-on-ones: ${pick([8, 10, 12])}`, 'own-one-on-one: 1', 'weekly-review: 0.5', 'project: 2', 'code-review: 0.5']
            : ['one-on-ones: 8', 'weekly-review: 1', 'code-review: 4'];
      if (maybeError()) {
        hours[0] = hours[0].replace(/^[a-z-]+/, 'practise');
        errors++;
      }
      const log = [`person: ${id}`, `week: ${week}`, 'hours:', ...hours.map((h) => `  ${h}`), 'pullRequests:', `  - https://github.com/gh-${id}/project/pull/${w + 1}`, `done: Week ${w + 1} work.`, 'next: More of it.'];
      write(`cohorts/${cohort}/logs/${id}/${week}.yaml`, `${log.join('\n')}\n`);
      files++;
    }
  }
}
console.log(`Wrote ${files} files to ${dir}${withErrors ? ` with ${errors} errors` : ''}.`);
