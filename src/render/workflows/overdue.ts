import { CURRENT_BRANCH, header, RUNNER, runnerJob, WORKFLOW_DEFAULTS } from './common.js';

/** mentor-overdue.yml: every day, a red run while a request for a mentor is overdue. */
export function overdueWorkflow(): string {
  return `${header([
    '# Every day: fails while a request for a mentor has waited past requestSlaHours, so the',
    '# organisers get the failure notice. Reads the default branch only.',
  ])}name: mentor overdue

on:
  schedule:
    - cron: '0 16 * * *'
  workflow_dispatch:

${WORKFLOW_DEFAULTS}

jobs:
  overdue:
${runnerJob({ permissions: ['contents: read'], fullHistory: false, checkoutRef: CURRENT_BRANCH })}
      - name: Fail while a request for a mentor is overdue
        run: ${RUNNER} status --fail-on overdue
`;
}
