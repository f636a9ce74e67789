import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { COMPLETION_COMMANDS } from '../../../src/cli/commands/completion';
import { cli } from './cliHarness';

/** What bash offers after the words typed so far (the last one is the word being completed). */
function complete(script: string, words: string[], home: string): string[] {
  const file = path.join(home, 'completion.bash');
  fs.writeFileSync(file, script);
  const quoted = words.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
  const out = execFileSync('bash', ['-c', `source ${JSON.stringify(file)}; COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _trtc_explorer; printf '%s\\n' "\${COMPREPLY[@]}"`], {
    env: { HOME: home, PATH: process.env.PATH ?? '/usr/bin:/bin' },
    cwd: home,
  });
  return out.toString().split('\n').filter((l) => l !== '');
}

describe('completion', () => {
  test('bash: commands, options, actions, regions, subcommands, and tccli profiles read when Tab is pressed', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cmp-'));
    const run = await cli(['completion', 'bash'], { home });
    assert.equal(run.code, 0);
    const script = run.stdout;
    assert.ok(complete(script, ['trtc-explorer', 'co'], home).sort().join() === 'collection,completion');
    assert.deepEqual(complete(script, ['trtc-explorer', 'call', 'DismissRoomBy'], home), ['DismissRoomByStrRoomId']);
    assert.deepEqual(complete(script, ['trtc-explorer', 'call', '--sign-m'], home), ['--sign-method']);
    assert.deepEqual(complete(script, ['trtc-explorer', 'call', '--region', 'ap-gu'], home), ['ap-guangzhou']);
    assert.deepEqual(complete(script, ['trtc-explorer', 'collection', ''], home), ['export', 'import']);
    assert.deepEqual(complete(script, ['trtc-explorer', 'collection', 'export', '--format', ''], home), ['postman', 'curl']);
    assert.ok(complete(script, ['trtc-explorer', 'export', 'DismissRoom', '--format', ''], home).includes('python'));
    assert.deepEqual(complete(script, ['trtc-explorer', 'history', ''], home), ['list', 'show', 'export']);
    assert.deepEqual(complete(script, ['trtc-explorer', 'history', 'list', '--st'], home), ['--status']);
    assert.deepEqual(complete(script, ['trtc-explorer', 'history', 'list', '--status', ''], home), ['ok', 'error']);
    assert.deepEqual(complete(script, ['trtc-explorer', 'history', 'list', '--output', ''], home), ['json', 'table', 'csv']);
    assert.deepEqual(complete(script, ['trtc-explorer', 'call', 'DismissRoom', '--output', 't'], home), ['table']);
    assert.deepEqual(complete(script, ['trtc-explorer', 'history', 'export', '--format', ''], home), ['json', 'jsonl']);
    assert.deepEqual(complete(script, ['trtc-explorer', 'run', 'c.json', '--conc'], home), ['--concurrency']);
    assert.deepEqual(complete(script, ['trtc-explorer', 'call', '--profile', ''], home), [], 'no tccli profiles yet');
    // Profiles added after the script was generated are offered: they are read at completion time.
    fs.mkdirSync(path.join(home, '.tccli'));
    fs.writeFileSync(path.join(home, '.tccli', 'prod.credential'), '{}');
    fs.writeFileSync(path.join(home, '.tccli', 'test env.credential'), '{}');
    fs.writeFileSync(path.join(home, '.tccli', 'default.configure'), '{}');
    assert.deepEqual(complete(script, ['trtc-explorer', 'run', 'c.json', '--profile', 'p'], home), ['prod']);
  });

  test('zsh and fish scripts carry the same commands, actions and profile lookup', async () => {
    const zsh = await cli(['completion', 'zsh']);
    assert.match(zsh.stdout, /^#compdef trtc-explorer\n/);
    assert.match(zsh.stdout, /bashcompinit/);
    assert.match(zsh.stdout, /complete -F _trtc_explorer trtc-explorer/);
    const fish = await cli(['completion', 'fish']);
    assert.match(fish.stdout, /complete -c trtc-explorer -n __fish_use_subcommand -a '[^']*collection[^']*completion/);
    assert.match(fish.stdout, /-n '__fish_seen_subcommand_from call' -a '[^']*DismissRoomByStrRoomId/);
    assert.match(fish.stdout, /-l profile -r -a '\(__trtc_explorer_profiles\)'/);
    assert.match(fish.stdout, /basename \$f \.credential/);
    assert.equal((await cli(['completion', 'tcsh'])).code, 2);
    assert.equal((await cli(['completion'])).code, 2);
  });

  test('every option offered is one the command documents in --help and accepts', async () => {
    for (const [command, def] of Object.entries(COMPLETION_COMMANDS)) {
      // Options of a command with subcommands are offered for all of them: one of them must take it.
      const prefixes = def.subcommands && command !== 'completion' ? def.subcommands.map((sub) => [command, sub]) : [[command]];
      const help = await cli([command, '--help']);
      const text = help.stdout + help.stderr;
      for (const option of def.options) {
        assert.ok(text.includes(`--${option}`), `${command} --help mentions --${option}`);
        const refused: boolean[] = [];
        for (const prefix of prefixes) {
          const parsed = await cli([...prefix, `--${option}`, ...(option === 'help' ? [] : ['x'])], { env: {} });
          refused.push(/Unknown option/.test(parsed.stderr));
        }
        assert.ok(refused.includes(false), `${command} accepts --${option}`);
      }
    }
  });
});
