import { cpSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteFolder } from '../src/io/site-folder.js';
import { mentorIn } from './helpers/in-process.js';
import { exampleRepo, makeTree } from './helpers/repo.js';

// `mentor site --out` a folder above the repo (`..`, the file system's top) scattered index.html
// and a cohorts/ folder among whatever was there: `--out /` wrote /index.html and /cohorts/.

describe('mentor site --out a folder above the repo', () => {
  it('is refused, exit 2, nothing written, for the repo\'s own folder and any above it', async () => {
    const parent = makeTree({ 'notes.txt': 'mine\n' });
    const repo = path.join(parent, 'program');
    cpSync(exampleRepo(), repo, { recursive: true });
    for (const out of ['..', parent]) {
      const result = await mentorIn(['site', '--repo', repo, '--out', out]);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain('Not writing the dashboard to a folder that holds the program repo');
    }
    expect(readdirSync(parent).sort()).toEqual(['notes.txt', 'program']);
    expect(existsSync(path.join(parent, 'index.html'))).toBe(false);
  });

  it('is refused for the top folder of the file system, before anything is written', () => {
    expect(() => siteFolder(path.join(makeTree({}), 'program'), path.parse(process.cwd()).root)).toThrow('Not writing the dashboard to the top folder of the file system');
  });

  it('is written to a new folder beside the repo', async () => {
    const parent = makeTree({});
    const repo = path.join(parent, 'program');
    cpSync(exampleRepo(), repo, { recursive: true });
    const result = await mentorIn(['site', '--repo', repo, '--out', '../pages']);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(path.join(parent, 'pages/index.html'))).toBe(true);
  });
});
