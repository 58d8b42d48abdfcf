import { attentionWorkflow } from './attention.js';
import { ciWorkflow } from './ci.js';
import { gateQueueWorkflow } from './gate-queue.js';
import { gateReviewWorkflow } from './gate-review.js';
import { gateWorkflow } from './gate.js';
import { overdueWorkflow } from './overdue.js';
import { pagesWorkflow } from './pages.js';
import { claimWorkflow, requestWorkflow } from './requests.js';
import { reviewWorkflow } from './review.js';

/** Every workflow `mentor init` writes, by path. */
export function programWorkflows(): Map<string, string> {
  return new Map([
    ['.github/workflows/mentor.yml', ciWorkflow()],
    ['.github/workflows/mentor-gate.yml', gateWorkflow()],
    ['.github/workflows/mentor-review.yml', reviewWorkflow()],
    ['.github/workflows/mentor-gate-review.yml', gateReviewWorkflow()],
    ['.github/workflows/mentor-gate-queue.yml', gateQueueWorkflow()],
    ['.github/workflows/mentor-overdue.yml', overdueWorkflow()],
    ['.github/workflows/mentor-pages.yml', pagesWorkflow()],
    ['.github/workflows/mentor-request.yml', requestWorkflow()],
    ['.github/workflows/mentor-claim.yml', claimWorkflow()],
    ['.github/workflows/mentor-attention.yml', attentionWorkflow()],
  ]);
}
