// Ends the run with one line that scripts/test.sh (and CI) read: `e2e: N passed, N failed`.
export default class CountReporter {
  constructor() {
    this.passed = 0;
    this.failed = 0;
  }
  onBegin(config, suite) {
    this.total = suite.allTests().length;
  }
  onTestEnd(test, result) {
    // Counted once per test, after its last try.
    if (result.retry < test.retries && result.status !== 'passed' && result.status !== 'skipped') return;
    if (result.status === 'passed') this.passed++;
    else if (result.status !== 'skipped') this.failed++;
  }
  onEnd(result) {
    if (this.total === 0) this.failed = 1; // a run that selected no test fails
    console.log(`e2e: ${this.passed} passed, ${this.failed} failed`);
  }
}
