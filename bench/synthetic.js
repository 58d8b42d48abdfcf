// Shared by the generators: command-line options, a seeded random source, the vocabularies of
// synthetic people, and a writer into a fresh folder.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

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

/** Empties `dir` and returns a function that writes a file under it. */
export function freshFolder(dir) {
  rmSync(dir, { recursive: true, force: true });
  return (file, text) => {
    const target = path.join(dir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  };
}

/** `mentor site` on a generated program runs as of this now: every cohort has run its logged weeks. */
export const SITE_NOW = '2026-04-08T12:00:00Z';
