import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { HistoryStore } from '../../../src/core/history';
import { startStandInServer, type StandInAnswer, type StandInServer } from '../../fixtures/standInServer';
import { cli, TEST_ID, TEST_KEY } from './cliHarness';

// A recent hour: the rules refuse query windows further back than the data is kept.
const RECENT_START = Math.floor(Date.now() / 1000) - 7200;
const RECENT_END = RECENT_START + 3600;

const PARAMS = '{"SdkAppId":1400000001,"RoomId":1001}';

describe('--params @file: encodings', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-encodings-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, bytes: Buffer): void => fs.writeFileSync(path.join(dir, name), bytes);

  test('a UTF-8 byte order mark is accepted, from a file and from standard input', async () => {
    write('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PARAMS)]));
    const fromFile = await cli(['call', 'DismissRoom', '--params', '@bom.json', '--sandbox'], { cwd: dir });
    assert.equal(fromFile.code, 0, fromFile.stderr);
    const fromStdin = await cli(['call', 'DismissRoom', '--params', '@-', '--sandbox'], { stdin: `\uFEFF${PARAMS}` });
    assert.equal(fromStdin.code, 0, fromStdin.stderr);
  });

  test('UTF-8 with characters beyond ASCII still reads', async () => {
    write('utf8.json', Buffer.from('{"SdkAppId":1400000001,"RoomId":"中文房间"}'));
    const r = await cli(['call', 'DismissRoomByStrRoomId', '--params', '@utf8.json', '--sandbox'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
  });

  const refused: Array<[string, Buffer, RegExp]> = [
    ['UTF-16 LE with a mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PARAMS, 'utf16le')]), /is encoded as UTF-16 LE, not UTF-8/],
    ['UTF-16 BE with a mark', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(PARAMS, 'utf16le').swap16()]), /is encoded as UTF-16 BE, not UTF-8/],
    ['UTF-16 LE without a mark', Buffer.from(PARAMS, 'utf16le'), /UTF-16 LE \(without a byte order mark\)/],
    ['UTF-32 LE', Buffer.from([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0]), /is encoded as UTF-32 LE/],
    ['a legacy encoding', Buffer.concat([Buffer.from('{"SdkAppId":1400000001,"RoomId":1001,"Note":"'), Buffer.from([0xd6, 0xd0, 0xce, 0xc4]), Buffer.from('"}')]), /is not valid UTF-8 text/],
  ];
  for (const [name, bytes, message] of refused) {
    test(`${name} is refused with a message that names the encoding`, async () => {
      write('p.json', bytes);
      const r = await cli(['call', 'DismissRoom', '--params', '@p.json', '--sandbox'], { cwd: dir });
      assert.equal(r.code, 2);
      assert.match(r.stderr, message);
      assert.match(r.stderr, /--params @p\.json/);
      assert.match(r.stderr, /save it as UTF-8/);
    });
  }
});

describe('answers and history of call', () => {
  let server: StandInServer;
  before(async () => {
    server = await startStandInServer({
      credentials: { [TEST_ID]: TEST_KEY },
      handler: (action): StandInAnswer => (action === 'DismissRoom' ? { Error: 'quota exceeded' } : { Total: 0 }),
    });
  });
  after(() => server.close());

  test('a Response.Error that is not an object is an API error: exit status 1, never success', async () => {
    const r = await cli(['call', 'DismissRoom', '--params', PARAMS, '--endpoint', server.url]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /API error UnknownError: quota exceeded/);
  });

  test('a successful call --history records the region and language that came from the tccli profile', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-profile-'));
    const historyDir = path.join(home, 'history');
    fs.mkdirSync(path.join(home, '.tccli'));
    fs.writeFileSync(path.join(home, '.tccli', 'work.credential'), JSON.stringify({ secretId: TEST_ID, secretKey: TEST_KEY }));
    fs.writeFileSync(path.join(home, '.tccli', 'work.configure'), JSON.stringify({ _sys_param: { region: 'ap-singapore', language: 'en-US' } }));
    try {
      const r = await cli(['call', 'DescribeRoomInfo', '--params', `{"SdkAppId":1400000001,"StartTime":${RECENT_START},"EndTime":${RECENT_END}}`, '--endpoint', server.url, '--profile', 'work', '--history'], {
        home,
        env: { TRTC_EXPLORER_HISTORY_DIR: historyDir },
      });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(server.requests.at(-1)?.region, 'ap-singapore');
      const store = new HistoryStore(historyDir);
      await store.load();
      const [entry] = store.query();
      store.dispose();
      assert.equal(entry?.region, 'ap-singapore');
      assert.equal(entry?.profile, 'work');
      assert.equal(entry?.source, 'cli');
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('call --history and a history file it cannot use', () => {
  test('a newer-version history is moved aside and the move is announced in one line on stderr', async () => {
    const historyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-history-newer-'));
    try {
      const newer = '{"format":"trtc-api-explorer/history","schemaVersion":7}\n\n{"op":"v7"}\n';
      fs.writeFileSync(path.join(historyDir, 'history.jsonl'), newer);
      const r = await cli(['call', 'DismissRoom', '--params', PARAMS, '--sandbox', '--history'], { env: { TRTC_EXPLORER_HISTORY_DIR: historyDir } });
      assert.equal(r.code, 0, r.stderr);
      const notes = r.stderr.split('\n').filter((l) => l.startsWith('note: The request history was written by a newer version'));
      assert.equal(notes.length, 1, r.stderr);
      const aside = fs.readdirSync(historyDir).find((n) => n.startsWith('history.jsonl.newer-7-'));
      assert.ok(aside && notes[0]!.includes(path.join(historyDir, aside)));
      assert.equal(fs.readFileSync(path.join(historyDir, aside), 'utf8'), newer);
      const store = new HistoryStore(historyDir);
      assert.equal((await store.load()).entries, 1, 'the call went into a new history');
      store.dispose();
    } finally {
      fs.rmSync(historyDir, { recursive: true, force: true });
    }
  });
});
