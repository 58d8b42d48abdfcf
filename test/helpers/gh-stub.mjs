#!/usr/bin/env node
// A recording stand-in for the GitHub CLI, put on PATH as `gh` by the workflow simulator. It logs
// every call (argv, and the body it was given) to GH_STUB_LOG as JSON lines, and answers `gh api`
// from GH_STUB_STATE, a JSON file: { routes: { "GET <path>": <json> }, statuses: [], nextId }.
// Writes change that state the way GitHub would: a new issue comment is listed by the next read,
// an edited one shows its new body, a commit status is kept in `statuses`.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const statePath = process.env.GH_STUB_STATE;
const state = JSON.parse(readFileSync(statePath, 'utf8'));

let method = 'GET';
let input;
let path;
const fields = {};
let paginate = false;
for (let i = 1; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--method' || arg === '-X') method = args[++i];
  else if (arg === '--paginate') paginate = true;
  else if (arg === '--input') input = args[++i];
  else if (arg === '-f' || arg === '--raw-field' || arg === '-F' || arg === '--field') {
    const [key, ...rest] = args[++i].split('=');
    fields[key] = rest.join('=');
  } else if (arg.startsWith('-')) fail(`gh-stub: unsupported flag ${arg}`, 2);
  else path = arg;
}
const body = input === undefined ? undefined : readFileSync(input === '-' ? 0 : input, 'utf8');
appendFileSync(process.env.GH_STUB_LOG, `${JSON.stringify({ argv: args, method, path, fields, body, paginate })}\n`);

if (args[0] !== 'api' || path === undefined) fail(`gh-stub: only \`gh api <path>\` is simulated, got: gh ${args.join(' ')}`, 2);
if (!process.env.GH_TOKEN) fail('gh: To use GitHub CLI in a GitHub Actions workflow, set the GH_TOKEN environment variable.', 4);

const routes = state.routes;
const route = (m, p) => routes[`${m} ${p}`] ?? routes[`${m} ${p.split('?')[0]}`];
let answer;
if (method === 'GET') {
  answer = route('GET', path);
  if (answer === undefined) fail(`gh: Not Found (HTTP 404): GET ${path}`, 1);
} else if (method === 'POST' && /^repos\/[^/]+\/[^/]+\/statuses\/[0-9a-f]{40}$/.test(path)) {
  answer = { ...fields, sha: path.split('/').pop() };
  state.statuses.push(answer);
} else if (method === 'POST' && /^repos\/[^/]+\/[^/]+\/issues\/\d+\/comments$/.test(path)) {
  answer = { id: state.nextId++, body: JSON.parse(body).body, user: { login: 'github-actions[bot]', type: 'Bot' } };
  routes[`GET ${path}`] = [...(routes[`GET ${path}`] ?? []), answer];
} else if (method === 'PATCH' && /^repos\/[^/]+\/[^/]+\/issues\/comments\/\d+$/.test(path)) {
  const id = Number(path.split('/').pop());
  for (const list of Object.values(routes)) {
    for (const comment of Array.isArray(list) ? list : []) {
      if (comment && comment.id === id) {
        comment.body = JSON.parse(body).body;
        answer = comment;
      }
    }
  }
  if (answer === undefined) fail(`gh: Not Found (HTTP 404): PATCH ${path}`, 1);
} else fail(`gh-stub: no simulated answer for ${method} ${path}`, 1);

writeFileSync(statePath, JSON.stringify(state));
process.stdout.write(`${JSON.stringify(answer)}\n`);

function fail(message, code) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}
