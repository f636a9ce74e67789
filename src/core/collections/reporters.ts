import { stringifyJson, type JsonObject, type JsonValue } from '../json';
import { redactParams } from '../sensitive';
import { terminalSafe } from '../terminalText';
import type { RunRequestResult, RunStatus, RunSummary } from './collectionRunner';

/** The report formats a run can be written in. */
export type ReportFormat = 'text' | 'json' | 'junit';

/** Writes a run summary in the given format. */
export function formatReport(summary: RunSummary, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return formatJsonReport(summary);
    case 'junit':
      return formatJunitReport(summary);
    default:
      return formatTextReport(summary);
  }
}

const LABEL: Record<RunStatus, string> = { passed: 'PASS ', failed: 'FAIL ', errored: 'ERROR', skipped: 'SKIP ' };

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function qualifiedName(r: RunRequestResult): string {
  return [...r.path, r.name].join(' / ');
}

/**
 * A human report: one line per request, the failed checks under it, totals at the end. Names and
 * messages come from files and servers, so they are passed through {@link terminalSafe}.
 */
export function formatTextReport(summary: RunSummary): string {
  const lines: string[] = [];
  lines.push(
    `Collection "${terminalSafe(summary.collectionName)}"${summary.environmentName ? ` with environment "${terminalSafe(summary.environmentName)}"` : ''}`,
  );
  for (const r of summary.results) {
    const status = r.callResult ? ` HTTP ${r.callResult.httpStatus}` : '';
    const latency = r.callResult ? ` ${Math.round(r.callResult.latencyMs)} ms` : '';
    lines.push(`  ${LABEL[r.status]} ${terminalSafe(qualifiedName(r))} (${terminalSafe(r.action)})${status}${latency}`);
    if (r.status === 'failed') {
      for (const a of r.assertions.filter((x) => !x.passed)) {
        lines.push(`          ✗ ${terminalSafe(a.message, true).split('\n').join('\n            ')}`);
      }
    }
    if (r.error && r.status !== 'passed') {
      lines.push(`          ${terminalSafe(r.error.message, true).split('\n').join('\n          ')}`);
    }
  }
  lines.push(
    `${summary.passed} passed, ${summary.failed} failed, ${summary.errored} errored, ${summary.skipped} skipped` +
      ` of ${summary.total} in ${seconds(summary.durationMs)} s${summary.cancelled ? ' (cancelled)' : ''}`,
  );
  return lines.join('\n') + '\n';
}

/**
 * A machine report: the summary as JSON, big numbers exact. Call results keep the status, latency,
 * request id, error and the response (sensitive members redacted); the signature trace is left out
 * because it holds derived signing keys.
 */
export function formatJsonReport(summary: RunSummary): string {
  const results: JsonValue[] = summary.results.map((r) => {
    const out: JsonObject = {
      requestId: r.requestId,
      name: r.name,
      action: r.action,
      path: r.path,
      status: r.status,
      durationMs: Math.round(r.durationMs),
      assertions: r.assertions.map((a) => {
        const entry: JsonObject = {
          type: a.assertion.type,
          description: a.description,
          passed: a.passed,
          expected: a.expected,
          actual: a.actual,
          message: a.message,
        };
        if (a.implicit) {
          entry.implicit = true;
        }
        return entry;
      }),
    };
    if (r.callResult) {
      const c = r.callResult;
      const call: JsonObject = {
        origin: c.origin,
        httpStatus: c.httpStatus,
        latencyMs: Math.round(c.latencyMs),
        startedAt: c.startedAt,
        response: redactParams(c.response).params,
      };
      if (c.requestId !== undefined) {
        call.requestId = c.requestId;
      }
      if (c.error) {
        call.error = { code: c.error.code, message: c.error.message };
      }
      out.call = call;
    }
    if (r.error) {
      out.error = { kind: r.error.kind, message: r.error.message };
    }
    return out;
  });
  const report: JsonObject = {
    collection: summary.collectionName,
    startedAt: summary.startedAt,
    durationMs: Math.round(summary.durationMs),
    cancelled: summary.cancelled,
    total: summary.total,
    passed: summary.passed,
    failed: summary.failed,
    errored: summary.errored,
    skipped: summary.skipped,
    results,
  };
  if (summary.environmentName !== undefined) {
    report.environment = summary.environmentName;
  }
  return stringifyJson(report, 2) + '\n';
}

/**
 * Escapes text for XML attribute values and character data. Characters XML 1.0 cannot carry at all
 * (most control characters, lone surrogates, U+FFFE/U+FFFF) are replaced by U+FFFD.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** Like escapeXml, for element content, where line breaks read better kept as they are. */
function escapeXmlText(text: string): string {
  return escapeXml(text).replace(/&#10;/g, '\n').replace(/&#9;/g, '\t');
}

/**
 * A JUnit XML report for CI: one `<testsuite>` per folder (the collection itself for top-level
 * requests), one `<testcase>` per request with `classname` = collection and folder names joined by
 * "/", `<failure>` for failed checks, `<error>` for requests that could not run, `<skipped/>`, times
 * in seconds.
 */
export function formatJunitReport(summary: RunSummary): string {
  const suites = new Map<string, RunRequestResult[]>();
  for (const r of summary.results) {
    const key = [summary.collectionName, ...r.path].join('/');
    const list = suites.get(key) ?? [];
    list.push(r);
    suites.set(key, list);
  }
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(
    `<testsuites name="${escapeXml(summary.collectionName)}" tests="${summary.total}" failures="${summary.failed}"` +
      ` errors="${summary.errored}" skipped="${summary.skipped}" time="${seconds(summary.durationMs)}">`,
  );
  let id = 0;
  for (const [name, results] of suites) {
    const count = (s: RunStatus): number => results.filter((r) => r.status === s).length;
    const time = results.reduce((t, r) => t + r.durationMs, 0);
    out.push(
      `  <testsuite id="${id++}" name="${escapeXml(name)}" tests="${results.length}" failures="${count('failed')}"` +
        ` errors="${count('errored')}" skipped="${count('skipped')}" time="${seconds(time)}" timestamp="${escapeXml(summary.startedAt.replace(/\.\d+Z$/, ''))}">`,
    );
    for (const r of results) {
      const open = `    <testcase name="${escapeXml(r.name)}" classname="${escapeXml(name)}" time="${seconds(r.durationMs)}"`;
      if (r.status === 'passed') {
        out.push(`${open}/>`);
        continue;
      }
      out.push(`${open}>`);
      if (r.status === 'failed') {
        const failed = r.assertions.filter((a) => !a.passed);
        const message = failed.length === 1 ? failed[0].message : `${failed.length} checks failed: ${failed.map((a) => a.description).join('; ')}`;
        out.push(
          `      <failure message="${escapeXml(message)}" type="AssertionFailed">${escapeXmlText(
            failed.map((a) => `${a.description}\n  expected: ${a.expected}\n  actual:   ${a.actual}`).join('\n'),
          )}</failure>`,
        );
      } else if (r.status === 'errored') {
        const message = r.error?.message ?? 'The request could not be run';
        out.push(`      <error message="${escapeXml(message.replace(/\s*\n\s*/g, ' '))}" type="${escapeXml(r.error?.kind ?? 'internal')}">${escapeXmlText(message)}</error>`);
      } else {
        out.push(`      <skipped message="${escapeXml(r.error?.message ?? 'Not run')}"/>`);
      }
      if (r.callResult?.requestId) {
        out.push(`      <system-out>${escapeXmlText(`RequestId ${r.callResult.requestId}`)}</system-out>`);
      }
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}
