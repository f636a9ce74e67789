/** The language of the texts a description carries. */
export type OutcomeLanguage = 'en' | 'zh';

/** How far the local clock is from the server's, such as "2 min 5 s behind". */
export function describeSkew(offsetMs: number, language: OutcomeLanguage): string {
  const total = Math.round(Math.abs(offsetMs) / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  // A positive offset means the server is ahead, so the local clock is behind.
  const behind = offsetMs > 0;
  if (language === 'zh') {
    const text = minutes > 0 ? `${minutes} 分 ${seconds} 秒` : `${total} 秒`;
    return behind ? `慢 ${text}` : `快 ${text}`;
  }
  const text = minutes > 0 ? `${minutes} min ${seconds} s` : `${total} s`;
  return behind ? `${text} behind` : `${text} ahead`;
}

/** The sentence naming the clock skew after an expired signature. */
export function skewSentence(offsetMs: number, language: OutcomeLanguage): string {
  return language === 'zh' ? `本机时钟比服务器${describeSkew(offsetMs, language)}。` : `Your clock is ${describeSkew(offsetMs, language)} the server.`;
}
