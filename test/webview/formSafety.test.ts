import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FromWebview, InitData } from '../../src/shared/requestProtocol';
import { Harness, type Panel } from '../../scripts/webview/preview.mjs';
import { createCloudRecording, fixtureInit } from './fixtures/createCloudRecording';
import { allCatalogActionViews, catalogActionView } from './fixtures/previewInit';
import { command, ctl, pageLifecycle, row, params } from './fixtures/pageTests';

/*
 * The form's promises in headless Chromium: it starts empty and quiet, a state-changing Send with a
 * value the user never typed is refused naming the field, samples are marked until edited, Unix
 * times read as dates, secrets never reach the saved state, and the target line says where Send goes.
 */

const pages = pageLifecycle(() => Harness.start());



async function open(init: InitData = fixtureInit(), options: { width?: number } = {}): Promise<Panel> {
  return pages.open({ init, ...options });
}

/** The parameters the page last told the host about. */
async function lastParams(p: Panel, test: (text: string) => boolean, from = 0): Promise<string> {
  return (await params(p, test, from)).paramsText;
}

const MISSING = [
  { path: 'SdkAppId', code: 'missing', message: 'SdkAppId is required.' },
  { path: 'RoomId', code: 'missing', message: 'RoomId is required.' },
  { path: 'UserId', code: 'missing', message: 'UserId is required.' },
];

describe('the form starts empty and sends no silent values', () => {
  it('starts with every field empty and a typed placeholder, and no problem in red on open', async () => {
    const p = await open();
    for (const path of ['SdkAppId', 'RoomId', 'ResourceExpiredHour', 'Volume']) {
      assert.equal(await p.page.inputValue(ctl(path)), '', `${path} starts empty`);
    }
    assert.equal(await p.page.getAttribute(ctl('SdkAppId'), 'placeholder'), 'integer');
    assert.equal(await p.page.getAttribute(ctl('Volume'), 'placeholder'), 'number, unset');
    // Yes/no and enumerated fields start on "(choose)" / "(unset)", never on a real value.
    assert.equal(await p.page.inputValue(ctl('PureAudioDisableLayout')), '');
    assert.equal(await p.page.inputValue(ctl('RoomIdType')), '');
    await p.send({ type: 'validation', paramsText: '{}', issues: MISSING });
    await p.page.waitForTimeout(50);
    assert.equal(await p.page.locator('.row.has-issue').count(), 0, 'no field is marked before it was touched');
    assert.equal(await p.page.isVisible('#issue-count'), false);
  });

  it('shows a problem once its field was touched', async () => {
    const p = await open();
    await p.page.fill(ctl('SdkAppId'), '1');
    await p.page.fill(ctl('SdkAppId'), '');
    await lastParams(p, (t) => t === '{}');
    await p.send({ type: 'validation', paramsText: '{}', issues: MISSING });
    await p.page.waitForSelector(`${ctl('SdkAppId')}[aria-invalid="true"]`);
    assert.equal(await p.page.getAttribute(ctl('RoomId'), 'aria-invalid'), null, 'an untouched field stays quiet');
    assert.equal((await p.page.textContent('#issue-count'))?.trim(), '1 issue');
    // A problem of a value that is there shows at once, with what to do about it.
    await p.send({ type: 'validation', paramsText: '{}', issues: [{ path: 'RoomId', code: 'twin', message: 'RoomId is not a number.', fix: 'Use DismissRoomByStrRoomId.' }] });
    await p.page.waitForSelector(`${ctl('RoomId')}[aria-invalid="true"]`);
    assert.equal((await p.page.textContent('[id="iss:RoomId"]'))?.trim(), 'RoomId is not a number. Use DismissRoomByStrRoomId.');
  });

  it('refuses a state-changing Send with a required field unset, naming it, and shows every problem', async () => {
    const p = await open();
    await p.send({ type: 'validation', paramsText: '{}', issues: MISSING });
    await p.page.fill(ctl('SdkAppId'), '1400000001');
    const text = await lastParams(p, (t) => t.includes('1400000001'));
    await p.send({ type: 'validation', paramsText: text, issues: MISSING.slice(1) });
    await p.page.click('#send');
    await p.page.waitForSelector('#result-outcome');
    const result = (await p.page.textContent('#result')) ?? '';
    assert.match(result, /Not sent/);
    assert.match(result, /RoomId/);
    assert.match(result, /UserId/);
    assert.doesNotMatch(result, /SdkAppId/, 'a typed field is not named');
    assert.equal(p.ofType('send').length, 0, 'nothing was sent');
    assert.equal(await p.page.getAttribute(ctl('RoomId'), 'aria-invalid'), 'true', 'after Send every problem shows');
  });

  it('marks filled values as samples until edited, refuses them unedited, and keeps them only on an explicit click', async () => {
    const p = await open(fixtureInit({ action: { ...createCloudRecording, fields: createCloudRecording.fields.filter((f) => ['SdkAppId', 'RoomId', 'Volume'].includes(f.name)).map((f) => ({ ...f, required: f.name !== 'Volume' })) } }));
    await p.page.click('#fill-required');
    await p.waitForMessage((m) => m.type === 'skeleton', { label: 'skeleton' });
    const filled = '{\n  "SdkAppId": 1400000000,\n  "RoomId": "1001"\n}';
    await p.send({ type: 'skeleton', paramsText: filled, samples: { SdkAppId: '1400000000', RoomId: '"1001"' } });
    await p.page.waitForSelector(`${row('SdkAppId')} .tag.sample`);
    assert.equal(await p.page.locator('.tag.sample').count(), 2);
    assert.deepEqual(p.state?.samples, { SdkAppId: '1400000000', RoomId: '"1001"' }, 'samples survive a reload');
    await p.page.fill(ctl('RoomId'), '2002');
    await lastParams(p, (t) => t.includes('"2002"'));
    assert.equal(await p.page.locator(`${row('RoomId')} .tag.sample`).count(), 0, 'an edited sample is no sample any more');
    await p.page.click('#send');
    await p.page.waitForSelector('#result-keepSamples');
    assert.match((await p.page.textContent('#result')) ?? '', /SdkAppId/);
    assert.equal(p.ofType('send').length, 0);
    await p.page.click('#result-keepSamples');
    await p.waitForMessage((m) => m.type === 'keepSamples', { label: 'keepSamples' });
    assert.equal(await p.page.locator('.tag.sample').count(), 0);
    await p.page.click('#send');
    const send = await p.waitForMessage((m): m is Extract<FromWebview, { type: 'send' }> => m.type === 'send', { label: 'send' });
    assert.deepEqual(JSON.parse(send.paramsText), { SdkAppId: 1400000000, RoomId: '2002' });
  });
});

