#!/usr/bin/env node
// The floor of any validator: read every file of a program repo (no parsing). `node bench/read-only.js <dir>`
import { readFileSync } from 'node:fs';
import { yamlFiles } from './yaml-files.js';

let files = 0;
let bytes = 0;
for (const file of yamlFiles(process.argv[2])) {
  bytes += readFileSync(file).length;
  files++;
}
console.log(`read ${files} files, ${bytes} bytes`);
