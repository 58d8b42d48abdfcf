#!/usr/bin/env node
// Read every YAML file of a program repo and parse it with `yaml`: the floor for a validator built
// on that parser. `node bench/read-parse.js <dir>`
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

let files = 0;
function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '.git' && entry.name !== 'node_modules') walk(file);
    } else if (entry.name.endsWith('.yaml')) {
      parse(readFileSync(file, 'utf8'));
      files++;
    }
  }
}
walk(process.argv[2]);
console.log(`parsed ${files} files`);
