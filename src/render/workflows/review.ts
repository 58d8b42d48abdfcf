import { header, JOB_MACHINE, WORKFLOW_DEFAULTS } from './common.js';

/** The name the re-judging workflow listens for. */
export const REVIEW_WORKFLOW_NAME = 'mentor review';

/**
 * mentor-review.yml: only a signal that a review was submitted or dismissed. A
 * pull_request_review run uses the pull request's own workflow file and holds a read-only token
 * for forks, so it does nothing trusted; mentor-gate-review.yml (workflow_run, the base's file)
 * re-judges the pull request when it completes.
 */
export function reviewWorkflow(): string {
  return `${header([
    '# A review was submitted or dismissed: this run only signals it. It runs with the pull',
    "# request's own files and no write token, so it does nothing that matters;",
    '# mentor-gate-review.yml re-judges the pull request when it completes.',
  ])}name: ${REVIEW_WORKFLOW_NAME}

on:
  pull_request_review:
    types: [submitted, dismissed]

${WORKFLOW_DEFAULTS}

jobs:
  signal:
${JOB_MACHINE}
    steps:
      - name: Hand over to the gate
        run: echo "A review changed; mentor-gate-review.yml judges the pull request again with the base branch's rules."
`;
}
