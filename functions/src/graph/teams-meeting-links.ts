import type { TeamsMeetingLink, TeamsMeetingLinkRepository } from '@qcdc/core';
import { keys } from '../store/keys';
import { isNotFound } from '../store/storage-errors';
import type { TableClientFactory } from '../store/table-client-factory';
import { TABLES } from '../store/table-names';

/** RowKey of a meeting's Teams meeting link, in the meeting's partition of the meetings table. */
export const teamsMeetingRow = (meetingId: string) => `teamsmeeting~${meetingId}`;

export class TableTeamsMeetingLinks implements TeamsMeetingLinkRepository {
  constructor(private readonly tables: TableClientFactory) {}

  async getLink(tenantId: string, bodyId: string, meetingId: string) {
    try {
      const row = await this.tables(TABLES.meetings).getEntity<Record<string, unknown>>(
        keys.tenantBody(tenantId, bodyId),
        teamsMeetingRow(meetingId),
      );
      return {
        tenantId,
        bodyId,
        meetingId,
        onlineMeetingId: String(row.onlineMeetingId),
        organizerId: String(row.organizerId),
        joinWebUrl: String(row.joinWebUrl),
        linkedAt: String(row.linkedAt),
        linkedBy: String(row.linkedBy),
      } satisfies TeamsMeetingLink;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async saveLink(link: TeamsMeetingLink): Promise<void> {
    await this.tables(TABLES.meetings).upsertEntity(
      {
        partitionKey: keys.tenantBody(link.tenantId, link.bodyId),
        rowKey: teamsMeetingRow(link.meetingId),
        onlineMeetingId: link.onlineMeetingId,
        organizerId: link.organizerId,
        joinWebUrl: link.joinWebUrl,
        linkedAt: link.linkedAt,
        linkedBy: link.linkedBy,
      },
      'Replace',
    );
  }
}
