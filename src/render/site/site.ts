import type { SiteData } from '../../core/site.js';
import { renderCohortPage } from './cohort-page.js';
import { renderIndexPage } from './index-page.js';

/** Every file of the dashboard, by path inside the site folder, in a fixed order. */
export function renderSite(data: SiteData): Map<string, string> {
  const files = new Map<string, string>([['index.html', renderIndexPage(data)]]);
  for (const cohort of data.cohorts) files.set(`cohorts/${cohort.id}.html`, renderCohortPage(data, cohort));
  return files;
}
