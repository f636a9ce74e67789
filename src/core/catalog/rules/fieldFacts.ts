import type { NumberRange, TimeTextFormat, UnixTimeUnit } from '../types';
import { ROOM_TYPE_RULES } from './roomRules';
import { CN_SDK_MODELS, cnDoc, INTL_SDK_MODELS, intlDoc, trtcIo } from './sources';

/** One allowed value with what it means, in both languages. */
export interface FactValue {
  value: number | string;
  en: string;
  zh: string;
}

/**
 * What we write down about a field where the SDK descriptions cannot be read reliably at generation
 * time: the meaning of yes/no integers, value lists stated in prose, exceptions inside a range, and
 * bounds written as "at most 720 hours". Keyed `Struct.Field` (`<Action>Request.Field` for top-level
 * parameters); the generator fails on a key the SDKs do not have, and a member given here replaces
 * what it derived.
 */
export interface FieldFact {
  range?: NumberRange;
  values?: readonly FactValue[];
  time?: UnixTimeUnit;
  timeFormat?: TimeTextFormat;
  source: string;
}

function v(value: number | string, en: string, zh: string): FactValue {
  return { value, en, zh };
}

/** A yes/no integer, with what 0 and 1 mean for this field. */
function flag(zero: [string, string], one: [string, string], source: string = CN_SDK_MODELS): FieldFact {
  return { values: [v(0, zero[0], zero[1]), v(1, one[0], one[1])], source };
}

function values(list: readonly FactValue[], source: string = CN_SDK_MODELS): FieldFact {
  return { values: list, source };
}

const OFF_ON = (what: [string, string]): [[string, string], [string, string]] => [
  [`${what[0]} off`, `不启用${what[1]}`],
  [`${what[0]} on`, `启用${what[1]}`],
];

const CAMERA_SCREEN: [[string, string], [string, string]] = [
  ['Camera', '摄像头'],
  ['Screen sharing', '屏幕分享'],
];

const LEFT_RIGHT: [[string, string], [string, string]] = [
  ['Large window on the left', '大画面居左'],
  ['Large window on the right', '大画面居右'],
];

const SEI_KEEP: [[string, string], [string, string]] = [
  ['Drop upstream SEI', '不保留上行 SEI'],
  ['Keep upstream SEI', '保留上行 SEI'],
];

const SEI_ON_KEYFRAME: [[string, string], [string, string]] = [
  ['Keyframes may lack SEI', '关键帧不确保带 SEI'],
  ['Every keyframe carries SEI', '关键帧确保带 SEI'],
];

const INTERRUPT: [[string, string], [string, string]] = [
  ['The server interrupts', '服务端自动打断'],
  ['The client interrupts', '由端上发送打断信令'],
];

const TRANSCODING: [[string, string], [string, string]] = [
  ['Relay without transcoding', '不转码（旁路转推）'],
  ['Transcode (mixing)', '转码（混流转推）'],
];

const MCU_AUDIO_CODEC = [v(0, 'LC-AAC', 'LC-AAC'), v(1, 'HE-AAC', 'HE-AAC'), v(2, 'HE-AACv2', 'HE-AACv2')];
const DYNAMIC_POSITION = [
  v(0, 'Fixed', '关闭'),
  v(1, 'Random, moves every second', '随机位置，每秒变动'),
  v(2, 'Bounces off the edges', '边界扫描反弹'),
];
const CROP_SCALE_BLACK = [v(0, 'Crop', '裁剪'), v(1, 'Scale', '缩放'), v(2, 'Scale on black', '缩放并显示黑底')];
const STREAM_KIND = [v(0, 'Audio and video', '音视频'), v(1, 'Audio only', '纯音频'), v(2, 'Video only', '纯视频')];
const TEMPO = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2].map((t) => v(t, `${t}×`, `${t} 倍速`));
const VOICE_PRINT_FORMAT = [v(0, 'WAV', 'wav')];

