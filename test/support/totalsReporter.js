// Mocha's spec output, then the totals alone on a line as CI reads them: "N passed, N failed".
// When CASEWRIGHT_TOTALS names a file, the counts are also written there so scripts/test.mjs
// can add up several stages.
'use strict';
const Mocha = require('mocha');
const fs = require('node:fs');

class TotalsReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once('end', () => {
      const { passes, failures, pending } = runner.stats;
      if (process.env.CASEWRIGHT_TOTALS) {
        fs.writeFileSync(process.env.CASEWRIGHT_TOTALS, JSON.stringify({ passed: passes, failed: failures, skipped: pending }));
      } else {
        console.log(`${passes} passed, ${failures} failed`);
      }
    });
  }
}
module.exports = TotalsReporter;
