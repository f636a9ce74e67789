// Test support: a small, strict XML parser for the subset a JUnit report uses (prolog, elements,
// attributes, character data, the five named entities and character references). Anything that is
// not well-formed throws with the offset, so the reporter tests check real well-formedness.

/** An element of the parsed document. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The decoded character data directly inside this element. */
  text: string;
}

const NAME = /^[A-Za-z_:][\w:.-]*/;
const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

/** Parses a whole document and returns its root element, or throws at the first error. */
export function parseXml(source: string): XmlElement {
  if (!XML_CHAR.test(source)) {
    throw new Error('the document holds characters XML does not allow');
  }
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at offset ${i}: ${JSON.stringify(source.slice(i, i + 30))}`);
  };
  const skipSpace = (): void => {
    while (i < source.length && /\s/.test(source[i])) {
      i++;
    }
  };
  const decode = (raw: string): string => {
    if (raw.includes('<')) {
      fail('a raw "<" in character data or an attribute');
    }
    return raw.replace(/&([^;]*);|&/g, (_m, ref: string | undefined) => {
      if (ref === undefined) {
        return fail('a bare "&"');
      }
      const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
      if (ref in named) {
        return named[ref];
      }
      const num = /^#(?:x([0-9A-Fa-f]+)|(\d+))$/.exec(ref);
      if (!num) {
        return fail(`an unknown entity &${ref};`);
      }
      const code = num[1] ? parseInt(num[1], 16) : Number(num[2]);
      const ch = String.fromCodePoint(code);
      if (!XML_CHAR.test(ch)) {
        return fail(`a character reference to a forbidden character (${code})`);
      }
      return ch;
    });
  };
  const name = (): string => {
    const m = NAME.exec(source.slice(i));
    if (!m) {
      return fail('expected a name');
    }
    i += m[0].length;
    return m[0];
  };

  if (source.startsWith('<?xml')) {
    const end = source.indexOf('?>');
    if (end < 0) {
      fail('unterminated XML declaration');
    }
    if (!/^<\?xml version="1\.0"( encoding="UTF-8")?\?>$/.test(source.slice(0, end + 2))) {
      fail('unexpected XML declaration');
    }
    i = end + 2;
  }
  skipSpace();

  const element = (): XmlElement => {
    if (source[i] !== '<') {
      fail('expected "<"');
    }
    i++;
    const el: XmlElement = { name: name(), attributes: {}, children: [], text: '' };
    for (;;) {
      const hadSpace = /\s/.test(source[i]);
      skipSpace();
      if (source.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (source[i] === '>') {
        i++;
        break;
      }
      if (!hadSpace) {
        fail('expected white space before an attribute');
      }
      const attr = name();
      skipSpace();
      if (source[i] !== '=') {
        fail('expected "="');
      }
      i++;
      skipSpace();
      const quote = source[i];
      if (quote !== '"' && quote !== "'") {
        fail('expected a quoted attribute value');
      }
      const end = source.indexOf(quote, i + 1);
      if (end < 0) {
        fail('unterminated attribute value');
      }
      if (attr in el.attributes) {
        fail(`duplicate attribute ${attr}`);
      }
      el.attributes[attr] = decode(source.slice(i + 1, end));
      i = end + 1;
    }
    for (;;) {
      const next = source.indexOf('<', i);
      if (next < 0) {
        fail(`unterminated element <${el.name}>`);
      }
      el.text += decode(source.slice(i, next));
      i = next;
      if (source.startsWith('</', i)) {
        i += 2;
        const closing = name();
        if (closing !== el.name) {
          fail(`</${closing}> closes <${el.name}>`);
        }
        skipSpace();
        if (source[i] !== '>') {
          fail('expected ">"');
        }
        i++;
        return el;
      }
      if (source.startsWith('<!--', i) || source.startsWith('<?', i) || source.startsWith('<!', i)) {
        fail('comments, processing instructions and declarations are not expected in a report');
      }
      el.children.push(element());
    }
  };

  const root = element();
  skipSpace();
  if (i !== source.length) {
    fail('content after the root element');
  }
  return root;
}
