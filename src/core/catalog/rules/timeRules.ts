import { CN_SDK_MODELS, intlDoc, trtcIo } from './sources';

const HOUR = 3600;
const DAY = 86_400;

/**
 * The query window of an action: its start and end members, how long it may be and how far back
 * it may reach. Members holding Unix seconds, calendar days (`YYYY-MM-DD`) and text times
 * (`YYYY-MM-DD HH:mm[:ss]`) are read alike; the catalog's `time` and `timeFormat` say which.
 */
export interface WindowRule {
  start: string;
  end: string;
  /** The longest window, in seconds. A window of calendar days counts both ends (31 days: the 1st to the 31st). */
  maxSpanSeconds?: number;
  /** A tighter limit that applies while another member is given (DescribeCallDetailInfo with DataType). */
  narrowerWhen?: { field: string; maxSpanSeconds: number };
  /** How far back from now the window may start: the data is not kept longer. */
  retentionSeconds?: number;
  /** The first day any data exists, as `YYYY-MM-DD`. */
  earliest?: string;
  /** What the window counts in, for the sandbox's series and for sample values. */
  granularity: 'seconds' | 'minutes' | 'usage' | 'days' | 'period';
  source: string;
  /** Said when the limit depends on the account's edition and the most generous one is kept. */
  note?: string;
}

const USAGE_31_DAYS = { start: 'StartTime', end: 'EndTime', maxSpanSeconds: 31 * DAY, granularity: 'usage' } as const;

/**
 * Query windows, by action. Where the limit depends on the monitoring edition (7 or 14 days, 3 or
 * 12 hours, 30 or 60 days), the longest is kept: the rule must not refuse what a better edition
 * may query.
 */
export const WINDOW_RULES: Readonly<Record<string, WindowRule>> = {
  DescribeCallDetailInfo: {
    start: 'StartTime',
    end: 'EndTime',
    maxSpanSeconds: 4 * HOUR,
    narrowerWhen: { field: 'DataType', maxSpanSeconds: HOUR },
    retentionSeconds: 14 * DAY,
    granularity: 'seconds',
    source: trtcIo(55013),
  },
  DescribeRoomInfo: {
    start: 'StartTime',
    end: 'EndTime',
    maxSpanSeconds: 24 * HOUR,
    retentionSeconds: 14 * DAY,
    granularity: 'seconds',
    source: CN_SDK_MODELS,
  },
  DescribeUserInfo: {
    start: 'StartTime',
    end: 'EndTime',
    maxSpanSeconds: 4 * HOUR,
    retentionSeconds: 14 * DAY,
    granularity: 'seconds',
    source: trtcIo(39096),
  },
  DescribeUserEvent: { start: 'StartTime', end: 'EndTime', retentionSeconds: 14 * DAY, granularity: 'seconds', source: intlDoc(37762) },
  DescribeUnusualEvent: {
    start: 'StartTime',
    end: 'EndTime',
    maxSpanSeconds: HOUR,
    retentionSeconds: 14 * DAY,
    granularity: 'seconds',
    source: intlDoc(37763),
  },
  DescribeScaleInfo: { start: 'StartTime', end: 'EndTime', retentionSeconds: 14 * DAY, granularity: 'days', source: intlDoc(36758) },
  DescribeTrtcUsage: { ...USAGE_31_DAYS, source: intlDoc(54137) },
  DescribeRecordingUsage: { ...USAGE_31_DAYS, source: intlDoc(54139) },
  DescribeRelayUsage: { ...USAGE_31_DAYS, source: intlDoc(54138) },
  DescribeMixTranscodingUsage: { ...USAGE_31_DAYS, source: CN_SDK_MODELS },
  DescribeRecordStatistic: { ...USAGE_31_DAYS, source: CN_SDK_MODELS },
  DescribeTrtcMcuTranscodeTime: { ...USAGE_31_DAYS, source: CN_SDK_MODELS },
  DescribeTRTCAIRecognitionUsage: { ...USAGE_31_DAYS, source: CN_SDK_MODELS },
  DescribeTRTCDedicatedCloudAccUsage: { ...USAGE_31_DAYS, source: CN_SDK_MODELS },
  DescribeTRTCSegmentModerationUsage: { ...USAGE_31_DAYS, source: CN_SDK_MODELS },
  DescribeTrtcRoomUsage: {
    start: 'StartTime',
    end: 'EndTime',
    maxSpanSeconds: 24 * HOUR,
    retentionSeconds: 92 * DAY,
    earliest: '2023-04-01',
    granularity: 'minutes',
    source: intlDoc(54327),
    note: 'The earliest day and the three months come from the CN SDK description of the action.',
  },
  DescribeTRTCMarketQualityData: {
    start: 'StartTime',
    end: 'EndTime',
    retentionSeconds: 60 * DAY,
    granularity: 'period',
    source: CN_SDK_MODELS,
    note: 'The basic edition keeps 30 days, the advanced one 60.',
  },
  DescribeTRTCMarketScaleData: {
    start: 'StartTime',
    end: 'EndTime',
    retentionSeconds: 60 * DAY,
    granularity: 'period',
    source: trtcIo(58630),
    note: 'The basic edition keeps 30 days, the advanced one 60.',
  },
  DescribeTRTCMarketScaleMetricData: {
    start: 'StartTime',
    end: 'EndTime',
    retentionSeconds: 60 * DAY,
    granularity: 'period',
    source: CN_SDK_MODELS,
    note: 'The basic edition keeps 30 days, the advanced one 60.',
  },
  DescribeTRTCRealTimeQualityData: {
    start: 'StartTime',
    end: 'EndTime',
    retentionSeconds: 12 * HOUR,
    granularity: 'minutes',
    source: trtcIo(58629),
    note: 'The Chinese site allows 3 hours on the basic edition and 12 on the advanced one.',
  },
  DescribeTRTCRealTimeScaleData: {
    start: 'StartTime',
    end: 'EndTime',
    retentionSeconds: 12 * HOUR,
    granularity: 'minutes',
    source: CN_SDK_MODELS,
    note: 'The Chinese site allows 3 hours on the basic edition and 12 on the advanced one.',
  },
};
