import assert from 'node:assert/strict';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  CollectionFormatError,
  CollectionStore,
  createFolder,
  createRequest,
  defaultCollectionRoots,
  defaultEnvironmentRoots,
  EnvironmentStore,
  fileNameFor,
  findItem,
  listRequests,
  type CollectionRef,
  type FolderItem,
  type StoreFileSystem,
} from '../../../src/core/collections';
import { InputError } from '../../../src/core/errors';
import { LosslessNumber } from '../../../src/core/json';

const fixtures = path.join(__dirname, '../../fixtures/collections');
let tmp: string;

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'trtc-collections-'));
});
after(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function freshDirs(): { workspace: string; global: string } {
  const base = fs.mkdtempSync(path.join(tmp, 'case-'));
  return { workspace: path.join(base, 'ws'), global: path.join(base, 'global') };
}

function store(dirs = freshDirs(), fsImpl?: StoreFileSystem): { store: CollectionStore; dir: string; dirs: typeof dirs } {
  const roots = defaultCollectionRoots({ workspaceFolder: dirs.workspace, globalStorage: dirs.global });
  return { store: new CollectionStore({ roots, fs: fsImpl }), dir: roots[0].dir, dirs };
}

describe('CollectionStore', () => {
  test('creates, lists and loads collections in both scopes; invalid files are reported', async () => {
    const { store: s, dir } = store();
    assert.deepEqual(await s.list(), { valid: [], invalid: [] }, 'missing directories are simply empty');
    const team = await s.create('workspace', 'Team Rooms');
    const again = await s.create('workspace', 'Team Rooms');
    const mine = await s.create('user', 'Mine');
    assert.deepEqual(team, { scope: 'workspace', file: 'team-rooms.json' });
    assert.deepEqual(again, { scope: 'workspace', file: 'team-rooms-2.json' });
    fs.copyFileSync(path.join(fixtures, 'invalid-team.json'), path.join(dir, 'broken.json'));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a collection');
    const listing = await s.list();
    assert.deepEqual(
      listing.valid.map((d) => [d.label, d.document.name]),
      [
        ['.trtc/collections/team-rooms-2.json', 'Team Rooms'],
        ['.trtc/collections/team-rooms.json', 'Team Rooms'],
        ['collections/mine.json', 'Mine'],
      ],
    );
    assert.equal(listing.invalid.length, 1);
    assert.equal(listing.invalid[0].label, '.trtc/collections/broken.json');
    assert.ok(listing.invalid[0].error.message.includes('.trtc/collections/broken.json: items[2].action: required'));
    assert.equal((await s.load(mine)).name, 'Mine');
  });

  test('saving keeps big integers exact and writes stable, readable JSON', async () => {
    const { store: s, dir } = store();
    const ref = await s.create('workspace', 'Rooms');
    const request = createRequest({ action: 'DescribeRoomInfo', params: { SdkAppId: 1400000001, Big: new LosslessNumber('12345678901234567890') } });
    await s.saveRequest({ ref }, request);
    const text = fs.readFileSync(path.join(dir, ref.file), 'utf8');
    assert.match(text, /\n {8}"Big": 12345678901234567890\n/);
    const loaded = await s.load(ref);
    assert.equal(((loaded.items[0] as typeof request).params.Big as LosslessNumber).value, '12345678901234567890');
    await s.saveRequest({ ref }, { ...request, name: 'Renamed by save' });
    const reloaded = await s.load(ref);
    assert.equal(reloaded.items.length, 1, 'saving the same id replaces it in place');
    assert.equal(reloaded.items[0].name, 'Renamed by save');
  });

  test('a literal credential is refused and nothing is written', async () => {
    const { store: s, dir } = store();
    const ref = await s.create('workspace', 'Rec');
    const before = fs.readFileSync(path.join(dir, ref.file), 'utf8');
    await assert.rejects(
      s.saveRequest({ ref }, createRequest({ action: 'CreateCloudRecording', params: { UserSig: 'eJw-real' } })),
      (e: unknown) => e instanceof CollectionFormatError && /items\[0\]\.params\.UserSig: holds a literal credential/.test(e.message),
    );
    assert.equal(fs.readFileSync(path.join(dir, ref.file), 'utf8'), before);
  });

  test('an invalid file is never overwritten, whatever the operation', async () => {
    const { store: s, dir } = store();
    fs.mkdirSync(dir, { recursive: true });
    const original = fs.readFileSync(path.join(fixtures, 'invalid-team.json'), 'utf8');
    fs.writeFileSync(path.join(dir, 'team.json'), original);
    const ref: CollectionRef = { scope: 'workspace', file: 'team.json' };
    await assert.rejects(s.renameCollection(ref, 'X'), CollectionFormatError);
    await assert.rejects(
      s.save(ref, { version: 1, name: 'Replacement', items: [] }),
      (e: unknown) => e instanceof InputError && /^\.trtc\/collections\/team\.json is not a valid collection file, so it was left unchanged/.test(e.message),
    );
    assert.equal(fs.readFileSync(path.join(dir, 'team.json'), 'utf8'), original);
    assert.deepEqual(fs.readdirSync(dir), ['team.json']);
  });

  test('atomic save: a write that dies halfway leaves the old file intact and no temporary file', async () => {
    const dirs = freshDirs();
    let failNext: 'write' | 'rename' | undefined;
    const failing: StoreFileSystem = {
      readFile: (p, e) => fsp.readFile(p, e),
      readdir: (p) => fsp.readdir(p),
      mkdir: (p, o) => fsp.mkdir(p, o),
      unlink: (p) => fsp.unlink(p),
      async writeFile(p, data, options) {
        if (failNext === 'write') {
          failNext = undefined;
          await fsp.writeFile(p, data.slice(0, Math.floor(data.length / 2)), options);
          throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' });
        }
        await fsp.writeFile(p, data, options);
      },
      async rename(from, to) {
        if (failNext === 'rename') {
          failNext = undefined;
          throw Object.assign(new Error('EXDEV: cross-device link'), { code: 'EXDEV' });
        }
        await fsp.rename(from, to);
      },
    };
    const { store: s, dir } = store(dirs, failing);
    const ref = await s.create('workspace', 'Atomic');
    await s.saveRequest({ ref }, createRequest({ action: 'DismissRoom', params: { RoomId: 1 } }));
    const good = fs.readFileSync(path.join(dir, ref.file), 'utf8');

    failNext = 'write';
    await assert.rejects(s.renameCollection(ref, 'Half written'), /EIO/);
    assert.equal(fs.readFileSync(path.join(dir, ref.file), 'utf8'), good);
    assert.deepEqual(fs.readdirSync(dir), [ref.file], 'the partial temporary file was removed');

    failNext = 'rename';
    await assert.rejects(s.renameCollection(ref, 'Never renamed'), /EXDEV/);
    assert.equal(fs.readFileSync(path.join(dir, ref.file), 'utf8'), good);
    assert.deepEqual(fs.readdirSync(dir), [ref.file]);

    await s.renameCollection(ref, 'Works again');
    assert.equal((await s.load(ref)).name, 'Works again');
  });

  test('rename, duplicate, move and delete items by id', async () => {
    const { store: s } = store();
    const ref = await s.create('workspace', 'Ops');
    const folder = createFolder('Folder A');
    const sub = createFolder('Sub');
    const r1 = createRequest({ action: 'DismissRoom', name: 'One', params: { RoomId: 1 } });
    const r2 = createRequest({ action: 'DismissRoom', name: 'Two', params: { RoomId: 2 } });
    const r3 = createRequest({ action: 'DismissRoom', name: 'Three', params: { RoomId: 3 } });
    await s.addItem({ ref }, folder);
    await s.addItem({ ref, folderId: folder.id }, sub);
    await s.saveRequest({ ref }, r1);
    await s.saveRequest({ ref, folderId: folder.id }, r2);
    await s.saveRequest({ ref, folderId: sub.id }, r3);

    await s.renameItem(ref, r2.id, 'Two renamed');
    const copy = await s.duplicateItem(ref, folder.id);
    let c = await s.load(ref);
    assert.deepEqual(
      c.items.map((i) => i.name),
      ['Folder A', 'Folder A copy', 'One'],
    );
    const copiedIds = listRequests((copy as FolderItem).items).map((e) => e.request.id);
    assert.equal(copiedIds.length, 2);
    assert.ok(copiedIds.every((id) => ![r2.id, r3.id].includes(id)), 'a duplicate gets new ids throughout');
    assert.deepEqual(
      listRequests(c.items).map((e) => [e.path.join('/'), e.request.name]),
      [
        ['Folder A/Sub', 'Three'],
        ['Folder A', 'Two renamed'],
        ['Folder A copy/Sub', 'Three'],
        ['Folder A copy', 'Two renamed'],
        ['', 'One'],
      ],
    );

    await s.moveItem(ref, r1.id, { ref, folderId: sub.id, index: 0 });
    await s.moveItem(ref, copy.id, { ref, index: 0 });
    c = await s.load(ref);
    assert.deepEqual(c.items.map((i) => i.name), ['Folder A copy', 'Folder A']);
    assert.deepEqual(findItem(c, r1.id)?.ancestors.map((f) => f.name), ['Folder A', 'Sub']);
    assert.equal(findItem(c, r1.id)?.index, 0);

    await assert.rejects(s.moveItem(ref, folder.id, { ref, folderId: sub.id }), /Cannot move "Folder A" into itself/);
    await assert.rejects(s.moveItem(ref, r2.id, { ref, folderId: r3.id }), /"Three" is a request, not a folder/);
    await assert.rejects(s.renameItem(ref, 'nope', 'x'), /There is no item with id "nope" in collection "Ops"/);

    const other = await s.create('user', 'Other');
    await s.moveItem(ref, folder.id, { ref: other });
    c = await s.load(ref);
    const o = await s.load(other);
    assert.deepEqual(c.items.map((i) => i.name), ['Folder A copy']);
    assert.deepEqual(listRequests(o.items).map((e) => e.request.id), [r1.id, r3.id, r2.id], 'ids survive a move between collections');

    await s.deleteItem(other, sub.id);
    assert.deepEqual(listRequests((await s.load(other)).items).map((e) => e.request.name), ['Two renamed']);
    const dup = await s.duplicateCollection(other, 'workspace');
    assert.deepEqual(dup, { scope: 'workspace', file: 'other-copy.json' });
    assert.equal((await s.load(dup)).name, 'Other copy');
    await s.deleteCollection(other);
    await assert.rejects(s.load(other), /ENOENT/);
    await assert.rejects(s.deleteCollection(other), /collections\/other\.json does not exist/);
  });

  test('moving into a collection that already uses the ids gives the moved item new ids', async () => {
    const { store: s } = store();
    const a = await s.create('workspace', 'A');
    const r = createRequest({ action: 'DismissRoom', params: {} });
    await s.saveRequest({ ref: a }, r);
    const b = await s.create('workspace', 'B');
    await s.saveRequest({ ref: b }, { ...r, name: 'Same id in B' });
    await s.moveItem(a, r.id, { ref: b });
    const items = (await s.load(b)).items;
    assert.equal(items.length, 2);
    assert.notEqual(items[1].id, r.id);
    assert.equal((await s.load(a)).items.length, 0);
  });

  test('concurrent changes to one file are serialized, none is lost', async () => {
    const { store: s } = store();
    const ref = await s.create('workspace', 'Busy');
    const requests = Array.from({ length: 20 }, (_, i) => createRequest({ action: 'DismissRoom', name: `R${i}`, params: { RoomId: i } }));
    await Promise.all(requests.map((r) => s.saveRequest({ ref }, r)));
    assert.equal((await s.load(ref)).items.length, 20);
  });

  test('file names cannot escape the directory; names become safe file names', async () => {
    const { store: s } = store();
    await assert.rejects(s.load({ scope: 'workspace', file: '../x.json' }), /is not a collection file name/);
    await assert.rejects(s.load({ scope: 'workspace', file: '.hidden.json' }), /is not a collection file name/);
    const onlyUser = new CollectionStore({ roots: defaultCollectionRoots({ globalStorage: freshDirs().global }) });
    await assert.rejects(onlyUser.create('workspace', 'x'), /There is no workspace folder for collections \(no folder is open\)/);
    assert.equal(fileNameFor('Team: Rooms / QA!'), 'team-rooms-qa.json');
    assert.equal(fileNameFor('实时 音视频'), '实时-音视频.json');
    assert.equal(fileNameFor('***'), 'collection.json');
    assert.equal(fileNameFor('CON'), 'collection-con.json');
  });
});

describe('EnvironmentStore', () => {
  test('creates, finds by name (workspace first), updates and refuses secret values', async () => {
    const dirs = freshDirs();
    const envs = new EnvironmentStore({ roots: defaultEnvironmentRoots({ workspaceFolder: dirs.workspace, globalStorage: dirs.global }) });
    const user = await envs.create('user', 'dev');
    const ws = await envs.create('workspace', 'dev');
    await envs.update(ws, (e) => {
      e.variables.SdkAppId = { value: 1400000001 };
      e.variables.UserSig = { secret: true };
    });
    assert.deepEqual(user, { scope: 'user', file: 'dev.json' });
    const found = await envs.findByName('dev');
    assert.deepEqual(found.ref, ws);
    assert.equal(found.environment.variables.SdkAppId.value, 1400000001);
    await assert.rejects(
      envs.update(ws, (e) => {
        e.variables.UserSig = { secret: true, value: 'leak' };
      }),
      /variables\.UserSig\.value: a secret variable keeps its value in secret storage/,
    );
    assert.ok(!fs.readFileSync(path.join(dirs.workspace, '.trtc/environments/dev.json'), 'utf8').includes('leak'));
    await assert.rejects(envs.findByName('prod'), /There is no environment named "prod" \(there are "dev", "dev"\)/);
    fs.copyFileSync(path.join(fixtures, 'dev.environment.json'), path.join(dirs.workspace, '.trtc/environments/sample.json'));
    assert.equal((await envs.list()).valid.length, 3);
    await envs.delete(user);
    assert.equal((await envs.list()).valid.length, 2);
  });
});
