import * as z from 'zod';
import { isIsoWeek } from '../domain/weeks.js';
import { ROLES, type Role } from '../domain/tiers.js';
import { CADENCES } from '../domain/commitments.js';
import { isRealDate, isValidTimeZone } from '../domain/time.js';
import { invisibleNameProblem } from '../domain/text.js';

// The zod schemas are the single source of truth for the records: TypeScript types come from
// z.infer, the JSON Schemas in schemas/ from z.toJSONSchema, and the field docs from .describe().

import { ID_PATTERN, isWindowsDeviceName, windowsDeviceIdProblem } from '../domain/layout.js';
export { ID_PATTERN };
export const GITHUB_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
export const WEEK_PATTERN = /^\d{4}-W\d{2}$/;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export { ROLES, type Role } from '../domain/tiers.js';

const idTextSchema = z
  .string()
  .regex(ID_PATTERN, { error: 'must be lower-case letters, digits and dashes, starting with a letter or digit (at most 63)' });
/** The id of a person or a cohort, which names a file or a folder. */
export const idSchema = idTextSchema.refine((id) => !isWindowsDeviceName(id), { error: (issue) => `is ${String(issue.input)}, ${windowsDeviceIdProblem(String(issue.input))}` });
const githubSchema = z.string().regex(GITHUB_PATTERN, { error: 'must be a GitHub handle (letters, digits, single dashes)' });
const timezoneSchema = z
  .string()
  .refine(isValidTimeZone, { error: 'must be an IANA time zone such as Europe/London or America/Los_Angeles' })
  .describe('IANA time zone');
const dateSchema = z
  .string()
  .regex(DATE_PATTERN, { error: 'must be a date written YYYY-MM-DD' })
  .refine(isRealDate, { error: 'is not a real calendar date' })
  .describe('date, YYYY-MM-DD');
const instantSchema = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 instant with a zone, such as 2026-09-01T10:00:00-07:00' })
  .describe('ISO 8601 instant with a zone offset');
const weekSchema = z
  .string()
  .regex(WEEK_PATTERN, { error: 'must be an ISO week written YYYY-Www, such as 2026-W48' })
  .refine(isIsoWeek, { error: 'is not a week of that year' })
  .describe('ISO week, YYYY-Www');
// Record text never carries control characters (terminal escapes, NUL): they are invisible in
// an editor and hostile in a terminal. Tabs and newlines are fine in free text.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const plainText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => !CONTROL_CHARACTERS.test(text), { error: 'contains a control character (such as a terminal escape)' });
const tagSchema = plainText(100).min(1);
/** A name people read: one that shows nothing names no one (domain/text.ts). */
const nameSchema = plainText(200)
  .min(1)
  .refine((name) => invisibleNameProblem(name) === undefined, { error: (issue) => invisibleNameProblem(String(issue.input)) });
const hoursSchema = z.number().min(0, { error: 'must be 0 or more' }).max(168, { error: 'cannot exceed the 168 hours of a week' });
const activityNameSchema = z.string().regex(ID_PATTERN, { error: 'activity names are lower-case letters, digits and dashes' });
const textSchema = plainText(10_000).nullish();

// ---------------------------------------------------------------------------------------------
// mentor.config.yaml

export const activitySchema = z.strictObject({
  hours: hoursSchema.describe('hours per week'),
  per: z.literal('mentee').optional().describe('`mentee`: the hours are per direct mentee'),
  oneOnOne: z.boolean().optional().describe('a one-on-one: halved when the cohort meets biweekly'),
});

type ActivityInput = z.input<typeof activitySchema>;

export const DEFAULT_ACTIVITIES: Record<Role, Record<string, ActivityInput>> = {
  lead: {
    'one-on-ones': { hours: 1, per: 'mentee', oneOnOne: true },
    'weekly-review': { hours: 1 },
    'code-review': { hours: 4 },
  },
  mentor: {
    'one-on-ones': { hours: 1, per: 'mentee', oneOnOne: true },
    'own-one-on-one': { hours: 1, oneOnOne: true },
    'weekly-review': { hours: 0.5 },
    project: { hours: 2 },
    'code-review': { hours: 0.5 },
  },
  mentee: {
    'own-one-on-one': { hours: 1, oneOnOne: true },
    'weekly-review': { hours: 0.5 },
    practice: { hours: 3 },
    'code-review': { hours: 1 },
  },
};

const activitiesSchema = (role: Role) =>
  z
    .record(activityNameSchema, activitySchema)
    .default(() => structuredClone(DEFAULT_ACTIVITIES[role]) as Record<string, z.output<typeof activitySchema>>)
    .describe(`activities of a ${role} and their weekly hours`);

const mentoringRoleSchema = (role: 'lead' | 'mentor') =>
  z.strictObject({
    maxMentees: z.number().int().min(0).max(1000).default(4).describe('most direct mentees'),
    activities: activitiesSchema(role),
  });

