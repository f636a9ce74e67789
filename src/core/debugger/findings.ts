import { CAUSES, describeDuration, reproducedNote, withConfidence, type CauseText } from './causes';
import type { Cause, Confidence, DiagnoseInput, DiagnosisStep, LocalizedText, StepKey, StepStatus } from './types';

/**
 * How a cause was found. `fact`: plainly true of the request (a missing part, a millisecond
 * timestamp). `visible`: a value the request shows is wrong; certain once the whole signature is
 * explained, likely otherwise. `reproduced`: signing with this mistake gives the request's own
 * signature. `likely` and `possible`: guesses, most useful first.
 */
export type FindingKind = 'fact' | 'visible' | 'reproduced' | 'likely' | 'possible';

const RANK: Record<Confidence, number> = { certain: 0, likely: 1, possible: 2 };
const KIND_STRENGTH: Record<FindingKind, number> = { reproduced: 4, fact: 3, visible: 2, likely: 1, possible: 0 };

/** Collects causes in the order they are found, merging repeats of the same id. */
export class Findings {
  private readonly items: Array<{ cause: CauseText; kind: FindingKind }> = [];

  add(cause: CauseText, kind: FindingKind): void {
    const existing = this.items.find((i) => i.cause.id === cause.id);
    if (!existing) {
      this.items.push({ cause, kind });
      return;
    }
    if (KIND_STRENGTH[kind] > KIND_STRENGTH[existing.kind]) {
      if (kind === 'reproduced') {
        // A fact the request shows says more than the hypothesis that reproduced it, so its words
        // are kept and only the confirmation is added.
        existing.cause = existing.kind === 'fact' || existing.kind === 'visible' ? reproducedNote(existing.cause) : cause;
      }
      existing.kind = kind;
    }
  }

  has(id: CauseText['id']): boolean {
    return this.items.some((i) => i.cause.id === id);
  }

  /**
   * True when a cause the request plainly shows bears on what is signed: a fact or a visibly wrong
   * value outside the clock and the token, which do not change the signature.
   */
  get explainsMismatch(): boolean {
    return this.items.some((i) => (i.kind === 'fact' || i.kind === 'visible') && i.cause.step !== 'clock' && i.cause.step !== 'token');
  }

  /** How many causes were found that are more than a guess. */
  get firmCount(): number {
    return this.items.filter((i) => i.kind !== 'possible').length;
  }

  /**
   * The causes with their confidence, most certain first and otherwise in the order found.
   * `explained`: the request's signature is accounted for (it matches, or was reproduced).
   * `reproduced`: it was reproduced with the request's own visible values, which then say so.
   */
  resolve(explained: boolean, reproduced: boolean): Cause[] {
    const causes = this.items.map((i) => {
      const c = withConfidence(reproduced && i.kind === 'visible' ? reproducedNote(i.cause) : i.cause, confidenceOf(i.kind, explained));
      // A value the request shows that was signed as it is (a wrong date, another service) is
      // part of the computation that reproduced the signature, as much as a mistake searched for.
      return i.kind === 'reproduced' || (reproduced && i.kind === 'visible') ? { ...c, reproduced: true } : c;
    });
    // The mistakes that reproduced the signature come first, then plain facts, then guesses.
    return causes
      .map((c, index) => ({ c, index }))
      .sort((a, b) => Number(!a.c.reproduced) - Number(!b.c.reproduced) || RANK[a.c.confidence] - RANK[b.c.confidence] || a.index - b.index)
      .map((x) => x.c);
  }
}

function confidenceOf(kind: FindingKind, explained: boolean): Confidence {
  switch (kind) {
    case 'fact':
    case 'reproduced':
      return 'certain';
    case 'visible':
      return explained ? 'certain' : 'likely';
    case 'likely':
      return 'likely';
    case 'possible':
      return 'possible';
  }
}

/** Step titles in both languages; a few differ between TC3 and the legacy methods. */
export const STEP_TITLES: Record<StepKey, LocalizedText> = {
  authorization: { en: 'Authorization header', zh: 'Authorization 头' },
  params: { en: 'Parameters', zh: '参数' },
  secretId: { en: 'SecretId', zh: 'SecretId' },
  timestamp: { en: 'Timestamp', zh: '时间戳' },
  credentialScope: { en: 'Credential scope (date/service/tc3_request)', zh: '凭证范围（日期/服务/tc3_request）' },
  signedHeaders: { en: 'Signed headers', zh: '签名头列表' },
  canonicalHeaders: { en: 'Canonical headers', zh: '规范头' },
  hashedPayload: { en: 'Hashed payload (SHA-256 of the body)', zh: '请求体哈希（SHA-256）' },
  canonicalRequest: { en: 'Canonical request', zh: '规范请求串' },
  stringToSign: { en: 'String to sign', zh: '待签字符串' },
  derivedKeys: { en: 'Derived keys (first 8 hex digits)', zh: '派生密钥（前 8 位十六进制）' },
  signatureMethod: { en: 'Signature method', zh: '签名方法' },
  sortedParams: { en: 'Parameters, flattened and sorted', zh: '展开并排序后的参数' },
  sourceString: { en: 'Source string', zh: '源串' },
  signature: { en: 'Signature', zh: '签名' },
  clock: { en: 'Time window (5 minutes)', zh: '时间窗口（5 分钟）' },
  token: { en: 'Session token', zh: '会话 Token' },
};

