/** A one-line description of an action, in both languages the extension ships. */
export interface ActionSummary {
  readonly en: string;
  readonly zh: string;
}

/**
 * One short line per TRTC action (CN and international specs together), shown in the catalog tree and
 * the request form so a developer can tell what a call does without opening the reference docs.
 *
 * The text is our own. Where an action has a numeric-room and a string-room twin the line says which
 * one it is, and legacy or deprecated actions say so and, where there is one, name the replacement.
 */
export const ACTION_SUMMARIES: Readonly<Record<string, ActionSummary>> = Object.freeze({
  AsyncTextToSpeech: {
    en: 'Submit long text for speech synthesis as a background job',
    zh: '提交长文本做后台语音合成，之后凭任务 ID 取结果',
  },
  ControlAIConversation: {
    en: 'Make a running AI agent speak given text, or push a prompt to its LLM',
    zh: '让运行中的 AI 机器人播报指定文本，或主动向大模型发请求',
  },
  CreateCloudModeration: {
    en: "Start AI content moderation of a room's audio and video",
    zh: '对房间内的音视频启动 AI 内容理解（审核）',
  },
  CreateCloudRecording: {
    en: "Start recording a room's streams, one file each or mixed, to cloud storage",
    zh: '开始录制房间内的流，可单流录制或合流录制，存到云存储',
  },
  CreateCloudSliceTask: {
    en: "Start cutting a room's audio and video into slices uploaded to storage",
    zh: '开始把房间内的音视频切片、截帧，并上传到云存储',
  },
  CreateCloudTranscription: {
    en: "Start a cloud task that turns a room's speech into text",
    zh: '开始云端转录，把房间里的说话内容转成文字',
  },
  CreateLiveStreamModeration: {
    en: 'Start AI moderation of one external live stream pulled by URL',
    zh: '按地址拉取一路直播流，开始 AI 内容理解（审核）',
  },
  CreatePicture: {
    en: 'Upload a background or watermark image for legacy cloud mixing',
    zh: '为旧版云端混流上传背景图或水印素材',
  },
  DeleteCloudModeration: {
    en: 'Stop a running cloud moderation task',
    zh: '结束进行中的 AI 内容理解任务，不再送审',
  },
  DeleteCloudRecording: {
    en: 'Stop a cloud recording task; files still uploading finish afterwards',
    zh: '结束云端录制；尚未传完的文件仍会在后台继续上传',
  },
  DeleteCloudSliceTask: {
    en: 'Stop a cloud slicing task; slices already cut still get uploaded',
    zh: '结束云端切片；已切好的文件仍会继续上传',
  },
  DeleteCloudTranscription: {
    en: 'Stop a running cloud transcription task',
    zh: '结束进行中的云端转录任务',
  },
  DeleteLiveStreamModeration: {
    en: 'Stop moderating an external live stream',
    zh: '结束对直播流的 AI 内容理解',
  },
  DeletePicture: {
    en: 'Delete an image uploaded for legacy cloud mixing',
    zh: '删除为旧版云端混流上传的图片素材',
  },
  DeleteVoicePrint: {
    en: 'Delete a registered voiceprint by its ID',
    zh: '按声纹 ID 删掉一条已注册的声纹',
  },
  DescribeAIConversation: {
    en: 'Check the state of an AI conversation task',
    zh: '查看某个 AI 对话任务目前的状态',
  },
  DescribeAITranscription: {
    en: 'Check the state of an AI transcription task',
    zh: '查看某个 AI 转录任务目前的状态',
  },
  DescribeAsyncTextToSpeech: {
    en: 'Get the progress or output of a background text-to-speech job',
    zh: '查看后台语音合成任务的进度和生成结果',
  },
  DescribeCallDetailInfo: {
    en: 'List the users of one call with their quality metrics (last 14 days)',
    zh: '列出某次通话的用户及其通话质量指标（近 14 天）',
  },
  DescribeCloudModeration: {
    en: 'Get the state and subscribed users of a running moderation task',
    zh: '查看进行中的内容理解任务状态和订阅黑白名单',
  },
  DescribeCloudRecording: {
    en: 'Get the state and file list of a running cloud recording task',
    zh: '查看进行中的云端录制任务状态和录制文件',
  },
  DescribeCloudSliceTask: {
    en: 'Get the state of a running cloud slicing task',
    zh: '查看进行中的云端切片任务状态',
  },
  DescribeCloudTranscription: {
    en: 'Get the state of a running cloud transcription task',
    zh: '查看进行中的云端转录任务状态',
  },
  DescribeLiveStreamModeration: {
    en: 'Get the state of a running live-stream moderation task',
    zh: '查看进行中的直播流内容理解任务状态',
  },
  DescribeMixTranscodingUsage: {
    en: 'Read stream-mixing transcoding usage for a span of up to 31 days',
    zh: '读取混流转码用量，单次最长 31 天',
  },
  DescribePicture: {
    en: 'List the images uploaded for legacy cloud mixing',
    zh: '列出为旧版云端混流上传过的图片素材',
  },
  DescribeRecordStatistic: {
    en: 'Read billed cloud recording minutes (legacy; prefer DescribeRecordingUsage)',
    zh: '读取云端录制计费时长（旧版，建议改用 DescribeRecordingUsage）',
  },
  DescribeRecordingUsage: {
    en: 'Read cloud recording usage for a span of up to 31 days',
    zh: '读取云端录制用量，单次最长 31 天',
  },
  DescribeRelayUsage: {
    en: 'Read relay-to-CDN usage for a span of up to 31 days',
    zh: '读取旁路转推 CDN 用量，单次最长 31 天',
  },
  DescribeRoomInfo: {
    en: "Page through an app's past rooms from the last 14 days",
    zh: '分页列出应用近 14 天内的历史房间',
  },
  DescribeScaleInfo: {
    en: 'Count rooms and users per day over the last 14 days',
    zh: '按天统计近 14 天的房间数和用户数',
  },
  DescribeStreamIngest: {
    en: 'Get the state of a media-stream ingest task',
    zh: '查看输入在线媒体流任务当前的状态',
  },
  DescribeTRTCAIRecognitionUsage: {
    en: 'Read usage of AI conversation, speech-to-text, translation and TTS',
    zh: '读取 AI 对话、语音转文字、实时翻译和语音合成的用量',
  },
  DescribeTRTCDedicatedCloudAccUsage: {
    en: 'Read dedicated-cloud network acceleration usage',
    zh: '读取专属云网络加速的用量',
  },
  DescribeTRTCMarketQualityData: {
    en: 'Read dashboard quality trends: join success, stutter and delay rates',
    zh: '读取监控仪表盘的质量趋势：进房成功率、卡顿率、延迟',
  },
  DescribeTRTCMarketScaleData: {
    en: 'Read dashboard scale trends: users, rooms and peak concurrency',
    zh: '读取监控仪表盘的规模趋势：人数、房间数和在线峰值',
  },
  DescribeTRTCMarketScaleMetricData: {
    en: 'Read dashboard scale metrics (deprecated; use DescribeTRTCMarketScaleData)',
    zh: '读取仪表盘规模指标（已废弃，改用 DescribeTRTCMarketScaleData）',
  },
  DescribeTRTCRealTimeQualityData: {
    en: 'Read live audio and video stutter rates from the dashboard',
    zh: '读取实时监控里的音视频卡顿率',
  },
  DescribeTRTCRealTimeScaleData: {
    en: 'Read live counts of online users and rooms from the dashboard',
    zh: '读取实时监控里的在线人数和在线房间数',
  },
  DescribeTRTCSegmentModerationUsage: {
    en: 'Read usage of cloud slicing and AI content moderation',
    zh: '读取云端切片截图和 AI 内容理解的用量',
  },
  DescribeTrtcMcuTranscodeTime: {
    en: 'Read billed relay transcoding minutes (legacy)',
    zh: '读取旁路转码的计费时长（旧版）',
  },
  DescribeTrtcRoomUsage: {
    en: 'Read usage broken down by room, one day per call',
    zh: '按房间读取用量明细，每次最多查一天',
  },
  DescribeTrtcUsage: {
    en: 'Read audio/video minutes used, for a span of up to 31 days',
    zh: '读取音视频通话分钟数用量，单次最长 31 天',
  },
  DescribeUnusualEvent: {
    en: 'Sample up to 20 poor-experience events within a one-hour window',
    zh: '在一小时范围内抽取最多 20 条异常体验事件',
  },
  DescribeUserEvent: {
    en: "List one user's events in a call: join, leave, camera on or off",
    zh: '列出某个用户在一次通话里的进退房、开关摄像头等事件',
  },
  DescribeUserInfo: {
    en: 'List the users of past calls within a window of up to 4 hours',
    zh: '列出某段时间（不超过 4 小时）内的历史通话用户',
  },
  DescribeVoicePrint: {
    en: 'Look up registered voiceprints by ID or page through all of them',
    zh: '按 ID 或分页查看已注册的声纹',
  },
  DescribeWebRecord: {
    en: 'Get the state of a web-page recording task',
    zh: '查看某个网页录制任务当前的状态',
  },
  DismissRoom: {
    en: 'Remove every user from a numeric-ID room and close it',
    zh: '清空数字房间号的房间内所有用户并解散该房间',
  },
  DismissRoomByStrRoomId: {
    en: 'Remove every user from a string-ID room and close it',
    zh: '清空字符串房间号的房间内所有用户并解散该房间',
  },
  ModifyCloudModeration: {
    en: 'Change which users a running moderation task listens to',
    zh: '调整进行中内容理解任务的订阅黑白名单',
  },
  ModifyCloudRecording: {
    en: 'Replace the settings of a running recording task (send every field)',
    zh: '覆盖更新进行中的录制任务，每次都要带上完整参数',
  },
  ModifyCloudSliceTask: {
    en: 'Change which users a running slicing task listens to',
    zh: '调整进行中切片任务的订阅黑白名单',
  },
  ModifyPicture: {
    en: 'Replace an image uploaded for legacy cloud mixing',
    zh: '替换为旧版云端混流上传的图片素材',
  },
  QueryAIMessageList: {
    en: 'Fetch the conversation history of an AI conversation task',
    zh: '取回某个 AI 对话任务的上下文消息记录',
  },
  RegisterVoicePrint: {
    en: 'Register a voiceprint from base64 audio and get back its ID',
    zh: '用 base64 编码的音频注册声纹，返回声纹 ID',
  },
  RemoveUser: {
    en: 'Kick one or more users out of a numeric-ID room',
    zh: '把指定用户踢出数字房间号的房间',
  },
  RemoveUserByStrRoomId: {
    en: 'Kick one or more users out of a string-ID room',
    zh: '把指定用户踢出字符串房间号的房间',
  },
  SetUserBlocked: {
    en: "Block or unblock a user's audio and/or video in a numeric-ID room",
    zh: '在数字房间号的房间里禁用或恢复某用户的音频/视频',
  },
  SetUserBlockedByStrRoomId: {
    en: "Block or unblock a user's audio and/or video in a string-ID room",
    zh: '在字符串房间号的房间里禁用或恢复某用户的音频/视频',
  },
  StartAIConversation: {
    en: 'Send an AI agent into a room to hold a voice conversation with users',
    zh: '派 AI 机器人进房，与指定用户进行语音对话',
  },
  StartAITranscription: {
    en: "Start a bot that transcribes a room's speech into live captions",
    zh: '启动转录机器人，实时识别房间语音并下发字幕',
  },
  StartMCUMixTranscode: {
    en: 'Start legacy cloud mixing in a numeric-ID room (now StartPublishCdnStream)',
    zh: '启动数字房间号房间的旧版云端混流（新版为 StartPublishCdnStream）',
  },
  StartMCUMixTranscodeByStrRoomId: {
    en: 'Start legacy cloud mixing in a string-ID room (now StartPublishCdnStream)',
    zh: '启动字符串房间号房间的旧版云端混流（新版为 StartPublishCdnStream）',
  },
  StartPublishCdnStream: {
    en: "Mix or forward a room's streams and push them to a CDN or back into TRTC",
    zh: '把房间内的流混流或直接转推到 CDN，或回推进 TRTC 房间',
  },
  StartStreamIngest: {
    en: 'Pull an online media stream by URL and publish it into a room',
    zh: '按地址拉取在线媒体流，以机器人身份推进 TRTC 房间',
  },
  StartWebRecord: {
    en: 'Start recording a web page into a video saved to cloud storage',
    zh: '开始把一个网页录制成视频，保存到云存储',
  },
  StopAIConversation: {
    en: 'End an AI conversation task and take its agent out of the room',
    zh: '结束 AI 对话任务，让机器人退出房间',
  },
  StopAITranscription: {
    en: 'End an AI transcription task and its caption bot',
    zh: '结束 AI 转录任务，转录机器人随之退出',
  },
  StopMCUMixTranscode: {
    en: 'Stop legacy cloud mixing in a numeric-ID room',
    zh: '结束数字房间号房间里的旧版云端混流',
  },
  StopMCUMixTranscodeByStrRoomId: {
    en: 'Stop legacy cloud mixing in a string-ID room',
    zh: '结束字符串房间号房间里的旧版云端混流',
  },
  StopPublishCdnStream: {
    en: 'Stop a mixing/relay task started with StartPublishCdnStream',
    zh: '结束用 StartPublishCdnStream 启动的混流转推任务',
  },
  StopStreamIngest: {
    en: 'Stop pulling an online media stream into a room',
    zh: '结束输入在线媒体流，不再往房间里推流',
  },
  StopWebRecord: {
    en: 'Finish a web-page recording task',
    zh: '停止正在进行的网页录制任务',
  },
  TextToSpeech: {
    en: 'Turn text into speech and get the whole audio in one response',
    zh: '把文字合成语音，一次性返回完整音频',
  },
  TextToSpeechSSE: {
    en: 'Turn text into speech, streaming the audio back over SSE',
    zh: '把文字合成语音，以 SSE 流式分段返回音频',
  },
  UpdateAIConversation: {
    en: "Change a running agent's greeting, interruption, LLM or TTS settings",
    zh: '修改进行中 AI 对话的欢迎语、打断方式、LLM 或 TTS 配置',
  },
  UpdatePublishCdnStream: {
    en: 'Change the layout, audio, video or CDN targets of a running relay task',
    zh: '增量修改进行中转推任务的布局、音视频参数或 CDN 地址',
  },
  UpdateStreamIngest: {
    en: 'Point a running stream-ingest task at a new source URL',
    zh: '给进行中的输入媒体流任务换一个源流地址',
  },
  UpdateVoicePrint: {
    en: 'Replace the audio, name or metadata of a registered voiceprint',
    zh: '替换已注册声纹的音频、名称或附加信息',
  },
  VoiceClone: {
    en: 'Clone a voice from a reference recording for use in text-to-speech',
    zh: '用一段参考音频克隆音色，供语音合成使用',
  },
});
