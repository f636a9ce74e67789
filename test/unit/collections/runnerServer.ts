// Test support for the runner tests: a small local API on 127.0.0.1 and an `execute` that calls it
// over real HTTP, so runs go through a socket, honour the AbortSignal and see transport failures.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { CancelledError, NetworkError } from '../../../src/core/errors';
import { isJsonObject, parseJson, stringifyJson, type JsonObject } from '../../../src/core/json';
import type { CallResult, CallSpec } from '../../../src/core/requests/types';

/** A call the server received. */
export interface ReceivedCall {
  action: string;
  region?: string;
  params: JsonObject;
}

/** What a test server answers for an action: `Response` fields, an API error, or a dropped connection. */
export type Answer = JsonObject | { error: string } | 'reset' | 'hold' | { gate: number };

/** A running test server. */
export interface RunnerServer {
  url: string;
  received: ReceivedCall[];
  execute(spec: CallSpec, signal: AbortSignal): Promise<CallResult>;
  close(): Promise<void>;
}

/**
 * Starts the server. `answers` decides per action; `hold` never answers (until the client leaves);
 * `{ gate: n }` answers only once n such requests are in flight at the same time.
 */
export async function startRunnerServer(answers: (call: ReceivedCall) => Answer): Promise<RunnerServer> {
  const received: ReceivedCall[] = [];
  let waiting: Array<() => void> = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const params = parseJson(Buffer.concat(chunks).toString('utf8') || '{}') as JsonObject;
      const call: ReceivedCall = { action: String(req.headers['x-tc-action']), params };
      if (req.headers['x-tc-region']) {
        call.region = String(req.headers['x-tc-region']);
      }
      received.push(call);
      const answer = answers(call);
      const requestId = `req-${received.length}`;
      const send = (response: JsonObject): void => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(stringifyJson({ Response: { ...response, RequestId: requestId } }));
      };
      if (answer === 'reset') {
        req.socket.destroy();
      } else if (answer === 'hold') {
        res.on('close', () => undefined);
      } else if ('gate' in answer && typeof answer.gate === 'number') {
        const gate = answer.gate;
        waiting.push(() => send({ Passed: true }));
        if (waiting.length >= gate) {
          const go = waiting;
          waiting = [];
          go.forEach((f) => f());
        }
      } else if ('error' in answer && typeof answer.error === 'string') {
        send({ Error: { Code: answer.error, Message: `stand-in says ${answer.error}` } });
      } else {
        send(answer as JsonObject);
      }
    });
  });
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  const execute = (spec: CallSpec, signal: AbortSignal): Promise<CallResult> =>
    new Promise<CallResult>((resolve, reject) => {
      const body = stringifyJson(spec.params);
      const startedAt = new Date().toISOString();
      const start = performance.now();
      const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-TC-Action': spec.action };
      if (spec.region) {
        headers['X-TC-Region'] = spec.region;
      }
      const req = http.request(`${url}/`, { method: 'POST', headers, signal, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const response = (parseJson(text) as { Response: JsonObject }).Response;
          const result: CallResult = {
            origin: url,
            httpStatus: res.statusCode ?? 0,
            latencyMs: performance.now() - start,
            startedAt,
            response,
            responseText: text,
            sandbox: false,
          };
          if (typeof response.RequestId === 'string') {
            result.requestId = response.RequestId;
          }
          const error = response.Error;
          if (isJsonObject(error)) {
            result.error = { code: String(error.Code), message: String(error.Message) };
          }
          resolve(result);
        });
      });
      req.on('error', (e: NodeJS.ErrnoException) => {
        reject(signal.aborted ? new CancelledError() : new NetworkError(`The connection failed: ${e.message}`, e.code, { cause: e }));
      });
      req.end(body);
    });

  return {
    url,
    received,
    execute,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
