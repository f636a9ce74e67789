/** Formats a validation path as people write it: `items[2].params["Odd Key"]`. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') {
      out += `[${seg}]`;
    } else if (/^[A-Za-z_$][\w$]*$/.test(String(seg))) {
      out += out ? `.${String(seg)}` : String(seg);
    } else {
      out += `[${JSON.stringify(String(seg))}]`;
    }
  }
  return out;
}
