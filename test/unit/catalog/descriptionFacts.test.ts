import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describedFacts } from '../../../scripts/catalog/descriptionFacts';
import type { FieldType } from '../../../src/core/catalog/types';

const INT: FieldType = { kind: 'integer', width: 'uint64' };
const FLOAT: FieldType = { kind: 'float' };
const STRING: FieldType = { kind: 'string' };

test('ranges are read from the ways the SDK descriptions write them', () => {
  const range = (zh?: string, en?: string, type: FieldType = INT) => describedFacts(type, zh, en).range;
  assert.deepEqual(range('画布上该画面左上角的 y 轴坐标，取值范围 [0, 1920]，不能超过画布的高。'), { min: 0, max: 1920 });
  assert.deepEqual(range('每页个数，默认为10，\n范围：[1，100]'), { min: 1, max: 100 });
  assert.deepEqual(range('默认为1440min（24h），取值范围为1-1440。'), { min: 1, max: 1440 });
  assert.deepEqual(range('音频切片时长，默认15s 示例值：15, 范围15-60s'), { min: 15, max: 60 });
  assert.deepEqual(range('混音的音量调整：取值范围是0到100，100为原始上行音量'), { min: 0, max: 100 });
  assert.deepEqual(range('默认值为 30 秒，该值需大于等于 5秒，且小于等于 86400秒(24小时)。'), { min: 5, max: 86400 });
  assert.deepEqual(range(undefined, 'This value needs to be greater than or equal to 5 seconds and less than or equal to 86,400 seconds (24 hours).'), { min: 5, max: 86400 });
  assert.deepEqual(range(undefined, 'Value range: 1-1440.'), { min: 1, max: 1440 });
  // An open end stays open; a float range keeps its decimals.
  assert.deepEqual(range('音量调节，默认1.0，10 为最大音量，区间：(0, 10]', undefined, FLOAT), { max: 10 });
  assert.deepEqual(range('语速，范围 0.5-2.0，默认 1.0', undefined, FLOAT), { min: 0.5, max: 2 });
  // Both languages: the wider range wins.
  assert.deepEqual(range('音量，取值范围[0, 200]', 'Volume. Valid value range: [0, 100]'), { min: 0, max: 200 });
});

test('a description stating two different ranges or lists yields nothing', () => {
  const audioCodec = '取值范围[0,1, 2]，0为LC-AAC，1为HE-AAC，2为HE-AACv2。HE-AAC和HE-AACv2支持的输出流音频采样率范围为[48000, 44100, 32000, 24000, 16000]。';
  assert.deepEqual(describedFacts(INT, audioCodec, undefined), {});
  assert.deepEqual(describedFacts(INT, '取值范围[1, 60]；范围[0, 30]', undefined), {});
  // Numbers that are not a range (a default, an example) are not read as one.
  assert.deepEqual(describedFacts(INT, '视频关键帧时间间隔，单位秒，默认值10秒。', undefined), {});
});

test('value lists, Unix units and text layouts', () => {
  assert.deepEqual(describedFacts(INT, '输出流音频采样率。取值为[48000, 44100, 32000, 24000, 16000, 8000]，单位是Hz。', undefined).values, [48000, 44100, 32000, 24000, 16000, 8000]);
  assert.deepEqual(describedFacts(FLOAT, '播放倍速，默认1.0，可取[0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0]', undefined).values, [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2]);
  // Two values after 可取 may be the ends of a range, so they are not taken as a list.
  assert.deepEqual(describedFacts(INT, '最大时长（秒）, 可取[0, 600]', undefined), {});
  assert.equal(describedFacts(INT, '查询开始时间，本地unix时间戳，单位为秒（如：1590065777）', undefined).time, 'unix-s');
  assert.equal(describedFacts(INT, '毫秒时间戳', undefined).time, 'unix-ms');
  assert.equal(describedFacts(INT, '指定视频从某个秒时间戳播放', undefined).time, undefined, 'a position in a video is not a moment');
  assert.equal(describedFacts(STRING, '查询开始时间，格式为YYYY-MM-DD。', undefined).timeFormat, 'YYYY-MM-DD');
  assert.equal(describedFacts(STRING, '查询开始时间，格式为YYYY-MM-DD HH:MM，精确到分钟级。', undefined).timeFormat, 'YYYY-MM-DD HH:mm');
  assert.equal(describedFacts(STRING, '查询开始时间，格式为YYYY-MM-DD HH:mm:ss。', undefined).timeFormat, 'YYYY-MM-DD HH:mm:ss');
  assert.equal(describedFacts(INT, '查询开始时间，格式为YYYY-MM-DD。', undefined).timeFormat, undefined, 'only strings hold text times');
});
