import type { AssignmentHeadline } from '@qcdc/core';
import { keys } from './keys';

export interface HeadlineCacheLimits {
  /** Bodies kept; the least recently read goes first. */
  maxBodies: number;
  /** Headlines kept over all bodies; a body with more than this is never kept. */
  maxRows: number;
}

/** About 200 busy bodies of a year's work each; a headline is a few hundred bytes. */
const DEFAULT_LIMITS: HeadlineCacheLimits = { maxBodies: 200, maxRows: 100_000 };

interface Entry {
  version: string;
  headlines: readonly AssignmentHeadline[];
}

/**
 * A body's assignment headlines as last read from storage, filed under the version (the ETag of the
 * body's assignments version row) they were read at: a bounded, in-process LRU. It knows nothing of
 * storage; the repository asks for the version it has just read and gets rows only if they match.
 * Entries are keyed by tenant and body (the body's partition key), so no rows cross tenants; what
 * it holds is frozen, so no caller can change what the next caller reads.
 */
export class HeadlineCache {
  private readonly entries = new Map<string, Entry>();
  private rows = 0;
  private readonly limits: HeadlineCacheLimits;

  constructor(limits: Partial<HeadlineCacheLimits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /** The headlines filed under exactly `version`, or undefined (absent, or another version). */
  get(
    tenantId: string,
    bodyId: string,
    version: string,
  ): readonly AssignmentHeadline[] | undefined {
    const key = keys.tenantBody(tenantId, bodyId);
    const entry = this.entries.get(key);
    if (!entry || entry.version !== version) return undefined;
    // Most recently used last: Map keeps insertion order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.headlines;
  }

  /**
   * Files `headlines` under `version`, in place of the body's entry; evicts the least recently read
   * bodies past the bounds. A body with more rows than `maxRows` is not kept at all.
   */
  set(
    tenantId: string,
    bodyId: string,
    version: string,
    headlines: readonly AssignmentHeadline[],
  ): void {
    const key = keys.tenantBody(tenantId, bodyId);
    this.remove(key);
    if (headlines.length > this.limits.maxRows || this.limits.maxBodies <= 0) return;
    const kept = Object.freeze(headlines.map(freezeHeadline));
    this.entries.set(key, { version, headlines: kept });
    this.rows += kept.length;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.limits.maxBodies && this.rows <= this.limits.maxRows) break;
      this.remove(oldest);
    }
  }

  /** Bodies and headlines held (for tests and diagnostics). */
  size(): { bodies: number; rows: number } {
    return { bodies: this.entries.size, rows: this.rows };
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.rows -= entry.headlines.length;
  }
}

function freezeHeadline(headline: AssignmentHeadline): AssignmentHeadline {
  Object.freeze(headline.coOwnerIds);
  Object.freeze(headline.source);
  return Object.freeze(headline);
}
