/**
 * What each Graph call this app makes needs, delegated (on behalf of the signed-in user) and
 * application (app-only, background jobs). Errors name the permission so an administrator knows
 * exactly what to grant; docs/graph.md lists the same table. Resource-specific consent (RSC, in
 * appPackage/manifest.json) covers several of these per team or chat once the app is installed there.
 */
export const GRAPH_OPERATIONS = {
  listTeamMembers: {
    resource: 'team',
    delegated: 'TeamMember.Read.All',
    application: 'TeamMember.Read.All (or RSC TeamMember.Read.Group)',
  },
  listChannelMembers: {
    resource: 'channel',
    delegated: 'ChannelMember.Read.All',
    application: 'ChannelMember.Read.All',
  },
  listChatMembers: {
    resource: 'chat',
    delegated: 'ChatMember.Read',
    application: 'ChatMember.Read.All (or RSC ChatMember.Read.Chat)',
  },
  readAttendanceReports: {
    resource: 'online meeting attendance report',
    delegated: 'OnlineMeetingArtifact.Read.All',
    application: 'OnlineMeetingArtifact.Read.All (with an application access policy)',
  },
  sendActivityNotification: {
    resource: 'user',
    delegated: 'TeamsActivity.Send',
    application: 'TeamsActivity.Send (or RSC TeamsActivity.Send.User)',
  },
  installAppForUser: {
    resource: 'user',
    delegated: 'TeamsAppInstallation.ReadWriteSelfForUser',
    application: 'TeamsAppInstallation.ReadWriteSelfForUser.All',
  },
  createOnlineMeeting: {
    resource: 'online meeting',
    delegated: 'OnlineMeetings.ReadWrite',
    application: 'OnlineMeetings.ReadWrite.All (with an application access policy)',
  },
} as const;

export type GraphOperation = keyof typeof GRAPH_OPERATIONS;

/** Whose token a call carries: the signed-in user's (on-behalf-of) or the app's own. */
export type GraphAuth =
  | { kind: 'user'; tenantId: string; userId: string; assertion: string }
  | { kind: 'app'; tenantId: string };

export function permissionFor(operation: GraphOperation, auth: GraphAuth): string {
  const entry = GRAPH_OPERATIONS[operation];
  return auth.kind === 'user' ? entry.delegated : entry.application;
}
