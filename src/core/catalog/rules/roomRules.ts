import { cnDoc, CN_SDK_MODELS, INTL_SDK_CLIENT, intlDoc, trtcIo } from './sources';

/**
 * TRTC has two kinds of room: numeric rooms (an unsigned integer) and string rooms. The same number
 * written as a string names a different room, so calling an action with the other kind of id finds
 * no room (`FailedOperation.RoomNotExist`).
 */

/** A numeric-room action and its string-room twin, with where each takes its room id. */
export interface TwinRule {
  numeric: { action: string; field: string };
  string: { action: string; field: string };
  source: string;
  /**
   * Whether the documentation of the string twin says it is for string rooms only, which makes an
   * all-digit id worth a warning there: it usually means a numeric room was meant.
   */
  stringOnlyDocumented: boolean;
}

/** Every twin pair of the API. A test checks that these are exactly the catalog's `twin` pairs. */
export const TWIN_RULES: readonly TwinRule[] = [
  {
    numeric: { action: 'DismissRoom', field: 'RoomId' },
    string: { action: 'DismissRoomByStrRoomId', field: 'RoomId' },
    source: CN_SDK_MODELS,
    stringOnlyDocumented: true,
  },
  {
    numeric: { action: 'RemoveUser', field: 'RoomId' },
    string: { action: 'RemoveUserByStrRoomId', field: 'RoomId' },
    source: intlDoc(34268),
    stringOnlyDocumented: false,
  },
  {
    numeric: { action: 'SetUserBlocked', field: 'RoomId' },
    string: { action: 'SetUserBlockedByStrRoomId', field: 'StrRoomId' },
    source: INTL_SDK_CLIENT,
    stringOnlyDocumented: true,
  },
  {
    numeric: { action: 'StartMCUMixTranscode', field: 'RoomId' },
    string: { action: 'StartMCUMixTranscodeByStrRoomId', field: 'StrRoomId' },
    source: CN_SDK_MODELS,
    stringOnlyDocumented: false,
  },
  {
    numeric: { action: 'StopMCUMixTranscode', field: 'RoomId' },
    string: { action: 'StopMCUMixTranscodeByStrRoomId', field: 'StrRoomId' },
    source: CN_SDK_MODELS,
    stringOnlyDocumented: false,
  },
];

/**
 * A `RoomIdType` beside a string `RoomId`. Its meaning is not the same everywhere: recording,
 * slicing, moderation and stream ingest use 0 for a string room and 1 for a 32-bit numeric one;
 * relaying, transcription and the AI actions use 0 for numeric and 1 for string.
 */
export interface RoomTypeRule {
  /** The structure holding both members: `<Action>Request` for top-level parameters. */
  owner: string;
  typeField: string;
  roomField: string;
  /** The RoomIdType value meaning a string room; the other of 0 and 1 means a numeric room. */
  stringValue: 0 | 1;
  /** The value the API assumes when RoomIdType is left out, when the documentation says. */
  defaultValue?: 0 | 1;
  /** Numeric rooms are documented as 32-bit integers here, so larger numbers cannot be one. */
  numeric32?: boolean;
  source: string;
}

const ZERO_STRING = { stringValue: 0 as const, defaultValue: 1 as const, numeric32: true };
const ZERO_NUMERIC = { stringValue: 1 as const };

/**
 * Every RoomIdType of the API's requests that decides which room is used, read from each one's
 * own description. CreateLiveStreamModeration's SourceInfo also has one, but that structure is
 * passed through to callbacks untouched, so nothing is checked there.
 */
export const ROOM_TYPE_RULES: readonly RoomTypeRule[] = [
  { owner: 'CreateCloudRecordingRequest', typeField: 'RoomIdType', roomField: 'RoomId', ...ZERO_STRING, source: trtcIo(46960) },
  { owner: 'CreateCloudSliceTaskRequest', typeField: 'RoomIdType', roomField: 'RoomId', ...ZERO_STRING, source: CN_SDK_MODELS },
  { owner: 'CreateCloudModerationRequest', typeField: 'RoomIdType', roomField: 'RoomId', ...ZERO_STRING, source: intlDoc(72648) },
  { owner: 'StartStreamIngestRequest', typeField: 'RoomIdType', roomField: 'RoomId', ...ZERO_STRING, source: CN_SDK_MODELS },
  { owner: 'CreateCloudTranscriptionRequest', typeField: 'RoomIdType', roomField: 'RoomId', ...ZERO_NUMERIC, source: CN_SDK_MODELS },
  { owner: 'StartAIConversationRequest', typeField: 'RoomIdType', roomField: 'RoomId', ...ZERO_NUMERIC, defaultValue: 0, source: cnDoc(108514) },
  { owner: 'StartAITranscriptionRequest', typeField: 'RoomIdType', roomField: 'RoomId', ...ZERO_NUMERIC, defaultValue: 0, source: trtcIo(64967) },
  { owner: 'StartPublishCdnStreamRequest', typeField: 'RoomIdType', roomField: 'RoomId', ...ZERO_NUMERIC, source: cnDoc(81479) },
  { owner: 'MixUserInfo', typeField: 'RoomIdType', roomField: 'RoomId', ...ZERO_NUMERIC, source: cnDoc(81479) },
  { owner: 'McuFeedBackRoomParams', typeField: 'RoomIdType', roomField: 'RoomId', ...ZERO_NUMERIC, source: cnDoc(81479) },
];

/** The largest numeric room id a 32-bit RoomIdType can name. */
export const MAX_ROOM_ID_32 = 4_294_967_295;

/** Whether a room id text is a plain unsigned integer, the only thing a numeric room can be. */
export function isNumericRoomText(text: string): boolean {
  return /^\d+$/.test(text);
}
