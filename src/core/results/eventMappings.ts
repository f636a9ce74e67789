import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import { cellNumber } from './chartSeries';
import { buildTable } from './tableModel';
import type { ChartSpec, TimelineEvent } from './types';
import type { Mapped } from './usageMappings';

function objects(value: JsonValue | undefined): JsonObject[] {
  return Array.isArray(value) ? value.filter(isJsonObject) : [];
}

function text(value: JsonValue | undefined): string {
  return value === undefined || value === null ? '' : typeof value === 'string' ? value : String(value);
}

function timeline(id: string, title: ChartSpec['title'], lanes: string[], events: TimelineEvent[], table: string): ChartSpec {
  events.sort((a, b) => a.t - b.t || a.lane - b.lane);
  const x = [...new Set(events.map((e) => e.t))];
  return { id, title, kind: 'timeline', xKind: 'time', x, xZone: 'local', panels: [], lanes, events, table };
}

/**
 * DescribeUserEvent: the events of one user as a timeline with one lane per sender (`PeerId`),
 * and every event in one table, oldest first. Event times are Unix milliseconds.
 */
export function userEvents(response: JsonObject): Mapped {
  const lanes: string[] = [];
  const events: TimelineEvent[] = [];
  const items: JsonObject[] = [];
  for (const d of objects(response.Data)) {
    const peer = text(d.PeerId);
    let lane = lanes.indexOf(peer);
    if (lane < 0) lane = lanes.push(peer) - 1;
    for (const e of objects(d.Content)) {
      const ms = cellNumber(e.Time);
      items.push({ PeerId: peer, Time: e.Time ?? null, EventId: e.EventId ?? null, Type: e.Type ?? null, ParamOne: e.ParamOne ?? null, ParamTwo: e.ParamTwo ?? null });
      if (ms === null) continue;
      events.push({ lane, t: ms / 1000, label: `${text(e.EventId)}`, detail: `Type ${text(e.Type)} · ${text(e.ParamOne)}, ${text(e.ParamTwo)}` });
    }
  }
  items.sort((a, b) => (cellNumber(a.Time) ?? 0) - (cellNumber(b.Time) ?? 0));
  const table = buildTable({ id: 'events', title: { en: 'Events', zh: '事件' }, path: 'Data[].Content', derived: true }, items, undefined);
  if (!events.length) {
    return { tables: [table], charts: [], noChart: { en: 'The user has no events in the period asked for.', zh: '该用户在所查询的时间段内没有事件。' } };
  }
  return { tables: [table], charts: [timeline('events', { en: 'Events per sender', zh: '各发送方事件' }, lanes, events, 'events')] };
}

/**
 * DescribeUnusualEvent: the abnormal experiences as a timeline with one lane per user, each
 * labelled with its experience id and the error events behind it.
 */
export function unusualEvents(response: JsonObject): Mapped {
  const lanes: string[] = [];
  const events: TimelineEvent[] = [];
  for (const x of objects(response.AbnormalExperienceList)) {
    const user = text(x.UserId);
    let lane = lanes.indexOf(user);
    if (lane < 0) lane = lanes.push(user) - 1;
    const t = cellNumber(x.EventTime);
    if (t === null) continue;
    const causes = objects(x.AbnormalEventList).map((e) => (text(e.PeerId) ? `${text(e.AbnormalEventId)} (${text(e.PeerId)})` : text(e.AbnormalEventId)));
    events.push({ lane, t, label: text(x.ExperienceId), detail: `${text(x.RoomId)}${causes.length ? ` · ${causes.join(', ')}` : ''}` });
  }
  if (!events.length) {
    return { tables: [], charts: [], noChart: { en: 'No abnormal experience was reported in the period asked for.', zh: '所查询的时间段内没有异常体验记录。' } };
  }
  return { tables: [], charts: [timeline('unusual', { en: 'Abnormal experiences per user', zh: '各用户异常体验' }, lanes, events, 'AbnormalExperienceList')] };
}
