import Mocha from 'mocha';

/** Entry point that VS Code's test runner calls inside the extension host. */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  // The suites are bundled into this file. Mocha's globals (`suite`, `test`...) must exist before
  // they load, so they are required here, after `pre-require`, rather than imported at the top.
  mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
  require('./activation.test');
  require('./tree.test');
  require('./form.test');
  require('./formSafety.test');
  require('./secrets.test');
  require('./history.test');
  require('./collections.test');
  require('./signature.test');
  require('./tools.test');
  require('./results.test');
  require('./trust.test');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration tests failed`)) : resolve()));
  });
}
