// The end-to-end layer: @playwright/test driving Debian's Chromium (never a downloaded
// browser) against the release dist/ (E2E_DIST to test another build), served by the
// fixtures in fixtures.mjs. One worker: two cores, and the timing-sensitive journeys run alone.
// Two projects, desktop and phone (the tests tagged @phone).
//   e2e/node_modules/.bin/playwright test -c e2e/playwright.config.mjs [--grep TEXT]
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './helpers.mjs';

export default defineConfig({
  testDir: '.',
  testMatch: /[\\/](journeys|gates|embed|scale|export|find|host|walk|layout|editor|audit|share)\.mjs$/,
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
  // Phones: the tests tagged @phone run on a 390×844 touch phone; the rest on a desktop. Tests
  // of other sizes (a tablet, the fold at laptop sizes) set their own viewport.
  projects: [
    { name: 'desktop', grepInvert: /@phone/ },
    { name: 'phone', grep: /@phone/, use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
  ],
});
