import type { SiteData } from '../../core/site.js';
import { renderCohortPage } from './cohort-page.js';
import { cohortPage } from './html.js';
import { renderIndexPage } from './index-page.js';

/** Every file of the dashboard, by path inside the site folder, in a fixed order. */
export function renderSite(data: SiteData): Map<string, string> {
  const files = new Map<string, string>([['index.html', renderIndexPage(data)]]);
  for (const cohort of data.cohorts) files.set(cohortPage(cohort.id), renderCohortPage(data, cohort));
  return files;
}
