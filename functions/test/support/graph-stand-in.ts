import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import type { DevHost } from '../../src/dev/host';
import { startDevHost } from '../../src/dev/host';
import { GraphStandIn, type StandInUser } from '../../src/dev/graph-stand-in/graph-stand-in';
import type { TestBody, TestUser } from './api-harness';

export { DEMO_APP_CATALOG_ID as TEST_CATALOG_APP_ID } from '../../src/dev/graph-stand-in/demo-graph-data';
import { DEMO_APP_CATALOG_ID } from '../../src/dev/graph-stand-in/demo-graph-data';

/**
 * The local host over the test run's Azurite, talking to a Graph/Entra stand-in the test owns (to
 * seed teams and reports, inject throttling and refusals, and count calls).
 */
export async function startGraphTestHost(): Promise<{
  host: DevHost;
  standIn: GraphStandIn;
  stop(): Promise<void>;
}> {
  const standIn = await GraphStandIn.start({
    clientId: 'qcdc-local-api',
    clientSecret: `test-secret-${randomUUID()}`,
    catalogAppIds: [DEMO_APP_CATALOG_ID],
  });
  const host = await startDevHost({
    port: 0,
    storage: { kind: 'external', connectionString: inject('storageConnection') },
    seedDemoData: false,
    quiet: true,
    tabsDir: '/nonexistent',
    graph: { standIn },
  });
  return {
    host,
    standIn,
    stop: async () => {
      await host.stop();
      await standIn.stop();
    },
  };
}

export function standInUser(
  user: TestUser | { tenantId: string; userId: string; displayName: string; email: string },
): StandInUser {
  return {
    tenantId: user.tenantId,
    id: user.userId,
    displayName: user.displayName,
    mail: user.email,
  };
}

/** `count` more people of the body's tenant in the directory, numbered from `from`. */
export function extraPeople(tenantId: string, count: number, from = 1): StandInUser[] {
  return Array.from({ length: count }, (_, i) => ({
    tenantId,
    id: randomUUID(),
    displayName: `Cán bộ số ${from + i}`,
    mail: `canbo${from + i}.${randomUUID().slice(0, 4)}@example.gov.vn`,
  }));
}

/** Puts the test body's people (and extra ones) in the stand-in's directory and in one team. */
export function seedTeam(
  standIn: GraphStandIn,
  test: TestBody,
  options: { extra?: number; without?: (keyof TestBody['users'])[] } = {},
): { teamId: string; people: StandInUser[] } {
  const teamId = randomUUID();
  const members = (Object.keys(test.users) as (keyof TestBody['users'])[])
    .filter((key) => !(options.without ?? []).includes(key))
    .map((key) => standInUser(test.users[key]));
  const extra = extraPeople(test.body.tenantId, options.extra ?? 0);
  for (const user of [...Object.values(test.users).map(standInUser), ...extra]) {
    standIn.addUser(user);
  }
  const people = [...members, ...extra];
  standIn.addTeam(
    test.body.tenantId,
    teamId,
    people.map((person) => person.id),
    { owners: [test.users.head.userId] },
  );
  return { teamId, people };
}
