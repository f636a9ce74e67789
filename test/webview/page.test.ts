import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FromWebview, InitData } from '../../src/shared/requestProtocol';
import { Harness, type Panel } from '../../scripts/webview/preview.mjs';
import { createCloudRecording, fixtureInit } from './fixtures/createCloudRecording';
import { allCatalogActionViews, previewParamsText } from './fixtures/previewInit';
import { command, ctl, pageLifecycle, row, params } from './fixtures/pageTests';

/*
 * Drives the real page bundle in headless Chromium through the preview harness: a fake host
 * records what the page posts and sends it host messages. Every test also checks that nothing
 * went wrong in the page (console errors, uncaught exceptions, CSP violations, failed loads).
 */

const BIG = '18446744073709551615';

const pages = pageLifecycle(() => Harness.start());

const button = (action: string, path: string) => `[data-action="${action}"][data-path="${path}"]`;


async function open(init: InitData = fixtureInit(), options: { width?: number; theme?: 'light' | 'dark' | 'hc' } = {}): Promise<Panel> {
  return pages.open({ init, ...options });
}

describe('request form page', () => {
  it('asks for its data with ready, renders the action and saves its state', async () => {
    const p = await open();
    assert.equal(p.messages[0]?.type, 'ready');
    assert.equal(await p.page.textContent('.action-name'), 'CreateCloudRecording');
    assert.equal((await p.page.textContent('.badge'))?.trim(), 'changes state');
    // The label is bound to the input, so the input is reachable by its name.
    assert.equal(await p.page.getByLabel('SdkAppId', { exact: true }).getAttribute('id'), 'ctl:SdkAppId');
    assert.equal(await p.page.getAttribute(ctl('SdkAppId'), 'aria-required'), 'true');
    assert.equal(await p.page.locator(`${row('SdkAppId')} .required`).count(), 1);
    assert.equal(await p.page.locator(`${row('RoomIdType')} .required`).count(), 0);
    // The host validates the text it sent itself; the page only posts changes.
    assert.equal(p.ofType('paramsChanged').length, 0);
    assert.equal(p.state?.action, 'CreateCloudRecording');
    assert.equal(p.state?.paramsText, '{}');
    assert.equal(p.state?.mode, 'form');
  });

  it('shows code spans of descriptions as code, as text and never as markup', async () => {
    const p = await open();
    assert.equal(await p.page.textContent(`${row('SdkAppId')} .desc code`), '1400000001');
    assert.doesNotMatch((await p.page.textContent(`${row('SdkAppId')} .desc`)) ?? '', /`/);
  });

  it('loads vscode-elements styles as constructable stylesheets under the CSP', async () => {
    const p = await open();
    const sheets = await p.page.evaluate(() => document.querySelector('vscode-button')?.shadowRoot?.adoptedStyleSheets.length ?? -1);
    assert.ok(sheets > 0, `vscode-button has ${sheets} adopted stylesheets`);
  });

  it('notices a CSP violation (the check every test relies on can fail)', async () => {
    const p = await open();
    await p.page.evaluate(() => {
      const d = document.createElement('div');
      d.setAttribute('style', 'color: red');
      document.body.append(d);
    });
    for (let i = 0; i < 50 && !p.problems.some((x) => x.startsWith('CSP violation')); i++) {
      await p.page.waitForTimeout(20);
    }
    assert.ok(p.problems.some((x) => x.startsWith('CSP violation: style-src')), JSON.stringify(p.problems));
    p.problems.length = 0;
  });

  it('posts typed big integers with their exact digits', async () => {
    const p = await open();
    await p.page.fill(ctl('SdkAppId'), BIG);
    const m = await params(p, (t) => t.includes('SdkAppId'));
    assert.equal(m.paramsText, `{\n  "SdkAppId": ${BIG}\n}`);
    assert.equal(await p.page.inputValue('#json-editor'), m.paramsText);
    await p.page.fill(ctl('RoomId'), 'x');
    await p.page.fill(ctl('RoomId'), '');
    const withEmpty = await params(p, (t) => t.includes('"RoomId": ""'));
    assert.match(withEmpty.paramsText, /"RoomId": ""/);
  });

  it('keeps the caret in an optional field while typing makes it present and clearing unsets it', async () => {
    const p = await open();
    await p.page.click(ctl('ResourceExpiredHour'));
    await p.page.keyboard.type('123');
    await params(p, (t) => t === '{\n  "ResourceExpiredHour": 123\n}');
    const cleared = p.messages.length;
    for (let i = 0; i < 3; i++) {
      await p.page.keyboard.press('Backspace');
    }
    await params(p, (t) => t === '{}', cleared);
    const retyped = p.messages.length;
    await p.page.keyboard.type('45');
    await params(p, (t) => t === '{\n  "ResourceExpiredHour": 45\n}', retyped);
    assert.equal(await p.page.evaluate(() => document.activeElement?.id), 'ctl:ResourceExpiredHour');
    assert.equal(await p.page.getByLabel('TaskSeqs[0]').count(), 0);
    await p.page.click(button('add-item', 'TaskSeqs'));
    assert.equal(await p.page.getByLabel('TaskSeqs[0]', { exact: true }).getAttribute('id'), 'ctl:TaskSeqs[0]');
  });

  it('edits dates, floats, booleans, enums and secrets with the right JSON types', async () => {
    const p = await open();
    await p.page.fill(ctl('StartDate'), '2024-02-29');
    await p.page.fill(ctl('Volume'), '1.50');
    await p.page.selectOption(ctl('PureAudioDisableLayout'), 'false');
    await p.page.selectOption(ctl('RoomIdType'), '0');
    assert.equal(await p.page.getAttribute(ctl('UserSig'), 'type'), 'password');
    await p.page.fill(ctl('UserSig'), 'sig');
    await p.page.click(button('reveal', 'UserSig'));
    assert.equal(await p.page.getAttribute(ctl('UserSig'), 'type'), 'text');
    const m = await params(p, (t) => t.includes('UserSig'));
    assert.deepEqual(JSON.parse(m.paramsText), { UserSig: 'sig', RoomIdType: 0, StartDate: '2024-02-29', PureAudioDisableLayout: false, Volume: 1.5 });
    assert.match(m.paramsText, /"Volume": 1\.50/);
    // Choosing "(unset)" removes an optional member again.
    const unsetFrom = p.messages.length;
    await p.page.selectOption(ctl('RoomIdType'), '');
    await params(p, (t) => !t.includes('RoomIdType') && t.includes('UserSig'), unsetFrom);
  });

  it('adds and unsets an optional struct', async () => {
    const p = await open();
    assert.equal(await p.page.locator(ctl('MixTranscodeParams.VideoParams')).count(), 0);
    await p.page.click(button('add-struct', 'MixTranscodeParams'));
    await params(p, (t) => t.includes('"MixTranscodeParams": {}'));
    assert.equal(await p.page.locator(button('add-struct', 'MixTranscodeParams.VideoParams')).count(), 1);
    const unsetFrom = p.messages.length;
    await p.page.click(button('unset', 'MixTranscodeParams'));
    await params(p, (t) => t === '{}', unsetFrom);
    assert.equal(await p.page.locator(button('add-struct', 'MixTranscodeParams')).count(), 1);
  });

  it('adds, fills, reorders and removes items of an array of integers', async () => {
    const p = await open();
    for (let i = 0; i < 3; i++) {
      await p.page.click(button('add-item', 'TaskSeqs'));
    }
    await p.page.fill(ctl('TaskSeqs[0]'), '1');
    await p.page.fill(ctl('TaskSeqs[1]'), BIG);
    await p.page.fill(ctl('TaskSeqs[2]'), '3');
    await p.page.click(button('move-up', 'TaskSeqs[2]'));
    // Focus follows the moved item, so pressing the button again keeps moving it.
    assert.equal(await p.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.path), 'TaskSeqs[1]');
    await p.page.click(button('remove-item', 'TaskSeqs[0]'));
    const m = await params(p, (t) => /"TaskSeqs": \[\s*3,\s*\d+\s*\]/.test(t));
    assert.match(m.paramsText, new RegExp(`"TaskSeqs": \\[\\n    3,\\n    ${BIG}\\n  \\]`));
    assert.equal(await p.page.inputValue(ctl('TaskSeqs[1]')), BIG);
  });

  it('edits arrays of structs and shows issues at their inputs', async () => {
    const p = await open();
    await p.page.click(button('add-struct', 'MixLayoutParams'));
    await p.page.click(button('add-item', 'MixLayoutParams.MixLayoutList'));
    await p.page.click(button('add-item', 'MixLayoutParams.MixLayoutList'));
    await p.page.fill(ctl('MixLayoutParams.MixLayoutList[0].UserId'), 'alice');
    await p.page.fill(ctl('MixLayoutParams.MixLayoutList[1].UserId'), 'bob');
    await p.page.click(button('move-down', 'MixLayoutParams.MixLayoutList[0]'));
    const m = await params(p, (t) => t.indexOf('"bob"') >= 0 && t.indexOf('"bob"') < t.indexOf('"alice"'));
    assert.deepEqual(JSON.parse(m.paramsText).MixLayoutParams.MixLayoutList, [{ UserId: 'bob' }, { UserId: 'alice' }]);
    await p.send({
      type: 'validation',
      paramsText: m.paramsText,
      issues: [{ path: 'MixLayoutParams.MixLayoutList[1].Top', code: 'range', message: 'Top is missing here.' }],
    });
    const input = p.page.locator(ctl('MixLayoutParams.MixLayoutList[1].Top'));
    await p.page.waitForSelector(`${ctl('MixLayoutParams.MixLayoutList[1].Top')}[aria-invalid="true"]`);
    const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
    assert.ok(describedBy.split(' ').includes('iss:MixLayoutParams.MixLayoutList[1].Top'), describedBy);
    assert.equal((await p.page.textContent('[id="iss:MixLayoutParams.MixLayoutList[1].Top"]'))?.trim(), 'Top is missing here.');
    assert.equal(await p.page.getAttribute(ctl('MixLayoutParams.MixLayoutList[0].Top'), 'aria-invalid'), null);
  });

  it('keeps form and JSON in sync both ways, flags unknown keys and survives invalid JSON', async () => {
    const p = await open();
    await p.page.click('#mode-json');
    assert.equal(await p.page.isVisible('#json-editor'), true);
    assert.equal(await p.page.isVisible('#form-pane'), false);
    const typed = `{"SdkAppId": ${BIG}, "Extra": {"a": [1, 2]}, "RecordParams": {"RecordMode": 2}}`;
    await p.page.fill('#json-editor', typed);
    const posted = await params(p, (t) => t === typed);
    assert.equal(posted.paramsText, typed);
    assert.match((await p.page.textContent('.json-note')) ?? '', /Extra/);
    await p.page.click('#mode-form');
    assert.equal(await p.page.inputValue(ctl('SdkAppId')), BIG);
    assert.equal(await p.page.inputValue(ctl('RecordParams.RecordMode')), '2');
    assert.match((await p.page.textContent(row('Extra'))) ?? '', /unknown/);
    assert.equal(await p.page.textContent(ctl('Extra')), '{"a":[1,2]}');

    await p.page.click('#mode-json');
    const broken = `{"SdkAppId": 1,, }`;
    await p.page.fill('#json-editor', broken);
    await params(p, (t) => t === broken);
    assert.match((await p.page.textContent('#json-error')) ?? '', /Line 1, column 16/);
    assert.equal(await p.page.getAttribute('#json-editor', 'aria-invalid'), 'true');
    await p.page.click('#mode-form');
    assert.equal(await p.page.inputValue(ctl('SdkAppId')), BIG, 'the form keeps the last valid parameters');
    assert.equal(await p.page.isVisible('.banner'), true);

    // Editing the form replaces the broken JSON with the form's parameters.
    await p.page.fill(ctl('RoomId'), 'r1');
    const fixed = await params(p, (t) => t.includes('"RoomId": "r1"'));
    // RoomId goes before RecordParams as the action declares it; the unknown key keeps its place.
    assert.equal(fixed.paramsText, `{\n  "SdkAppId": ${BIG},\n  "Extra": {\n    "a": [\n      1,\n      2\n    ]\n  },\n  "RoomId": "r1",\n  "RecordParams": {\n    "RecordMode": 2\n  }\n}`);
    assert.equal(await p.page.isVisible('.banner'), false);
    assert.equal(p.state?.paramsText, fixed.paramsText);
  });

  it('indents with Tab in the JSON editor and lets Escape release the focus', async () => {
    const p = await open();
    await p.page.click('#mode-json');
    await p.page.fill('#json-editor', '{');
    await p.page.focus('#json-editor');
    await p.page.press('#json-editor', 'End');
    await p.page.keyboard.press('Enter');
    await p.page.keyboard.type('"a": 1');
    await p.page.keyboard.press('Enter');
    await p.page.keyboard.press('Tab');
    assert.equal(await p.page.inputValue('#json-editor'), '{\n  "a": 1\n    ');
    await p.page.keyboard.press('Shift+Tab');
    assert.equal(await p.page.inputValue('#json-editor'), '{\n  "a": 1\n  ');
    await p.page.keyboard.press('Escape');
    await p.page.keyboard.press('Tab');
    assert.notEqual(await p.page.evaluate(() => document.activeElement?.id), 'json-editor');
  });

  it('places validation issues, lists the rest with suggestions, and ignores stale answers', async () => {
    const p = await open();
    const text = '{\n  "RoomIdTyp": 1,\n  "RecordParams": {}\n}';
    await p.send({ type: 'setParams', paramsText: text });
    await params(p, (t) => t === text);
    await p.send({ type: 'validation', paramsText: 'something older', issues: [{ path: 'SdkAppId', code: 'missing', message: 'stale' }] });
    await p.send({
      type: 'validation',
      paramsText: text,
      issues: [
        { path: 'RecordParams.RecordMode', code: 'missing', message: 'Required parameter RecordParams.RecordMode is missing.' },
        { path: 'RoomIdTyp', code: 'unknown', message: 'Unknown parameter RoomIdTyp.', suggestion: 'RoomIdType' },
      ],
    });
    await p.page.waitForSelector('#issue-list:not([hidden])');
    assert.equal(await p.page.getAttribute(ctl('RecordParams.RecordMode'), 'aria-invalid'), 'true');
    assert.equal(await p.page.getAttribute(ctl('SdkAppId'), 'aria-invalid'), null, 'the stale issue is not shown');
    const list = (await p.page.textContent('#issue-list')) ?? '';
    assert.match(list, /RoomIdTyp/);
    assert.match(list, /Did you mean RoomIdType\?/);
    assert.doesNotMatch(list, /RecordMode/, 'an issue shown at its input is not listed again');
    assert.equal((await p.page.textContent('#issue-count'))?.trim(), '2 issues');
    const renameFrom = p.messages.length;
    await p.page.click('#issue-list .rename');
    const renamed = await params(p, (t) => t.includes('RoomIdType'), renameFrom);
    assert.deepEqual(JSON.parse(renamed.paramsText), { RoomIdType: 1, RecordParams: {} });
  });

  it('sends with the chosen options, turns Send into Cancel, and shows the result', async () => {
    // A read-only action is sent with whatever the form holds; the API reports its own errors.
    const p = await open(fixtureInit({ action: { ...createCloudRecording, readOnly: true } }));
    await p.page.selectOption('#opt-region', 'ap-singapore');
    await p.page.selectOption('#opt-method', 'GET');
    const opts = await p.waitForMessage((m) => m.type === 'optionsChanged' && m.options.httpMethod === 'GET', { label: 'optionsChanged' });
    assert.equal(opts.type === 'optionsChanged' && opts.options.region, 'ap-singapore');
    await p.page.fill(ctl('RoomId'), 'room-9');
    await p.page.click('#send');
    const send = await p.waitForMessage((m): m is Extract<FromWebview, { type: 'send' }> => m.type === 'send', { label: 'send' });
    assert.deepEqual(JSON.parse(send.paramsText), { RoomId: 'room-9' });
    assert.deepEqual(send.options, { profile: 'default', region: 'ap-singapore', signMethod: 'TC3-HMAC-SHA256', httpMethod: 'GET', language: 'en-US' });
    await p.send({ type: 'sending' });
    await p.page.waitForSelector('#result vscode-progress-ring');
    assert.equal((await p.page.textContent('#send'))?.trim(), 'Cancel');
    await p.page.click('#send');
    await p.waitForMessage((m) => m.type === 'cancel', { label: 'cancel' });
    await p.send({
      type: 'result',
      summary: {
        outcome: 'api-error',
        httpStatus: 200,
        latencyMs: 1234,
        requestId: 'req-42',
        errorCode: 'AuthFailure.SignatureFailure',
        message: 'signature mismatch',
        explanation: 'The computed signature differs.',
        nextStep: 'Check the key.',
        signatureRelated: true,
        sandbox: true,
      },
    });
    await p.page.waitForSelector('#result-outcome');
    assert.equal((await p.page.textContent('#send'))?.trim(), 'Send');
    const result = (await p.page.textContent('#result')) ?? '';
    for (const part of ['API error AuthFailure.SignatureFailure', 'HTTP 200', '1,234 ms', 'req-42', 'sandbox', 'The computed signature differs.', 'Check the key.']) {
      assert.ok(result.includes(part), `result shows ${part}: ${result}`);
    }
    await p.page.click('#result [data-command="debugSignature"]');
    await command(p, 'debugSignature');
    await p.page.click('#result [data-command="copyRequestId"]');
    await command(p, 'copyRequestId');
    await p.page.click('#result [data-command="showSignature"]');
    const show = await command(p, 'showSignature');
    assert.equal(show.options?.region, 'ap-singapore');
  });

  it('sends a read-only action with Ctrl+Enter even when issues exist', async () => {
    const p = await open(fixtureInit({ action: { ...createCloudRecording, readOnly: true } }));
    await p.send({ type: 'validation', paramsText: '{}', issues: [{ path: 'SdkAppId', code: 'range', message: 'out of range' }] });
    await p.page.waitForSelector('#issue-count:not([hidden])');
    await p.page.focus(ctl('RoomId'));
    await p.page.keyboard.press('Control+Enter');
    const send = await p.waitForMessage((m) => m.type === 'send', { label: 'send' });
    assert.equal(send.type === 'send' && send.paramsText, '{}');
  });

  it('asks for skeletons and replaces the parameters with the one it gets', async () => {
    const p = await open();
    await p.page.click('#fill-required');
    await p.waitForMessage((m) => m.type === 'skeleton' && !m.all, { label: 'skeleton required' });
    await p.page.click('#fill-all');
    await p.waitForMessage((m) => m.type === 'skeleton' && m.all, { label: 'skeleton all' });
    const text = `{\n  "SdkAppId": ${BIG},\n  "RecordParams": {\n    "RecordMode": 1\n  }\n}`;
    await p.send({ type: 'skeleton', paramsText: text, samples: { SdkAppId: BIG, 'RecordParams.RecordMode': '1' } });
    await params(p, (t) => t === text);
    assert.equal(await p.page.inputValue(ctl('SdkAppId')), BIG);
    assert.equal(await p.page.inputValue(ctl('RecordParams.RecordMode')), '1');
    assert.equal(await p.page.locator(`${row('SdkAppId')} .tag.sample`).count(), 1);
    assert.equal(await p.page.locator(`${row('RecordParams.RecordMode')} .tag.sample`).count(), 1);
  });

  it('hides unset optional and deprecated fields under "Required only"', async () => {
    const p = await open();
    assert.equal(await p.page.locator(row('LegacyFlag')).count(), 1);
    assert.match((await p.page.textContent(row('LegacyFlag'))) ?? '', /deprecated/);
    await p.page.check('#required-only');
    assert.equal(await p.page.locator(row('RoomIdType')).count(), 0);
    assert.equal(await p.page.locator(row('LegacyFlag')).count(), 0);
    assert.equal(await p.page.locator(row('SdkAppId')).count(), 1);
    assert.equal(await p.page.locator(row('RecordParams.RecordMode')).count(), 1);
    assert.equal(p.state?.requiredOnly, true);
    // A value is shown even though it is optional; clearing it does not pull the row away.
    await p.send({ type: 'setParams', paramsText: '{"Volume": 2}' });
    await p.page.waitForSelector(row('Volume'));
    await p.page.click(ctl('Volume'));
    await p.page.keyboard.press('Backspace');
    await params(p, (t) => t === '{}');
    assert.equal(await p.page.locator(row('Volume')).count(), 1);
    assert.equal(await p.page.evaluate(() => document.activeElement?.id), 'ctl:Volume');
  });

  it('restores the form, the mode and the options after a reload', async () => {
    const p = await open();
    await p.page.fill(ctl('RoomId'), 'kept');
    await p.page.selectOption('#opt-language', 'zh-CN');
    await p.page.click('#mode-json');
    const before = p.messages.length;
    await p.page.reload();
    await p.page.waitForSelector('.action-name');
    await p.waitForMessage((m) => m.type === 'ready', { from: before, label: 'ready after reload' });
    const restored = await params(p, (t) => t.includes('"RoomId": "kept"'), before);
    assert.equal(await p.page.inputValue('#json-editor'), restored.paramsText);
    assert.equal(await p.page.isVisible('#json-editor'), true);
    assert.equal(await p.page.inputValue('#opt-language'), 'zh-CN');
    await p.waitForMessage((m) => m.type === 'optionsChanged' && m.options.language === 'zh-CN', { from: before, label: 'restored options' });
  });

  it('lists profiles with the sandbox and production marked, and offers Add profile when there are none', async () => {
    const p = await open();
    const labels = await p.page.locator('#opt-profile option').allTextContents();
    assert.deepEqual(labels, ['default · AKID****7Q2a', 'live · AKID****m9Zx — production', 'Sandbox (no credentials)', 'Add profile…']);
    assert.equal(await p.page.isVisible('#production-mark'), false);
    await p.page.selectOption('#opt-profile', 'live');
    assert.equal(await p.page.isVisible('#production-mark'), true);
    await p.waitForMessage((m) => m.type === 'optionsChanged' && m.options.profile === 'live', { label: 'profile change' });
    assert.equal(await p.page.locator('#add-profile').count(), 0);
    await p.send({ type: 'profiles', profiles: [{ name: '$sandbox', production: false, temporary: false, maskedSecretId: '' }], selected: '$sandbox' });
    await p.page.waitForSelector('#add-profile');
    assert.equal(await p.page.inputValue('#opt-profile'), '$sandbox');
    await p.page.click('#add-profile');
    await command(p, 'addProfile');
  });

  it('uses the strings the host translated', async () => {
    const p = await open(fixtureInit({ strings: { Send: '发送', 'Fill required': '填写必填项', '{0} issues': '{0} 个问题' } }));
    assert.equal((await p.page.textContent('#send'))?.trim(), '发送');
    assert.equal((await p.page.textContent('#fill-required'))?.trim(), '填写必填项');
    await p.send({
      type: 'validation',
      paramsText: '{}',
      issues: [
        { path: 'SdkAppId', code: 'range', message: 'a' },
        { path: 'RoomId', code: 'type', message: 'b' },
      ],
    });
    await p.page.waitForSelector('#issue-count:not([hidden])');
    assert.equal((await p.page.textContent('#issue-count'))?.trim(), '2 个问题');
  });

  it('opens the docs and the twin action, and runs the menu from the keyboard', async () => {
    const p = await open(fixtureInit({ action: { ...createCloudRecording, twin: 'CreateCloudRecordingTwin' } }));
    await p.page.click('.meta .link-button >> nth=0');
    await command(p, 'openDocs');
    await p.page.click('text=CreateCloudRecordingTwin');
    await command(p, 'openTwin');
    await p.page.click('#more-button');
    await p.page.waitForSelector('#more-menu:not([hidden])');
    await p.page.keyboard.press('ArrowDown');
    await p.page.keyboard.press('Enter');
    const exported = await command(p, 'exportCode');
    assert.equal(exported.paramsText, '{}');
    assert.equal(await p.page.isVisible('#more-menu'), false);
    assert.equal(await p.page.evaluate(() => document.activeElement?.id), 'more-button');
  });

  it('clamps long descriptions behind a More button', async () => {
    const p = await open();
    const desc = '[id="desc:Notes"]';
    assert.match((await p.page.getAttribute(desc, 'class')) ?? '', /clamped/);
    await p.page.click(button('more', 'Notes'));
    assert.doesNotMatch((await p.page.getAttribute(desc, 'class')) ?? '', /clamped/);
    assert.equal(await p.page.getAttribute(button('more', 'Notes'), 'aria-expanded'), 'true');
  });

  for (const theme of ['light', 'dark', 'hc'] as const) {
    it(`fits a 360 px wide panel without sideways scrolling (${theme})`, async () => {
      const p = await open(fixtureInit({ paramsText: previewParamsText }), { width: 360, theme });
      const overflow = () => p.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok((await overflow()) <= 0, `the form is ${await overflow()}px wider than the panel`);
      await p.page.click('#more-button');
      assert.ok((await overflow()) <= 0, `with the menu open the page is ${await overflow()}px wider than the panel`);
      await p.page.keyboard.press('Escape');
      await p.page.click('#mode-json');
      assert.ok((await overflow()) <= 0, `the JSON editor is ${await overflow()}px wider than the panel`);
    });
  }

  it('renders every action of the catalog (or the fixture before it is generated) without problems', async () => {
    const actions = allCatalogActionViews();
    const list = actions.length > 0 ? actions : [createCloudRecording];
    const p = await open();
    for (const action of list) {
      await p.send({ type: 'init', data: fixtureInit({ action }) });
      await p.page.waitForFunction((name) => document.querySelector('.action-name')?.textContent === name, action.name);
      for (const field of action.fields.filter((f) => f.required)) {
        assert.equal(await p.page.locator(row(field.name)).count(), 1, `${action.name}.${field.name} has a row`);
      }
    }
  });
});
