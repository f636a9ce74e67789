import type { JsonObject } from '../json';
import { unusualEvents, userEvents } from './eventMappings';
import { callDetail, dashboardSeries, scaleInfo } from './qualityMappings';
import type { Bilingual } from './types';
import { groupedUsage, roomUsage, usageSeries, type Mapped } from './usageMappings';

/** Turns one action's answer into tables and charts beyond the generic ones. */
export type Mapper = (response: JsonObject, action: string) => Mapped;

function list(main: string, noun: Bilingual): Mapper {
  return () => ({ tables: [], charts: [], main, noChart: { en: `The answer is a list of ${noun.en}: read it as a table.`, zh: `应答是${noun.zh}列表，请以表格查看。` } });
}

const usage: Mapper = (r, a) => usageSeries(r, a);

/**
 * The explicit mapping of every action whose answer is a series or a list, by name. Actions not
 * here get the generic view: their arrays of objects as tables, and any table with a time column
 * and numeric columns can be plotted by choosing the columns.
 */
export const ACTION_MAPPINGS: Readonly<Record<string, Mapper>> = {
  DescribeTrtcUsage: usage,
  DescribeRecordingUsage: usage,
  DescribeMixTranscodingUsage: usage,
  DescribeRelayUsage: usage,
  DescribeTRTCAIRecognitionUsage: usage,
  DescribeTRTCDedicatedCloudAccUsage: usage,
  DescribeTRTCSegmentModerationUsage: usage,
  DescribeTrtcRoomUsage: (r) => roomUsage(r),
  DescribeRecordStatistic: (r) => groupedUsage(r, 'SdkAppIdUsages', 'Usages', ''),
  DescribeTrtcMcuTranscodeTime: (r) => groupedUsage(r, 'Usages', 'SdkAppIdTranscodeTimeUsages', ''),
  DescribeScaleInfo: (r) => scaleInfo(r),
  DescribeTRTCMarketQualityData: (r) => dashboardSeries(r, 'quality'),
  DescribeTRTCRealTimeQualityData: (r) => dashboardSeries(r, 'quality'),
  DescribeTRTCMarketScaleData: (r) => dashboardSeries(r, 'scale'),
  DescribeTRTCRealTimeScaleData: (r) => dashboardSeries(r, 'scale'),
  DescribeTRTCMarketScaleMetricData: (r) => dashboardSeries(r, 'scale'),
  DescribeCallDetailInfo: (r) => callDetail(r),
  DescribeUserEvent: (r) => userEvents(r),
  DescribeUnusualEvent: (r) => unusualEvents(r),
  DescribeRoomInfo: list('RoomList', { en: 'rooms', zh: '房间' }),
  DescribeUserInfo: list('UserList', { en: 'users', zh: '用户' }),
  DescribeCloudRecording: list('StorageFileList', { en: 'recorded files', zh: '录制文件' }),
  DescribePicture: list('PictureInfo', { en: 'pictures', zh: '图片' }),
  DescribeVoicePrint: list('Data', { en: 'voice prints', zh: '声纹' }),
  QueryAIMessageList: list('MessageList', { en: 'messages', zh: '消息' }),
};

/** The mapping of an action, exact name first, then case-insensitively. */
export function mapperFor(action: string | undefined): Mapper | undefined {
  if (!action) return undefined;
  if (Object.hasOwn(ACTION_MAPPINGS, action)) return ACTION_MAPPINGS[action];
  const lower = action.toLowerCase();
  const hit = Object.keys(ACTION_MAPPINGS).find((k) => k.toLowerCase() === lower);
  return hit ? ACTION_MAPPINGS[hit] : undefined;
}
