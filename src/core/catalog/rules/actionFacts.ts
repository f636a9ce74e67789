import { API_OVERVIEW, cnDoc, intlDoc, trtcIo } from './sources';

/** The regions an action runs in, with the pages that list them. */
export interface RegionFact {
  regions: readonly string[];
  sources: readonly string[];
  /** Why the list is what it is, when it is not simply what one page says. */
  note?: string;
}

/**
 * Actions whose documentation names the only regions they run in. Each page lists the regions of
 * its own site, and the two sites differ (StartPublishCdnStream: ap-beijing and ap-shanghai on the
 * Chinese site, ap-singapore on the international one), so a list here is the union of every page
 * read: refusing a region one site accepts would call a correct request wrong. Actions whose pages
 * were read on one site only are left out where the other site may well list more.
 */
export const REGION_FACTS: Readonly<Record<string, RegionFact>> = {
  StartPublishCdnStream: {
    regions: ['ap-beijing', 'ap-guangzhou', 'ap-hongkong', 'ap-shanghai', 'ap-singapore'],
    sources: [cnDoc(81479), intlDoc(48247)],
  },
  DescribeTrtcUsage: {
    regions: ['ap-guangzhou', 'ap-singapore'],
    sources: [cnDoc(74978), intlDoc(54137)],
  },
  DescribeRelayUsage: {
    regions: ['ap-guangzhou', 'ap-singapore'],
    sources: [intlDoc(54138)],
    note: 'The Chinese page of DescribeTrtcUsage lists ap-guangzhou alone, a subset of the international list.',
  },
  DescribeTrtcRoomUsage: {
    regions: ['ap-guangzhou', 'ap-singapore'],
    sources: [intlDoc(54327)],
  },
  CreateCloudRecording: {
    regions: ['ap-beijing', 'ap-guangzhou', 'ap-mumbai', 'ap-shanghai', 'ap-singapore'],
    sources: [trtcIo(46960)],
  },
  DescribeCloudRecording: {
    regions: ['ap-beijing', 'ap-guangzhou', 'ap-mumbai', 'ap-shanghai', 'ap-singapore'],
    sources: [trtcIo(46958)],
  },
  DeleteCloudRecording: {
    regions: ['ap-beijing', 'ap-guangzhou', 'ap-mumbai', 'ap-shanghai', 'ap-singapore'],
    sources: [trtcIo(46959)],
  },
  CreateCloudModeration: {
    regions: ['ap-shanghai', 'ap-singapore'],
    sources: [intlDoc(72648)],
    note:
      'The international page lists ap-singapore; ap-shanghai is what the Chinese site lists according to the ' +
      'project\'s reference notes (its page was not read again), and is kept so that Chinese-site calls are not refused.',
  },
  CreateLiveStreamModeration: {
    regions: ['ap-shanghai'],
    sources: [cnDoc(135224)],
  },
  UpdateStreamIngest: {
    regions: ['ap-bangkok', 'ap-beijing', 'ap-chongqing', 'ap-guangzhou', 'ap-jakarta', 'ap-mumbai', 'ap-shanghai', 'ap-singapore', 'ap-tokyo'],
    sources: [intlDoc(63238), 'https://cloud.tencent.com/document/product/647/110076'],
    note: 'The Chinese site lists ap-beijing, ap-chongqing, ap-guangzhou, ap-shanghai and ap-singapore.',
  },
  StartAIConversation: {
    regions: ['ap-beijing', 'ap-guangzhou', 'ap-shanghai', 'ap-singapore', 'ap-tokyo', 'na-ashburn', 'na-siliconvalley'],
    sources: [cnDoc(108514), trtcIo(64963)],
  },
  DescribeAIConversation: {
    regions: ['ap-beijing', 'ap-guangzhou', 'ap-shanghai', 'ap-singapore', 'ap-tokyo', 'na-ashburn', 'na-siliconvalley'],
    sources: [cnDoc(108515), trtcIo(64964)],
  },
  ControlAIConversation: {
    regions: ['ap-beijing', 'ap-guangzhou', 'ap-shanghai', 'ap-singapore', 'ap-tokyo', 'na-ashburn', 'na-siliconvalley'],
    sources: [intlDoc(64965), cnDoc(108514)],
    note: 'It controls tasks StartAIConversation started, so the Chinese regions of that page are kept.',
  },
  StartAITranscription: {
    regions: ['ap-guangzhou', 'ap-singapore', 'ap-tokyo', 'na-siliconvalley'],
    sources: [trtcIo(64967)],
  },
  TextToSpeechSSE: {
    regions: ['ap-beijing', 'ap-guangzhou', 'ap-shanghai', 'ap-singapore'],
    sources: [cnDoc(122474), 'https://intl.cloud.tencent.com/document/api/647/80009'],
  },
  DescribeCallDetailInfo: {
    regions: ['ap-beijing', 'ap-guangzhou', 'ap-mumbai', 'ap-singapore'],
    sources: [trtcIo(55013)],
  },
  DescribeUserInfo: {
    regions: ['ap-beijing', 'ap-guangzhou', 'ap-mumbai', 'ap-singapore'],
    sources: [trtcIo(39096)],
  },
  DescribeUserEvent: {
    regions: ['ap-beijing', 'ap-guangzhou', 'ap-mumbai', 'ap-singapore', 'na-toronto'],
    sources: [intlDoc(37762), cnDoc(77742)],
  },
  DescribeUnusualEvent: {
    regions: ['ap-beijing', 'ap-guangzhou', 'ap-mumbai', 'ap-singapore', 'na-toronto'],
    sources: [intlDoc(37763)],
  },
  DescribeScaleInfo: {
    regions: ['ap-beijing', 'ap-guangzhou', 'ap-mumbai', 'ap-singapore', 'na-toronto'],
    sources: [intlDoc(36758)],
  },
};

