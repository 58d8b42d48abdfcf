import * as z from 'zod';
import { cohortFile, CONFIG_FILE, logFile, memberFile, personFile, SCHEMAS_DIR } from '../domain/layout.js';
import { RECORD_SCHEMAS, type RecordKind } from './schemas.js';

const TITLES: Record<RecordKind, string> = {
  config: `${CONFIG_FILE}: program settings and the commitment model`,
  person: `${personFile('<person>')}: one person, kept across cohorts`,
  cohort: `${cohortFile('<cohort>')}: one cycle, its dates and its members (the tree)`,
  member: `${memberFile('<cohort>', '<person>')}: one member of a cohort as its own file (the same fields as an entry of members:)`,
  log: `${logFile('<cohort>', '<person>', '<week>')}: one person's log of one ISO week`,
};

export const SCHEMA_FILES: Record<RecordKind, string> = {
  config: 'config.schema.json',
  person: 'person.schema.json',
  cohort: 'cohort.schema.json',
  member: 'member.schema.json',
  log: 'log.schema.json',
};

/** The JSON Schemas of the records (their input shape), generated from the zod schemas. */
export function generateJsonSchemas(): Map<string, string> {
  const files = new Map<string, string>();
  for (const kind of Object.keys(RECORD_SCHEMAS) as RecordKind[]) {
    const generated = z.toJSONSchema(RECORD_SCHEMAS[kind], { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
    const { $schema, ...rest } = generated;
    const schema = { $schema, title: TITLES[kind], ...rest };
    files.set(SCHEMA_FILES[kind], `${JSON.stringify(schema, null, 2)}\n`);
  }
  return files;
}

/** The path from a record file to its schema, for the `# yaml-language-server: $schema=` line. */
export function schemaLineFor(kind: RecordKind, recordFile: string, schemasDir = SCHEMAS_DIR): string {
  const depth = recordFile.split('/').length - 1;
  return `# yaml-language-server: $schema=${'../'.repeat(depth)}${schemasDir}/${SCHEMA_FILES[kind]}`;
}
