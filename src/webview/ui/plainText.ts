/**
 * Catalog descriptions carry a little Markdown (links to Tencent's documentation, bold text). The
 * page shows them as plain text, since a webview link would need a host round trip to open; the
 * link text stays and the address is dropped, and `code` spans keep their backticks.
 */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*\)/g, '$1')
    .replace(/\[([^\]]+)\]\((?:[^()\s]|\([^()\s]*\))*\)/g, '$1')
    .replace(/\*\*(\S(?:[^*]*\S)?)\*\*/g, '$1')
    .replace(/__(\S(?:[^_]*\S)?)__/g, '$1')
    .trim();
}
