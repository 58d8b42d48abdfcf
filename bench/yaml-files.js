// Every .yaml file under a folder (not .git or node_modules): what the floor benchmarks read.
import { readdirSync } from 'node:fs';
import path from 'node:path';

export function* yamlFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '.git' && entry.name !== 'node_modules') yield* yamlFiles(file);
    } else if (entry.name.endsWith('.yaml')) {
      yield file;
    }
  }
}
