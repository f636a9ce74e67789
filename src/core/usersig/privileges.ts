import { InputError } from '../errors';

/** One bit of a PrivateMapKey privilege map. */
export interface PrivilegeBit {
  bit: number;
  /** Stable identifier for code and settings. */
  name:
    | 'createRoom'
    | 'enterRoom'
    | 'sendAudio'
    | 'receiveAudio'
    | 'sendVideo'
    | 'receiveVideo'
    | 'sendSubstream'
    | 'receiveSubstream';
  /** Short English label for people. */
  label: string;
  /** Short Chinese label for people. */
  labelZh: string;
}

/**
 * The eight bits of the privilege map, lowest first. The substream is the second video track a
 * client can publish, normally used for screen sharing. Bit 128 is the receive-substream bit; some
 * official code comments print it as "200", which is not its value.
 */
export const PRIVILEGE_BITS: readonly PrivilegeBit[] = [
  { bit: 1, name: 'createRoom', label: 'create room', labelZh: '创建房间' },
  { bit: 2, name: 'enterRoom', label: 'enter room', labelZh: '进入房间' },
  { bit: 4, name: 'sendAudio', label: 'send audio', labelZh: '发送音频' },
  { bit: 8, name: 'receiveAudio', label: 'receive audio', labelZh: '接收音频' },
  { bit: 16, name: 'sendVideo', label: 'send video', labelZh: '发送视频' },
  { bit: 32, name: 'receiveVideo', label: 'receive video', labelZh: '接收视频' },
  { bit: 64, name: 'sendSubstream', label: 'send substream (screen sharing)', labelZh: '发送辅路（屏幕分享）' },
  { bit: 128, name: 'receiveSubstream', label: 'receive substream (screen sharing)', labelZh: '接收辅路（屏幕分享）' },
];

/** Every privilege granted. */
export const ALL_PRIVILEGES = 255;

/** What a privilege map allows, bit by bit. */
export interface PrivilegeDescription {
  map: number;
  granted: PrivilegeBit[];
  denied: PrivilegeBit[];
  /** `all privileges`, `none`, or the granted labels joined with commas. */
  text: string;
}

/** Explains a privilege map in words, for the decoder and the generator form. */
export function describePrivileges(map: number): PrivilegeDescription {
  checkPrivilegeMap(map);
  const granted = PRIVILEGE_BITS.filter((p) => (map & p.bit) !== 0);
  const denied = PRIVILEGE_BITS.filter((p) => (map & p.bit) === 0);
  const text = map === ALL_PRIVILEGES ? 'all privileges' : granted.length === 0 ? 'none' : granted.map((p) => p.label).join(', ');
  return { map, granted, denied, text };
}

/** Builds a privilege map from bit names, for forms that offer one checkbox per privilege. */
export function privilegeMapFromNames(names: readonly string[]): number {
  let map = 0;
  for (const n of names) {
    const p = PRIVILEGE_BITS.find((b) => b.name === n);
    if (!p) {
      throw new InputError(
        `Unknown privilege "${n}". Use one of: ${PRIVILEGE_BITS.map((b) => b.name).join(', ')}.`,
        'privilegeMap',
      );
    }
    map |= p.bit;
  }
  return map;
}

/** Throws an {@link InputError} unless `map` is an integer from 0 to 255. */
export function checkPrivilegeMap(map: unknown): asserts map is number {
  if (typeof map !== 'number' || !Number.isInteger(map) || map < 0 || map > 255) {
    throw new InputError(
      `The privilege map must be an integer from 0 to 255 (one bit per privilege; 255 grants all), got ${String(map)}.`,
      'privilegeMap',
    );
  }
}
