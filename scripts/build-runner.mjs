// Builds the runner: the whole CLI and its dependencies as ES modules in dist/runner/, that a
// program repo commits as .mentor/ and runs with plain `node` (>= 20): no node_modules, no
// network. mentor.mjs is the CLI; the two big libraries that only some commands need sit beside
// it and load when used (prompts.mjs: the interactive prompts; echarts.cjs: the dashboard's
// charts), so every other command starts without parsing 1.7 MB it does not run. Beside them:
// LICENSES.txt (the notices of every bundled package) and a README. Run by `npm run build`.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'dist/runner');
const { name, version, license, engines } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
// The oldest Node.js the runner supports, as package.json's engines says it (`>=20.19`: 20.19).
const oldestNode = /^>=\s*(\d+(?:\.\d+)*)$/.exec(engines.node.trim())[1];

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

/** The libraries loaded on demand: the name the sources import, and the file beside mentor.mjs that holds it. */
const BESIDE = [
  { name: '@inquirer/prompts', file: 'prompts.mjs', format: 'esm' },
  // The charts' library, only the parts the dashboard draws with (src/render/site/echarts-parts.ts).
  { name: 'echarts', entry: path.join(root, 'src/render/site/echarts-parts.ts'), file: 'echarts.cjs', format: 'cjs' },
];
const besideFiles = {
  name: 'beside',
  setup(builder) {
    const names = new RegExp(`^(${BESIDE.map(({ name }) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
    builder.onResolve({ filter: names }, (args) => ({ path: `./${BESIDE.find(({ name }) => name === args.path).file}`, external: true }));
  },
};

/** An ES module bundle gives the CommonJS packages in it require() for node's own modules. */
const REQUIRE_SHIM = `import { createRequire as __mentorCreateRequire } from 'node:module';\nconst require = __mentorCreateRequire(import.meta.url);`;

const common = { bundle: true, platform: 'node', target: 'node20', minify: true, legalComments: 'none', metafile: true, logLevel: 'warning' };
mkdirSync(out, { recursive: true });
const libraries = await Promise.all(
  BESIDE.map(({ name, entry, file, format }) => build({ ...common, entryPoints: [entry ?? name], outfile: path.join(out, file), format, ...(format === 'esm' ? { banner: { js: REQUIRE_SHIM } } : {}) })),
);
const result = await build({
  ...common,
  entryPoints: [path.join(root, 'src/runner.ts')],
  outfile: path.join(out, 'mentor.mjs'),
  format: 'esm',
  plugins: [plainRequire, besideFiles],
  banner: {
    // Line 1 names the version (`mentor upgrade` reads it).
    js: [
      `// mentor ${version}: the ${name} command line, bundled. Written by \`mentor init\` / \`mentor upgrade\`; do not edit.`,
      `// Run: node .mentor/mentor.mjs --help. Licenses of the bundled packages: LICENSES.txt beside this file.`,
      REQUIRE_SHIM,
    ].join('\n'),
  },
});

const leftover = readFileSync(path.join(out, 'mentor.mjs'), 'utf8').match(/createRequire\)?\(import\.meta\.url\)\(/);
if (leftover) throw new Error('the runner still resolves a module at run time (createRequire(import.meta.url)(...)); it would fail without node_modules');

writeFileSync(path.join(out, 'LICENSES.txt'), licenses([result, ...libraries].flatMap((built) => Object.keys(built.metafile.inputs))));
writeFileSync(
  path.join(out, 'README.md'),
  `# .mentor: the mentor runner

\`mentor.mjs\` is the whole \`mentor\` command line (${name} ${version}), so that this repo's
workflows and everyone who clones it can run it with plain Node.js (${oldestNode} or later), nothing
installed (\`prompts.mjs\` and \`echarts.cjs\` beside it are libraries it loads when a command
needs them):

    node .mentor/mentor.mjs validate
    node .mentor/mentor.mjs --help

It is written by \`mentor init\` and replaced by \`mentor upgrade\`; do not edit it by hand. Only
maintainers may change this folder (the gate, \`mentor check-pr\`, refuses anyone else's change).
\`LICENSES.txt\` holds the licenses of mentor (${license}) and of every package bundled in it.
`,
);

/** The license text of mentor and of every package the runner holds, for redistribution. */
function licenses(inputs) {
  const packages = new Map();
  for (const input of inputs) {
    // The innermost node_modules: a package nested in another's (echarts' own tslib) is its own package.
    const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(input);
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
