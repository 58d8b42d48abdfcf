#!/usr/bin/env node
// Read every YAML file of a program repo and parse it with `yaml`: the floor for a validator built
// on that parser. `node bench/read-parse.js <dir>`
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { yamlFiles } from './yaml-files.js';

let files = 0;
for (const file of yamlFiles(process.argv[2])) {
  parse(readFileSync(file, 'utf8'));
  files++;
}
console.log(`parsed ${files} files`);
