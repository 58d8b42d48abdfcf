#!/usr/bin/env node
// The floor of any validator: read every file of a program repo (no parsing). `node bench/read-only.js <dir>`
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

let files = 0;
let bytes = 0;
function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '.git' && entry.name !== 'node_modules') walk(file);
    } else if (entry.name.endsWith('.yaml')) {
      bytes += readFileSync(file).length;
      files++;
    }
  }
}
walk(process.argv[2]);
console.log(`read ${files} files, ${bytes} bytes`);
