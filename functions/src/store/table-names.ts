/** Every table the app uses; infra/ declares the same names. */
export const TABLES = {
  units: 'units',
  bodies: 'bodies',
  memberships: 'memberships',
  meetings: 'meetings',
  votes: 'votes',
  assignments: 'assignments',
  /** Per-person index of assignments (owner and co-owners): the "my tasks" partition. */
  userAssignments: 'userassignments',
  /** Front consultations and their recommendations, per body. */
  consultations: 'consultations',
  /** Per-person index of recommendation owners. */
  userRecommendations: 'userrecommendations',
  /** Citizen cases, reception sessions, case counters and deadline settings, per unit. */
  cases: 'cases',
  /** Per-person index of case handlers and recorders. */
  userCases: 'usercases',
  /** The public disclosure register, per body. */
  disclosures: 'disclosures',
  /** One-time download links (Teams mobile opens links, it cannot send our bearer token). */
  downloadTickets: 'downloadtickets',
  /** The bot's conversation references, keyed for point reads on proactive sends (conversation-store.ts). */
  conversations: 'conversations',
  /** Reminders by local date bucket and due time: what the sweep reads (due-index-store.ts). */
  dueIndex: 'dueindex',
  /** Messages to send, keyed by idempotency key, with their queue and parked views (outbox-store.ts). */
  outbox: 'outbox',
  /** Per-person notification channel (chat, activity feed, both), keyed tenant~user (notification-settings-store.ts). */
  notificationSettings: 'notificationsettings',
} as const;

export type TableName = (typeof TABLES)[keyof typeof TABLES];
