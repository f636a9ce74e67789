/** JSON types as the callback documentation names them. */
export type CallbackFieldType = 'Number' | 'String' | 'String/Number' | 'Object' | 'Array';

/** One field of a callback's `EventInfo` (or of its `Payload`). */
export interface CallbackField {
  name: string;
  type: CallbackFieldType;
  description: string;
  descriptionZh: string;
  /** Sub-fields of an object, or of the objects in an array. */
  fields?: readonly CallbackField[];
}

/** An event group, the body's `EventGroupId`. */
export interface CallbackGroup {
  id: number;
  /** The documented constant, where the documentation names one. */
  constant?: string;
  label: string;
  labelZh: string;
  /** The body field holding the send time in milliseconds: every group uses `CallbackTs` except stream ingest. */
  timestampField: 'CallbackTs' | 'CallbackMsTs';
}

/** One callback event type, the body's `EventType`. */
export interface CallbackEvent {
  type: number;
  groupId: number;
  constant: string;
  description: string;
  descriptionZh: string;
  /** The known `EventInfo` fields; empty when the documentation available to us does not list them. */
  fields: readonly CallbackField[];
  /** Set when the field list is known to be incomplete, in plain words. */
  fieldsNote?: string;
}

/** The event groups TRTC sends callbacks for. */
export const CALLBACK_GROUPS: readonly CallbackGroup[] = [
  { id: 1, constant: 'EVENT_GROUP_ROOM', label: 'Room events', labelZh: '房间事件', timestampField: 'CallbackTs' },
  { id: 2, constant: 'EVENT_GROUP_MEDIA', label: 'Media events', labelZh: '媒体事件', timestampField: 'CallbackTs' },
  { id: 3, label: 'Cloud recording', labelZh: '云端录制', timestampField: 'CallbackTs' },
  { id: 4, constant: 'EVENT_GROUP_CLOUD_PUBLISH', label: 'Relay to CDN', labelZh: '转推 CDN', timestampField: 'CallbackTs' },
  { id: 7, constant: 'EVENT_GROUP_STREAM_INGEST', label: 'Stream ingest (input online media stream)', labelZh: '输入在线媒体流', timestampField: 'CallbackMsTs' },
  { id: 8, label: 'Web page recording', labelZh: '页面录制', timestampField: 'CallbackTs' },
];

const f = (
  name: string,
  type: CallbackFieldType,
  description: string,
  descriptionZh: string,
  fields?: readonly CallbackField[],
): CallbackField => (fields ? { name, type, description, descriptionZh, fields } : { name, type, description, descriptionZh });

const ROOM_ID = f(
  'RoomId',
  'String/Number',
  'The room. A number for numeric rooms and a string for string rooms, matching what the client used.',
  '房间号。数字房间为数字，字符串房间为字符串，与客户端使用的类型一致。',
);
const EVENT_TS = f('EventTs', 'Number', 'When the event happened, Unix time in seconds.', '事件发生时间，Unix 秒。');
const EVENT_MS_TS = f('EventMsTs', 'Number', 'When the event happened, Unix time in milliseconds.', '事件发生时间，Unix 毫秒。');
const USER_ID = f('UserId', 'String', 'The user the event is about.', '事件涉及的用户。');
const UNIQUE_ID = f(
  'UniqueId',
  'Number',
  'Identifies one session of the user in the room; a user who drops and comes back gets a new value, so it tells repeated entries apart.',
  '标识用户在房间内的一次会话；断线重进会得到新值，可用来区分多次进房。',
);
const ROLE = f(
  'Role',
  'Number',
  'The user\'s role in the room: 20 is an anchor (publishes), 21 an audience member.',
  '用户在房间中的角色：20 为主播（可推流），21 为观众。',
);
const TERMINAL_TYPE = f(
  'TerminalType',
  'Number',
  'The kind of device the user joined from, as a numeric code (3 is iOS).',
  '用户进房所用终端类型的数字代码（3 表示 iOS）。',
);
const USER_TYPE = f(
  'UserType',
  'Number',
  'Which client technology the user joined with, as a numeric code (3 is the native SDK).',
  '用户进房所用客户端类型的数字代码（3 表示原生 SDK）。',
);
const REASON = f(
  'Reason',
  'Number',
  'Why it happened, as a numeric code that depends on the event (for entering, 1 means the user entered normally).',
  '事件原因的数字代码，含义随事件而定（进房时 1 表示正常进房）。',
);
const MEDIA_REASON = f(
  'Reason',
  'Number',
  'Why the stream changed, as a numeric code; 0 in ordinary cases.',
  '媒体状态变化原因的数字代码；一般情况下为 0。',
);
const RECORDER_USER_ID = f(
  'UserId',
  'String',
  'The user id the recording service joined the room with (the recorder itself, not a participant).',
  '录制服务进房使用的用户 ID（即录制机器人本身，而非房间成员）。',
);
const TASK_ID = f('TaskId', 'String', 'The task the event belongs to, as returned when the task was started.', '事件所属任务的 ID，即启动任务时返回的 TaskId。');
const RECORDING_ROOM_ID = f('RoomId', 'String', 'The recorded room, as a string.', '被录制的房间号（字符串）。');

