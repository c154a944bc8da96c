import { odata, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import {
  DomainError,
  type ElectorateKey,
  type Motion,
  type MotionChange,
  type MotionKey,
  type SecretBallot,
  type Stored,
  type StoredMotion,
  type VoteAuditEvent,
  type VoterChange,
  type VoterRecord,
  type VoteRepository,
} from '@qcdc/core';
import { BallotBoxWriter, BOX_LIDS, shuffle } from './vote-ballot-box';
import { PartitionBatchWriter } from './vote-batch-writer';
import {
  fromAuditEventEntity,
  fromBallotEntity,
  fromMotionEntity,
  fromVoterEntity,
  toAuditEventEntity,
  toBallotEntity,
  toMotionEntity,
  toVoterEntity,
  voteKeys,
  voterEventsOf,
} from './vote-entities';
import { isNotFound, isWriteConflict } from './storage-errors';
import type { TableClientFactory } from './table-client-factory';
import { TABLES } from './table-names';

type Row = TableEntityResult<Record<string, unknown>>;

/** How long a cast may see a cached open motion (the seals, not this, fence a close). */
const OPEN_MOTION_TTL_MS = 1_000;
/** A voter row holds its cast events as columns (255 properties at most): cast + changes. */
const MAX_VOTER_EVENTS = 50;

/**
 * Votes in Azure Tables (the `votes` table; vote-entities.ts has the key design).
 *
 * Casting stays fast for a 1,000-voter conference because a cast touches only its own voter's row:
 * a point read of the (cached) motion, a point read of the voter's roster row, and one write of that
 * row on its etag carrying the voter's own cast event (a column of the same row). There is no shared
 * counter and no shared audit head on the cast path; the motion's audit chain records opening and
 * closing, and its closing event seals a digest of every voter's chain head. Writes are group
 * committed (PartitionBatchWriter, BallotBoxWriter): what queues while a batch is in flight shares
 * the next batch, each unit keeping its own etag condition.
 *
 * Open ballots: the choice is on the voter's roster row, so one row per voter makes a second cast an
 * etag conflict, never a second ballot.
 *
 * Secret ballots, what is stored:
 * - the receipt (roster row, partition `…~<electorate>`): who, when, a hash of the submission id; and
 *   only while a cast is in flight, the ballot's key XOR-masked with a hash of the submission id;
 * - the ballot (partition `…~<electorate>~box`): a 128-bit random RowKey and the marks. No voter id,
 *   no time, no sequence, nothing derived from the voter.
 * A crash between the writes: the receipt stays 'pending' with the masked key; the voter's retry (same
 * submission id) unmasks it and finishes; the box stores a key once, so nothing doubles. A pending
 * receipt nobody finishes is accounted for at the close: ballots = voted + (those pending whose ballot
 * landed), and the lids' counts must add up to the ballots found.
 *
 * What the storage Timestamp still tells someone with raw read access to the table:
 * - WHILE the vote is open, a reader who polls the table can see a receipt change and a ballot group
 *   appear at (nearly) the same time. Group commit (BallotBoxWriter) puts every ballot that arrived
 *   during the previous write into one shuffled batch (one moment; within it, Timestamp order is the
 *   shuffled order), so the pairing is only
 *   "one of this group": the anonymity set is the number of voters casting at the same moment, which
 *   is 1 when a single voter casts alone. A reader fast enough to see the masked key cannot unmask it
 *   without the submission id.
 * - AFTER the close, nothing: sealing rewrites every receipt, and remixSecretBallots rewrites every
 *   ballot in shuffled groups of 100, so all Timestamps (and ETags) are close-time values that pair
 *   nothing; completed receipts hold no masked key; RowKeys are random. (A receipt left pending by
 *   a crash nobody retried keeps its masked key: only that voter's submission id unmasks it.)
 * - Outside our reach: a backup or export of the table taken while the vote was open keeps the
 *   original Timestamps; storage diagnostic logs (if enabled on the account) record request times;
 *   the server itself sees who sends which ballot while handling the request (it does not keep it).
 */
export class TableVoteRepository implements VoteRepository {
  private readonly box: BallotBoxWriter;
  private readonly voterWrites: PartitionBatchWriter;
  private readonly openMotions = new Map<string, { motion: Motion; until: number }>();
  private readonly loadingMotions = new Map<string, Promise<Motion | null>>();

  constructor(private readonly tables: TableClientFactory) {
    this.box = new BallotBoxWriter(() => this.client());
    this.voterWrites = new PartitionBatchWriter(() => this.client());
  }

  async getMotion(
    tenantId: string,
    bodyId: string,
    meetingId: string,
    motionId: string,
  ): Promise<StoredMotion | null> {
    try {
      const row = await this.client().getEntity<Record<string, unknown>>(
        voteKeys.bodyPartition(tenantId, bodyId),
        voteKeys.motionRow(meetingId, motionId),
      );
      return { motion: fromMotionEntity(row), etag: String(row.etag) };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async peekMotion(key: MotionKey): Promise<Motion | null> {
    const cacheKey = `${key.tenantId}/${key.bodyId}/${key.meetingId}/${key.motionId}`;
    const cached = this.openMotions.get(cacheKey);
    if (cached && cached.until > Date.now()) return cached.motion;
    // The first casts after opening arrive together: one read serves them all.
    let loading = this.loadingMotions.get(cacheKey);
    if (!loading) {
      loading = this.getMotion(key.tenantId, key.bodyId, key.meetingId, key.motionId).then(
        (stored) => {
          if (stored?.motion.status === 'open') {
            this.openMotions.set(cacheKey, {
              motion: stored.motion,
              until: Date.now() + OPEN_MOTION_TTL_MS,
            });
          } else {
            this.openMotions.delete(cacheKey);
          }
          return stored?.motion ?? null;
        },
      );
      this.loadingMotions.set(cacheKey, loading);
      const done = () => this.loadingMotions.delete(cacheKey);
      loading.then(done, done);
    }
    return loading;
  }

  async listMotions(tenantId: string, bodyId: string, meetingId: string): Promise<Motion[]> {
    const rows = await this.listRange(
      voteKeys.bodyPartition(tenantId, bodyId),
      voteKeys.motionPrefix(meetingId),
    );
    return rows.map(fromMotionEntity);
  }

  async createMotion(motion: Motion, event: VoteAuditEvent): Promise<void> {
    const partitionKey = voteKeys.bodyPartition(motion.tenantId, motion.bodyId);
    await this.atomically([
      ['create', toMotionEntity(motion)],
      [
        'create',
        toAuditEventEntity(partitionKey, voteKeys.motionEventRow(motion.id, event.seq), event),
      ],
    ]);
  }

  async commitMotionChange(change: MotionChange): Promise<string> {
    const { motion, event } = change;
    const partitionKey = voteKeys.bodyPartition(motion.tenantId, motion.bodyId);
    const etag = await this.atomically([
      ['update', toMotionEntity(motion), 'Replace', { etag: change.etag }],
      [
        'create',
        toAuditEventEntity(partitionKey, voteKeys.motionEventRow(motion.id, event.seq), event),
      ],
    ]);
    this.openMotions.delete(`${motion.tenantId}/${motion.bodyId}/${motion.meetingId}/${motion.id}`);
    return etag;
  }

  async listMotionEvents(key: MotionKey): Promise<VoteAuditEvent[]> {
    const rows = await this.listRange(
      voteKeys.bodyPartition(key.tenantId, key.bodyId),
      voteKeys.motionEventPrefix(key.motionId),
    );
    return rows.map(fromAuditEventEntity);
  }

  async writeRoster(key: ElectorateKey, voters: readonly VoterRecord[]): Promise<void> {
    // A fresh electorate id names a fresh partition: nobody else writes here before the motion opens.
    await Promise.all(
      chunks(voters, 100).map((chunk) =>
        this.client().submitTransaction(
          chunk.map((voter): TransactionAction => ['upsert', toVoterEntity(key, voter), 'Replace']),
        ),
      ),
    );
  }

  async getVoter(key: ElectorateKey, userId: string): Promise<Stored<VoterRecord> | null> {
    try {
      const row = await this.client().getEntity<Record<string, unknown>>(
        voteKeys.voterPartition(key),
        voteKeys.voterRow(userId),
      );
      return { value: fromVoterEntity(row), etag: String(row.etag) };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /**
   * One conditional Merge of the voter's row: the new state, and the voter's next cast event as a
   * new column of the same row, so the change and its audit event land together in one write.
   * (Merge keeps the earlier event columns; fields being cleared are written as empty strings.)
   * It goes through the voter partition's group commit: writes queued while a batch is in flight
   * share the next one, each still conditional on its own etag.
   */
  async commitVoterChange(change: VoterChange): Promise<string> {
    const entity: Record<string, unknown> & { partitionKey: string; rowKey: string } =
      toVoterEntity(change.key, change.voter);
    if (change.event) {
      if (change.event.seq > MAX_VOTER_EVENTS) throw new DomainError('VOTE.ALREADY_CAST');
      entity[voteKeys.voterEventColumn(change.event.seq)] = JSON.stringify(change.event);
    }
    try {
      const [etag] = await this.voterWrites.submit(entity.partitionKey, [
        ['update', entity, 'Merge', { etag: change.etag }],
      ]);
      return etag!;
    } catch (error) {
      if (isWriteConflict(error) || isNotFound(error)) throw retryable();
      throw error;
    }
  }

  async listVoters(key: ElectorateKey): Promise<VoterRecord[]> {
    const rows = await this.listRange(voteKeys.voterPartition(key), 'voter');
    return rows.map(fromVoterEntity);
  }

  async listVoterEvents(key: ElectorateKey): Promise<VoteAuditEvent[]> {
    const rows = await this.listRange(voteKeys.voterPartition(key), 'voter');
    return rows.flatMap(voterEventsOf);
  }

  /**
   * Seals every roster row on its etag, 100 per batch. A batch that loses a race with a cast (the
   * row moved) is retried on fresh etags; a cast that loses the race finds the row sealed.
   */
  async sealVoters(key: ElectorateKey): Promise<VoterRecord[]> {
    const partitionKey = voteKeys.voterPartition(key);
    for (let round = 0; round < 50; round++) {
      const rows = await this.listRange(partitionKey, 'voter');
      const open = rows.filter((row) => row.sealed !== true);
      if (open.length === 0) return rows.map(fromVoterEntity);
      await Promise.all(
        chunks(open, 100).map(async (chunk) => {
          try {
            await this.client().submitTransaction(
              chunk.map((row): TransactionAction => [
                'update',
                { partitionKey, rowKey: String(row.rowKey), sealed: true },
                'Merge',
                { etag: String(row.etag) },
              ]),
            );
          } catch (error) {
            if (!isWriteConflict(error)) throw error;
          }
        }),
      );
    }
    throw retryable();
  }

  async openBallotBox(key: ElectorateKey): Promise<void> {
    // Upsert is safe: the electorate's box is new and nobody casts before the motion says open.
    await this.client().submitTransaction(
      Array.from({ length: BOX_LIDS }, (_, index): TransactionAction => [
        'upsert',
        {
          partitionKey: voteKeys.boxPartition(key),
          rowKey: voteKeys.lidRow(index),
          sealed: false,
          count: 0,
        },
        'Replace',
      ]),
    );
  }

  putSecretBallot(key: ElectorateKey, ballot: SecretBallot): Promise<void> {
    return this.box.put(voteKeys.boxPartition(key), ballot);
  }

  async getSecretBallot(key: ElectorateKey, ballotKey: string): Promise<SecretBallot | null> {
    try {
      const row = await this.client().getEntity<Record<string, unknown>>(
        voteKeys.boxPartition(key),
        voteKeys.ballotRow(ballotKey),
      );
      return fromBallotEntity(row);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /** Seals every lid on its etag (a ballot batch racing it fails on the lid and is refused). */
  async sealBallotBox(key: ElectorateKey): Promise<{ count: number }> {
    const partitionKey = voteKeys.boxPartition(key);
    for (let attempt = 0; attempt < 50; attempt++) {
      const lids = await this.listRange(partitionKey, 'lid');
      const open = lids.filter((lid) => lid.sealed !== true);
      if (open.length === 0) {
        return { count: lids.reduce((sum, lid) => sum + Number(lid.count), 0) };
      }
      await Promise.all(
        open.map(async (lid) => {
          try {
            await this.client().updateEntity(
              { partitionKey, rowKey: String(lid.rowKey), sealed: true },
              'Merge',
              { etag: String(lid.etag) },
            );
          } catch (error) {
            if (!isWriteConflict(error)) throw error;
          }
        }),
      );
    }
    throw retryable();
  }

  async listSecretBallots(
    key: ElectorateKey,
  ): Promise<{ ballots: SecretBallot[]; lidCount: number }> {
    const partitionKey = voteKeys.boxPartition(key);
    const [rows, lids] = await Promise.all([
      this.listRange(partitionKey, 'ballot'),
      this.listRange(partitionKey, 'lid'),
    ]);
    return {
      ballots: rows.map(fromBallotEntity),
      lidCount: lids.reduce((sum, lid) => sum + Number(lid.count), 0),
    };
  }

  /** Rewrites every ballot (same content) in shuffled groups: all Timestamps become close-time. */
  async remixSecretBallots(key: ElectorateKey): Promise<void> {
    const partitionKey = voteKeys.boxPartition(key);
    const ballots = shuffle((await this.listRange(partitionKey, 'ballot')).map(fromBallotEntity));
    for (const chunk of chunks(ballots, 100)) {
      await this.client().submitTransaction(
        chunk.map((ballot): TransactionAction => [
          'update',
          toBallotEntity(partitionKey, ballot),
          'Replace',
        ]),
      );
    }
  }

  private client() {
    return this.tables(TABLES.votes);
  }

  /** Rows of one partition whose RowKey starts with `prefix~`: a range query, never a scan. */
  private async listRange(partitionKey: string, prefix: string): Promise<Row[]> {
    const from = `${prefix}~`;
    const to = `${prefix}~~`;
    const rows = this.client().listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: odata`PartitionKey eq ${partitionKey} and RowKey ge ${from} and RowKey lt ${to}`,
      },
    });
    const result: Row[] = [];
    for await (const row of rows) result.push(row);
    return result;
  }

  /** One batch; a lost race becomes a retryable conflict. Answers the first row's new etag. */
  private async atomically(actions: TransactionAction[]): Promise<string> {
    try {
      const response = await this.client().submitTransaction(actions);
      return String(response.subResponses[0]?.etag ?? '');
    } catch (error) {
      if (!isWriteConflict(error)) throw error;
      throw retryable();
    }
  }
}

function retryable(): DomainError {
  return new DomainError('CONCURRENCY.CONFLICT', {}, { retryable: true });
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}