/** Calls per second an action allows, with the page that says so. */
export interface RateFact {
  perSecond: number;
  source: string;
}

const OVERVIEW_20 = [
  'CreateCloudModeration', 'CreateCloudRecording', 'CreateCloudSliceTask', 'CreateLiveStreamModeration',
  'DeleteCloudModeration', 'DeleteCloudRecording', 'DeleteCloudSliceTask', 'DeleteLiveStreamModeration',
  'DescribeCallDetailInfo', 'DescribeCloudModeration', 'DescribeCloudRecording', 'DescribeCloudSliceTask',
  'DescribeLiveStreamModeration', 'DescribeRecordStatistic', 'DescribeRoomInfo', 'DescribeScaleInfo',
  'DescribeTRTCAIRecognitionUsage', 'DescribeTRTCDedicatedCloudAccUsage', 'DescribeTRTCMarketQualityData',
  'DescribeTRTCMarketScaleData', 'DescribeTRTCRealTimeQualityData', 'DescribeTRTCRealTimeScaleData',
  'DescribeTRTCSegmentModerationUsage', 'DescribeUnusualEvent', 'DescribeUserEvent', 'DescribeUserInfo',
  'DismissRoom', 'DismissRoomByStrRoomId', 'ModifyCloudModeration', 'ModifyCloudRecording', 'ModifyCloudSliceTask',
  'RemoveUser', 'RemoveUserByStrRoomId', 'SetUserBlocked', 'SetUserBlockedByStrRoomId', 'StartPublishCdnStream',
  'StopPublishCdnStream', 'UpdatePublishCdnStream', 'UpdateStreamIngest',
] as const;

const OVERVIEW_5 = ['DescribeMixTranscodingUsage', 'DescribeRecordingUsage', 'DescribeRelayUsage', 'DescribeTrtcUsage'] as const;

/**
 * Documented calls per second. The overview tables give most (20, and 5 for the usage queries);
 * newer actions say it on their own page. Where the two sites differ (StartAIConversation allows 50
 * on the Chinese site, 20 on the international one) the lower figure is kept, because a runner
 * that paces itself by it must not be refused on either site.
 */
export const RATE_FACTS: Readonly<Record<string, RateFact>> = {
  ...Object.fromEntries(OVERVIEW_20.map((a) => [a, { perSecond: 20, source: API_OVERVIEW }])),
  ...Object.fromEntries(OVERVIEW_5.map((a) => [a, { perSecond: 5, source: API_OVERVIEW }])),
  DescribeTrtcRoomUsage: { perSecond: 1 / 15, source: intlDoc(54327) },
  StartAIConversation: { perSecond: 20, source: trtcIo(64963) },
  DescribeAIConversation: { perSecond: 20, source: trtcIo(64964) },
  ControlAIConversation: { perSecond: 20, source: intlDoc(64965) },
  StartAITranscription: { perSecond: 20, source: trtcIo(64967) },
  TextToSpeech: { perSecond: 20, source: trtcIo(80010) },
  TextToSpeechSSE: { perSecond: 20, source: 'https://intl.cloud.tencent.com/document/api/647/80009' },
};