/** A step with its title filled in. */
export function step(key: StepKey, status: StepStatus, expected: string, actual?: string, note?: LocalizedText): DiagnosisStep {
  const s: DiagnosisStep = { key, title: STEP_TITLES[key], expected, status };
  if (actual !== undefined) {
    s.actual = actual;
  }
  if (note !== undefined) {
    s.note = note;
  }
  return s;
}

/** Placeholder shown wherever the request holds the SecretKey itself. */
export const SECRET_KEY_PLACEHOLDER = '<SecretKey>';

/** The SecretId check shared by both methods: white space, a swap with the SecretKey, another key pair. */
export function checkSecretId(sent: string | undefined, input: DiagnoseInput, findings: Findings): DiagnosisStep {
  if (sent === undefined) {
    return step('secretId', 'skipped', input.secretId ?? 'AKID…');
  }
  const key = input.secretKey;
  const keyTrimmed = key.trim();
  const expected = input.secretId?.trim() ?? sent.trim();
  if (/^AKID/.test(keyTrimmed) && sent.trim() === keyTrimmed) {
    findings.add(
      CAUSES.keysSwapped({
        en: 'The SecretKey you gave starts with AKID and is the very SecretId of the request: a SecretId was given where the SecretKey belongs.',
        zh: '你提供的 SecretKey 以 AKID 开头，而且正是请求中的 SecretId：在应填 SecretKey 的地方填了 SecretId。',
      }),
      'fact',
    );
    return step('secretId', 'ok', sent, sent);
  }
  if (sent === key || sent.trim() === keyTrimmed) {
    findings.add(
      CAUSES.keysSwapped({
        en: 'The Credential of the request carries your SecretKey where the SecretId belongs, so the SecretId was used as the signing key: the two are swapped.',
        zh: '请求的 Credential 中放的是你的 SecretKey，而不是 SecretId，说明签名时把 SecretId 当成了密钥：两者填反了。',
      }),
      'fact',
    );
    return step('secretId', 'differs', input.secretId ?? 'AKID…', SECRET_KEY_PLACEHOLDER);
  }
  if (/^AKID/.test(keyTrimmed) && !/^AKID/.test(sent.trim())) {
    findings.add(
      CAUSES.keysSwapped({
        en: 'The SecretKey you gave starts with AKID, the way SecretIds start, and the Credential holds a value that does not: the SecretId and SecretKey are swapped in your configuration.',
        zh: '你提供的 SecretKey 以 AKID 开头（这是 SecretId 的特征），而 Credential 中的值却不是：配置中的 SecretId 与 SecretKey 填反了。',
      }),
      'fact',
    );
    return step('secretId', 'differs', expected, sent);
  }
  if (sent !== sent.trim() || /\s/.test(sent)) {
    findings.add(CAUSES.secretIdWhitespace(), 'fact');
    return step('secretId', 'differs', sent.replace(/\s+/g, ''), sent);
  }
  if (input.secretId !== undefined && input.secretId.trim() !== sent) {
    findings.add(CAUSES.secretIdMismatch(input.secretId.trim(), sent), 'fact');
    return step('secretId', 'differs', input.secretId.trim(), sent);
  }
  if (/^AKID/.test(keyTrimmed)) {
    findings.add(
      CAUSES.keysSwapped({
        en: 'The SecretKey you gave starts with AKID, the way SecretIds start. SecretKeys never do: you probably gave a SecretId in its place.',
        zh: '你提供的 SecretKey 以 AKID 开头，这是 SecretId 的特征，SecretKey 不会这样开头：很可能把 SecretId 当成了 SecretKey。',
      }),
      'fact',
    );
  }
  if (input.secretId === undefined) {
    return step('secretId', 'unknown', sent, sent, {
      en: 'Give the SecretId your SecretKey belongs to, to check that the request uses the same key pair.',
      zh: '提供 SecretKey 所属的 SecretId，即可检查请求是否使用了同一对密钥。',
    });
  }
  return step('secretId', 'ok', expected, sent);
}

/** A timestamp read from a request, with what it means in seconds. */
export interface TimestampInfo {
  /** The text exactly as sent (trimmed). */
  text: string;
  /** Unix seconds, when the text is a number; a millisecond value is divided by 1000. */
  seconds?: number;
  milliseconds: boolean;
}

const MAX_SECONDS = 253402300799;

