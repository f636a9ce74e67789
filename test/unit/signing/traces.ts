// Narrowing helpers shared by the signing tests: they fail the test when the trace has the wrong kind.
import assert from 'node:assert/strict';
import type { LegacyTrace, SignedRequest, Tc3Trace } from '../../../src/core/signing';

/** The TC3 trace of a signed request. */
export function tc3Trace(signed: SignedRequest): Tc3Trace {
  assert.equal(signed.trace.method, 'TC3-HMAC-SHA256');
  return signed.trace as Tc3Trace;
}

/** The legacy trace of a signed request. */
export function legacyTrace(signed: SignedRequest): LegacyTrace {
  assert.notEqual(signed.trace.method, 'TC3-HMAC-SHA256');
  return signed.trace as LegacyTrace;
}
