#!/usr/bin/env node
// Prints jest's totals as one plain line ("tests: N passed, N failed, N skipped"), read by CI from test-results/jest.json.
const { readFileSync } = require('node:fs');

try {
  const results = JSON.parse(readFileSync('test-results/jest.json', 'utf8'));
  const skipped = results.numPendingTests + results.numTodoTests;
  console.log(
    `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`,
  );
  process.exitCode = results.success ? 0 : 1;
} catch (error) {
  console.error(`test-summary: no jest results (${error.message})`);
  process.exitCode = 1;
}
