#!/usr/bin/env node
// A program repo with one cohort of <mentors> mentors (and their leads) and <mentees> mentees
// waiting for a mentor: `node bench/generate-assign.js <dir> [--mentors 500] [--mentees 5000] [--member-files]`.
// With --member-files every member is its own file, cohorts/big/members/<person>.yaml (a cohort this
// big does not fit in one cohort.yaml under the 1 MiB record limit).
import { folderArgument, freshFolder, LANGUAGES, option, seeded, SKILLS, ZONES } from './synthetic.js';

const args = process.argv.slice(2);
const dir = folderArgument(args, 'usage: node bench/generate-assign.js <dir> [--mentors N] [--mentees N] [--member-files]');
const mentors = option(args, 'mentors', 500);
const mentees = option(args, 'mentees', 5000);
const memberFiles = args.includes('--member-files');
const { random, pick } = seeded(42);
const write = freshFolder(dir);
write('mentor.config.yaml', 'program: Assignment benchmark\ntimezone: UTC\nroles:\n  lead:\n    maxMentees: 12\n  mentor:\n    maxMentees: 12\n');
const leads = Math.ceil(mentors / 12);
const members = [];
const person = (id, extra = '') => write(`people/${id}.yaml`, `id: ${id}\nname: ${id}\ntimezone: ${pick(ZONES)}\nskills: [${SKILLS.filter(() => random() < 0.3).join(', ')}]\nlanguages: [${LANGUAGES.filter(() => random() < 0.4).join(', ') || 'en'}]\n${extra}`);
for (let i = 0; i < leads; i++) {
  const id = `lead-${String(i).padStart(3, '0')}`;
  person(id);
  members.push(`  - person: ${id}\n    role: lead`);
}
for (let i = 0; i < mentors; i++) {
  const id = `mentor-${String(i).padStart(4, '0')}`;
  person(id);
  members.push(`  - person: ${id}\n    role: mentor\n    mentor: lead-${String(i % leads).padStart(3, '0')}`);
}
for (let i = 0; i < mentees; i++) {
  const id = `mentee-${String(i).padStart(5, '0')}`;
  person(id);
  const wants = SKILLS.filter(() => random() < 0.2);
  const prefers = random() < 0.3 ? `\n    prefers: mentor-${String(Math.floor(random() * mentors)).padStart(4, '0')}` : '';
  members.push(`  - person: ${id}\n    role: mentee\n    wants: [${wants.join(', ')}]${prefers}\n    requestedAt: 2026-09-01T10:00:00Z`);
}
const head = 'id: big\nname: Big cohort\nstart: 2026-09-07\n';
if (memberFiles) {
  write('cohorts/big/cohort.yaml', head);
  // An entry of the list, out-dented by its `  - `, is the member file's text.
  for (const entry of members) write(`cohorts/big/members/${/person: (\S+)/.exec(entry)[1]}.yaml`, `${entry.replace(/\n {4}/g, '\n').slice(4)}\n`);
} else {
  write('cohorts/big/cohort.yaml', `${head}members:\n${members.join('\n')}\n`);
}
console.log(`Wrote ${leads} leads, ${mentors} mentors and ${mentees} waiting mentees to ${dir}${memberFiles ? ', one file each' : ''}.`);
