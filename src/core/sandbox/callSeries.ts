import type { ActionInfo } from '../catalog/types';
import { isJsonNumber, numberText, type JsonObject, type JsonValue } from '../json';
import { hashSeed, makeGen, type Gen } from './random';
import { jitter, round, walk } from './shapes';
import { requestWindow } from './usageSeries';

/**
 * Sandbox answers for call-quality queries: rooms created inside the window, users who join
 * before they leave and overlap it, the metrics asked for per user (and per peer for what is
 * received), event timelines in time order, and lists that honour PageNumber and PageSize.
 */

const DEVICES = ['Android', 'iOS', 'Windows', 'Mac', 'Web'] as const;

/** What DescribeCallDetailInfo's DataType may ask for, each with a level, bounds and a step per sample. */
const METRICS: Readonly<Record<string, readonly [level: number, lo: number, hi: number, step: number]>> = {
  appCpu: [12, 1, 100, 2],
  sysCpu: [35, 1, 100, 4],
  aBit: [48_000, 8_000, 128_000, 3_000],
  aBlock: [0, 0, 2_000, 40],
  bigvBit: [900_000, 100_000, 3_000_000, 60_000],
  bigvCapFps: [15, 0, 30, 0.6],
  bigvEncFps: [15, 0, 30, 0.8],
  bigvDecFps: [15, 0, 30, 0.8],
  bigvBlock: [0, 0, 3_000, 60],
  aLoss: [0.5, 0, 30, 0.6],
  bigvLoss: [0.8, 0, 30, 0.8],
  bigvWidth: [640, 640, 640, 0],
  bigvHeight: [360, 360, 360, 0],
  aCapEnergy: [40, 0, 100, 6],
  aPlayEnergy: [35, 0, 100, 6],
  rtt: [60, 5, 1_000, 8],
  bigvRecFps: [15, 0, 30, 0.8],
};

/** Metrics both sides of a call have: what a user sends and what each peer receives. */
const RECEIVED = new Set(['aBit', 'bigvBit', 'aLoss', 'bigvLoss']);

/** The sample interval of quality data, in seconds. */
export const QUALITY_STEP_SECONDS = 10;

interface User {
  UserId: string;
  JoinTs: number;
  LeaveTs: number;
  Finished: boolean;
}

function intParam(params: JsonObject, name: string, fallback: number): number {
  const v = params[name];
  return isJsonNumber(v) ? Number(numberText(v)) : fallback;
}

/** The room and creation time a CommId (`SdkAppId_RoomId_CreateTime`) names. */
function parseCommId(params: JsonObject): { room: string; created?: number } {
  const parts = typeof params.CommId === 'string' ? params.CommId.split('_') : [];
  const created = parts.length >= 3 ? Number(parts[parts.length - 1]) : NaN;
  const room = parts.length >= 3 ? parts.slice(1, -1).join('_') : typeof params.RoomId === 'string' ? params.RoomId : '1001';
  return Number.isSafeInteger(created) ? { room, created } : { room };
}

/**
 * The users of a call who were in the room during the window, the same for the same request and
 * seed: the ones asked for by UserIds, or a handful the sandbox invents.
 */
function usersOf(params: JsonObject, window: { start: number; end: number }, g: Gen): User[] {
  const requested = Array.isArray(params.UserIds) ? params.UserIds.filter((u): u is string => typeof u === 'string' && u !== '') : [];
  const ids = requested.length ? requested : Array.from({ length: g.int(2, 12) }, (_, i) => `user_${1001 + i * 7}`);
  const nowSeconds = Math.floor(g.now / 1000);
  const { created } = parseCommId(params);
  return ids.map((id) => {
    const own = makeGen(hashSeed(id, window.start), g.now);
    const earliest = created ?? window.start - 1800;
    const join = Math.max(earliest, window.start - own.int(0, 1200), 0);
    const leave = Math.max(join + own.int(300, 5400), window.start + 60);
    const finished = leave <= nowSeconds;
    return { UserId: id, JoinTs: join, LeaveTs: finished ? leave : Math.max(join, nowSeconds), Finished: finished };
  });
}

function page<T>(list: readonly T[], params: JsonObject, defaultSize: number): T[] {
  const size = Math.max(1, intParam(params, 'PageSize', defaultSize));
  const number = Math.max(0, intParam(params, 'PageNumber', 0));
  return list.slice(number * size, number * size + size);
}

function userInformation(users: readonly User[], params: JsonObject, g: Gen): JsonValue[] {
  const { room } = parseCommId(params);
  return users.map((u, i) => ({
    RoomStr: room,
    UserId: u.UserId,
    JoinTs: u.JoinTs,
    LeaveTs: u.LeaveTs,
    DeviceType: DEVICES[(i + g.int(0, 4)) % DEVICES.length]!,
    SdkVersion: `12.${g.int(0, 3)}.0.${g.int(1, 9)}`,
    ClientIp: `203.0.113.${g.int(1, 254)}`,
    Finished: u.Finished,
  }));
}

