import type { MethodDiagnosis } from './diagnoseContext';
import { STEP_TITLES } from './findings';
import type { Cause, Certainty, DiagnosisStep, LocalizedText, PastedRequest } from './types';

/** The certainty words in both languages, as the verdict and the report start with them. */
export const CERTAINTY_WORDS: Record<Certainty, LocalizedText> = {
  correct: { en: 'Correct', zh: '正确' },
  reproduced: { en: 'Reproduced', zh: '已复现' },
  likely: { en: 'Likely', zh: '很可能' },
  unknown: { en: 'Unknown', zh: '未知' },
};

/**
 * How sure the verdict is: `correct` only when the signature verifies, `reproduced` only when a
 * combination of mistakes gives exactly the signature sent, `likely` when the request plainly shows
 * something wrong with what is signed (`explained`), and `unknown` otherwise.
 */
export function certaintyOf(req: PastedRequest, method: MethodDiagnosis | undefined, explained: boolean): Certainty {
  if (method?.signatureMatches) {
    return 'correct';
  }
  if (method?.reproduced) {
    return 'reproduced';
  }
  return req.signMethod === 'unknown' || explained ? 'likely' : 'unknown';
}

/** The verdict in one sentence, starting with its certainty. */
export function verdictText(certainty: Certainty, first: DiagnosisStep | undefined, causes: Cause[]): LocalizedText {
  const word = CERTAINTY_WORDS[certainty];
  const where = first ?? { title: STEP_TITLES.signature };
  switch (certainty) {
    case 'correct':
      return {
        en: `${word.en}: the signature verifies with this SecretKey.${first ? ` The first other problem is at "${first.title.en}".` : ''}`,
        zh: `${word.zh}：用这个 SecretKey 校验，签名正确。${first ? `另一个问题首先出现在“${first.title.zh}”。` : ''}`,
      };
    case 'reproduced': {
      const named = causes.filter((c) => c.reproduced);
      const list = named.length > 0 ? named : causes.slice(0, 1);
      return {
        en: `${word.en}: signing with ${list.length > 1 ? 'these mistakes' : 'this mistake'} gives exactly the signature sent: ${list.map((c) => c.title.en).join('; ')}. The first step that differs is "${where.title.en}".`,
        zh: `${word.zh}：按${list.length > 1 ? '这些错误' : '这个错误'}签名，得到的正是发送的签名：${list.map((c) => c.title.zh).join('；')}。第一个不一致的步骤是“${where.title.zh}”。`,
      };
    }
    case 'likely': {
      const top = causes.find((c) => c.confidence === 'certain') ?? causes[0];
      return {
        en: `${word.en}: no usual mistake reproduces the signature exactly, but the request shows what is wrong${top ? `: ${top.title.en}` : ''}. The first step that differs is "${where.title.en}".`,
        zh: `${word.zh}：常见错误都无法精确复现签名，但请求本身显示了问题${top ? `：${top.title.zh}` : ''}。第一个不一致的步骤是“${where.title.zh}”。`,
      };
    }
    case 'unknown':
      return {
        en: `${word.en}: no usual mistake reproduces the signature. The first step that differs is "${where.title.en}"; the causes below are guesses.`,
        zh: `${word.zh}：常见错误都无法复现该签名。第一个不一致的步骤是“${where.title.zh}”；下面的原因只是推测。`,
      };
  }
}

/** A paragraph on the whole diagnosis, for the top of the report. */
export function summarize(req: PastedRequest, method: MethodDiagnosis, first: DiagnosisStep | undefined, causes: Cause[]): LocalizedText {
  if (req.signMethod === 'unknown') {
    return { en: 'The request carries no signature at all.', zh: '请求中完全没有签名。' };
  }
  const top = causes[0];
  if (method.signatureMatches) {
    const elsewhere = first
      ? { en: ` The first problem found is at "${first.title.en}": ${top?.title.en ?? ''}.`, zh: `发现的第一个问题在“${first.title.zh}”：${top?.title.zh ?? ''}。` }
      : {
          en: ' The failure comes from elsewhere: the SecretKey of this SecretId, a disabled key, the time window or the token (see the checks below).',
          zh: '问题出在别处：该 SecretId 对应的 SecretKey、密钥是否被禁用、时间窗口或 Token（见下方检查项）。',
        };
    return {
      en: 'The signature is correct for this SecretKey: every step computed from the request matches.' + elsewhere.en,
      zh: '用这个 SecretKey 计算，签名是正确的：根据请求重新计算的每一步都一致。' + elsewhere.zh,
    };
  }
  const where = first ?? { title: STEP_TITLES.signature };
  if (method.reproduced && top) {
    return {
      en: `The signature is wrong; the first step that differs is "${where.title.en}". Your code's signature was reproduced exactly: ${top.title.en}.`,
      zh: `签名错误；第一个不一致的步骤是“${where.title.zh}”。已经精确复现了代码的签名：${top.title.zh}。`,
    };
  }
  return {
    en: `The signature is wrong; the first step that differs is "${where.title.en}". No usual mistake reproduces your code's signature exactly, so the causes below are ranked guesses.`,
    zh: `签名错误；第一个不一致的步骤是“${where.title.zh}”。常见错误都无法精确复现代码的签名，下面的原因按可能性排序。`,
  };
}
