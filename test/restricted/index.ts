import Mocha from 'mocha';

/**
 * Entry point of the Restricted Mode suite: the same extension host as the integration tests, but
 * started with workspace trust on and the folder not trusted (scripts/runIntegration.mjs).
 */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
  require('./restricted.test');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} Restricted Mode tests failed`)) : resolve()));
  });
}
