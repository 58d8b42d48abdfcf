import type { NextProposal } from '../core/cycles.js';

// The JSON of the commands that write (`--format json`): one object on stdout, its keys always
// present and in this order, so a workflow or a script reads them without guessing. Every one
// starts with what the run did and ends with the same four keys:
//   ok        true when the run did what was asked (or, for a check, found nothing stale)
//   problems  why it refused or failed, each a sentence with the fix; [] when ok
//   files     the files it wrote, relative to the repo; [] when it wrote none
//   branch    the branch it committed on with --commit, else null

export interface Written {
  ok: boolean;
  problems: readonly string[];
  files: readonly string[];
  branch: string | null;
}

const json = (value: object) => `${JSON.stringify(value, null, 2)}\n`;
const tail = (written: Written) => ({ ok: written.ok, problems: [...written.problems], files: [...written.files], branch: written.branch });

/** `claim`: `mentor` is the claimer (who mentors the member when ok). */
export function renderClaimJson(claim: { cohort: string | null; member: string; mentor: string | null } & Written): string {
  return json({ cohort: claim.cohort, member: claim.member, mentor: claim.mentor, ...tail(claim) });
}

/** `release`: `mentor` is the mentor the member was released from (null when refused before that was known). */
export function renderReleaseJson(release: { cohort: string | null; member: string; mentor: string | null; reason: string } & Written): string {
  return json({ cohort: release.cohort, member: release.member, mentor: release.mentor, reason: release.reason, ...tail(release) });
}

/**
 * `request`: `role` mentee (a request, waiting in `cohort`) or mentor (an offer: `cohort` null);
 * `organisers`: a refusal only the program's organisers can fix (which cohort takes requests).
 */
export function renderRequestJson(request: { role: string; person: string | null; cohort: string | null; organisers: string | null } & Written): string {
  return json({ role: request.role, person: request.person, cohort: request.cohort, organisers: request.organisers, ...tail(request) });
}

/** `log`: `created` false when an existing log was replaced; `hours` as written. */
export function renderLogJson(log: { cohort: string; person: string; week: string; created: boolean; hours: Record<string, number> } & Written): string {
  return json({ cohort: log.cohort, person: log.person, week: log.week, created: log.created, hours: log.hours, ...tail(log) });
}

/** `members`: who moved (with `dryRun`, who would; nothing is written then) and to which form. */
export function renderMembersJson(move: { cohort: string; to: string; moved: readonly string[]; dryRun: boolean } & Written): string {
  return json({ cohort: move.cohort, to: move.to, moved: [...move.moved], dryRun: move.dryRun, ...tail(move) });
}

/** `report`: `stale`, the report files that differed from the records before the run (what --check fails on). */
export function renderReportOutcomeJson(report: { cohort: string; week: string; stale: readonly string[] } & Written): string {
  return json({ cohort: report.cohort, week: report.week, stale: [...report.stale], ...tail(report) });
}

/** A committed report as `report --all` found it: the files of it that differ from the records, or why it cannot be made. */
export interface CommittedReport {
  cohort: string;
  week: string;
  stale: readonly string[];
  problem: string | null;
}

/** `report --all`: each committed report, then `stale`, every file of them that differed before the run (what --check fails on). */
export function renderReportsOutcomeJson(all: { reports: readonly CommittedReport[]; stale: readonly string[] } & Written): string {
  return json({ reports: all.reports.map(({ cohort, week, stale, problem }) => ({ cohort, week, stale: [...stale], problem })), stale: [...all.stale], ...tail(all) });
}

/**
 * `next`: each member of <from> with the tier proposed in <to> (`to` null: left out), why, and
 * their weeks logged; `members`, who the new cohort opens with when it was written.
 */
export function renderNextJson(next: { from: string; to: string; proposals: readonly NextProposal[]; members: ReadonlyArray<{ person: string; role: string }> } & Written): string {
  return json({
    from: next.from,
    to: next.to,
    proposals: next.proposals.map((p) => ({ person: p.person, kind: p.kind, fromRole: p.from, toRole: p.kind === 'leave-out' ? null : p.proposed, weeksLogged: p.weeksLogged, weeksRun: p.weeksRun, reason: p.reason })),
    members: next.members.map(({ person, role }) => ({ person, role })),
    ...tail(next),
  });
}

/** `init`, `schema`, `codeowners`, `site`, `upgrade`: keys of their own, then what they wrote. */
export function renderWroteJson(fields: Record<string, unknown>, written: Written): string {
  return json({ ...fields, ...tail(written) });
}