/** The RoomIdType of each rule of `roomRules.ts`, as a labelled pair, so every RoomIdType is a dropdown. */
function roomTypeFacts(): Record<string, FieldFact> {
  const out: Record<string, FieldFact> = {};
  for (const r of ROOM_TYPE_RULES) {
    const numeric = r.stringValue === 0 ? 1 : 0;
    const list = [v(r.stringValue, 'String room id', '字符串房间号'), v(numeric, r.numeric32 ? 'Numeric room id (32-bit)' : 'Numeric room id', r.numeric32 ? '32 位整型房间号' : '数字房间号')];
    out[`${r.owner}.${r.typeField}`] = { values: list.sort((a, b) => Number(a.value) - Number(b.value)), source: r.source };
  }
  return out;
}

/** Hand-written field facts, each with the page or SDK file that states it. */
export const FIELD_FACTS: Readonly<Record<string, FieldFact>> = {
  ...roomTypeFacts(),

  // Yes/no integers of the CN SDK descriptions, with what each value means there.
  'AsyncTextToSpeechRequest.AlignmentMode': flag(['No subtitles', '不生成字幕'], ['Subtitles', '生成字幕']),
  'ServerPushText.DropMode': flag(['Drop while an exchange is going on', '交互进行中时丢弃'], ['Queue until the exchange ends', '缓存至交互结束']),
  'ServerPushText.Priority': flag(['Interruptible', '可被打断'], ['Not interruptible (needs permission)', '不可打断（需开通权限）']),
  'ModerationParams.CallbackAllResults': flag(['Call back every result', '回调所有结果'], ['Call back hits only', '仅回调命中结果']),
  'RecordParams.AvMerge': flag(['Audio and video apart', '音视频不合并'], ['Audio and video merged', '音视频合并']),
  'MixLayoutParams.PlaceHolderMode': flag(...OFF_ON(['Placeholder images', '占位图'])),
  'MixLayoutParams.MaxResolutionUserAlign': flag(...LEFT_RIGHT),
  'SliceParams.SliceImageType': flag(['PNG', 'png'], ['JPG', 'jpg']),
  'AsrParam.FilterPunc': flag(['Keep the final full stop', '不过滤句末句号'], ['Remove the final full stop', '过滤句末句号']),
  'OutputParams.PureAudioStream': flag(['Audio and video', '音视频'], ['Audio only', '纯音频']),
  'OutputParams.RecordAudioOnly': flag(['No effect', '无实际含义'], ['Record as MP3', '录制为 mp3']),
  'LayoutParams.MainVideoStreamType': flag(...CAMERA_SCREEN),
  'SmallVideoLayoutParams.StreamType': flag(...CAMERA_SCREEN),
  'PresetLayoutConfig.StreamType': flag(...CAMERA_SCREEN),
  'UserMediaStream.StreamType': flag(...CAMERA_SCREEN),
  'LayoutParams.MainVideoRightAlign': flag(...LEFT_RIGHT),
  'LayoutParams.PlaceHolderMode': flag(...OFF_ON(['Placeholder images', '占位图'])),
  'StartPublishCdnStreamRequest.WithTranscoding': flag(...TRANSCODING, cnDoc(81479)),
  'UpdatePublishCdnStreamRequest.WithTranscoding': flag(...TRANSCODING),
  'McuLayoutParams.PureAudioHoldPlaceMode': flag(['Audio-only users take no slot', '纯音频不占布局位置'], ['Audio-only users take a slot', '纯音频占布局位置']),
  'McuLayout.EnableStreamSEI': flag(...SEI_KEEP),
  'McuLayoutParams.EnableStreamSEI': flag(...SEI_KEEP),
  'McuWaterMarkParams.WaterMarkType': flag(['Image', '图片'], ['Text', '文字']),
  'McuPublishCdnParam.IsTencentCdn': flag(['Third-party CDN', '非腾讯云 CDN'], ['Tencent Cloud CDN', '腾讯云 CDN']),
  'McuLayoutVolume.FollowIdr': flag(...SEI_ON_KEYFRAME),
  'McuPassThrough.FollowIdr': flag(...SEI_ON_KEYFRAME),
  'AgentConfig.InterruptMode': flag(...INTERRUPT),
  'UpdateAIConversationRequest.InterruptMode': flag(...INTERRUPT),
  'AgentConfig.WelcomeMessagePriority': flag(['Normal', '默认'], ['High, cannot be interrupted', '高优，不可打断']),
  'VoicePrint.Mode': flag(...OFF_ON(['Voiceprint', '声纹'])),
  'AgentConfig.SubtitleMode': flag(['As soon as possible', '尽快显示'], ['In step with the speech', '与音频播放同步']),
  'DescribeVoicePrintRequest.DescribeMode': flag(['By VoicePrintId', '查询指定 VoicePrintId'], ['Page through all', '分页查询']),
  'DescribeTRTCSegmentModerationUsageRequest.Business': flag(['AI moderation', 'AI 内容理解（审核）'], ['Cloud slicing', '音视频切片']),
  // Yes/no integers whose SDK labels exist in one language only.
  'RecordParams.FillType': flag(['Repeat the last frame', '补最后一帧'], ['Black frames', '补黑帧']),
  'RecordParams.SubscribeAbility': flag(['Do not subscribe to the mixing robot', '不订阅混流回推机器人'], ['Subscribe to the mixing robot', '订阅混流回推机器人']),
  'CloudStorage.Vendor': flag(['Tencent Cloud COS', '腾讯云对象存储 COS'], ['AWS S3', 'AWS S3']),
  'AgoraParam.ChannelProfile': flag(['Communication', '通信'], ['Live streaming', '直播']),
  'LiveModerationParams.CallbackAllResults': flag(['Call back every result', '回调所有结果'], ['Call back hits only', '仅回调命中结果']),
  'SourceInfo.RoomIdType': flag(['String room id', '字符串房间号'], ['Numeric room id', '数字房间号'], cnDoc(135224)),

  // Value lists written in prose.
  'ModerationParams.ModerationType': values(
    [
      v(1, 'Audio slices', '音频切片理解'),
      v(2, 'Video frames', '视频截帧理解'),
      v(3, 'Audio slices and video frames', '音视切片+视频截帧理解'),
      v(4, 'Audio stream', '音频流理解'),
      v(5, 'Audio stream and video frames', '音频流+视频截帧理解'),
    ],
    INTL_SDK_MODELS,
  ),
  'ModerationParams.SaveModerationFile': values([v(0, 'Keep nothing', '不保存文件'), v(1, 'Keep every file', '保存所有文件'), v(2, 'Keep hits only', '仅保存命中文件')]),
  'RecordParams.OutputFormat': values([
    v(0, 'HLS', 'hls'),
    v(1, 'HLS + MP4', 'hls+mp4'),
    v(2, 'HLS + AAC', 'hls+aac'),
    v(3, 'MP4', 'mp4'),
    v(4, 'AAC', 'aac'),
  ]),
  'RecordParams.MediaId': values([v(0, 'Main and substream', '主流+辅流'), v(1, 'Main stream', '主流'), v(2, 'Substream', '辅流')]),
  'TencentVod.MediaType': values([v(0, 'MP4', 'mp4'), v(1, 'HLS', 'hls'), v(2, 'AAC (audio only)', 'aac（纯音频）'), v(3, 'HLS + MP4', 'hls+mp4'), v(4, 'HLS + AAC (audio only)', 'hls+aac（纯音频）')]),
  'MixLayout.RenderMode': values([v(0, 'Stretch', '拉伸'), v(1, 'Crop', '剪裁'), v(2, 'Fit on black', '填黑'), v(3, 'Smart stretch', '智能拉伸')], INTL_SDK_MODELS),
  'WaterMark.WaterMarkType': values([v(0, 'Image', '图片'), v(1, 'Text', '文字'), v(2, 'Timestamp', '时间戳')]),
  'LayoutParams.Template': values([
    v(0, 'Floating', '悬浮模板'),
    v(1, 'Grid', '九宫格模板'),
    v(2, 'Screen sharing', '屏幕分享模板'),
    v(3, 'Picture in picture', '画中画模板'),
    v(4, 'Custom', '自定义模板'),
  ]),
  'LayoutParams.PureAudioHoldPlaceMode': values([v(0, 'Server default', '后台默认处理'), v(1, 'Audio-only users take a slot', '纯音频占布局位置'), v(2, 'Audio-only users take no slot', '纯音频不占布局位置')]),
  'LayoutParams.RenderMode': values(CROP_SCALE_BLACK),
  'PresetLayoutConfig.RenderMode': values(CROP_SCALE_BLACK),
  'PresetLayoutConfig.MixInputType': values([v(0, 'Audio and video', '混入音视频'), v(1, 'Video only', '只混入视频'), v(2, 'Audio only', '只混入音频')]),
  'EncodeParams.AudioCodec': values(MCU_AUDIO_CODEC),
  'AudioEncode.Codec': values(MCU_AUDIO_CODEC, cnDoc(81479)),
  'McuLayoutParams.MixLayoutMode': values([v(1, 'Floating', '悬浮布局'), v(2, 'Screen sharing', '屏幕分享布局'), v(3, 'Grid', '九宫格布局'), v(4, 'Custom', '自定义布局')], cnDoc(81479)),
  'McuLayoutParams.RenderMode': values(CROP_SCALE_BLACK, cnDoc(81479)),
  'McuLayout.RenderMode': values([v(0, 'Crop', '裁剪'), v(1, 'Scale on the background', '缩放并显示背景'), v(2, 'Scale on black', '缩放并显示黑底')], cnDoc(81479)),
  'McuLayout.BackgroundRenderMode': values([
    v(0, 'Crop', '裁剪'),
    v(1, 'Scale on the background', '缩放并显示背景'),
    v(2, 'Scale on black', '缩放并显示黑底'),
    v(3, 'Stretch', '变比例伸缩'),
    v(4, 'Custom rendering', '自定义渲染'),
  ]),
  'McuVideoParams.BackgroundRenderMode': values([v(0, 'Crop', '裁剪'), v(1, 'Scale on black', '缩放并显示黑底'), v(2, 'Stretch', '变比例伸缩')]),
  'McuWaterMarkImage.DynamicPosType': values(DYNAMIC_POSITION),
  'McuWaterMarkText.DynamicPosType': values(DYNAMIC_POSITION),
  'McuRecordParams.StreamType': values(STREAM_KIND),
  'TranslationConfig.Mode': values([v(1, 'Text translation only', '仅文字翻译'), v(2, 'Simultaneous speech', '语音同传')]),
  'RegisterVoicePrintRequest.AudioFormat': values(VOICE_PRINT_FORMAT),
  'UpdateVoicePrintRequest.AudioFormat': values(VOICE_PRINT_FORMAT),
  'AudioFormat.SampleRate': values([v(16000, '16 kHz', '16 kHz'), v(24000, '24 kHz', '24 kHz')]),
  'AudioFormat.Bitrate': values([v(64, '64 kbps', '64 kbps'), v(128, '128 kbps', '128 kbps'), v(192, '192 kbps', '192 kbps'), v(256, '256 kbps', '256 kbps')]),
  'AudioFormat.Format': values([v('pcm', 'PCM', 'pcm'), v('wav', 'WAV (TextToSpeech only)', 'wav（仅 TextToSpeech）'), v('mp3', 'MP3', 'mp3'), v('opus', 'Ogg Opus', 'ogg/opus')]),
  'StartStreamIngestRequest.Tempo': values(TEMPO),
  'UpdateStreamIngestRequest.Tempo': values(TEMPO, intlDoc(63238)),
  'TTSConfig.Model': values([v('flow_01_turbo', 'flow_01_turbo', 'flow_01_turbo'), v('flow_01_ex', 'flow_01_ex', 'flow_01_ex')]),
  'TurnDetection.SemanticEagerness': values([v('low', 'Low', '低'), v('medium', 'Medium', '中'), v('high', 'High', '高'), v('auto', 'Automatic (medium)', '自动（同 medium）')]),
  'DescribeRecordingUsageRequest.MixType': values([v('single', 'Single-stream recording', '单流录制'), v('multi', 'Mixed-stream recording', '合流录制')], intlDoc(54139)),
  'DescribeTRTCMarketQualityDataRequest.Period': values([v('d', 'By day', '按天'), v('h', 'By hour', '按小时')]),
  'DescribeTRTCMarketScaleDataRequest.Period': values([v('d', 'By day', '按天'), v('h', 'By hour', '按小时')], trtcIo(58630)),
  'DescribeTRTCMarketScaleMetricDataRequest.Period': values([v('d', 'By day', '按天'), v('h', 'By hour', '按小时')]),
  'DescribeTRTCSegmentModerationUsageRequest.Type': values([v('audio', 'Audio', '音频'), v('picture', 'Pictures', '图片')]),
  'DescribeTRTCAIRecognitionUsageRequest.AuType': values([
    v('conversation', 'AI conversation', 'AI 实时对话'),
    v('asr', 'Speech to text', '语音转文本'),
    v('translation', 'Real-time translation', '实时翻译'),
    v('tts', 'Speech synthesis', '实时语音合成'),
  ]),
  'ControlAIConversationRequest.Command': values([v('ServerPushText', 'Have the robot say a text', '服务端推送播报文本'), v('InvokeLLM', 'Send a text to the LLM', '服务端请求大模型')], intlDoc(64965)),
  'DescribeCallDetailInfoRequest.DataType': values(
    [
      v('all', 'Every metric', '所有指标'),
      v('appCpu', 'App CPU usage', 'APP CPU 使用率'),
      v('sysCpu', 'System CPU usage', '系统 CPU 使用率'),
      v('aBit', 'Audio bitrate (bps)', '音频码率（bps）'),
      v('aBlock', 'Audio stutter (ms)', '音频卡顿时长（ms）'),
      v('bigvBit', 'Video bitrate (bps)', '视频码率（bps）'),
      v('bigvCapFps', 'Capture frame rate', '视频采集帧率'),
      v('bigvEncFps', 'Sending frame rate', '视频发送帧率'),
      v('bigvDecFps', 'Rendering frame rate', '渲染帧率'),
      v('bigvBlock', 'Video stutter (ms)', '视频卡顿时长（ms）'),
      v('aLoss', 'Audio packet loss', '音频丢包率'),
      v('bigvLoss', 'Video packet loss', '视频丢包率'),
      v('bigvWidth', 'Video width', '分辨率宽'),
      v('bigvHeight', 'Video height', '分辨率高'),
      v('aCapEnergy', 'Audio capture energy', '音频采集能量'),
      v('aPlayEnergy', 'Audio playback energy', '音频播放能量'),
      v('rtt', 'Round trip to the cloud (ms)', 'SDK 到云端往返延时（ms）'),
      v('bigvRecFps', 'Frame rate received in the cloud', '云端送达帧率'),
    ],
    trtcIo(55013),
  ),

  // Bounds the descriptions state in words, and exceptions inside a range.
  'VideoParams.Width': { range: { min: 0, max: 1920 }, source: CN_SDK_MODELS },
  'VideoParams.Height': { range: { min: 0, max: 1920 }, source: CN_SDK_MODELS },
  'CreateCloudRecordingRequest.ResourceExpiredHour': { range: { min: 6, max: 720 }, source: trtcIo(46960) },
  'CreateCloudSliceTaskRequest.ResourceExpiredHour': { range: { min: 6, max: 720 }, source: CN_SDK_MODELS },
  'CreateCloudModerationRequest.ResourceExpiredHour': { range: { min: 6, max: 72 }, source: CN_SDK_MODELS },
  'McuLayoutVolume.PayloadType': { range: { min: 100, max: 254, except: [244] }, source: cnDoc(81479) },
  'McuPassThrough.PayloadType': { range: { min: 100, max: 254, except: [244], also: [5] }, source: cnDoc(81479) },
  'StartStreamIngestRequest.RepeatNum': { range: { min: -1, max: 1000, except: [0] }, source: CN_SDK_MODELS },
  'StartStreamIngestRequest.IdleTimeout': { range: { min: 0, max: 600 }, source: CN_SDK_MODELS },
  'McuCustomCrop.Width': { range: { min: 1, max: 10000 }, source: CN_SDK_MODELS },
  'McuCustomCrop.Height': { range: { min: 1, max: 10000 }, source: CN_SDK_MODELS },
};
