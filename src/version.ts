import { createRequire } from 'node:module';

const manifest = () => createRequire(import.meta.url)('../package.json') as { version: string; engines: { node: string } };

/** This build's version, from package.json: the one place it is read. */
export function packageVersion(): string {
  return manifest().version;
}

/** The oldest Node.js this build supports, from package.json's engines (`>=20.19` gives `20.19.0`). */
export function oldestNode(): string {
  const [major = '0', minor = '0', patch = '0'] = manifest().engines.node.replace(/^>=\s*/, '').split('.');
  return `${major}.${minor}.${patch}`;
}
