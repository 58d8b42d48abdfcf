// Faults for the `gh` stand-ins (gh-stub.mjs, gh-issues-stub.mjs), as GitHub gives them: a rate
// limit, a 5xx, a 404, a 422 or a timeout. The stub's state may hold
// `faults: [{ match, skip, times, code, stderr, afterWrite }]`: a call whose argv, joined by spaces,
// matches the regular expression `match` fails once `skip` matching calls (0 unless said) went
// through, `times` times (1 unless said), with exit `code` (1) and `stderr` (a 502 unless said).
// `afterWrite`: the call does its work first and then fails, as a write whose answer was lost.

export const BAD_GATEWAY = 'gh: HTTP 502: Server Error (https://api.github.com/graphql)\n';

/** The fault for this call, if one is due: taken from (or counted down in) `state.faults`. */
export function dueFault(state, args) {
  const line = args.join(' ');
  for (const fault of state.faults ?? []) {
    if (!new RegExp(fault.match).test(line)) continue;
    if ((fault.skip ?? 0) > 0) {
      fault.skip -= 1;
      continue;
    }
    if ((fault.times ?? 1) <= 0) continue;
    fault.times = (fault.times ?? 1) - 1;
    return { code: fault.code ?? 1, stdout: '', stderr: fault.stderr ?? BAD_GATEWAY, afterWrite: fault.afterWrite === true };
  }
  return undefined;
}
