import type { Cause, CauseId, Confidence, LocalizedText, StepKey } from './types';

/** The words of a cause, before its confidence is known. */
export interface CauseText {
  id: CauseId;
  title: LocalizedText;
  explanation: LocalizedText;
  fix: LocalizedText;
  step?: StepKey;
}

/** A text in both languages. */
export function text(en: string, zh: string): LocalizedText {
  return { en, zh };
}

/** A cause's words, with the step it shows up in. */
export function cause(id: CauseId, step: StepKey | undefined, title: LocalizedText, explanation: LocalizedText, fix: LocalizedText): CauseText {
  return step === undefined ? { id, title, explanation, fix } : { id, title, explanation, fix, step };
}

/** A cause with its confidence. */
export function withConfidence(c: CauseText, confidence: Confidence): Cause {
  return { ...c, confidence };
}

/** How a reproduced signature adds to an explanation: "We signed ... and got exactly your signature." */
export function reproducedNote(c: CauseText): CauseText {
  return {
    ...c,
    explanation: {
      en: c.explanation.en + ' Signing the request with this mistake gives exactly the signature your code sent.',
      zh: c.explanation.zh + '按这个错误重新签名，得到的签名与代码发送的完全相同。',
    },
  };
}

/** A value quoted for a sentence; long values are cut. */
export function q(value: string): string {
  const cut = value.length > 120 ? value.slice(0, 120) + '…' : value;
  return JSON.stringify(cut);
}

/** Every cause the debugger names, as functions of the details that make it concrete. */
/** A duration in words, such as "7 minutes 5 seconds" or "3 days". */
export function describeDuration(seconds: number): LocalizedText {
  const s = Math.round(seconds);
  if (s < 60) {
    return { en: `${s} second${s === 1 ? '' : 's'}`, zh: `${s} 秒` };
  }
  if (s < 3600) {
    const m = Math.floor(s / 60);
    const r = s % 60;
    return {
      en: `${m} minute${m === 1 ? '' : 's'}${r ? ` ${r} second${r === 1 ? '' : 's'}` : ''}`,
      zh: `${m} 分${r ? ` ${r} 秒` : '钟'}`,
    };
  }
  if (s < 86400 * 2) {
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    return { en: `${h} hour${h === 1 ? '' : 's'}${m ? ` ${m} minute${m === 1 ? '' : 's'}` : ''}`, zh: `${h} 小时${m ? ` ${m} 分` : ''}` };
  }
  const d = Math.floor(s / 86400);
  if (d > 3650) {
    return { en: `about ${Math.round(d / 365)} years`, zh: `约 ${Math.round(d / 365)} 年` };
  }
  return { en: `${d} days`, zh: `${d} 天` };
}
