import type { CategoryInfo } from './types';

/**
 * The groups of the catalog tree, in display order. The first six follow the table of contents of
 * Tencent's international server API documentation; the rest follow the Chinese API centre, which
 * has more groups because it documents more actions.
 */
export const CATEGORIES: readonly CategoryInfo[] = [
  { key: 'room', en: 'Room Management', zh: '房间管理' },
  { key: 'quality', en: 'Call Quality Monitoring', zh: '通话质量监控' },
  { key: 'ingest', en: 'Pull Stream Relay', zh: '输入在线媒体流' },
  { key: 'recording', en: 'On-cloud Recording', zh: '云端录制' },
  { key: 'relay', en: 'Stream Mixing and Relay', zh: '混流转推' },
  { key: 'usage', en: 'Usage Statistics', zh: '用量统计' },
  { key: 'dashboard', en: 'Data Monitoring', zh: '监控仪表盘' },
  { key: 'webrecord', en: 'Web Record', zh: '页面录制' },
  { key: 'ai', en: 'AI Service', zh: 'AI 服务' },
  { key: 'slicing', en: 'Cloud Slicing', zh: '云端切片' },
  { key: 'cloudmod', en: 'Cloud Moderation', zh: '云端审核' },
  { key: 'moderation', en: 'Live Stream Moderation', zh: '直播流审核' },
  { key: 'legacy', en: 'Legacy', zh: '旧版' },
  { key: 'other', en: 'Other', zh: '其他' },
];

/** Where an action lands when this table does not know it: a newer SDK added it. */
export const FALLBACK_CATEGORY = 'other';

/**
 * Our placement of every known action. The six documented groups hold what the international
 * table of contents lists under them, plus the actions Tencent's Chinese API overview files in the
 * same groups: DescribeUnusualEvent with call quality, UpdateStreamIngest beside its three
 * siblings, and the newer usage queries (AI recognition, segment moderation, dedicated-cloud
 * acceleration, the old recording statistic) with usage statistics. People look for an action
 * next to the ones that do the same kind of thing, and this is where the documentation puts it.
 */
const ACTION_CATEGORY: Readonly<Record<string, string>> = {
  DismissRoom: 'room',
  DismissRoomByStrRoomId: 'room',
  RemoveUser: 'room',
  RemoveUserByStrRoomId: 'room',
  SetUserBlocked: 'room',
  SetUserBlockedByStrRoomId: 'room',

  DescribeCallDetailInfo: 'quality',
  DescribeRoomInfo: 'quality',
  DescribeScaleInfo: 'quality',
  DescribeUserEvent: 'quality',
  DescribeUserInfo: 'quality',

  DescribeStreamIngest: 'ingest',
  StartStreamIngest: 'ingest',
  StopStreamIngest: 'ingest',

  CreateCloudRecording: 'recording',
  DeleteCloudRecording: 'recording',
  DescribeCloudRecording: 'recording',
  ModifyCloudRecording: 'recording',

  StartPublishCdnStream: 'relay',
  StopPublishCdnStream: 'relay',
  UpdatePublishCdnStream: 'relay',

  DescribeMixTranscodingUsage: 'usage',
  DescribeRecordingUsage: 'usage',
  DescribeRelayUsage: 'usage',
  DescribeTrtcRoomUsage: 'usage',
  DescribeTrtcUsage: 'usage',

  DescribeTRTCMarketQualityData: 'dashboard',
  DescribeTRTCMarketScaleData: 'dashboard',
  DescribeTRTCMarketScaleMetricData: 'dashboard',
  DescribeTRTCRealTimeQualityData: 'dashboard',
  DescribeTRTCRealTimeScaleData: 'dashboard',
  DescribeUnusualEvent: 'quality',

  DescribeWebRecord: 'webrecord',
  StartWebRecord: 'webrecord',
  StopWebRecord: 'webrecord',

  AsyncTextToSpeech: 'ai',
  ControlAIConversation: 'ai',
  CreateCloudTranscription: 'ai',
  DeleteCloudTranscription: 'ai',
  DeleteVoicePrint: 'ai',
  DescribeAIConversation: 'ai',
  DescribeAITranscription: 'ai',
  DescribeAsyncTextToSpeech: 'ai',
  DescribeCloudTranscription: 'ai',
  DescribeTRTCAIRecognitionUsage: 'usage',
  DescribeVoicePrint: 'ai',
  QueryAIMessageList: 'ai',
  RegisterVoicePrint: 'ai',
  StartAIConversation: 'ai',
  StartAITranscription: 'ai',
  StopAIConversation: 'ai',
  StopAITranscription: 'ai',
  TextToSpeech: 'ai',
  TextToSpeechSSE: 'ai',
  UpdateAIConversation: 'ai',
  UpdateVoicePrint: 'ai',
  VoiceClone: 'ai',

  CreateCloudSliceTask: 'slicing',
  DeleteCloudSliceTask: 'slicing',
  DescribeCloudSliceTask: 'slicing',
  ModifyCloudSliceTask: 'slicing',

  CreateCloudModeration: 'cloudmod',
  DeleteCloudModeration: 'cloudmod',
  DescribeCloudModeration: 'cloudmod',
  DescribeTRTCSegmentModerationUsage: 'usage',
  ModifyCloudModeration: 'cloudmod',

  CreateLiveStreamModeration: 'moderation',
  DeleteLiveStreamModeration: 'moderation',
  DescribeLiveStreamModeration: 'moderation',

  CreatePicture: 'legacy',
  DeletePicture: 'legacy',
  DescribePicture: 'legacy',
  DescribeRecordStatistic: 'usage',
  ModifyPicture: 'legacy',
  StartMCUMixTranscode: 'legacy',
  StartMCUMixTranscodeByStrRoomId: 'legacy',
  StopMCUMixTranscode: 'legacy',
  StopMCUMixTranscodeByStrRoomId: 'legacy',

  DescribeTRTCDedicatedCloudAccUsage: 'usage',
  DescribeTrtcMcuTranscodeTime: 'other',
  UpdateStreamIngest: 'ingest',
};

/** The category key of a known action, or undefined for one this table has not placed yet. */
export function categoryOf(action: string): string | undefined {
  return Object.hasOwn(ACTION_CATEGORY, action) ? ACTION_CATEGORY[action] : undefined;
}

/** Every action this table places, for the generator's check that none is stale. */
export function placedActions(): string[] {
  return Object.keys(ACTION_CATEGORY);
}
