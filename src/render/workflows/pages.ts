import { RUNNER, header, runnerJob } from './common.js';

// mentor-pages.yml: the dashboard (`mentor site`) published with GitHub Pages, with the official
// Pages actions. Like every workflow mentor writes, it installs nothing: the build job runs the
// committed runner with plain node. Only the deploy job may write to Pages, and it runs no code
// from the repo.

export const PAGES_ACTIONS = {
  configure: 'actions/configure-pages@v6',
  upload: 'actions/upload-pages-artifact@v5',
  deploy: 'actions/deploy-pages@v5',
} as const;

/** The folder the site is built into and uploaded from. */
export const SITE_FOLDER = '_site';

export function pagesWorkflow(): string {
  return `${header([
    '# Publishes the program\'s dashboard (`mentor site`) with GitHub Pages on every push to main,',
    '# and every morning so waiting times stay current. Turn it on once: Settings > Pages >',
    '# Build and deployment > Source: GitHub Actions.',
  ])}name: mentor pages

on:
  push:
    branches: [main]
  schedule:
    - cron: '0 15 * * *'
  workflow_dispatch:

permissions: {}

# One deployment at a time; a newer push waits rather than cancelling one half done.
concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
${runnerJob({ permissions: ['contents: read', 'pages: read'], fullHistory: false })}
      - uses: ${PAGES_ACTIONS.configure}
      - name: Build the dashboard
        run: ${RUNNER} site --out ${SITE_FOLDER}
      - uses: ${PAGES_ACTIONS.upload}
        with:
          path: ${SITE_FOLDER}

  deploy:
    needs: build
    runs-on: ubuntu-latest
    permissions:
      pages: write
      id-token: write
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: ${PAGES_ACTIONS.deploy}
`;
}
