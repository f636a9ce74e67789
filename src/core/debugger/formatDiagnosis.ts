import { showInvisibles } from '../signing/traceSteps';
import type { Language } from '../signing/types';
import type { Confidence, Diagnosis, DiagnosisStep, LocalizedText, StepStatus } from './types';

/** Options of {@link formatDiagnosis}. */
export interface FormatDiagnosisOptions {
  /** `zh`/`zh-CN` for Chinese; English otherwise. */
  language?: 'en' | 'zh' | Language;
}

const MARK: Record<StepStatus, string> = { ok: '✓', differs: '✗', unknown: '?', skipped: '–' };

const WORDS = {
  heading: { en: 'Signature check', zh: '签名检查' },
  steps: { en: 'Steps', zh: '步骤' },
  expected: { en: 'expected', zh: '预期' },
  actual: { en: 'actual  ', zh: '实际' },
  notShown: { en: 'not known: the request does not show it and no mistake reproduced it', zh: '未知：请求中看不到该值，也没有复现出来' },
  skipped: { en: 'skipped', zh: '已跳过' },
  first: { en: 'First difference', zh: '第一个不一致' },
  atLine: { en: 'line', zh: '第' },
  column: { en: 'column', zh: '列' },
  none: { en: 'No step differs.', zh: '没有不一致的步骤。' },
  causes: { en: 'Causes', zh: '原因' },
  fix: { en: 'Fix', zh: '修改' },
  notes: { en: 'Notes on the paste', zh: '关于粘贴内容' },
  reproduced: { en: 'reproduced', zh: '已复现' },
} satisfies Record<string, LocalizedText>;

const CONFIDENCE: Record<Confidence, LocalizedText> = {
  certain: { en: 'certain', zh: '确定' },
  likely: { en: 'likely', zh: '很可能' },
  possible: { en: 'possible', zh: '可能' },
};

// Columns a terminal gives a text: CJK and full-width characters take two.
function width(text: string): number {
  let n = 0;
  for (const c of text) {
    n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1;
  }
  return n;
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((l) => prefix + l)
    .join('\n');
}

function visible(text: string): string {
  // showInvisibles marks each line break with ⏎ and keeps the break; a final one leaves an empty
  // last line, which is dropped so the block ends where the value ends.
  return showInvisibles(text).replace(/\n$/, '');
}

/** Where two texts first differ, as 1-based line and column. */
function firstDiff(a: string, b: string): { line: number; column: number; lineA: string; lineB: string } | undefined {
  if (a === b) {
    return undefined;
  }
  const la = a.split('\n');
  const lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    const x = la[i] ?? '';
    const y = lb[i] ?? '';
    if (x !== y || (i >= la.length) !== (i >= lb.length)) {
      let c = 0;
      while (c < x.length && c < y.length && x[c] === y[c]) {
        c++;
      }
      return { line: i + 1, column: c + 1, lineA: x, lineB: y };
    }
  }
  return undefined;
}

function stepLines(s: DiagnosisStep, t: (l: LocalizedText) => string): string[] {
  const out = [`  ${MARK[s.status]} ${t(s.title)}`];
  if (s.status === 'differs') {
    out.push(`      ${t(WORDS.expected)}: ` + indent(visible(s.expected), '        ').trimStart());
    out.push(`      ${t(WORDS.actual)}: ` + indent(visible(s.actual ?? ''), '        ').trimStart());
  } else if (s.status === 'unknown' && s.actual === undefined) {
    out.push(`      (${t(WORDS.notShown)})`);
    if (s.expected !== '') {
      out.push(indent(s.expected.replace(/\n$/, ''), '        '));
    }
  } else if (s.status === 'skipped') {
    out.push(`      (${t(WORDS.skipped)})`);
  } else {
    const value = (s.actual ?? s.expected).replace(/\n$/, '');
    if (value !== '') {
      out.push(indent(value, '      '));
    }
  }
  if (s.note) {
    out.push(`      ※ ${t(s.note)}`);
  }
  return out;
}

/**
 * The diagnosis as plain text for a terminal or a text document: the verdict with its certainty,
 * each step with ✓ ✗ ? –, the first
 * difference with both values (invisible characters shown, the first differing line and column
 * pointed at), then the causes, most likely first, and notes about the paste.
 */
export function formatDiagnosis(d: Diagnosis, options: FormatDiagnosisOptions = {}): string {
  const zh = options.language === 'zh' || options.language === 'zh-CN';
  const t = (l: LocalizedText): string => (zh ? l.zh : l.en);
  const lines: string[] = [];
  lines.push(`${t(WORDS.heading)} (${d.signMethod === 'unknown' ? '—' : d.signMethod})`);
  lines.push('');
  lines.push(t(d.verdict));
  lines.push('');
  lines.push(t(d.summary));
  lines.push('');
  lines.push(t(WORDS.steps));
  for (const s of d.steps) {
    lines.push(...stepLines(s, t));
  }
  lines.push('');
  if (d.firstDifference) {
    const f = d.firstDifference;
    lines.push(`${t(WORDS.first)}: ${t(f.title)}`);
    const where = firstDiff(f.expected, f.actual ?? '');
    if (where && (f.expected.includes('\n') || (f.actual ?? '').includes('\n'))) {
      lines.push(zh ? `  第 ${where.line} 行第 ${where.column} ${t(WORDS.column)}不同：` : `  At line ${where.line}, column ${where.column}:`);
      const exp = showInvisibles(where.lineA);
      const act = showInvisibles(where.lineB);
      lines.push(`    ${t(WORDS.expected)}: ${exp}`);
      lines.push(`    ${t(WORDS.actual)}: ${act}`);
    } else if (where) {
      const label = `    ${t(WORDS.expected)}: `;
      lines.push(label + showInvisibles(f.expected));
      lines.push(`    ${t(WORDS.actual)}: ` + showInvisibles(f.actual ?? ''));
      lines.push(' '.repeat(width(label) + width(showInvisibles(where.lineA.slice(0, where.column - 1)))) + '^');
    } else {
      lines.push(`    ${t(WORDS.expected)}: ${showInvisibles(f.expected)}`);
    }
    lines.push('');
  } else {
    lines.push(t(WORDS.none));
    lines.push('');
  }
  if (d.causes.length > 0) {
    lines.push(t(WORDS.causes));
    d.causes.forEach((c, i) => {
      lines.push(`  ${i + 1}. [${t(c.reproduced ? WORDS.reproduced : CONFIDENCE[c.confidence])}] ${t(c.title)}`);
      lines.push(indent(t(c.explanation), '     '));
      lines.push(`     ${t(WORDS.fix)}: ${t(c.fix)}`);
    });
    lines.push('');
  }
  if (d.warnings.length > 0) {
    lines.push(t(WORDS.notes));
    for (const w of d.warnings) {
      lines.push(`  - ${zh ? w.zh : w.en}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
