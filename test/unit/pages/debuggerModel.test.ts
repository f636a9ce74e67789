import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { showInvisibles } from '../../../src/core/signing/traceSteps';
import { debuggerStateSchema, fromDebuggerSchema } from '../../../src/shared/debuggerProtocol';
import { differenceParts, makeDebuggerTranslate, startingInput, stateToSave, statusLabel, statusMark, visible, visibleUnits } from '../../../src/pages/debugger/debuggerModel';
import { DEBUGGER_STRINGS } from '../../../src/shared/debuggerStrings';

describe('visible values', () => {
  it('uses the same symbols as the signing core, one unit per character', () => {
    const samples = ['POST\n/\n\ncontent-type:application/json\n', 'a\tb\r\nc  \nd\u00a0e\u200bf ', '', '   ', 'x \n \n'];
    for (const s of samples) {
      assert.equal(visible(s), showInvisibles(s), JSON.stringify(s));
      assert.equal(visibleUnits(s).length, s.length);
    }
  });

  it('marks only spaces at the end of a line as trailing', () => {
    assert.deepEqual(visibleUnits('a b \nc'), ['a', ' ', 'b', '·', '⏎\n', 'c']);
  });
});

describe('differenceParts', () => {
  it('isolates the differing middle of a credential scope', () => {
    const p = differenceParts('2024-01-01/trtc/tc3_request', '2024-01-02/trtc/tc3_request');
    assert.deepEqual(p.expected, { before: '2024-01-0', changed: '1', after: '/trtc/tc3_request' });
    assert.deepEqual(p.actual, { before: '2024-01-0', changed: '2', after: '/trtc/tc3_request' });
  });

  it('shows an added final line break as the changed part, made visible', () => {
    const p = differenceParts('{"a":1}', '{"a":1}\n');
    assert.equal(p.expected.changed, '');
    assert.equal(p.actual.changed, '⏎\n');
    assert.equal(p.actual.before, '{"a":1}');
  });

  it('does not let the common end overlap the common start', () => {
    const p = differenceParts('aa', 'aaa');
    assert.equal(p.expected.before + p.expected.changed + p.expected.after, 'aa');
    assert.equal(p.actual.before + p.actual.changed + p.actual.after, 'aaa');
    assert.equal(p.actual.changed, 'a');
  });

  it('keeps every part visible even when a tab differs from spaces', () => {
    const p = differenceParts('a\tb', 'a    b');
    assert.equal(p.expected.changed, '→');
    assert.equal(p.actual.changed, '    ');
  });
});

describe('startingInput', () => {
  const prefill = { id: 'p1', text: 'POST / HTTP/1.1\nHost: x\n\n{}', note: 'n' };

  it('takes a prefill the page has not seen, dropping the saved optional inputs', () => {
    const s = startingInput({ prefill }, { text: 'old', secretId: 'AKID1', temporary: true, prefillId: 'p0' });
    assert.deepEqual(s, { text: prefill.text, secretId: '', temporary: false, prefillId: 'p1' });
  });

  it('keeps edits made after the same prefill, such as after the panel was hidden', () => {
    const s = startingInput({ prefill }, { text: 'edited', secretId: 'AKID1', temporary: true, prefillId: 'p1' });
    assert.deepEqual(s, { text: 'edited', secretId: 'AKID1', temporary: true, prefillId: 'p1' });
  });

  it('restores the saved paste after a reload, and survives malformed state', () => {
    assert.deepEqual(startingInput({}, { text: 't', secretId: 'AKID2' }), { text: 't', secretId: 'AKID2', temporary: false });
    assert.deepEqual(startingInput({}, 'garbage'), { text: '', secretId: '', temporary: false });
    assert.deepEqual(startingInput({}, { text: 42, temporary: 'yes' }), { text: '', secretId: '', temporary: false });
  });

  it('saves no more than the paste, the SecretId, the flag and the prefill id', () => {
    const state = stateToSave({ text: 't', secretId: 'i', temporary: true, prefillId: 'p' });
    assert.deepEqual(Object.keys(state).sort(), ['prefillId', 'secretId', 'temporary', 'text']);
  });
});

describe('page strings and marks', () => {
  it('translates with a fallback to English and fills placeholders', () => {
    const t = makeDebuggerTranslate({ Diagnose: '诊断', 'Key used: {0}': '' });
    assert.equal(t('Diagnose'), '诊断');
    assert.equal(t('Key used: {0}', 'x'), 'Key used: x');
    assert.equal(t('First difference: {0}', 'Signature'), 'First difference: Signature');
  });

  it('lists each string once', () => {
    assert.equal(new Set(DEBUGGER_STRINGS).size, DEBUGGER_STRINGS.length);
  });

  it('marks each status differently and names it with a page string', () => {
    const statuses = ['ok', 'differs', 'unknown', 'skipped'] as const;
    assert.equal(new Set(statuses.map(statusMark)).size, 4);
    for (const s of statuses) {
      assert.ok((DEBUGGER_STRINGS as readonly string[]).includes(statusLabel(s)));
    }
  });
});

describe('debugger protocol', () => {
  it('accepts the page messages it defines', () => {
    for (const m of [
      { type: 'ready' },
      { type: 'diagnose', text: 'x', secretKey: 'k' },
      { type: 'diagnose', text: 'x', secretKey: 'k', secretId: 'AKID', temporary: true },
      { type: 'diagnoseWithProfile', text: 'x' },
      { type: 'openReport' },
    ]) {
      assert.equal(fromDebuggerSchema.safeParse(m).success, true, JSON.stringify(m));
    }
  });

  it('refuses malformed messages', () => {
    for (const m of [
      { type: 'diagnose', text: 'x', secretKey: '' },
      { type: 'diagnose', text: 1, secretKey: 'k' },
      { type: 'diagnose', text: 'x', secretKey: 'k'.repeat(2000) },
      { type: 'diagnoseWithProfile' },
      { type: 'sendKeys' },
      'ready',
      null,
    ]) {
      assert.equal(fromDebuggerSchema.safeParse(m).success, false, JSON.stringify(m));
    }
  });

  it('drops anything but the known fields from a saved state, a key included', () => {
    const parsed = debuggerStateSchema.parse({ text: 't', secretKey: 'should-not-survive' });
    assert.deepEqual(parsed, { text: 't' });
  });
});