function payload(description: string, descriptionZh: string, fields: readonly CallbackField[]): CallbackField {
  return f('Payload', 'Object', description, descriptionZh, fields);
}

const RECORDING_BASE = [RECORDING_ROOM_ID, EVENT_TS, EVENT_MS_TS, RECORDER_USER_ID, TASK_ID];
const RECORDING_PAYLOAD_UNKNOWN = payload(
  'Details specific to this event.',
  '本事件特有的详细信息。',
  [],
);
const RECORDING_NOTE = 'The contents of Payload for this event are not listed here; only the shared fields are.';

const FILE_MESSAGE_FIELDS: readonly CallbackField[] = [
  f('FileName', 'String', 'Name of the recorded file.', '录制文件名。'),
  f('UserId', 'String', 'Whose stream the file holds.', '文件对应的用户。'),
  f('TrackType', 'String', 'What the file holds: audio, video, or both.', '文件内容类型：音频、视频或音视频。'),
  f('MediaId', 'String', 'Which stream: the main stream or the substream.', '主路或辅路。'),
  f('StartTimeStamp', 'Number', 'When the file starts, Unix time in milliseconds.', '文件开始时间，Unix 毫秒。'),
  f('EndTimeStamp', 'Number', 'When the file ends, Unix time in milliseconds.', '文件结束时间，Unix 毫秒。'),
];

const TENCENT_VOD_FIELDS: readonly CallbackField[] = [
  f('UserId', 'String', 'Whose stream the file holds.', '文件对应的用户。'),
  f('TrackType', 'String', 'What the file holds: audio, video, or both.', '文件内容类型：音频、视频或音视频。'),
  f('MediaId', 'String', 'Which stream: the main stream or the substream.', '主路或辅路。'),
  f('FileId', 'String', 'The media file id in Video on Demand.', '点播媒体文件 ID。'),
  f('VideoUrl', 'String', 'Playback address of the file.', '文件的播放地址。'),
  f('CacheFile', 'String', 'Name of the file the recorder produced before upload.', '上传前录制生成的文件名。'),
  f('StartTimeStamp', 'Number', 'When the file starts, Unix time in milliseconds.', '文件开始时间，Unix 毫秒。'),
  f('EndTimeStamp', 'Number', 'When the file ends, Unix time in milliseconds.', '文件结束时间，Unix 毫秒。'),
];

function recording(type: number, name: string, description: string, descriptionZh: string, pl?: CallbackField): CallbackEvent {
  const event: CallbackEvent = {
    type,
    groupId: 3,
    constant: `EVENT_TYPE_CLOUD_RECORDING_${name}`,
    description,
    descriptionZh,
    fields: [...RECORDING_BASE, pl ?? RECORDING_PAYLOAD_UNKNOWN],
  };
  if (!pl) {
    event.fieldsNote = RECORDING_NOTE;
  }
  return event;
}

const MEDIA_FIELDS = [ROOM_ID, EVENT_TS, EVENT_MS_TS, USER_ID, MEDIA_REASON];

function media(type: number, constant: string, description: string, descriptionZh: string): CallbackEvent {
  return { type, groupId: 2, constant, description, descriptionZh, fields: MEDIA_FIELDS };
}

const WEB_NOTE = 'The EventInfo fields of web page recording callbacks are not listed here.';

function web(type: number, name: string, description: string, descriptionZh: string): CallbackEvent {
  return { type, groupId: 8, constant: `EVENT_TYPE_WEB_RECORDER_${name}`, description, descriptionZh, fields: [], fieldsNote: WEB_NOTE };
}

const INGEST_FIELDS = [
  f('EventMsTs', 'Number', 'When the event happened, Unix time in milliseconds.', '事件发生时间，Unix 毫秒。'),
  f('TaskId', 'String', 'The ingest task, as returned by StartStreamIngest.', '输入在线媒体流任务 ID，即 StartStreamIngest 返回的 TaskId。'),
];

