// A recording stand-in for the GitHub CLI, put on PATH as `gh` by the workflow simulator (each call
// is answered by test/helpers/gh-server.mjs). It logs every call (argv, and the body it was given)
// to GH_STUB_LOG as JSON lines, and answers `gh api` from GH_STUB_STATE, a JSON file:
// { routes: { "GET <path>": <json> }, statuses: [], nextId, faults? } (faults: gh-faults.mjs).
// Writes change that state the way GitHub would: a new issue comment is listed by the next read,
// an edited one shows its new body, a commit status is kept in `statuses`.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dueFault } from './gh-faults.mjs';

/** One `gh` call: its argv, the environment and folder it ran in, and its stdin; what gh would answer. */
export function ghApi({ args, env, cwd, stdin }) {
  const statePath = env.GH_STUB_STATE;
  const state = JSON.parse(readFileSync(statePath, 'utf8'));

  let method = 'GET';
  let input;
  let apiPath;
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
    } else if (arg.startsWith('-')) return fail(`gh-stub: unsupported flag ${arg}`, 2);
    else apiPath = arg;
  }
  const body = input === undefined ? undefined : input === '-' ? stdin : readFileSync(path.resolve(cwd, input), 'utf8');
  appendFileSync(env.GH_STUB_LOG, `${JSON.stringify({ argv: args, method, path: apiPath, fields, body, paginate })}\n`);

  if (args[0] !== 'api' || apiPath === undefined) return fail(`gh-stub: only \`gh api <path>\` is simulated, got: gh ${args.join(' ')}`, 2);
  if (!env.GH_TOKEN) return fail('gh: To use GitHub CLI in a GitHub Actions workflow, set the GH_TOKEN environment variable.', 4);
  const fault = dueFault(state, args);
  if (fault && !fault.afterWrite) {
    writeFileSync(statePath, JSON.stringify(state));
    return fault;
  }

  const routes = state.routes;
  const route = (m, p) => routes[`${m} ${p}`] ?? routes[`${m} ${p.split('?')[0]}`];
  let answer;
  if (method === 'GET') {
    answer = route('GET', apiPath);
    if (answer === undefined) return fail(`gh: Not Found (HTTP 404): GET ${apiPath}`, 1);
  } else if (method === 'POST' && /^repos\/[^/]+\/[^/]+\/statuses\/[0-9a-f]{40}$/.test(apiPath)) {
    answer = { ...fields, sha: apiPath.split('/').pop() };
    state.statuses.push(answer);
  } else if (method === 'POST' && /^repos\/[^/]+\/[^/]+\/issues\/\d+\/comments$/.test(apiPath)) {
    answer = { id: state.nextId++, body: JSON.parse(body).body, user: { login: 'github-actions[bot]', type: 'Bot' } };
    routes[`GET ${apiPath}`] = [...(routes[`GET ${apiPath}`] ?? []), answer];
  } else if (method === 'PATCH' && /^repos\/[^/]+\/[^/]+\/issues\/comments\/\d+$/.test(apiPath)) {
    const id = Number(apiPath.split('/').pop());
    for (const list of Object.values(routes)) {
      for (const comment of Array.isArray(list) ? list : []) {
        if (comment && comment.id === id) {
          comment.body = JSON.parse(body).body;
          answer = comment;
        }
      }
    }
    if (answer === undefined) return fail(`gh: Not Found (HTTP 404): PATCH ${apiPath}`, 1);
  } else return fail(`gh-stub: no simulated answer for ${method} ${apiPath}`, 1);

  writeFileSync(statePath, JSON.stringify(state));
  return fault ?? { code: 0, stdout: `${JSON.stringify(answer)}\n`, stderr: '' };
}

function fail(message, code) {
  return { code, stdout: '', stderr: `${message}\n` };
}
