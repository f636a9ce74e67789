import { h, type Child } from '../common/dom';

/**
 * Catalog descriptions carry a little Markdown (links to Tencent's documentation, bold text). The
 * page shows them as plain text, since a webview link would need a host round trip to open; the
 * link text stays and the address is dropped, and `code` spans keep their backticks here
 * ({@link withCodeSpans} turns them into code elements when the text is shown).
 */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*\)/g, '$1')
    .replace(/\[([^\]]+)\]\((?:[^()\s]|\([^()\s]*\))*\)/g, '$1')
    .replace(/\*\*(\S(?:[^*]*\S)?)\*\*/g, '$1')
    .replace(/__(\S(?:[^_]*\S)?)__/g, '$1')
    .trim();
}

/** Text with its `code` spans as `<code>` elements, everything else as text nodes (never as HTML). */
export function withCodeSpans(text: string): Child[] {
  const parts = text.split(/`([^`\n]+)`/);
  return parts.map((part, i) => (i % 2 === 1 ? h('code', null, part) : part)).filter((p) => p !== '');
}
