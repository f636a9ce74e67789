import { validateParams } from '../src/core/catalog/validate';
import { parseAnswerJson, stringifyJson, type JsonObject } from '../src/core/json';
import { tencentOnly } from '../src/core/http/endpointPolicy';
import { prepareCall } from '../src/core/requests/callExecutor';
import { percentile, timeEach } from './benchUtil';

/** A realistic ~10 KB StartPublishCdnStream request: a mixed layout with many users and CDN targets. */
export function tenKilobyteParams(): JsonObject {
  const layout = Array.from({ length: 32 }, (_, i) => ({
    UserMediaStream: { UserInfo: { RoomId: '3560', UserId: `anchor_${i}`, RoomIdType: 0 }, StreamType: 0 },
    ImageWidth: 320,
    ImageHeight: 180,
    LocationX: (i % 4) * 320,
    LocationY: Math.floor(i / 4) * 180,
    ZOrder: i + 1,
    RenderMode: 0,
    BackGroundColor: '0x000000',
    BackgroundImageUrl: `https://example.com/background/${i}.png`,
  }));
  return {
    SdkAppId: 1400188366,
    RoomId: '3560',
    // For relaying, 0 is a numeric room, which '3560' is.
    RoomIdType: 0,
    AgentParams: { UserId: 'mcu_robot', UserSig: 'eJw1jcEKgkAURX9FZlvYc3SaC'.repeat(4), MaxIdleTime: 30 },
    WithTranscoding: 1,
    AudioParams: { AudioEncode: { SampleRate: 48000, Channel: 2, BitRate: 64 } },
    VideoParams: {
      VideoEncode: { Width: 1280, Height: 720, Fps: 15, BitRate: 1500, Gop: 2 },
      LayoutParams: { MixLayoutMode: 4, MixLayoutList: layout },
      BackGroundColor: '0x1e1e1e',
    },
    PublishCdnParams: Array.from({ length: 6 }, (_, i) => ({ PublishCdnUrl: `rtmp://push.example.com/live/stream_${i}?txSecret=abcdef&txTime=6A2B3C4D`, IsTencentCdn: 1 })),
    SeiParams: { LayoutVolume: { AppData: 'x'.repeat(256), PayloadType: 100 } },
  } as JsonObject;
}

/** p50/p95 of the local work of one call: validate, sign (which serializes), parse a 10 KB answer. */
export async function runLocalCostBench(iterations = 5000): Promise<Record<string, number | string>> {
  const params = JSON.parse(JSON.stringify(tenKilobyteParams())) as JsonObject;
  const answerText = stringifyJson({ Response: { ...params, RequestId: '0d6bd8e1-7d8b-4b0c-9a39-7c8b7a8e5a51' } });
  const credentials = { secretId: 'AKIDEXAMPLErk0000000000000000000000', secretKey: 'benchmarkSecretKey00000000000000' };
  const spec = { action: 'StartPublishCdnStream', params, region: 'ap-guangzhou' };
  const issues = validateParams('StartPublishCdnStream', params);
  if (issues.length) {
    throw new Error(`the benchmark request must be valid: ${issues[0].path}: ${issues[0].message}`);
  }
  const step = () => {
    validateParams('StartPublishCdnStream', params);
    const prepared = prepareCall(spec, { credentials, timestamp: Math.floor(Date.now() / 1000), policy: tencentOnly() });
    parseAnswerJson(answerText);
    return prepared;
  };
  // Baseline in the same run: the bare minimum a client does, JSON.stringify the request and JSON.parse the answer.
  const baseline = () => {
    JSON.stringify(params);
    JSON.parse(answerText);
  };
  await timeEach(500, step);
  await timeEach(500, baseline);
  const samples = await timeEach(iterations, step);
  const base = await timeEach(iterations, baseline);
  const bodyBytes = Buffer.byteLength(stringifyJson(params));
  return {
    'request body': `${(bodyBytes / 1024).toFixed(1)} KB`,
    'validate + sign + serialize + parse, p50': `${percentile(samples, 50).toFixed(3)} ms`,
    'validate + sign + serialize + parse, p95 (target < 1 ms)': `${percentile(samples, 95).toFixed(3)} ms`,
    'baseline JSON.stringify + JSON.parse, p50': `${percentile(base, 50).toFixed(3)} ms`,
    'ratio to baseline (p50)': Number((percentile(samples, 50) / percentile(base, 50)).toFixed(1)),
  };
}