/** Checks the timestamp text: present, digits only, seconds rather than milliseconds. */
export function checkTimestamp(raw: string | undefined, findings: Findings): { step: DiagnosisStep; info?: TimestampInfo } {
  if (raw === undefined || raw.trim() === '') {
    findings.add(CAUSES.timestampMissing(), 'fact');
    return { step: step('timestamp', 'differs', 'Unix seconds, such as 1700000000', raw ?? '') };
  }
  const text = raw.trim();
  if (!/^\d+$/.test(text)) {
    findings.add(CAUSES.timestampFormat(text), 'fact');
    const asNumber = Number(text);
    const seconds = Number.isFinite(asNumber) && asNumber > 0 && asNumber <= MAX_SECONDS ? Math.floor(asNumber) : undefined;
    return {
      step: step('timestamp', 'differs', seconds !== undefined ? String(seconds) : 'Unix seconds, such as 1700000000', text),
      info: seconds !== undefined ? { text, seconds, milliseconds: false } : undefined,
    };
  }
  const n = Number(text);
  if (text.length >= 12 && n / 1000 <= MAX_SECONDS) {
    findings.add(CAUSES.timestampMilliseconds(text), 'fact');
    const seconds = Math.floor(n / 1000);
    return { step: step('timestamp', 'differs', String(seconds), text), info: { text, seconds, milliseconds: true } };
  }
  if (n > MAX_SECONDS) {
    findings.add(CAUSES.timestampFormat(text), 'fact');
    return { step: step('timestamp', 'differs', 'Unix seconds, such as 1700000000', text) };
  }
  return { step: step('timestamp', 'ok', text, text), info: { text, seconds: n, milliseconds: false } };
}

/** Seconds the server allows between the request's timestamp and its own clock. */
export const TIME_WINDOW_SECONDS = 300;

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** Compares the timestamp the request sent with the reference time, as the server's 5-minute check does. */
export function checkClock(info: TimestampInfo | undefined, rawText: string | undefined, now: number, nowGiven: boolean, findings: Findings): DiagnosisStep {
  const expected = `within ${TIME_WINDOW_SECONDS} s of ${iso(now)}`;
  const note: LocalizedText | undefined = nowGiven
    ? undefined
    : {
        en: 'Compared with the time of this check; give the time the request was sent for an exact answer.',
        zh: '这里与本次检查的时间比较；提供请求发送的时间可得到准确结论。',
      };
  if (info?.seconds === undefined) {
    return step('clock', 'skipped', expected, rawText, note);
  }
  // A millisecond timestamp is read by the server as seconds; that is the value that is compared.
  const sentSeconds = Number(info.text);
  const delta = sentSeconds - now;
  const relation = delta === 0 ? 'same second' : `${describeDuration(Math.abs(delta)).en} ${delta > 0 ? 'ahead' : 'behind'}`;
  const actual = sentSeconds <= MAX_SECONDS ? `${iso(sentSeconds)} (${relation})` : `${info.text} (${relation})`;
  if (Math.abs(delta) <= TIME_WINDOW_SECONDS) {
    return step('clock', 'ok', expected, actual, note);
  }
  if (!info.milliseconds) {
    findings.add(CAUSES.timestampExpired(delta), 'fact');
  }
  return step('clock', 'differs', expected, actual, note);
}

/** The SecretIds of temporary keys are longer than the 36 characters of permanent ones. */
function looksTemporary(secretId: string | undefined): boolean {
  return secretId !== undefined && /^AKID/.test(secretId) && secretId.trim().length > 40;
}

/** Checks the session token: missing for temporary keys, different from the one given, or not checkable. */
export function checkToken(sent: string | undefined, input: DiagnoseInput, secretId: string | undefined, where: string, findings: Findings): DiagnosisStep {
  const given = input.token;
  const temporary = input.temporary === true || (given !== undefined && given !== '');
  if (sent === undefined || sent.trim() === '') {
    if (temporary) {
      findings.add(
        CAUSES.tokenMissing(
          given
            ? { en: `You gave a session token, but the request sends no ${where}.`, zh: `你提供了会话 Token，但请求中没有 ${where}。` }
            : { en: `You said the keys are temporary, but the request sends no ${where}.`, zh: `你说明了这是临时密钥，但请求中没有 ${where}。` },
        ),
        'fact',
      );
      return step('token', 'differs', `${where} with the session token`, 'not sent');
    }
    if (looksTemporary(secretId)) {
      findings.add(
        CAUSES.tokenMissing({
          en: `The SecretId is longer than a permanent one (36 characters), which suggests temporary keys, and the request sends no ${where}.`,
          zh: `该 SecretId 比永久密钥（36 个字符）长，像是临时密钥，而请求中没有 ${where}。`,
        }),
        'possible',
      );
      return step('token', 'unknown', `${where} if the keys are temporary`, 'not sent');
    }
    return step('token', 'ok', `no ${where} (permanent keys)`, 'not sent');
  }
  const description = `sent (${sent.length} characters)`;
  if (given === undefined || given === '') {
    findings.add(CAUSES.tokenUnverifiable(), 'possible');
    return step('token', 'unknown', 'the session token issued with these temporary keys', description, {
      en: 'The token is not signed; give it to compare it with the one sent.',
      zh: 'Token 不参与签名；提供 Token 即可与发送的进行比对。',
    });
  }
  if (given.trim() !== sent.trim() || given !== sent) {
    findings.add(CAUSES.tokenMismatch(), 'fact');
    return step('token', 'differs', `the token you gave (${given.length} characters)`, description);
  }
  return step('token', 'ok', `the token you gave (${given.length} characters)`, description);
}