describe('the form shows time, secrets and the target honestly', () => {
  it('shows Unix times as local and UTC time and offers now, 1 hour ago and today 00:00 in the field\'s unit', async () => {
    const action = catalogActionView('DescribeCallDetailInfo');
    assert.ok(action, 'the catalog has DescribeCallDetailInfo');
    const start = action.fields.find((f) => f.name === 'StartTime');
    assert.equal(start?.time, 'unix-s');
    const p = await open(fixtureInit({ action }));
    await p.page.fill(ctl('StartTime'), '1700000000');
    await p.page.waitForFunction(() => document.getElementById('moment:StartTime')?.textContent?.includes('2023-11-14 22:13:20 UTC'));
    await p.page.fill(ctl('StartTime'), '1700000000000');
    await p.page.waitForFunction(() => document.getElementById('moment:StartTime')?.textContent?.includes('looks like milliseconds'));
    const before = Math.floor(Date.now() / 1000);
    let from = p.messages.length;
    await p.page.click('[data-action="moment"][data-kind="hourAgo"][data-path="StartTime"]');
    const text = await lastParams(p, (t) => /"StartTime": \d{10}\b/.test(t), from);
    const value = Number(/"StartTime": (\d+)/.exec(text)![1]);
    assert.ok(Math.abs(value - (before - 3600)) <= 5, `1 hour ago is ${value}, about ${before - 3600}`);
    assert.match((await p.page.textContent('[id="moment:StartTime"]')) ?? '', /UTC/);
    from = p.messages.length;
    await p.page.click('[data-action="moment"][data-kind="todayStart"][data-path="StartTime"]');
    const today = await lastParams(p, (t) => /"StartTime": \d{10}\b/.test(t), from);
    const midnight = Number(/"StartTime": (\d+)/.exec(today)![1]);
    const local = await p.page.evaluate((s) => { const d = new Date(s * 1000); return [d.getHours(), d.getMinutes(), d.getSeconds()]; }, midnight);
    assert.deepEqual(local, [0, 0, 0], 'today 00:00 is local midnight');
  });

  it('offers a date picker for YYYY-MM-DD text fields', async () => {
    const action = catalogActionView('DescribeTrtcUsage') ?? catalogActionView('DescribeTrtcRoomUsage');
    assert.ok(action, 'the catalog has a usage action');
    const field = action.fields.find((f) => f.timeFormat === 'YYYY-MM-DD');
    assert.ok(field, `${action.name} has a YYYY-MM-DD field`);
    const p = await open(fixtureInit({ action }));
    assert.equal(await p.page.getAttribute(ctl(field.name), 'type'), 'date');
    await p.page.fill(ctl(field.name), '2026-11-01');
    await lastParams(p, (t) => t.includes(`"${field.name}": "2026-11-01"`));
  });

  it('keeps secret values out of the saved state and takes them back from the host', async () => {
    const p = await open();
    await p.page.fill(ctl('UserSig'), 'sig-secret-value');
    await p.page.fill(ctl('RoomId'), 'r1');
    const text = await lastParams(p, (t) => t.includes('sig-secret-value') && t.includes('"r1"'));
    assert.ok(p.state?.paramsText?.includes('"r1"'), 'the saved state has the other values');
    assert.ok(!JSON.stringify(p.state).includes('sig-secret-value'), 'the saved state holds no secret');
    const stored = await p.page.evaluate(() => JSON.stringify(Object.fromEntries(Object.entries(sessionStorage))));
    assert.ok(!stored.includes('sig-secret-value'), 'nothing persisted holds the secret');
    // The host kept the parameters, secret included; shown again, the page takes them back.
    await p.send({ type: 'init', data: fixtureInit({ paramsText: text }) });
    await p.page.waitForFunction(() => (document.getElementById('ctl:UserSig') as HTMLInputElement | null)?.value === 'sig-secret-value');
    assert.equal(await p.page.inputValue(ctl('RoomId')), 'r1');
    // Typed into the JSON editor, a secret stays out of the state as well.
    await p.page.click('#mode-json');
    await p.page.fill('#json-editor', '{"UserSig": "json-typed-secret", "RoomId": "r2"}');
    await lastParams(p, (t) => t.includes('json-typed-secret'));
    assert.ok(!JSON.stringify(p.state).includes('json-typed-secret'));
    await p.page.fill('#json-editor', '{"UserSig": "half-typed-secret", ');
    await p.page.waitForTimeout(200);
    assert.ok(!JSON.stringify(p.state).includes('half-typed-secret'), 'invalid JSON with a secret field is not saved');
  });

  it('says where the request goes, with a loud badge for an endpoint that is not Tencent\'s', async () => {
    const p = await open();
    assert.equal((await p.page.textContent('#target-method'))?.trim(), 'POST');
    assert.equal((await p.page.textContent('#target-url'))?.trim(), 'https://trtc.tencentcloudapi.com/');
    assert.equal((await p.page.textContent('#target-region'))?.trim(), 'ap-guangzhou');
    assert.equal((await p.page.textContent('#target-profile'))?.trim(), 'default');
    assert.equal(await p.page.locator('#endpoint-badge').count(), 0);
    await p.send({ type: 'target', target: { method: 'GET', url: 'https://gateway.example.com/', region: 'ap-singapore', profile: 'live', sandbox: false, tencent: false, trusted: false } });
    await p.page.waitForSelector('#endpoint-badge.untrusted');
    assert.match((await p.page.textContent('#endpoint-badge')) ?? '', /not trusted/);
    assert.equal((await p.page.textContent('#target-profile'))?.trim(), 'live');
    await p.send({ type: 'target', target: { method: 'GET', url: 'https://gateway.example.com/', region: 'ap-singapore', profile: 'live', sandbox: false, tencent: false, trusted: true } });
    await p.page.waitForSelector('#endpoint-badge.trusted');
  });

  it('fits the toolbar in one row at 1440 px', async () => {
    const p = await open(fixtureInit(), { width: 1440 });
    const tops = await p.page.evaluate(() => [...document.querySelectorAll('.action-bar > *')].map((e) => (e as HTMLElement).offsetTop));
    assert.equal(new Set(tops).size, 1, `action bar rows at ${tops.join(', ')}`);
    const optionTops = await p.page.evaluate(() => [...document.querySelectorAll('.options > *')].map((e) => (e as HTMLElement).offsetTop));
    assert.equal(new Set(optionTops).size, 1, `options rows at ${optionTops.join(', ')}`);
  });

  it('saves with the Save button and Ctrl+S, and says where it went', async () => {
    const p = await open();
    await p.page.click('#save');
    await command(p, 'quickSave');
    const from = p.messages.length;
    await p.page.focus(ctl('RoomId'));
    await p.page.keyboard.press('Control+s');
    await command(p, 'quickSave', from);
    await p.send({ type: 'status', message: 'Saved "CreateCloudRecording" to collection "team"' });
    await p.page.waitForSelector('#form-status:not([hidden])');
    assert.match((await p.page.textContent('#form-status')) ?? '', /collection "team"/);
  });

  it('runs Add profile… from the profile picker without selecting it', async () => {
    const p = await open();
    await p.page.selectOption('#opt-profile', { label: 'Add profile…' });
    await command(p, 'addProfile');
    assert.equal(await p.page.inputValue('#opt-profile'), 'default');
    assert.equal(p.ofType('optionsChanged').some((m) => m.options.profile !== 'default'), false);
  });

  it('offers the answer as JSON, table and chart from the result line', async () => {
    const p = await open();
    await p.send({ type: 'result', summary: { outcome: 'ok', httpStatus: 200, latencyMs: 3, requestId: 'r', sandbox: true } });
    for (const [id, name] of [['#result-showResult', 'showResult'], ['#result-showTable', 'showTable'], ['#result-showChart', 'showChart']] as const) {
      const from = p.messages.length;
      await p.page.click(id);
      await command(p, name, from);
    }
  });

  it('marks descriptions that exist only in Chinese in an English form', async () => {
    const action = { ...createCloudRecording, fields: createCloudRecording.fields.map((f) => (f.name === 'RoomId' ? { ...f, description: '房间号', descriptionZhOnly: true } : f)) };
    const p = await open(fixtureInit({ action }));
    assert.equal(await p.page.locator(`${row('RoomId')} .tag.zh-only`).count(), 1);
    assert.equal(await p.page.locator(`${row('SdkAppId')} .tag.zh-only`).count(), 0);
    assert.match((await p.page.getAttribute(`${row('RoomId')} .tag.zh-only`, 'title')) ?? '', /Chinese only/);
  });

  it('keeps an empty list apart from an omitted one in the form and in JSON mode', async () => {
    const p = await open();
    await p.page.click('[data-action="add-item"][data-path="TaskSeqs"]');
    await p.page.click('[data-action="remove-item"][data-path="TaskSeqs[0]"]');
    await lastParams(p, (t) => t === '{\n  "TaskSeqs": []\n}');
    assert.match((await p.page.textContent(row('TaskSeqs'))) ?? '', /No items/);
    await p.page.click('[data-action="unset"][data-path="TaskSeqs"]');
    await lastParams(p, (t) => t === '{}');
    await p.page.click('#mode-json');
    await p.page.fill('#json-editor', '{"TaskSeqs": [], "RecordParams": {}}');
    await lastParams(p, (t) => t === '{"TaskSeqs": [], "RecordParams": {}}');
    await p.page.click('#mode-form');
    assert.match((await p.page.textContent(row('TaskSeqs'))) ?? '', /0 items/);
    assert.equal(await p.page.locator(`${row('RecordParams')}.unset`).count(), 0, 'the empty object is present');
  });
});

