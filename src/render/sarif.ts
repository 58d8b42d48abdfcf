import { RULES } from '../model/rule-catalog.js';
import type { ValidationResult } from './problems.js';

/** SARIF 2.1.0, for GitHub code scanning and other tools: one rule per rule id, one result per problem. */
export function renderProblemsSarif(result: ValidationResult, version: string): string {
  const index = new Map(RULES.map((rule, position) => [rule.id, position]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mentor',
            version,
            rules: RULES.map((rule) => ({
              id: rule.id,
              name: rule.title.replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string | undefined) => (next ? next.toUpperCase() : '')),
              shortDescription: { text: rule.title },
              fullDescription: { text: rule.help },
              help: { text: rule.help },
            })),
          },
        },
        results: result.problems.map((problem) => ({
          ruleId: problem.rule,
          ...(index.has(problem.rule) ? { ruleIndex: index.get(problem.rule) } : {}),
          level: problem.severity === 'error' ? 'error' : 'warning',
          message: { text: problem.fix ? `${problem.message} ${problem.fix}` : problem.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(problem.file) }, region: { startLine: problem.line, startColumn: problem.column } } }],
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

/** A repo path as the relative URI SARIF wants: each name percent-encoded (a space, a %, a quote, any non-ASCII). */
function fileUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}
