import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CATALOG_CLI } from '../../../src/cli/catalogProgram';
import { serves } from '../../../src/cli/main';
import { CLI } from '../../../src/cli/program';

test('the front door serves the same command functions the whole command line loads', async () => {
  const names = Object.keys(CATALOG_CLI.commands);
  assert.deepEqual(names.sort(), ['describe', 'list', 'skeleton']);
  for (const name of names) {
    assert.equal(await CATALOG_CLI.commands[name]!(), await CLI.commands[name]!(), name);
  }
});

test('the front door runs help, the version and its own commands, and hands over the rest', () => {
  for (const argv of [[], [''], ['--help'], ['-h'], ['help'], ['--version'], ['-v'], ['list', '--json'], ['describe', 'DismissRoom'], ['skeleton', 'X']]) {
    assert.equal(serves(CATALOG_CLI, argv), true, argv.join(' '));
  }
  for (const argv of [['call', 'DismissRoom'], ['explain', '70001'], ['history'], ['bogus'], ['toString'], ['__proto__']]) {
    assert.equal(serves(CATALOG_CLI, argv), false, argv.join(' '));
  }
  // Each program answers from its own table (runCli prints the usage for a name in neither).
  assert.equal(serves(CLI, ['bogus']), false);
  assert.equal(serves(CLI, ['call']), true);
});
