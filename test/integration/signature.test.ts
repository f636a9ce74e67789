import * as assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import * as vscode from 'vscode';
import { maskSecret } from '../../src/core/redact';
import { tencentOnly } from '../../src/core/http/endpointPolicy';
import { prepareCall } from '../../src/core/requests/callExecutor';
import type { CallSpec } from '../../src/core/requests/types';
import type { Tc3Trace } from '../../src/core/signing/types';
import type { PanelCall } from '../../src/editor/requests/requestPanel';
import type { ToDebugger } from '../../src/shared/debuggerProtocol';
import type { StandInServer } from '../fixtures/standInServer';
import { explorer, IT_SECRET_ID, IT_SECRET_KEY, IT_TOKEN, ROOM_PARAMS, startStandIn, stopStandIn, waitFor, openPanel, answerDocument } from './helpers';
import { scriptedPrompts } from './scriptedPrompts';

const WRONG_KEY = 'signatureSuiteWrongKey0000000000';

suite('signature steps and debugger', () => {
  let server: StandInServer;

  suiteSetup(async () => {
    server = await startStandIn();
    const api = await explorer();
    await api.credentials.upsert({ name: 'sig-it', secretId: IT_SECRET_ID, secretKey: IT_SECRET_KEY, token: IT_TOKEN, region: 'ap-singapore' });
    await api.credentials.upsert({ name: 'sig-wrong', secretId: IT_SECRET_ID, secretKey: WRONG_KEY, token: IT_TOKEN });
    await api.credentials.setActive('sig-it');
  });

  suiteTeardown(async () => {
    const api = await explorer();
    api.signature.current?.debugger()?.dispose();
    await stopStandIn(server);
  });

  async function sendFromForm(profile: string): Promise<PanelCall> {
    const api = await explorer();
    await vscode.commands.executeCommand('trtcExplorer.api.openAction', 'DescribeRoomInfo');
    const panel = await waitFor(() => openPanel(api, 'DescribeRoomInfo'), 'the DescribeRoomInfo form');
    const call = await panel.send(ROOM_PARAMS, { profile, region: 'ap-singapore', signMethod: 'TC3-HMAC-SHA256', httpMethod: 'POST', language: 'en-US' });
    assert.ok(call?.result?.trace, 'the call was signed and answered');
    return call;
  }

  test('Show Signature Steps opens every step with visible line breaks, derived keys masked and no secret', async () => {
    const call = await sendFromForm('sig-it');
    const trace = call.result!.trace as Tc3Trace;
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('trtcExplorer.signature.showSteps', call);
    assert.ok(doc, 'the command returned the document');
    assert.equal(doc.languageId, 'markdown');
    assert.equal(doc.uri.scheme, 'trtc-result');
    const text = doc.getText();
    assert.ok(text.includes('POST⏎\n/⏎\n⏎\ncontent-type:application/json⏎\nhost:'), 'the canonical request shows its line breaks');
    for (const step of ['## 1. Hashed payload', 'Canonical request', 'Credential scope', 'String to sign', 'Derived key: SecretSigning', 'Signature', 'Headers sent']) {
      assert.ok(text.includes(step), `the document has the step ${step}`);
    }
    assert.ok(text.includes(trace.signature), 'the signature of the call itself');
    assert.ok(text.includes(trace.credentialScope));
    for (const key of [trace.secretDate, trace.secretService, trace.secretSigning]) {
      assert.ok(!text.includes(key), 'a derived key is not shown in full');
      assert.ok(text.includes(maskSecret(key, 6)), 'it is shown masked');
    }
    assert.ok(!text.includes(IT_SECRET_KEY), 'no SecretKey');
    assert.ok(!text.includes(IT_TOKEN) && !text.includes(maskSecret(IT_TOKEN)), 'no token, not even masked');
    assert.match(text, /X-TC-Token: <session token, not shown>/);

    // The same steps from the result document's title button, which passes the document's URI.
    const result = await waitFor(() => answerDocument('DescribeRoomInfo'), 'the result document');
    const fromResult = await vscode.commands.executeCommand<vscode.TextDocument>('trtcExplorer.signature.showSteps', result.uri);
    assert.ok(fromResult?.getText().includes(trace.signature), 'the result document leads to the steps of its call');
  });

  test('Reveal Derived Keys asks first, then shows the keys and still no SecretKey or token', async () => {
    const api = await explorer();
    const original = api.prompts;
    try {
      const call = await sendFromForm('sig-it');
      const trace = call.result!.trace as Tc3Trace;
      const doc = await vscode.commands.executeCommand<vscode.TextDocument>('trtcExplorer.signature.showSteps', call);

      const declined = scriptedPrompts({ revealDerivedKeys: false });
      api.prompts = declined;
      assert.equal(await vscode.commands.executeCommand('trtcExplorer.signature.revealSteps', doc.uri), undefined);
      assert.deepEqual(declined.asked, ['revealDerivedKeys']);

      api.prompts = scriptedPrompts({ revealDerivedKeys: true });
      const revealed = await vscode.commands.executeCommand<vscode.TextDocument>('trtcExplorer.signature.revealSteps', doc.uri);
      const text = revealed.getText();
      assert.ok(text.includes(trace.secretDate) && text.includes(trace.secretService) && text.includes(trace.secretSigning));
      assert.ok(!text.includes(IT_SECRET_KEY) && !text.includes(IT_TOKEN));
    } finally {
      api.prompts = original;
    }
  });

  test('a request without a trace (sandbox, history) is signed afresh with the active profile', async () => {
    const spec: CallSpec = { action: 'DescribeRoomInfo', params: { SdkAppId: 1400000001, RoomId: '1001' }, region: 'ap-singapore' };
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('trtcExplorer.signature.showSteps', { spec, profile: '$sandbox' });
    const text = doc.getText();
    assert.match(text, /fresh signature made just now with the keys of profile "sig-it"/);
    assert.ok(text.includes(`Credential=${IT_SECRET_ID}/`), 'signed with the active profile\'s SecretId');
    assert.ok(!text.includes(IT_SECRET_KEY) && !text.includes(IT_TOKEN));
  });

  test('Debug Signature from a failing call prefills the request and diagnoses with the profile key, which never reaches the page', async () => {
    const api = await explorer();
    const call = await sendFromForm('sig-wrong');
    assert.equal(call.result?.error?.code, 'AuthFailure.SignatureFailure');
    const panel = await vscode.commands.executeCommand<unknown>('trtcExplorer.signature.debug', call);
    const dbg = api.signature.current?.debugger();
    assert.ok(panel && dbg, 'the debugger opened');
    const posted: ToDebugger[] = [];
    const sub = dbg.onDidPost((m) => posted.push(m));
    try {
      const text = dbg.prefillText;
      assert.ok(text, 'the request is prefilled');
      assert.match(text, /^POST \/ HTTP\/1\.1\n/);
      assert.ok(text.includes('X-TC-Action: DescribeRoomInfo'));
      assert.ok(text.includes((call.result!.trace as Tc3Trace).authorization), 'with the signature the call was sent with');
      assert.ok(!text.includes(IT_TOKEN), 'the token is masked');
      assert.equal(dbg.profileName, 'sig-wrong');

      await dbg.receive({ type: 'ready' });
      await dbg.receive({ type: 'diagnoseWithProfile', text });
      const d = dbg.lastDiagnosis;
      assert.ok(d);
      assert.equal(d.signatureMatches, true, 'the signature is right for the key it was made with');
      assert.equal(d.causes[0]?.id, 'secretkey-wrong', 'so the key itself is the likely cause');
      const sent = JSON.stringify(posted);
      assert.ok(posted.some((m) => m.type === 'init') && posted.some((m) => m.type === 'diagnosis'));
      for (const secret of [WRONG_KEY, IT_SECRET_KEY, IT_TOKEN]) {
        assert.ok(!sent.includes(secret), 'no key or token was sent to the page');
      }
    } finally {
      sub.dispose();
    }
  });

  test('the debugger names the credential scope of a request signed with a UTC+8 date as the first difference', async () => {
    const api = await explorer();
    await vscode.commands.executeCommand('trtcExplorer.signature.debug');
    const dbg = await waitFor(() => api.signature.current?.debugger(), 'the debugger');
    const posted: ToDebugger[] = [];
    const sub = dbg.onDidPost((m) => posted.push(m));
    try {
      // 20:00 UTC is already the next day in UTC+8; the code under test took its date from local time.
      const timestamp = Math.floor(Date.now() / 1000 / 86400) * 86400 + 20 * 3600 - 86400;
      const { signed } = prepareCall({ action: 'DescribeRoomInfo', params: { SdkAppId: 1400000001, RoomId: '1001' }, region: 'ap-guangzhou' }, { credentials: { secretId: IT_SECRET_ID, secretKey: IT_SECRET_KEY }, timestamp, policy: tencentOnly() });
      const trace = signed.trace as Tc3Trace;
      const localDate = new Date((timestamp + 8 * 3600) * 1000).toISOString().slice(0, 10);
      const hmac = (key: string | Buffer, msg: string) => createHmac('sha256', key).update(msg).digest();
      const signing = hmac(hmac(hmac(`TC3${IT_SECRET_KEY}`, localDate), 'trtc'), 'tc3_request');
      const scope = `${localDate}/trtc/tc3_request`;
      const hashed = createHash('sha256').update(trace.canonicalRequest).digest('hex');
      const signature = createHmac('sha256', signing).update(`TC3-HMAC-SHA256\n${timestamp}\n${scope}\n${hashed}`).digest('hex');
      const headers = { ...signed.headers, Authorization: `TC3-HMAC-SHA256 Credential=${IT_SECRET_ID}/${scope}, SignedHeaders=content-type;host, Signature=${signature}` };
      const raw = `POST / HTTP/1.1\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\n')}\n\n${signed.body}`;

      await dbg.receive({ type: 'diagnose', text: raw, secretKey: IT_SECRET_KEY, secretId: IT_SECRET_ID });
      const d = dbg.lastDiagnosis;
      assert.ok(d);
      assert.equal(d.signatureMatches, false);
      assert.equal(d.firstDifference?.key, 'credentialScope');
      assert.equal(d.firstDifference?.actual, scope);
      // The request is up to a day old, so an expired timestamp may be named too; the scope is certain.
      assert.ok(d.causes.some((c) => c.id === 'scope-date-local-time' && c.confidence === 'certain'), JSON.stringify(d.causes.map((c) => c.id)));
      const view = posted.find((m): m is Extract<ToDebugger, { type: 'diagnosis' }> => m.type === 'diagnosis');
      assert.ok(view, 'the page got the diagnosis');
      assert.equal(view.diagnosis.verdict, 'wrong');
      assert.equal(view.diagnosis.certainty, 'reproduced', 'the local-time scope reproduces the signature exactly');
      assert.match(view.diagnosis.headline, /\S/);
      assert.ok(view.diagnosis.causes.some((c) => c.id === 'scope-date-local-time' && c.reproduced), 'the reproducing cause is marked');
      assert.equal(view.diagnosis.firstDifference?.key, 'credentialScope');
      assert.ok(!JSON.stringify(posted).includes(IT_SECRET_KEY), 'the key is not sent back to the page');
    } finally {
      sub.dispose();
    }
  });

  test('the debugger ignores malformed messages and explains a paste it cannot read', async () => {
    const api = await explorer();
    await vscode.commands.executeCommand('trtcExplorer.signature.debug');
    const dbg = await waitFor(() => api.signature.current?.debugger(), 'the debugger');
    const posted: ToDebugger[] = [];
    const sub = dbg.onDidPost((m) => posted.push(m));
    try {
      await dbg.receive({ type: 'diagnose', text: 'x', secretKey: '' });
      await dbg.receive({ type: 'diagnose', text: 42, secretKey: 'k' });
      await dbg.receive({ type: 'exfiltrate' });
      assert.equal(posted.length, 0, 'nothing answered the malformed messages');
      await dbg.receive({ type: 'diagnose', text: '{"SdkAppId":1}', secretKey: 'k' });
      const error = posted.find((m): m is Extract<ToDebugger, { type: 'error' }> => m.type === 'error');
      assert.ok(error, 'an error went to the page');
      assert.match(error.message, /headers/);
    } finally {
      sub.dispose();
    }
  });
});
