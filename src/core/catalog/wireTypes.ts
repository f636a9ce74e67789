/**
 * What the SDK type declarations cannot say about the wire, written down by us.
 *
 * The SDKs declare every number as `number` and every text as `string`, but the API distinguishes
 * unsigned from signed 64-bit integers and floats, and some strings must be calendar days. The
 * generator applies these defaults: `number` is an unsigned 64-bit integer (most TRTC numbers are)
 * and `string` is free text. This table lists the exceptions, keyed `Struct.Field`; for an array
 * the entry is the type of each element. The generator fails when an entry names a field the SDK
 * does not have, so the table cannot silently go stale after an SDK update.
 */
export type WireOverride = 'float' | 'int64' | 'date';

/** Fields whose wire type differs from the default, keyed `Struct.Field`. */
export const WIRE_TYPES: Readonly<Record<string, WireOverride>> = {
  // Floats: volumes, speeds and tempos of speech and media, and measured usage values.
  'AmbientSound.Volume': 'float',
  'DescribeTRTCAIRecognitionUsageResponse.TotalUsage': 'float',
  'RowValues.RowValueFloat': 'float',
  'SdkAppIdTrtcMcuTranscodeTimeUsage.Flux': 'float',
  'StartStreamIngestRequest.Tempo': 'float',
  'TTSConfig.Speed': 'float',
  'TTSConfig.Volume': 'float',
  'TTSVoice.Speed': 'float',
  'TTSVoice.Volume': 'float',
  'TimeValue.Value': 'float',
  'TrtcUsage.UsageValue': 'float',
  'UpdateStreamIngestRequest.Tempo': 'float',
  'UsageList.UsageValue': 'float',
  'Voice.Speed': 'float',
  'Voice.Volume': 'float',

  // Signed 64-bit integers: a few application ids, Unix times of the real-time dashboards, counters
  // and pitch offsets that may be negative.
  'DescribeAITranscriptionRequest.SdkAppId': 'int64',
  'DescribeRoomInfoResponse.Total': 'int64',
  'DescribeTRTCRealTimeQualityDataRequest.EndTime': 'int64',
  'DescribeTRTCRealTimeQualityDataRequest.StartTime': 'int64',
  'DescribeTRTCRealTimeScaleDataRequest.EndTime': 'int64',
  'DescribeTRTCRealTimeScaleDataRequest.StartTime': 'int64',
  'DescribeWebRecordRequest.SdkAppId': 'int64',
  'DescribeWebRecordResponse.Status': 'int64',
  'EventMessage.ParamOne': 'int64',
  'EventMessage.ParamTwo': 'int64',
  'RowValues.RowValue': 'int64',
  'SeriesInfo.Values': 'int64',
  'StartStreamIngestRequest.IdleTimeout': 'int64',
  'StartStreamIngestRequest.MaxDuration': 'int64',
  'StartStreamIngestRequest.RepeatNum': 'int64',
  'StartStreamIngestRequest.SeekSecond': 'int64',
  'StartWebRecordRequest.SdkAppId': 'int64',
  'TRTCDataResp.StatementID': 'int64',
  'TRTCDataResp.Total': 'int64',
  'TRTCDataResult.StatementID': 'int64',
  'TRTCDataResult.Total': 'int64',
  'TTSVoice.Pitch': 'int64',
  'Voice.Pitch': 'int64',
  'WebRecordVideoParams.MaxMediaFileDuration': 'int64',

  // Calendar days (`YYYY-MM-DD`): the query windows of the data dashboards and the old statistics.
  'DescribeRecordStatisticRequest.EndTime': 'date',
  'DescribeRecordStatisticRequest.StartTime': 'date',
  'DescribeTRTCMarketQualityDataRequest.EndTime': 'date',
  'DescribeTRTCMarketQualityDataRequest.StartTime': 'date',
  'DescribeTRTCMarketScaleDataRequest.EndTime': 'date',
  'DescribeTRTCMarketScaleDataRequest.StartTime': 'date',
  'DescribeTRTCMarketScaleMetricDataRequest.EndTime': 'date',
  'DescribeTRTCMarketScaleMetricDataRequest.StartTime': 'date',
  'DescribeTrtcMcuTranscodeTimeRequest.EndTime': 'date',
  'DescribeTrtcMcuTranscodeTimeRequest.StartTime': 'date',
};

/**
 * Required members of structures that only the international SDK has. Its JavaScript models mark
 * nothing as required, so for the actions it alone offers we list them here, keyed by structure.
 * The generator fails when such a structure is reachable from an action's input and missing here.
 */
export const INTL_ONLY_REQUIRED: Readonly<Record<string, readonly string[]>> = {
  SetUserBlockedRequest: ['SdkAppId', 'RoomId', 'UserId', 'IsMute'],
  SetUserBlockedByStrRoomIdRequest: ['SdkAppId', 'StrRoomId', 'UserId', 'IsMute'],
};