describe('the same kind of field is the same control everywhere', () => {
  it('renders every enumerated and yes/no field of every catalog action as a dropdown, RoomIdType included', async () => {
    const actions = allCatalogActionViews();
    assert.ok(actions.length > 50, `${actions.length} catalog actions`);
    const p = await open();
    let checked = 0;
    const roomIdTypes: string[] = [];
    for (const action of actions) {
      const listed = action.fields.filter((f) => f.enumValues?.length && f.type.kind !== 'array' && f.type.kind !== 'object');
      if (listed.length === 0) continue;
      await p.send({ type: 'init', data: fixtureInit({ action }) });
      await p.page.waitForFunction((name) => document.querySelector('.action-name')?.textContent === name, action.name);
      for (const field of listed) {
        const tag = await p.page.evaluate((id) => document.getElementById(id)?.tagName, `ctl:${field.name}`);
        assert.equal(tag, 'SELECT', `${action.name}.${field.name} is a dropdown`);
        const values = await p.page.evaluate((id) => [...(document.getElementById(id) as HTMLSelectElement).options].map((o) => o.value), `ctl:${field.name}`);
        assert.equal(values[0], '', `${action.name}.${field.name} starts on no value`);
        assert.equal(values.length, field.enumValues!.length + 1);
        if (field.name === 'RoomIdType') roomIdTypes.push(action.name);
        checked++;
      }
    }
    assert.ok(checked > 20, `${checked} dropdowns checked`);
    assert.ok(roomIdTypes.length >= 3, `RoomIdType is a dropdown in ${roomIdTypes.join(', ')}`);
  });
});
