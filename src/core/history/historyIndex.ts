import type { HistoryEntry } from './historyEntry';
import { compileHistoryFilter, type HistoryFilter } from './historyQuery';
import { decodeRecord } from './historyRecord';

/** One indexed entry, with the inline body kept as the JSON string literal it is in the log. */
export interface Slot {
  entry: HistoryEntry;
  ms: number;
  seq: number;
  /** The inline body as a JSON string literal, decoded only when asked for. */
  bodyLiteral?: string;
}

/**
 * The in-memory index of a log's records: the live entries sorted by time, the ids deleted so far,
 * and counts of what the next compaction would drop. It may hold the whole log or only its newest
 * part (see `HistoryStore.openRecent`); applying more lines works the same either way.
 */
export class HistoryIndex {
  private slots = new Map<string, Slot>();
  /** Live entries sorted by (time, arrival), oldest first. */
  private ordered: Slot[] = [];
  private deleted = new Set<string>();
  /** Records this process wrote that the reader has not yet read back (they are not duplicates). */
  readonly ownPending = new Set<string>();
  private seq = 0;
  /** Tombstones, duplicates, superseded cap lines and unreadable lines waiting for compaction. */
  garbage = 0;
  /** Lines that could not be read. */
  skipped = 0;
  /** The newest cap the records state, when one was read. */
  recordedMaxEntries: number | undefined;

  /** How many entries the index holds. */
  get size(): number {
    return this.slots.size;
  }

  /** Forgets everything, before the log is read again from scratch. */
  reset(): void {
    this.slots = new Map();
    this.ordered = [];
    this.deleted = new Set();
    this.ownPending.clear();
    this.seq = 0;
    this.garbage = 0;
    this.skipped = 0;
    this.recordedMaxEntries = undefined;
  }

  /** One slot by id. */
  slot(id: string): Slot | undefined {
    return this.slots.get(id);
  }

  /** True when a tombstone for the id was read. */
  isDeleted(id: string): boolean {
    return this.deleted.has(id);
  }

  /** The ids of every indexed entry. */
  ids(): IterableIterator<string> {
    return this.slots.keys();
  }

  /** Matching entries, newest first. */
  query(filter: HistoryFilter = {}): HistoryEntry[] {
    const match = compileHistoryFilter(filter);
    const limit = filter.limit ?? Infinity;
    const out: HistoryEntry[] = [];
    for (let i = this.ordered.length - 1; i >= 0 && out.length < limit; i--) {
      const slot = this.ordered[i] as Slot;
      if (match(slot.entry, slot.ms, slot.bodyLiteral)) {
        out.push(slot.entry);
      }
    }
    return out;
  }

  /** The oldest indexed entry's time, for telling what a partial index does not cover. */
  get oldestMs(): number | undefined {
    return this.ordered[0]?.ms;
  }

  /**
   * Applies complete lines of the log in file order and says how many entries they added and
   * removed. Blank lines and header lines are skipped (a header line after the first may record a
   * cap); a line that cannot be read is counted; the first record of an id wins.
   */
  applyLines(text: string): { added: number; removed: number } {
    let added = 0;
    let removed = 0;
    let start = 0;
    while (start < text.length) {
      let stop = text.indexOf('\n', start);
      if (stop < 0) stop = text.length;
      if (stop > start) {
        const rec = decodeRecord(text.slice(start, stop));
        if (rec === undefined) {
          this.skipped++;
          this.garbage++;
        } else if (rec.op === 'add') {
          const id = rec.entry.id;
          if (this.ownPending.delete(id)) {
            // Our own record read back: already in the index.
          } else if (this.slots.has(id) || this.deleted.has(id)) {
            this.garbage++;
          } else {
            this.insert(rec.entry, rec.timeMs, rec.bodyLiteral);
            added++;
          }
        } else if (rec.op === 'del') {
          if (!this.ownPending.delete(`del:${rec.id}`)) {
            this.garbage++;
            this.deleted.add(rec.id);
            if (this.remove(rec.id)) removed++;
          }
        } else if (rec.maxEntries !== undefined) {
          if (this.recordedMaxEntries !== undefined) this.garbage++;
          this.recordedMaxEntries = rec.maxEntries;
        }
      }
      start = stop + 1;
    }
    return { added, removed };
  }

  /** Notes a tombstone this process wrote. */
  markDeleted(id: string): void {
    this.remove(id);
    this.deleted.add(id);
    this.garbage++;
  }

  /** Adds an entry in time order; records mostly arrive in time order, so usually at the end. */
  insert(entry: HistoryEntry, ms: number, bodyLiteral: string | undefined): void {
    const slot: Slot = bodyLiteral === undefined ? { entry, ms, seq: this.seq++ } : { entry, ms, seq: this.seq++, bodyLiteral };
    this.slots.set(entry.id, slot);
    let i = this.ordered.length;
    while (i > 0 && (this.ordered[i - 1] as Slot).ms > ms) {
      i--;
    }
    if (i === this.ordered.length) {
      this.ordered.push(slot);
    } else {
      this.ordered.splice(i, 0, slot);
    }
  }

  /** Removes an entry; false when it was not indexed. */
  remove(id: string): boolean {
    const slot = this.slots.get(id);
    if (!slot) {
      return false;
    }
    this.slots.delete(id);
    const i = this.ordered.lastIndexOf(slot);
    if (i >= 0) {
      this.ordered.splice(i, 1);
    }
    return true;
  }
}
