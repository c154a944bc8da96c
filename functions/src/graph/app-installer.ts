import { isDomainError, type DomainError, type Member } from '@qcdc/core';
import type { GraphGateway } from './graph-gateway';

export interface UnreachableMember {
  userId: string;
  displayName: string;
  /** notFound: no such user or no Teams; permissionDenied: blocked for them; throttled: try later. */
  reason: 'notFound' | 'permissionDenied' | 'throttled' | 'failed';
}

export interface InstallReport {
  installed: string[];
  alreadyInstalled: string[];
  unreachable: UnreachableMember[];
}

/**
 * Installs the app for each member (app-only: TeamsAppInstallation.ReadWriteSelfForUser.All), so the
 * bot can message them proactively, and reports who could not be reached. A missing consent stops
 * everything with a clear 403; a refusal for every single member is reported the same way (the
 * permission is missing); refusals for some are listed per person.
 */
export async function installForMembers(
  gateway: GraphGateway,
  tenantId: string,
  members: readonly Member[],
  catalogAppId: string,
  concurrency = 4,
): Promise<InstallReport> {
  const report: InstallReport = { installed: [], alreadyInstalled: [], unreachable: [] };
  const seen: { denied: DomainError | null } = { denied: null };
  let next = 0;
  const worker = async () => {
    while (next < members.length) {
      const member = members[next++]!;
      try {
        const outcome = await gateway.installAppForUser(
          { kind: 'app', tenantId },
          member.userId,
          catalogAppId,
        );
        (outcome === 'installed' ? report.installed : report.alreadyInstalled).push(member.userId);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        if (error.code === 'GRAPH.CONSENT_REQUIRED' || error.code === 'GRAPH.NOT_CONFIGURED') {
          throw error;
        }
        if (error.code === 'GRAPH.PERMISSION_DENIED') seen.denied = error;
        report.unreachable.push({
          userId: member.userId,
          displayName: member.displayName,
          reason:
            error.code === 'GRAPH.NOT_FOUND'
              ? 'notFound'
              : error.code === 'GRAPH.PERMISSION_DENIED'
                ? 'permissionDenied'
                : error.code === 'GRAPH.THROTTLED'
                  ? 'throttled'
                  : 'failed',
        });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, members.length) }, worker));
  if (seen.denied && report.unreachable.length === members.length) throw seen.denied;
  const order = new Map(members.map((member, index) => [member.userId, index]));
  const byOrder = (a: string, b: string) => order.get(a)! - order.get(b)!;
  report.installed.sort(byOrder);
  report.alreadyInstalled.sort(byOrder);
  report.unreachable.sort((a, b) => byOrder(a.userId, b.userId));
  return report;
}
