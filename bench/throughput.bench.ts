import { createHash, createHmac } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { Pool } from 'undici';
import { trustOrigins } from '../src/core/http/endpointPolicy';
import { HttpClient } from '../src/core/http/httpClient';
import { CallExecutor } from '../src/core/requests/callExecutor';
import type { CallSpec } from '../src/core/requests/types';
import { median, startServerProcess } from './benchUtil';

const SECRET_ID = 'AKIDEXAMPLErk0000000000000000000000';
const SECRET_KEY = 'benchmarkSecretKey00000000000000';
const PARAMS = { SdkAppId: 1400000001, RoomId: 1001 };

type Client = { name: string; call: () => Promise<unknown>; close: () => Promise<void> };

function ours(url: string): Client {
  const http = new HttpClient();
  const executor = new CallExecutor({ http, policy: trustOrigins([url], 'the benchmark trusts its stand-in') });
  const spec: CallSpec = { action: 'DismissRoom', params: PARAMS, region: 'ap-guangzhou', endpoint: { kind: 'custom', url } };
  const credentials = { secretId: SECRET_ID, secretKey: SECRET_KEY };
  return {
    name: 'this project (CallExecutor)',
    call: async () => {
      const r = await executor.call(spec, { credentials });
      if (r.error) {
        throw new Error(r.error.code);
      }
    },
    close: () => http.close(),
  };
}

/**
 * The official SDK, given every advantage: a keep-alive agent. It derives the TC3 service from the
 * endpoint's first label, so it is pointed at the real host name over an agent whose connections
 * go to the local stand-in.
 */
function officialSdk(url: string): Client {
  const port = Number(new URL(url).port);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  (agent as unknown as { createConnection: () => net.Socket }).createConnection = () => net.connect(port, '127.0.0.1');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { trtc } = require('tencentcloud-sdk-nodejs');
  const client = new trtc.v20190722.Client({
    credential: { secretId: SECRET_ID, secretKey: SECRET_KEY },
    region: 'ap-guangzhou',
    profile: { httpProfile: { endpoint: 'trtc.tencentcloudapi.com', protocol: 'http://', agent } },
  });
  return { name: 'tencentcloud-sdk-nodejs 4.1.300', call: () => client.DismissRoom(PARAMS), close: async () => agent.destroy() };
}

/** The limit: an undici pool and a hand-written TC3 signature, nothing else. */
function rawLimit(url: string): Client {
  const pool = new Pool(url, { connections: 1 });
  const host = new URL(url).host;
  const body = JSON.stringify(PARAMS);
  const payloadHash = createHash('sha256').update(body).digest('hex');
  return {
    name: 'raw undici + sign loop (limit)',
    call: async () => {
      const ts = Math.floor(Date.now() / 1000);
      const date = new Date(ts * 1000).toISOString().slice(0, 10);
      const canonical = `POST\n/\n\ncontent-type:application/json\nhost:${host}\n\ncontent-type;host\n${payloadHash}`;
      const scope = `${date}/trtc/tc3_request`;
      const sts = `TC3-HMAC-SHA256\n${ts}\n${scope}\n${createHash('sha256').update(canonical).digest('hex')}`;
      const kDate = createHmac('sha256', `TC3${SECRET_KEY}`).update(date).digest();
      const kService = createHmac('sha256', kDate).update('trtc').digest();
      const kSigning = createHmac('sha256', kService).update('tc3_request').digest();
      const signature = createHmac('sha256', kSigning).update(sts).digest('hex');
      const res = await pool.request({
        path: '/',
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          host,
          'x-tc-action': 'DismissRoom',
          'x-tc-version': '2019-07-22',
          'x-tc-timestamp': String(ts),
          'x-tc-region': 'ap-guangzhou',
          authorization: `TC3-HMAC-SHA256 Credential=${SECRET_ID}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`,
        },
      });
      const parsed = JSON.parse(await res.body.text()) as { Response: { Error?: { Code: string } } };
      if (parsed.Response.Error) {
        throw new Error(parsed.Response.Error.Code);
      }
    },
    close: () => pool.close(),
  };
}

async function rate(client: Client, calls: number): Promise<number> {
  const t = performance.now();
  for (let i = 0; i < calls; i++) {
    await client.call();
  }
  return (calls / (performance.now() - t)) * 1000;
}

/** Sequential signed calls per second against the stand-in: ours, the official SDK, the raw limit. */
export async function runThroughputBench(options: { calls?: number; rounds?: number } = {}): Promise<Record<string, number | string>> {
  const calls = options.calls ?? 1500;
  const rounds = options.rounds ?? 5;
  const server = await startServerProcess(SECRET_ID, SECRET_KEY);
  const clients = [ours(server.url), officialSdk(server.url), rawLimit(server.url)];
  try {
    for (const c of clients) {
      await rate(c, 200);
    }
    const rates = new Map<string, number[]>(clients.map((c) => [c.name, []]));
    // Rounds interleave the clients so that drift in machine load touches all three alike.
    for (let r = 0; r < rounds; r++) {
      for (const c of clients) {
        rates.get(c.name)!.push(await rate(c, calls));
      }
    }
    const [oursRate, sdkRate, rawRate] = clients.map((c) => median(rates.get(c.name)!));
    return {
      'calls per client per round': calls,
      rounds,
      [`${clients[0].name}, calls/s`]: Math.round(oursRate),
      [`${clients[1].name}, calls/s`]: Math.round(sdkRate),
      [`${clients[2].name}, calls/s`]: Math.round(rawRate),
      'ours / official SDK (target ≥ 1.40)': Number((oursRate / sdkRate).toFixed(2)),
      'ours / raw limit (target ≥ 0.90)': Number((oursRate / rawRate).toFixed(2)),
    };
  } finally {
    for (const c of clients) {
      await c.close();
    }
    server.stop();
  }
}