/** Every callback event type, grouped and described in our own words. */
export const CALLBACK_EVENTS: readonly CallbackEvent[] = [
  {
    type: 101,
    groupId: 1,
    constant: 'EVENT_TYPE_CREATE_ROOM',
    description: 'A room came into existence because its first user entered it.',
    descriptionZh: '房间因第一个用户进入而被创建。',
    fields: [ROOM_ID, EVENT_TS, EVENT_MS_TS, USER_ID],
  },
  {
    type: 102,
    groupId: 1,
    constant: 'EVENT_TYPE_DISMISS_ROOM',
    description: 'A room ceased to exist: the last user left, or it was dismissed.',
    descriptionZh: '房间被解散：最后一个用户离开或被主动解散。',
    fields: [ROOM_ID, EVENT_TS, EVENT_MS_TS],
  },
  {
    type: 103,
    groupId: 1,
    constant: 'EVENT_TYPE_ENTER_ROOM',
    description: 'A user entered a room.',
    descriptionZh: '用户进入房间。',
    fields: [ROOM_ID, EVENT_TS, EVENT_MS_TS, USER_ID, UNIQUE_ID, ROLE, TERMINAL_TYPE, USER_TYPE, REASON],
  },
  {
    type: 104,
    groupId: 1,
    constant: 'EVENT_TYPE_EXIT_ROOM',
    description: 'A user left a room. Leaving sends only this event, not the stop-audio or stop-video events.',
    descriptionZh: '用户离开房间。离开时只发送本事件，不会再发送停止音频或停止视频事件。',
    fields: [ROOM_ID, EVENT_TS, EVENT_MS_TS, USER_ID, UNIQUE_ID, ROLE, REASON],
  },
  {
    type: 105,
    groupId: 1,
    constant: 'EVENT_TYPE_CHANGE_ROLE',
    description: 'A user switched role, between anchor and audience.',
    descriptionZh: '用户在主播与观众之间切换了角色。',
    fields: [ROOM_ID, EVENT_TS, EVENT_MS_TS, USER_ID, UNIQUE_ID, ROLE],
  },
  media(201, 'EVENT_TYPE_START_VIDEO', 'A user started publishing camera video.', '用户开始推送摄像头视频。'),
  media(202, 'EVENT_TYPE_STOP_VIDEO', 'A user stopped publishing camera video while staying in the room.', '用户在房间内停止推送摄像头视频。'),
  media(203, 'EVENT_TYPE_START_AUDIO', 'A user started publishing audio.', '用户开始推送音频。'),
  media(204, 'EVENT_TYPE_STOP_AUDIO', 'A user stopped publishing audio while staying in the room.', '用户在房间内停止推送音频。'),
  media(205, 'EVENT_TYPE_START_ASSIT', 'A user started publishing the substream, usually a screen share.', '用户开始推送辅路（通常是屏幕分享）。'),
  media(206, 'EVENT_TYPE_STOP_ASSIT', 'A user stopped publishing the substream.', '用户停止推送辅路。'),
  recording(
    301,
    'RECORDER_START',
    'The recording service started, or failed to start.',
    '录制服务启动（或启动失败）。',
    payload('Whether the start succeeded.', '启动是否成功。', [
      f('Status', 'Number', '0 if the recorder started, 1 if it failed to.', '0 表示启动成功，1 表示启动失败。'),
    ]),
  ),
  recording(
    302,
    'RECORDER_STOP',
    'The recording service left the room.',
    '录制服务退出房间。',
    payload('Why the recorder left.', '录制服务退出的原因。', [
      f(
        'LeaveCode',
        'Number',
        'Numeric code for why the recorder left; 0 is a stop on request, the others cover removals, dismissed rooms and idle timeouts.',
        '退出原因的数字代码；0 表示按请求停止，其他值对应被移出、房间解散、空闲超时等情况。',
      ),
    ]),
  ),
  recording(303, 'UPLOAD_START', 'Uploading recorded files to cloud storage began.', '开始向云存储上传录制文件。'),
  recording(304, 'FILE_INFO', 'The playlist (index) file of the recording was written.', '录制的播放列表（索引）文件已生成。'),
  recording(305, 'UPLOAD_STOP', 'Uploading recorded files to cloud storage finished.', '录制文件上传云存储结束。'),
  recording(306, 'FAILOVER', 'The recording task moved to another server and continues there.', '录制任务迁移到另一台服务器上继续进行。'),
  recording(307, 'FILE_SLICE', 'The first media segment of the recording was written.', '录制生成了第一个媒体分片。'),
  recording(308, 'UPLOAD_ERROR', 'Uploading a recorded file failed.', '录制文件上传失败。'),
  recording(309, 'DOWNLOAD_IMAGE_ERROR', 'An image the recording layout needs could not be downloaded or decoded.', '录制布局所需的图片下载或解码失败。'),
  recording(
    310,
    'MP4_STOP',
    'An MP4 recording finished and its files are listed.',
    'MP4 录制结束，并列出生成的文件。',
    payload('The files produced.', '生成的文件。', [
      f('FileList', 'Array', 'Names of the files produced.', '生成的文件名列表。'),
      f('FileMessage', 'Array', 'One entry per file, with whose stream it holds and its time span.', '每个文件一项，含所属用户和起止时间。', FILE_MESSAGE_FIELDS),
    ]),
  ),
  recording(
    311,
    'VOD_COMMIT',
    'A recorded file was committed to Video on Demand.',
    '录制文件已提交到云点播。',
    payload('The committed file.', '提交的文件。', [
      f('TencentVod', 'Object', 'Where the file lives in Video on Demand and what it holds.', '文件在云点播中的信息。', TENCENT_VOD_FIELDS),
    ]),
  ),
  recording(312, 'VOD_STOP', 'The Video on Demand side of the recording task ended.', '录制任务的云点播部分结束。'),
  {
    type: 401,
    groupId: 4,
    constant: 'EVENT_TYPE_CLOUD_PUBLISH_CDN_STATUS',
    description: 'The state of a relay to a CDN address changed (connecting, running, recovering, failed, stopped).',
    descriptionZh: '转推到某个 CDN 地址的状态发生变化（连接中、推流中、恢复中、失败、已停止）。',
    fields: [
      ROOM_ID,
      f('RoomType', 'Number', '0 for a numeric room, 1 for a string room.', '0 表示数字房间号，1 表示字符串房间号。'),
      EVENT_MS_TS,
      f('UserId', 'String', 'The user id the relay service joined the room with (AgentParams.UserId of the task).', '转推服务进房使用的用户 ID（任务的 AgentParams.UserId）。'),
      TASK_ID,
      payload('The relay target and its state.', '转推目标及其状态。', [
        f('Url', 'String', 'The CDN address being pushed to.', '转推的目标 CDN 地址。'),
        f(
          'Status',
          'Number',
          '0 idle, 1 connecting (repeats every 5 s for up to 60 s), 2 running, 3 recovering (repeats every 5 s for up to 60 s), 4 failed, 5 disconnecting.',
          '0 空闲，1 连接中（每 5 秒一次，最多 60 秒），2 推流中，3 恢复中（每 5 秒一次，最多 60 秒），4 失败，5 断开中。',
        ),
        f('ErrorCode', 'Number', 'Error code when the relay failed.', '转推失败时的错误码。'),
        f('ErrorMsg', 'String', 'Error text when the relay failed.', '转推失败时的错误信息。'),
      ]),
    ],
  },
  {
    type: 701,
    groupId: 7,
    constant: 'EVENT_TYPE_STREAM_INGEST_START',
    description: 'An online media stream started (or failed to start) being fed into a room.',
    descriptionZh: '在线媒体流开始（或未能开始）输入到房间。',
    fields: [
      ...INGEST_FIELDS,
      f('Status', 'Number', '0 started, 1 failed to start, 2 started again after an interruption.', '0 开始成功，1 开始失败，2 中断后重新开始。'),
    ],
  },
  {
    type: 702,
    groupId: 7,
    constant: 'EVENT_TYPE_STREAM_INGEST_STOP',
    description: 'An online media stream stopped being fed into a room.',
    descriptionZh: '在线媒体流停止输入到房间。',
    fields: INGEST_FIELDS,
  },
  web(801, 'START', 'A web page recording task started.', '页面录制任务开始。'),
  web(802, 'STOP', 'A web page recording task stopped.', '页面录制任务停止。'),
  web(803, 'STATUS_UPDATE', 'The state of a web page recording task changed.', '页面录制任务状态变化。'),
  web(804, 'RESOURCE_LIMIT', 'A web page recording task hit a resource limit.', '页面录制任务达到资源上限。'),
];

/** Looks up an event type, for forms, the simulator and the sample generator. */
export function findCallbackEvent(type: number): CallbackEvent | undefined {
  return CALLBACK_EVENTS.find((e) => e.type === type);
}

/** Looks up a group by `EventGroupId`. */
export function findCallbackGroup(id: number): CallbackGroup | undefined {
  return CALLBACK_GROUPS.find((g) => g.id === id);
}