export const configSchema = z.strictObject({
  program: nameSchema.default('Mentorship program').describe('name of the program'),
  timezone: timezoneSchema.default('UTC').describe('IANA zone of the program; weeks are counted in it'),
  requestSlaHours: z.number().positive().max(24 * 365).default(48).describe('a member without a mentor this long is overdue'),
  maintainers: z.array(githubSchema).default([]).describe('GitHub handles that may change any record'),
  roles: z
    .strictObject({
      lead: mentoringRoleSchema('lead').prefault({}),
      mentor: mentoringRoleSchema('mentor').prefault({}),
      mentee: z.strictObject({ activities: activitiesSchema('mentee') }).prefault({}),
    })
    .prefault({})
    .describe('hours per week of each role; `per: mentee` means times X direct mentees'),
  matching: z
    .strictObject({
      preferred: z.number().min(0).max(1e6).default(10),
      skill: z.number().min(0).max(1e6).default(2),
      timezone: z.number().min(0).max(1e6).default(1),
      language: z.number().min(0).max(1e6).default(1),
      timezoneWindowHours: z.number().min(0).max(26).default(3),
    })
    .prefault({})
    .describe('weights of `mentor assign`'),
  promotion: z
    .strictObject({
      minShareOfWeeksLogged: z.number().min(0).max(1).default(0.75),
    })
    .prefault({})
    .describe('`mentor next` proposes moving up a tier'),
  intake: z
    .strictObject({
      cohort: idSchema.optional().describe('the cohort requests land in (default: the one running cohort)'),
      eligibility: z
        .array(
          z.strictObject({
            id: idTextSchema.describe('answered as --answer <id>=yes'),
            question: plainText(300).min(1).describe('a statement the requester must confirm; a required checkbox on the request form'),
          }),
        )
        .default([])
        .describe('questions a requester must answer yes to'),
    })
    .prefault({})
    .describe('requests for a mentor (`mentor request`, the issue form)'),
  notify: z
    .strictObject({
      escalateAfterHours: z.number().min(0).max(24 * 365).default(24).describe('then mention every matching mentor with room, not only the preferred one'),
    })
    .prefault({})
    .describe('who the attention issue mentions, and when'),
  lockLogsAfterWeeks: z.number().int().min(1).max(520).optional().describe('check-pr refuses edits of logs older than this many weeks, except by maintainers'),
  fix: z
    .strictObject({
      sortMembers: z.boolean().default(true).describe('sort cohort members by tier, then id'),
    })
    .prefault({})
    .describe('how `mentor fix` puts records in canonical form'),
});

// ---------------------------------------------------------------------------------------------
// people/<person>.yaml

export const personSchema = z.strictObject({
  id: idSchema.describe('equals the file name'),
  name: nameSchema,
  github: githubSchema.optional().describe('GitHub handle; used by CODEOWNERS and check-pr'),
  timezone: timezoneSchema.optional(),
  skills: z.array(tagSchema).default([]),
  languages: z.array(tagSchema).default([]),
  maxHoursPerWeek: hoursSchema.optional().describe('budget; assign never plans past it'),
  active: z.boolean().default(true).describe('false: opted out, never assigned new mentees'),
  pausedUntil: dateSchema.optional().describe('away until this date: not assigned or mentioned, not counted inactive, no log expected for a week away; back by itself on that day'),
});

// ---------------------------------------------------------------------------------------------
// cohorts/<cohort>/cohort.yaml

export const memberSchema = z.strictObject({
  person: idSchema,
  role: z.enum(ROLES),
  mentor: idSchema.optional().describe('the person who mentors this member in this cohort'),
  wants: z.array(tagSchema).default([]).describe('skills the member wants to learn'),
  prefers: idSchema.optional().describe('a mentor the member asked for'),
  requestedAt: instantSchema.optional(),
  assignedAt: instantSchema.optional(),
  history: z
    .array(
      z.strictObject({
        mentor: idSchema.describe('who mentored the member'),
        requestedAt: instantSchema.optional(),
        assignedAt: instantSchema.optional(),
        releasedAt: instantSchema.describe('when the match ended early'),
        reason: plainText(1000).min(1).describe('why it ended'),
      }),
    )
    .optional()
    .describe('matches of this member that ended early, oldest first (written by `mentor release`)'),
});

export const cohortSchema = z.strictObject({
  id: idSchema.describe('equals the folder name'),
  name: nameSchema,
  start: dateSchema,
  end: dateSchema.optional().describe('a rolling program has none'),
  cadence: z.enum(CADENCES).default('weekly'),
  members: z.array(memberSchema).default([]),
});

// ---------------------------------------------------------------------------------------------
// cohorts/<cohort>/logs/<person>/<week>.yaml

export const logSchema = z.strictObject({
  person: idSchema.describe('equals the folder name'),
  week: weekSchema.describe('equals the file name'),
  // Any key: a name that is not an activity of the role is the activity rule's to say, with the
  // activities there are and the one a typo (or a capital) meant.
  hours: z.record(z.string(), hoursSchema).default({}).describe('keys are activities of the person\'s role'),
  pullRequests: z.array(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })).default([]),
  done: textSchema,
  blockers: textSchema,
  next: textSchema,
});

export type Config = z.output<typeof configSchema>;
export type Activity = z.output<typeof activitySchema>;
export type RoleConfig = Config['roles'][Role];
export type Person = z.output<typeof personSchema>;
export type Member = z.output<typeof memberSchema>;
export type Cohort = z.output<typeof cohortSchema>;
export type Log = z.output<typeof logSchema>;

export const RECORD_SCHEMAS = {
  config: configSchema,
  person: personSchema,
  cohort: cohortSchema,
  member: memberSchema,
  log: logSchema,
} as const;

export type RecordKind = keyof typeof RECORD_SCHEMAS;
