// The end-to-end layer: @playwright/test driving Debian's Chromium (never a downloaded
// browser) against the release dist/ (E2E_DIST to test another build), served by the
// fixtures in fixtures.mjs. One worker: two cores, and the timing-sensitive journeys run alone.
//   e2e/node_modules/.bin/playwright test -c e2e/playwright.config.mjs [--grep TEXT]
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './helpers.mjs';

export default defineConfig({
  testDir: '.',
  testMatch: /[\\/](journeys|gates|embed|scale|export|find|host|walk|layout)\.mjs$/,
  outputDir: 'artifacts/results',
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  timeout: 180_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['./count-reporter.mjs']],
  use: {
    viewport: { width: 1366, height: 900 },
    headless: true,
    launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [{ name: 'chromium' }],
});