function qualityData(users: readonly User[], all: readonly User[], params: JsonObject, window: { start: number; end: number }, g: Gen): JsonValue[] {
  const asked = Array.isArray(params.DataType) ? params.DataType.filter((d): d is string => typeof d === 'string') : [];
  const metrics = asked.includes('all') ? Object.keys(METRICS) : asked.filter((m) => Object.hasOwn(METRICS, m));
  const out: JsonValue[] = [];
  for (const u of users) {
    const from = Math.ceil(Math.max(window.start, u.JoinTs) / QUALITY_STEP_SECONDS) * QUALITY_STEP_SECONDS;
    const to = Math.min(window.end, u.LeaveTs);
    const count = to >= from ? Math.floor((to - from) / QUALITY_STEP_SECONDS) + 1 : 0;
    const peer = all.find((p) => p.UserId !== u.UserId);
    for (const metric of metrics) {
      const [level, lo, hi, step] = METRICS[metric]!;
      const series = (peerId: string) => {
        const values = walk(g, count, jitter(g, level, 0.2), lo, hi, step);
        const decimals = metric.endsWith('Loss') || metric.endsWith('Cpu') ? 2 : 0;
        return { UserId: u.UserId, PeerId: peerId, DataType: metric, Content: values.map((v, i) => ({ Time: from + i * QUALITY_STEP_SECONDS, Value: round(v, decimals) })) };
      };
      out.push(series(''));
      if (RECEIVED.has(metric) && peer) out.push(series(peer.UserId));
    }
  }
  return out;
}

/** SDK events a user's call typically shows, from the event ID table (trtc.io/document/37906). */
const EVENTS: ReadonlyArray<readonly [eventId: number, one: number, two: number, type: number]> = [
  [1003, 1, -1, 0],
  [2001, 0, -1, 0],
  [3001, 0, -1, 0],
  [4001, 0, -1, 2],
  [4003, 640, 360, 2],
  [3001, 1, -1, 0],
  [3001, 3, -1, 0],
];

function userEventAnswer(params: JsonObject, window: { start: number; end: number }, g: Gen): JsonObject {
  const id = typeof params.UserId === 'string' && params.UserId !== '' ? params.UserId : 'user_1001';
  const [user] = usersOf({ ...params, UserIds: [id] }, window, g);
  const from = Math.max(window.start, user!.JoinTs);
  const to = Math.min(window.end, user!.LeaveTs);
  if (to < from) return { Data: [] };
  // Times are in milliseconds, as the API reports them; the first events follow the join closely.
  let t = from * 1000 + g.int(50, 900);
  const content: JsonValue[] = [];
  for (const [eventId, one, two, type] of EVENTS) {
    if (t > to * 1000) break;
    content.push({ Type: type, Time: t, EventId: eventId, ParamOne: one, ParamTwo: two });
    t += content.length < 5 ? g.int(40, 900) : g.int(30_000, Math.max(30_001, (to - from) * 300));
  }
  return { Data: [{ Content: content, PeerId: id }] };
}

function unusualEventAnswer(params: JsonObject, window: { start: number; end: number }, g: Gen): JsonObject {
  const room = typeof params.RoomId === 'string' && params.RoomId !== '' ? params.RoomId : undefined;
  const end = Math.min(window.end, Math.floor(g.now / 1000));
  const count = end >= window.start ? g.int(0, 20) : 0;
  const list: JsonValue[] = [];
  for (let i = 0; i < count; i++) {
    list.push({
      UserId: `user_${1001 + g.int(0, 40) * 7}`,
      ExperienceId: 4,
      RoomId: room ?? String(1001 + g.int(0, 9)),
      // The event ids the documentation's example shows for this experience.
      AbnormalEventList: [
        { AbnormalEventId: 2011, PeerId: '' },
        { AbnormalEventId: 2012, PeerId: '' },
      ],
      EventTime: g.int(window.start, end),
    });
  }
  list.sort((a, b) => Number((a as JsonObject).EventTime) - Number((b as JsonObject).EventTime));
  return { Total: list.length, AbnormalExperienceList: list };
}

function roomInfoAnswer(params: JsonObject, window: { start: number; end: number }, g: Gen): JsonObject {
  const sdkAppId = isJsonNumber(params.SdkAppId) ? numberText(params.SdkAppId) : '1400000000';
  const asked = typeof params.RoomId === 'string' && params.RoomId !== '' ? params.RoomId : undefined;
  const end = Math.min(window.end, Math.floor(g.now / 1000));
  const total = end >= window.start ? (asked ? g.int(1, 3) : g.int(0, 40)) : 0;
  const rooms: JsonObject[] = [];
  for (let i = 0; i < total; i++) {
    const room = asked ?? String(1001 + i * g.int(1, 9));
    const created = g.int(window.start, end);
    const destroyed = created + g.int(120, 7200);
    const finished = destroyed <= g.now / 1000;
    rooms.push({
      CommId: `${sdkAppId}_${room}_${created}`,
      RoomString: room,
      CreateTime: created,
      DestroyTime: finished ? destroyed : 0,
      IsFinished: finished,
      UserId: `user_${1001 + g.int(0, 40) * 7}`,
    });
  }
  rooms.sort((a, b) => Number(a.CreateTime) - Number(b.CreateTime));
  return { Total: rooms.length, RoomList: page(rooms, params, 10) };
}

/** A call-quality answer for the actions of this module, or undefined for any other action or an unreadable window. */
export function callSeriesAnswer(info: ActionInfo, params: JsonObject, g: Gen): JsonObject | undefined {
  const window = requestWindow(info, params);
  if (!window) return undefined;
  switch (info.name) {
    case 'DescribeCallDetailInfo': {
      const users = usersOf(params, window, g).filter((u) => u.JoinTs <= window.end);
      const shown = page(users, params, 6);
      return { Total: users.length, UserList: userInformation(shown, params, g), Data: qualityData(shown, users, params, window, g) };
    }
    case 'DescribeUserInfo': {
      const users = usersOf(params, window, g).filter((u) => u.JoinTs <= window.end);
      return { Total: users.length, UserList: userInformation(page(users, params, 6), params, g) };
    }
    case 'DescribeUserEvent':
      return userEventAnswer(params, window, g);
    case 'DescribeUnusualEvent':
      return unusualEventAnswer(params, window, g);
    case 'DescribeRoomInfo':
      return roomInfoAnswer(params, window, g);
    default:
      return undefined;
  }
}
