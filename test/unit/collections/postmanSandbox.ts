// Test support: just enough of Postman's script sandbox to run an exported pre-request script for
// real in node:vm: a `pm` object over one request and a variable map, and a CryptoJS stand-in built
// on node:crypto that offers only what the script uses (SHA256, HmacSHA256, enc.Hex, enc.Utf8).
import { createHash, createHmac, randomInt, randomUUID } from 'node:crypto';
import http from 'node:http';
import vm from 'node:vm';
import { isJsonObject, type JsonObject, type JsonValue } from '../../../src/core/json';

/** CryptoJS's byte container; here a Buffer in a wrapper. */
class WordArray {
  constructor(readonly bytes: Buffer) {}
  toString(encoder: { stringify(w: WordArray): string } = cryptoJs.enc.Hex): string {
    return encoder.stringify(this);
  }
}

function toBytes(value: string | WordArray): Buffer {
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : value.bytes;
}

/** The CryptoJS subset, behaving like the library: strings are UTF-8, WordArrays are raw bytes. */
export const cryptoJs = {
  SHA256: (message: string | WordArray): WordArray => new WordArray(createHash('sha256').update(toBytes(message)).digest()),
  HmacSHA256: (message: string | WordArray, key: string | WordArray): WordArray =>
    new WordArray(createHmac('sha256', toBytes(key)).update(toBytes(message)).digest()),
  enc: {
    Hex: { stringify: (w: WordArray): string => w.bytes.toString('hex') },
    Utf8: { parse: (text: string): WordArray => new WordArray(Buffer.from(text, 'utf8')), stringify: (w: WordArray): string => w.bytes.toString('utf8') },
  },
};

/** A request ready to send, after the script ran and Postman resolved the variables. */
export interface PreparedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Resolves `{{name}}` like Postman: known variables, fresh dynamic values, unknown names left as written. */
export function postmanReplaceIn(text: string, variables: ReadonlyMap<string, string>): string {
  return text.replace(/\{\{([^{}]+)\}\}/g, (m, name: string) => {
    switch (name) {
      case '$guid':
      case '$randomUUID':
        return randomUUID();
      case '$timestamp':
        return String(Math.floor(Date.now() / 1000));
      case '$isoTimestamp':
        return new Date().toISOString();
      case '$randomInt':
        return String(randomInt(0, 1001));
      default:
        return variables.has(name) ? variables.get(name)! : m;
    }
  });
}

/** The collection-level pre-request script of an exported collection. */
export function preRequestScript(collection: JsonObject): string {
  const events = collection.event as JsonValue[];
  const pre = events.find((e) => isJsonObject(e) && e.listen === 'prerequest') as JsonObject;
  return ((pre.script as JsonObject).exec as string[]).join('\n');
}

/**
 * Runs the script for one exported request item, then resolves the request the way Postman does
 * when it sends it (the body is resolved again, which must change nothing once the script wrote it).
 */
export function runPreRequest(script: string, item: JsonObject, variables: ReadonlyMap<string, string>): PreparedRequest {
  const request = item.request as JsonObject;
  const headers = (request.header as JsonObject[]).map((h) => ({ key: String(h.key), value: String(h.value) }));
  const body = {
    mode: 'raw',
    raw: String((request.body as JsonObject).raw),
    update(options: string | { raw: string }) {
      this.raw = typeof options === 'string' ? options : options.raw;
    },
  };
  const find = (key: string): number => headers.findIndex((h) => h.key.toLowerCase() === key.toLowerCase());
  const pm = {
    variables: {
      get: (name: string) => variables.get(name),
      replaceIn: (text: string) => postmanReplaceIn(text, variables),
    },
    request: {
      url: { toString: () => String((request.url as JsonObject).raw) },
      headers: {
        get: (key: string) => (find(key) >= 0 ? headers[find(key)].value : undefined),
        upsert: (h: { key: string; value: string }) => {
          const i = find(h.key);
          if (i >= 0) {
            headers[i].value = h.value;
          } else {
            headers.push({ key: h.key, value: h.value });
          }
        },
        remove: (key: string) => {
          const i = find(key);
          if (i >= 0) {
            headers.splice(i, 1);
          }
        },
      },
      body,
    },
  };
  vm.runInNewContext(script, { pm, CryptoJS: cryptoJs }, { timeout: 5000 });
  const resolvedHeaders: Record<string, string> = {};
  for (const h of headers) {
    resolvedHeaders[h.key] = postmanReplaceIn(h.value, variables);
  }
  return {
    method: String(request.method),
    url: postmanReplaceIn(String((request.url as JsonObject).raw), variables),
    headers: resolvedHeaders,
    body: postmanReplaceIn(body.raw, variables),
  };
}

/** Sends a prepared request with node:http and returns the body text. */
export function send(prepared: PreparedRequest): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(prepared.url, { method: prepared.method, headers: prepared.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    req.on('error', reject);
    req.end(prepared.body);
  });
}
