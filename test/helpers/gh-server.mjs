// Answers the `gh` stand-ins (gh-stub.mjs, gh-issues-stub.mjs) for one test process. The `gh` on a
// simulated runner's PATH is a bash script (workflow-sim.ts, ghCommand) that sends this server its
// argv, folder, stdin and environment over a local socket and prints the answer: a call costs a
// bash start instead of a node start. Usage: node gh-server.mjs <port file>; it writes the port it
// listens on there, and exits when its stdin closes (the test process has gone).
import { renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { ghIssues } from './gh-issues-stub.mjs';
import { ghApi } from './gh-stub.mjs';

const STUBS = { api: ghApi, issues: ghIssues };

/** A request: a count line, then each field as a byte-length line and its bytes; undefined until all came. */
function fieldsOf(buffer) {
  let at = 0;
  const line = () => {
    const end = buffer.indexOf(10, at);
    if (end < 0) return undefined;
    const text = buffer.subarray(at, end).toString('latin1');
    at = end + 1;
    return Number(text);
  };
  const count = line();
  if (count === undefined) return undefined;
  const fields = [];
  for (let i = 0; i < count; i++) {
    const length = line();
    if (length === undefined || at + length > buffer.length) return undefined;
    fields.push(buffer.subarray(at, at + length).toString('utf8'));
    at += length;
  }
  return fields;
}

/** The fields: the stub, the folder, stdin, the number of environment entries, the entries (NAME=value), the argv. */
function answer([stub, cwd, stdin, count, ...rest]) {
  const entries = rest.slice(0, Number(count));
  const env = Object.fromEntries(entries.map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]));
  try {
    return STUBS[stub]({ args: rest.slice(entries.length), env, cwd, stdin });
  } catch (error) {
    return { code: 1, stdout: '', stderr: `${error.stack}\n` };
  }
}

const server = createServer((socket) => {
  let buffer = Buffer.alloc(0);
  socket.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    const fields = fieldsOf(buffer);
    if (!fields) return;
    const { code, stdout, stderr } = answer(fields);
    const out = Buffer.from(stdout);
    socket.end(Buffer.concat([Buffer.from(`${code} ${out.length}\n`), out, Buffer.from(stderr)]));
  });
  socket.on('error', () => undefined);
});
server.listen(0, '127.0.0.1', () => {
  const file = process.argv[2];
  writeFileSync(`${file}.tmp`, String(server.address().port));
  renameSync(`${file}.tmp`, file);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
