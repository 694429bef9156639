// The extensionTestsPath module: runs the mocha suites inside VS Code's extension host (here
// code-server's; with @vscode/test-electron, a desktop VS Code's) against the real vscode API.
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  // Register the suites' describe/it, then load them (bundled in, so no file globbing).
  mocha.suite.emit('pre-require', globalThis, 'suite', mocha);
  require('./activation.test');
  require('./features.test');
  require('./authoring.test');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      const stats = (mocha as unknown as { stats?: { passes: number } }).stats;
      void stats;
      if (failures) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    }).on('end', function (this: Mocha.Runner) {
      // The runner outside reads this line from the browser console.
      console.log(`EXTENSION-HOST-TOTALS ${this.stats?.passes ?? 0} passed, ${this.stats?.failures ?? 0} failed`);
    });
  });
}
