import { createRequire } from 'node:module';

/** This build's version, from package.json: the one place it is read. */
export function packageVersion(): string {
  return (createRequire(import.meta.url)('../package.json') as { version: string }).version;
}
