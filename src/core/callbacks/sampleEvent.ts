import { InputError } from '../errors';
import type { JsonObject } from '../json';
import { CALLBACK_EVENTS, findCallbackEvent, findCallbackGroup } from './callbackEvents';

/** Values to put into a sample body; everything has a plausible default. */
export interface SampleEventOptions {
  /** Send time, as a Date or epoch milliseconds; now when omitted. */
  now?: Date | number;
  /** A number for numeric rooms, a string for string rooms. */
  roomId?: number | string;
  userId?: string;
  taskId?: string;
  /** Fields to add to, or replace in, `EventInfo`. */
  eventInfo?: JsonObject;
}

const DEFAULT_ROOM_ID = 8489;
const DEFAULT_USER_ID = 'user_85034614';
const DEFAULT_TASK_ID = 'sample-task-0001';

/**
 * Builds a realistic callback body of the given type, for the simulator and for trying a handler.
 * The event happened a few milliseconds before the callback was sent, as in real traffic.
 */
export function sampleEvent(eventType: number, options: SampleEventOptions = {}): JsonObject {
  const event = findCallbackEvent(eventType);
  if (!event) {
    throw new InputError(
      `There is no callback event type ${eventType}. Known types: ${CALLBACK_EVENTS.map((e) => e.type).join(', ')}.`,
      'eventType',
    );
  }
  const group = findCallbackGroup(event.groupId);
  const sentMs = nowMs(options.now);
  const eventMs = sentMs - 8;
  const eventS = Math.floor(eventMs / 1000);
  const roomId = options.roomId ?? DEFAULT_ROOM_ID;
  const taskId = options.taskId ?? DEFAULT_TASK_ID;
  const userId = options.userId;

  let info: JsonObject;
  switch (event.groupId) {
    case 1:
    case 2:
      info = roomOrMediaInfo(event.type, roomId, userId ?? DEFAULT_USER_ID, eventS, eventMs);
      break;
    case 3:
      info = {
        RoomId: String(roomId),
        EventTs: eventS,
        EventMsTs: eventMs,
        UserId: userId ?? `recorder_${String(roomId)}`,
        TaskId: taskId,
        Payload: recordingPayload(event.type, userId ?? DEFAULT_USER_ID, eventMs),
      };
      break;
    case 4:
      info = {
        RoomId: roomId,
        RoomType: typeof roomId === 'string' ? 1 : 0,
        EventMsTs: eventMs,
        UserId: userId ?? 'relay_robot_01',
        TaskId: taskId,
        Payload: { Url: 'rtmp://push.example.com/live/stream_01', Status: 2, ErrorCode: 0, ErrorMsg: '' },
      };
      break;
    case 7:
      info = event.type === 701 ? { EventMsTs: eventMs, TaskId: taskId, Status: 0 } : { EventMsTs: eventMs, TaskId: taskId };
      break;
    default:
      info = {};
      break;
  }
  if (options.eventInfo) {
    info = { ...info, ...options.eventInfo };
  }
  return {
    EventGroupId: event.groupId,
    EventType: event.type,
    [group?.timestampField ?? 'CallbackTs']: sentMs,
    EventInfo: info,
  };
}

function roomOrMediaInfo(type: number, roomId: number | string, userId: string, eventS: number, eventMs: number): JsonObject {
  const base: JsonObject = { RoomId: roomId, EventTs: eventS, EventMsTs: eventMs };
  switch (type) {
    case 101:
      return { ...base, UserId: userId };
    case 102:
      return base;
    case 103:
      return { ...base, UserId: userId, UniqueId: eventMs, Role: 20, TerminalType: 3, UserType: 3, Reason: 1 };
    case 104:
      return { ...base, UserId: userId, UniqueId: eventMs - 600000, Role: 20, Reason: 1 };
    case 105:
      return { ...base, UserId: userId, UniqueId: eventMs - 60000, Role: 21 };
    default:
      return { ...base, UserId: userId, Reason: 0 };
  }
}

function recordingPayload(type: number, userId: string, eventMs: number): JsonObject {
  switch (type) {
    case 301:
      return { Status: 0 };
    case 302:
      return { LeaveCode: 0 };
    case 310: {
      const name = `${userId}_main_audio_video_${eventMs}.mp4`;
      return {
        FileList: [name],
        FileMessage: [
          { FileName: name, UserId: userId, TrackType: 'audio_video', MediaId: 'main', StartTimeStamp: eventMs - 600000, EndTimeStamp: eventMs },
        ],
      };
    }
    case 311:
      return {
        TencentVod: {
          UserId: userId,
          TrackType: 'audio_video',
          MediaId: 'main',
          FileId: '5285890800000000000',
          VideoUrl: 'https://vod.example.com/sample/f0.mp4',
          CacheFile: `${userId}_main_audio_video_${eventMs}.mp4`,
          StartTimeStamp: eventMs - 600000,
          EndTimeStamp: eventMs,
        },
      };
    default:
      return {};
  }
}

function nowMs(now: Date | number | undefined): number {
  const ms = now === undefined ? Date.now() : typeof now === 'number' ? now : now.getTime();
  if (!Number.isFinite(ms)) {
    throw new InputError(`The time ${String(now)} is not a valid date.`, 'now');
  }
  return Math.floor(ms);
}
