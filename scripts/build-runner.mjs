// Builds the runner: the whole CLI and its dependencies in one ES module, dist/runner/mentor.mjs,
// that a program repo commits as .mentor/mentor.mjs and runs with plain `node` (>= 20): no
// node_modules, no network. Beside it: LICENSES.txt (the notices of every bundled package) and a
// README. Run by `npm run build`.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'dist/runner');
const { name, version, license } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/**
 * The sources read package.json and commander through `createRequire(import.meta.url)` (commander
 * as CommonJS starts faster). esbuild does not follow a require made that way, so within our own
 * sources it becomes a plain `require`, which esbuild bundles.
 */
const plainRequire = {
  name: 'plain-require',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const contents = source
        .replace(/^const require = createRequire\(import\.meta\.url\);$/m, '')
        .replaceAll('createRequire(import.meta.url)(', 'require(');
      return { contents, loader: 'ts' };
    });
  },
};

mkdirSync(out, { recursive: true });
const result = await build({
  entryPoints: [path.join(root, 'src/runner.ts')],
  outfile: path.join(out, 'mentor.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  plugins: [plainRequire],
  banner: {
    // Line 1 names the version (`mentor upgrade` reads it). The bundled CommonJS packages call
    // require() for node's own modules, which an ES module must be given.
    js: [
      `// mentor ${version}: the ${name} command line, bundled. Written by \`mentor init\` / \`mentor upgrade\`; do not edit.`,
      `// Run: node .mentor/mentor.mjs --help. Licenses of the bundled packages: LICENSES.txt beside this file.`,
      `import { createRequire as __mentorCreateRequire } from 'node:module';`,
      `const require = __mentorCreateRequire(import.meta.url);`,
    ].join('\n'),
  },
});

const leftover = readFileSync(path.join(out, 'mentor.mjs'), 'utf8').match(/createRequire\)?\(import\.meta\.url\)\(/);
if (leftover) throw new Error('the runner still resolves a module at run time (createRequire(import.meta.url)(...)); it would fail without node_modules');

writeFileSync(path.join(out, 'LICENSES.txt'), licenses(result.metafile));
writeFileSync(
  path.join(out, 'README.md'),
  `# .mentor: the mentor runner

\`mentor.mjs\` is the whole \`mentor\` command line (${name} ${version}) in one file, so that this
repo's workflows and everyone who clones it can run it with plain Node.js (20 or later), nothing
installed:

    node .mentor/mentor.mjs validate
    node .mentor/mentor.mjs --help

It is written by \`mentor init\` and replaced by \`mentor upgrade\`; do not edit it by hand. Only
maintainers may change this folder (the gate, \`mentor check-pr\`, refuses anyone else's change).
\`LICENSES.txt\` holds the licenses of mentor (${license}) and of every package bundled in it.
`,
);

/** The license text of mentor and of every package the bundle holds, for redistribution. */
function licenses(metafile) {
  const packages = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) packages.set(match[1], path.join(root, input.slice(0, match.index + match[0].length)));
  }
  const sections = [`${name} ${version}\n\n${readFileSync(path.join(root, 'LICENSE'), 'utf8').trim()}`];
  for (const [pkg, dir] of [...packages].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const meta = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const file = readdirSync(dir).find((entry) => /^(licen[cs]e|copying)(\.|$)/i.test(entry));
    const text = file ? readFileSync(path.join(dir, file), 'utf8').trim() : `License: ${meta.license ?? 'see the package'}`;
    // Apache-2.0 asks that a package's NOTICE travel with it.
    const notice = readdirSync(dir).find((entry) => /^notice(\.|$)/i.test(entry));
    sections.push(`${pkg} ${meta.version}\n\n${text}${notice ? `\n\n${readFileSync(path.join(dir, notice), 'utf8').trim()}` : ''}`);
  }
  return `${sections.join(`\n\n${'-'.repeat(72)}\n\n`)}\n`;
}
