import { checkoutStep, header, JOB_MACHINE, RUNNER, runStep, setupNodeStep, WORKFLOW_DEFAULTS } from './common.js';

// mentor-pages.yml: the dashboard (`mentor site`) published with GitHub Pages, with the official
// Pages actions. Like every workflow mentor writes, it installs nothing: the build job runs the
// committed runner with plain node. Only the deploy job may write to Pages, and it runs no code
// from the repo. Until Pages is turned on for the repo (it is off on a new one), the build stops
// at its first step with a notice that says how, and nothing fails: a red run on every push and
// every morning would only teach people to ignore the Actions tab.

export const PAGES_ACTIONS = {
  configure: 'actions/configure-pages@v6',
  upload: 'actions/upload-pages-artifact@v5',
  deploy: 'actions/deploy-pages@v5',
} as const;

/** The folder the site is built into and uploaded from. */
export const SITE_FOLDER = '_site';

/** The first step: is Pages on for this repo, publishing from this workflow? GitHub answers 404 while it is off. */
const PAGES_CHECK = `if source=$(gh api "repos/$GITHUB_REPOSITORY/pages" --jq '.build_type' 2> "$RUNNER_TEMP/pages.txt"); then
  if [ "$source" = workflow ]; then
    echo 'enabled=true' >> "$GITHUB_OUTPUT"
  else
    echo 'enabled=false' >> "$GITHUB_OUTPUT"
    echo '::notice title=The dashboard is not published::GitHub Pages publishes this repository from a branch, not from this workflow. Set Settings > Pages > Build and deployment > Source: GitHub Actions, then run this workflow again (Actions tab) or push to main.'
  fi
elif grep -q 'HTTP 404' "$RUNNER_TEMP/pages.txt"; then
  echo 'enabled=false' >> "$GITHUB_OUTPUT"
  echo '::notice title=The dashboard is not published::GitHub Pages is not on for this repository. Turn it on once: Settings > Pages > Build and deployment > Source: GitHub Actions, then run this workflow again (Actions tab) or push to main.'
else
  cat "$RUNNER_TEMP/pages.txt" >&2
  exit 1
fi`;

const ENABLED = "steps.pages.outputs.enabled == 'true'";
/** A step that runs only once Pages is on: its `if:` goes under its first line. */
const whenEnabled = (step: string) => step.replace(/\n|$/, (end) => `\n        if: ${ENABLED}${end}`);

export function pagesWorkflow(): string {
  return `${header([
    '# Publishes the program\'s dashboard (`mentor site`) with GitHub Pages on every push to the',
    '# default branch, and every morning so waiting times stay current. Turn it on once: Settings >',
    '# Pages > Build and deployment > Source: GitHub Actions (until then each run says so and stops).',
  ])}name: mentor pages

# Pushes to the default branch, whatever it is called: the build job checks the branch (a branch
# name here would be fixed when this file is written). A schedule runs on the default branch
# only, and its event names no repository (so no default_branch to compare with): it always builds.
on:
  push:
  schedule:
    - cron: '0 15 * * *'
  workflow_dispatch:

${WORKFLOW_DEFAULTS}

# One deployment at a time; a newer push waits rather than cancelling one half done. Keyed by
# branch: a push to another branch (which builds nothing) never takes the place of a waiting run.
concurrency:
  group: pages-\${{ github.ref_name }}
  cancel-in-progress: false

jobs:
  build:
    if: github.event_name == 'schedule' || github.ref == format('refs/heads/{0}', github.event.repository.default_branch)
${JOB_MACHINE}
    permissions:
      contents: read
      pages: read
    env:
      GH_TOKEN: \${{ github.token }}
    outputs:
      enabled: \${{ steps.pages.outputs.enabled }}
    steps:
${runStep('Is GitHub Pages on?', PAGES_CHECK, ['id: pages'])}
${whenEnabled(checkoutStep('      ', { fullHistory: false }))}
${whenEnabled(setupNodeStep('      '))}
      - uses: ${PAGES_ACTIONS.configure}
        if: ${ENABLED}
      - name: Build the dashboard
        if: ${ENABLED}
        run: ${RUNNER} site --out ${SITE_FOLDER}
      - uses: ${PAGES_ACTIONS.upload}
        if: ${ENABLED}
        with:
          path: ${SITE_FOLDER}

  deploy:
    needs: build
    if: needs.build.outputs.enabled == 'true'
${JOB_MACHINE}
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
