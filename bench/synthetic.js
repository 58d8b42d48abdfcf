// Shared by the generators and benchmarks: command-line options, a seeded random source, the
// vocabularies of synthetic people, a writer into a fresh folder, and a benchmark's section of RESULTS.md.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ZONES = ['UTC', 'Europe/London', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Sydney'];
export const SKILLS = ['javascript', 'css', 'python', 'sql', 'react', 'node', 'go', 'rust', 'java', 'html'];
export const LANGUAGES = ['en', 'fr', 'es', 'de', 'pt'];

/** `--name N` from the arguments, or the fallback. */
export function option(args, name, fallback) {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(args[index + 1]);
}

/** A deterministic random source (xorshift), so the same arguments give the same repo. */
export function seeded(seed) {
  let state = seed;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  return { random, pick: (items) => items[Math.floor(random() * items.length)] };
}

/** The folder argument of a generator, or its usage said and the process ended: never an option taken for a folder. */
export function folderArgument(args, usage) {
  const dir = args[0];
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage);
    process.exit(0);
  }
  if (!dir || dir.startsWith('-')) {
    console.error(usage);
    process.exit(2);
  }
  return dir;
}

/** Marks a folder a generator wrote, so a later run may empty it (and no other folder). */
const MARK = '.bench-generated';

/**
 * Empties `dir` and returns a function that writes a file under it. Only a folder that is missing,
 * empty, or written by a generator before (it holds the mark) is emptied: a slip such as
 * `generate.js .` must not delete the folder it names.
 */
export function freshFolder(dir) {
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    console.error(`${dir} is a file, not a folder: nothing written. Name a new folder.`);
    process.exit(2);
  }
  const entries = existsSync(dir) ? readdirSync(dir) : [];
  if (entries.length > 0 && !entries.includes(MARK)) {
    console.error(`${dir} is not empty, and no generator wrote it: it is not emptied. Name a new folder (or delete this one yourself).`);
    process.exit(2);
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, MARK), 'Written by a generator of bench/: a new run empties this folder.\n');
  return (file, text) => {
    const target = path.join(dir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  };
}

/** `mentor site` on a generated program runs as of this now: every cohort has run its logged weeks. */
export const SITE_NOW = '2026-04-08T12:00:00Z';

/** Puts `lines` in bench/RESULTS.md as the section of benchmark `name` (between its markers, replacing it, or at the end) and prints it. */
export function writeResultsSection(name, lines) {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'RESULTS.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const section = [`<!-- ${name}:start -->`, ...lines, `<!-- ${name}:end -->`].join('\n');
  const marked = new RegExp(`<!-- ${name}:start -->[\\s\\S]*?<!-- ${name}:end -->`);
  // A function, so a "$" in the text is never read as a replacement pattern.
  writeFileSync(file, marked.test(current) ? current.replace(marked, () => section) : `${current.trimEnd()}\n\n${section}\n`);
  process.stdout.write(`${section}\n`);
}
