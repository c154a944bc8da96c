import { DEMO_APP_CATALOG_ID } from './demo-graph-data';
import { GraphStandIn } from './graph-stand-in';
import { trustCertificate } from './trust';

/** How the local host gets Microsoft Graph: its own stand-in, one a test runs, or none. */
export type HostGraphOption = 'standIn' | 'off' | { standIn: GraphStandIn };

export interface HostGraph {
  standIn: GraphStandIn | undefined;
  /** Whether the host started it (and so seeds and stops it). */
  owned: boolean;
  /** The configuration that points MSAL and the Graph client at the stand-in. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

const LOCAL_SECRET = 'qcdc-local-stand-in-secret';

/**
 * Starts (or adopts) the Graph/Entra stand-in for the local host, trusts its certificate in this
 * process, and answers the environment that points the app at it: QCDC_GRAPH_MODE=standIn, the
 * stand-in's origin as both the MSAL authority host (a known authority: no instance discovery) and
 * the Graph base URL, and the app's credentials.
 */
export async function startHostGraph(
  option: HostGraphOption | undefined,
  clientId: string,
): Promise<HostGraph> {
  if (option === 'off') return { standIn: undefined, owned: false, env: {}, stop: async () => {} };
  const owned = option === undefined || option === 'standIn';
  const standIn = owned
    ? await GraphStandIn.start({
        clientId,
        clientSecret: LOCAL_SECRET,
        catalogAppIds: [DEMO_APP_CATALOG_ID],
      })
    : option.standIn;
  trustCertificate(standIn.certificate);
  return {
    standIn,
    owned,
    env: {
      QCDC_GRAPH_MODE: 'standIn',
      QCDC_GRAPH_CLIENT_ID: standIn.app.clientId,
      QCDC_GRAPH_CLIENT_SECRET: standIn.app.clientSecret,
      QCDC_GRAPH_AUTHORITY_HOST: standIn.origin,
      QCDC_GRAPH_BASE_URL: standIn.origin,
      QCDC_TEAMS_APP_CATALOG_ID: DEMO_APP_CATALOG_ID,
    },
    stop: async () => {
      if (owned) await standIn.stop();
    },
  };
}
