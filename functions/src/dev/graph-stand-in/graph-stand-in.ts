import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeJwt, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { createSelfSignedCertificate } from './self-signed-certificate';

/**
 * A local stand-in for the two Microsoft cloud services the Graph layer talks to, speaking their wire
 * format over real HTTPS on 127.0.0.1 (a free port, a throwaway self-signed certificate):
 * - Entra ID's token endpoint (`POST /{tenant}/oauth2/v2.0/token`: client credentials and
 *   on-behalf-of) and the OpenID configuration MSAL reads for a known authority;
 * - the Graph v1.0 endpoints the app uses: team, channel and chat members (paged with
 *   `@odata.nextLink`, `$top`), online meeting attendance reports and records, activity feed
 *   notifications, app installation for a user, and online meeting creation.
 * It checks the permissions a real token would carry (delegated `scp`, application `roles`), can be
 * told to throttle (429 with Retry-After), to fail transiently or to deny a permission or consent,
 * and counts every call, so tests see that nothing was lost or sent twice.
 */

export interface StandInUser {
  tenantId: string;
  id: string;
  displayName: string;
  mail: string;
}

export interface StandInAttendanceRecord {
  /** Entra object id, or null for anonymous and dial-in participants. */
  userId: string | null;
  displayName: string;
  email?: string | null;
  role?: 'Organizer' | 'Presenter' | 'Attendee';
  /** [join, leave] ISO instants. */
  intervals: [string, string][];
}

export interface StandInAttendanceReport {
  id: string;
  meetingStartDateTime: string;
  meetingEndDateTime: string;
  records: StandInAttendanceRecord[];
}

export interface StandInOnlineMeeting {
  tenantId: string;
  organizerId: string;
  id: string;
  subject: string;
  startDateTime: string;
  endDateTime: string;
  joinWebUrl: string;
  externalId?: string | undefined;
  reports: StandInAttendanceReport[];
}

export interface StandInFault {
  method?: string;
  path?: RegExp;
  /** How many matching requests get the fault. */
  times: number;
  status: 429 | 503 | 504;
  retryAfterSeconds?: number;
}

export interface StandInRequest {
  method: string;
  path: string;
  status: number;
  /** Who called: the token's kind, or none. */
  caller: 'user' | 'app' | 'none';
  tenantId?: string | undefined;
}

export interface StandInOptions {
  clientId: string;
  clientSecret: string;
  /** Items per page when the caller gives no `$top` (Graph's pages vary; 100 is typical). */
  pageSize?: number;
  /** Activity types (type -> templateText), as the app manifest declares them. */
  activityTypes?: Record<string, string>;
  /** Teams app catalog ids known to the tenant's app catalog. */
  catalogAppIds?: string[];
}

/** Every permission the app may ask for, granted by default (an admin consented to all). */
export const ALL_DELEGATED = [
  'TeamMember.Read.All',
  'ChannelMember.Read.All',
  'ChatMember.Read',
  'OnlineMeetingArtifact.Read.All',
  'TeamsActivity.Send',
  'TeamsAppInstallation.ReadWriteSelfForUser',
  'OnlineMeetings.ReadWrite',
];
export const ALL_APPLICATION = [
  'TeamMember.Read.All',
  'ChannelMember.Read.All',
  'ChatMember.Read.All',
  'OnlineMeetingArtifact.Read.All',
  'TeamsActivity.Send',
  'TeamsAppInstallation.ReadWriteSelfForUser.All',
  'OnlineMeetings.ReadWrite.All',
];

interface TenantGrants {
  consented: boolean;
  delegated: Set<string>;
  application: Set<string>;
}

interface Caller {
  kind: 'user' | 'app';
  tenantId: string;
  userId?: string | undefined;
  permissions: Set<string>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
  }
}

const GRAPH_RESOURCE_APP_ID = '00000003-0000-0000-c000-000000000000';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const DEFAULT_MANIFEST = new URL('../../../../appPackage/manifest.json', import.meta.url);

function manifestActivityTypes(): Record<string, string> {
  try {
    const manifest = JSON.parse(readFileSync(DEFAULT_MANIFEST, 'utf8')) as {
      activities?: { activityTypes?: { type: string; templateText: string }[] };
    };
    return Object.fromEntries(
      (manifest.activities?.activityTypes ?? []).map((entry) => [entry.type, entry.templateText]),
    );
  } catch {
    return {};
  }
}

export class GraphStandIn {
  readonly requests: StandInRequest[] = [];
  readonly tokenRequests: { grantType: string; tenantId: string; status: number }[] = [];
  /** Accepted activity notifications, in order. */
  readonly notifications: { tenantId: string; userId: string; body: Record<string, unknown> }[] =
    [];
  /** userId -> installed catalog app ids. */
  readonly installedApps = new Map<string, Set<string>>();
  readonly users = new Map<string, StandInUser>();
  readonly teams = new Map<
    string,
    { tenantId: string; members: string[]; owners: Set<string>; channels: Map<string, string[]> }
  >();
  readonly chats = new Map<string, { tenantId: string; members: string[] }>();
  readonly meetings = new Map<string, StandInOnlineMeeting>();

  /** The one app registration the stand-in knows (the app's client id and secret). */
  readonly app: { clientId: string; clientSecret: string };
  private readonly grants = new Map<string, TenantGrants>();
  private readonly faults: StandInFault[] = [];
  private readonly activityTypes: Record<string, string>;
  private readonly catalogAppIds: Set<string>;
  private readonly signingKey = new Uint8Array(randomBytes(32));

  private constructor(
    private readonly server: Server,
    readonly origin: string,
    /** PEM: the certificate a client must trust to reach the stand-in. */
    readonly certificate: string,
    private readonly options: Required<Omit<StandInOptions, 'activityTypes' | 'catalogAppIds'>> &
      Pick<StandInOptions, 'activityTypes' | 'catalogAppIds'>,
  ) {
    this.app = { clientId: options.clientId, clientSecret: options.clientSecret };
    this.activityTypes = options.activityTypes ?? manifestActivityTypes();
    this.catalogAppIds = new Set(options.catalogAppIds ?? []);
  }

  static async start(options: StandInOptions): Promise<GraphStandIn> {
    const { cert, key } = createSelfSignedCertificate();
    const holder: { standIn?: GraphStandIn } = {};
    const server = createServer({ cert, key }, (req, res) => {
      void holder.standIn!.handle(req, res);
    });
    const port = await new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
    holder.standIn = new GraphStandIn(server, `https://127.0.0.1:${port}`, cert, {
      pageSize: 100,
      ...options,
    });
    return holder.standIn;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
  }

  // ---------- directory and data ----------

  addUser(user: StandInUser): void {
    this.users.set(user.id, user);
  }

  addTeam(
    tenantId: string,
    teamId: string,
    memberIds: string[],
    options: { owners?: string[]; channels?: Record<string, string[]> } = {},
  ): void {
    this.teams.set(teamId, {
      tenantId,
      members: [...memberIds],
      owners: new Set(options.owners ?? []),
      channels: new Map(Object.entries(options.channels ?? {})),
    });
  }

  removeTeamMember(teamId: string, userId: string): void {
    const team = this.teams.get(teamId);
    if (team) team.members = team.members.filter((id) => id !== userId);
  }

  addChat(tenantId: string, chatId: string, memberIds: string[]): void {
    this.chats.set(chatId, { tenantId, members: [...memberIds] });
  }

  addOnlineMeeting(
    meeting: Omit<StandInOnlineMeeting, 'reports'> & { reports?: StandInAttendanceReport[] },
  ): void {
    this.meetings.set(meeting.id, { reports: [], ...meeting });
  }

  addAttendanceReport(onlineMeetingId: string, report: StandInAttendanceReport): void {
    const meeting = this.meetings.get(onlineMeetingId);
    if (!meeting) throw new Error(`no online meeting ${onlineMeetingId}`);
    meeting.reports.push(report);
  }

  addCatalogApp(catalogAppId: string): void {
    this.catalogAppIds.add(catalogAppId);
  }

  // ---------- consent and permissions ----------

  private grantsFor(tenantId: string): TenantGrants {
    let grants = this.grants.get(tenantId);
    if (!grants) {
      grants = {
        consented: true,
        delegated: new Set(ALL_DELEGATED),
        application: new Set(ALL_APPLICATION),
      };
      this.grants.set(tenantId, grants);
    }
    return grants;
  }

  /** The tenant's admin has (not) consented to the app at all: token requests fail. */
  setConsent(tenantId: string, consented: boolean): void {
    this.grantsFor(tenantId).consented = consented;
  }

  revoke(tenantId: string, kind: 'delegated' | 'application', permission: string): void {
    this.grantsFor(tenantId)[kind].delete(permission);
  }

  grant(tenantId: string, kind: 'delegated' | 'application', permission: string): void {
    this.grantsFor(tenantId)[kind].add(permission);
  }

  // ---------- faults and observation ----------

  /** The next `times` matching requests answer `status` (429 with Retry-After by default). */
  inject(fault: StandInFault): void {
    this.faults.push({ ...fault });
  }

  /** Calls Graph answered for real (not a fault), by method and path prefix. */
  handled(method: string, pathPrefix: string | RegExp): StandInRequest[] {
    return this.requests.filter(
      (request) =>
        request.method === method &&
        request.status !== 429 &&
        request.status !== 503 &&
        request.status !== 504 &&
        (typeof pathPrefix === 'string'
          ? request.path.startsWith(pathPrefix)
          : pathPrefix.test(request.path)),
    );
  }

  resetCounters(): void {
    this.requests.length = 0;
    this.tokenRequests.length = 0;
    this.notifications.length = 0;
  }

  // ---------- HTTP ----------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const method = (req.method ?? 'GET').toUpperCase();
    const record: StandInRequest = {
      method,
      path: url.pathname + url.search,
      status: 0,
      caller: 'none',
    };
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      if (!url.pathname.includes('/oauth2/')) this.requests.push(record);
      const payload = body === undefined ? '' : JSON.stringify(body);
      res.writeHead(status, {
        ...(payload ? { 'content-type': 'application/json; charset=utf-8' } : {}),
        'request-id': randomUUID(),
        ...headers,
      });
      res.end(payload);
    };
    try {
      const raw = await readBody(req);
      const tokenPath = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(url.pathname);
      if (tokenPath && method === 'POST') {
        const { status, body } = await this.token(tokenPath[1]!, new URLSearchParams(raw));
        this.tokenRequests.push({
          grantType: new URLSearchParams(raw).get('grant_type') ?? '',
          tenantId: tokenPath[1]!,
          status,
        });
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(body));
        return;
      }
      const openId = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(url.pathname);
      if (openId && method === 'GET') {
        send(200, this.openIdConfiguration(openId[1]!));
        return;
      }
      if (!url.pathname.startsWith('/v1.0/')) {
        throw graphFault(404, 'NotFound', `Resource not found: ${url.pathname}`);
      }
      const caller = await this.authenticate(req.headers.authorization);
      record.caller = caller.kind;
      record.tenantId = caller.tenantId;
      const fault = this.takeFault(method, url.pathname + url.search);
      if (fault) {
        send(
          fault.status,
          {
            error: {
              code: fault.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable',
              message:
                fault.status === 429
                  ? 'Too many requests. Please retry after the time in the Retry-After header.'
                  : 'The service is temporarily unavailable.',
              innerError: innerError(),
            },
          },
          { 'retry-after': String(fault.retryAfterSeconds ?? 1) },
        );
        return;
      }
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      const answer = await this.graph(method, url, caller, body);
      send(answer.status, answer.body, answer.headers);
    } catch (error) {
      if (error instanceof HttpError) send(error.status, error.body, error.headers);
      else if (error instanceof SyntaxError)
        send(400, graphFault(400, 'BadRequest', 'Invalid JSON').body);
      else send(500, graphFault(500, 'InternalServerError', String(error)).body);
    }
  }

  private takeFault(method: string, path: string): StandInFault | null {
    const index = this.faults.findIndex(
      (fault) =>
        fault.times > 0 &&
        (!fault.method || fault.method === method) &&
        (!fault.path || fault.path.test(path)),
    );
    if (index < 0) return null;
    const fault = this.faults[index]!;
    fault.times -= 1;
    if (fault.times === 0) this.faults.splice(index, 1);
    return fault;
  }

  // ---------- Entra ID ----------

  private openIdConfiguration(tenant: string) {
    const base = `${this.origin}/${tenant}`;
    return {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: [
        'client_secret_post',
        'private_key_jwt',
        'client_secret_basic',
      ],
      jwks_uri: `${this.origin}/${tenant}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `${this.origin}/${tenant}/v2.0`,
      request_uri_parameter_supported: false,
      userinfo_endpoint: `${this.origin}/oidc/userinfo`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'oid', 'tid', 'name'],
      kerberos_endpoint: `${base}/kerberos`,
      tenant_region_scope: 'AS',
      cloud_instance_name: 'microsoftonline.com',
      cloud_graph_host_name: 'graph.windows.net',
      msgraph_host: 'graph.microsoft.com',
      rbac_url: 'https://pas.windows.net',
    };
  }

  private async token(
    tenantId: string,
    form: URLSearchParams,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const fail = (
      status: number,
      error: string,
      code: number,
      description: string,
      suberror?: string,
    ) => ({
      status,
      body: {
        error,
        error_description: `AADSTS${code}: ${description} Trace ID: ${randomUUID()} Correlation ID: ${randomUUID()} Timestamp: ${new Date().toISOString()}`,
        error_codes: [code],
        timestamp: new Date().toISOString(),
        trace_id: randomUUID(),
        correlation_id: randomUUID(),
        ...(suberror ? { suberror } : {}),
      },
    });
    if (!GUID.test(tenantId)) {
      return fail(400, 'invalid_request', 90002, `Tenant '${tenantId}' not found.`);
    }
    const clientId = form.get('client_id');
    if (clientId !== this.options.clientId) {
      return fail(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory.`,
      );
    }
    if (!this.clientAuthenticated(form)) {
      return fail(401, 'invalid_client', 7000215, 'Invalid client secret provided.');
    }
    const scope = form.get('scope') ?? '';
    if (!scope.split(' ').some((s) => s === 'https://graph.microsoft.com/.default')) {
      return fail(
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${scope} is not valid.`,
      );
    }
    const grants = this.grantsFor(tenantId);
    const grantType = form.get('grant_type');
    const now = Math.floor(Date.now() / 1000);
    if (grantType === 'client_credentials') {
      if (!grants.consented) {
        return fail(
          400,
          'unauthorized_client',
          700016,
          `Application with identifier '${clientId}' was not found in the directory '${tenantId}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
        );
      }
      const accessToken = await this.sign({
        tid: tenantId,
        oid: `sp-${clientId}`,
        idtyp: 'app',
        roles: [...grants.application],
        appid: clientId,
      });
      return {
        status: 200,
        body: {
          token_type: 'Bearer',
          expires_in: 3599,
          ext_expires_in: 3599,
          access_token: accessToken,
        },
      };
    }
    if (grantType === 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
      if (form.get('requested_token_use') !== 'on_behalf_of') {
        return fail(
          400,
          'invalid_request',
          900144,
          "The request body must contain 'requested_token_use'.",
        );
      }
      let assertion: JWTPayload;
      try {
        assertion = decodeJwt(form.get('assertion') ?? '');
      } catch {
        return fail(400, 'invalid_grant', 50027, 'JWT token is invalid or malformed.');
      }
      const audiences = Array.isArray(assertion.aud) ? assertion.aud : [assertion.aud];
      if (!audiences.some((aud) => aud === clientId || aud?.endsWith(`/${clientId}`))) {
        return fail(
          400,
          'invalid_grant',
          50013,
          'Assertion audience does not match the client app.',
        );
      }
      if (typeof assertion.exp !== 'number' || assertion.exp < now) {
        return fail(400, 'invalid_grant', 500133, 'Assertion is not within its valid time range.');
      }
      if (assertion.tid !== tenantId) {
        return fail(400, 'invalid_grant', 50020, 'The assertion was issued for another tenant.');
      }
      if (!grants.consented) {
        return fail(
          400,
          'invalid_grant',
          65001,
          `The user or administrator has not consented to use the application with ID '${clientId}'. Send an interactive authorization request for this user and resource.`,
          'consent_required',
        );
      }
      const oid = String(assertion.oid);
      const accessToken = await this.sign({
        tid: tenantId,
        oid,
        idtyp: 'user',
        name: assertion.name,
        scp: [...grants.delegated].join(' '),
        appid: clientId,
      });
      const clientInfo = Buffer.from(JSON.stringify({ uid: oid, utid: tenantId })).toString(
        'base64url',
      );
      const idToken = [
        Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url'),
        Buffer.from(
          JSON.stringify({
            aud: clientId,
            iss: `${this.origin}/${tenantId}/v2.0`,
            iat: now,
            nbf: now,
            exp: now + 3600,
            name: assertion.name,
            oid,
            preferred_username: assertion.preferred_username,
            sub: oid,
            tid: tenantId,
            ver: '2.0',
          }),
        ).toString('base64url'),
        '',
      ].join('.');
      return {
        status: 200,
        body: {
          token_type: 'Bearer',
          scope: [...grants.delegated].map((p) => `https://graph.microsoft.com/${p}`).join(' '),
          expires_in: 3599,
          ext_expires_in: 3599,
          access_token: accessToken,
          refresh_token: `stand-in-refresh-${randomUUID()}`,
          id_token: idToken,
          client_info: clientInfo,
        },
      };
    }
    return fail(
      400,
      'unsupported_grant_type',
      70003,
      `The grant type ${grantType} is not supported.`,
    );
  }

  private clientAuthenticated(form: URLSearchParams): boolean {
    if (form.get('client_secret')) return form.get('client_secret') === this.options.clientSecret;
    const assertion = form.get('client_assertion');
    if (assertion) {
      // A certificate credential: the stand-in checks the assertion names the app (not its signature).
      try {
        const claims = decodeJwt(assertion);
        return claims.iss === this.options.clientId && claims.sub === this.options.clientId;
      } catch {
        return false;
      }
    }
    return false;
  }

  private sign(claims: Record<string, unknown>): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(`https://sts.windows.net/${String(claims.tid)}/`)
      .setAudience(GRAPH_RESOURCE_APP_ID)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(this.signingKey);
  }

  private async authenticate(authorization: string | undefined): Promise<Caller> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) {
      throw graphFault(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    }
    try {
      const { payload } = await jwtVerify(token, this.signingKey, {
        audience: GRAPH_RESOURCE_APP_ID,
      });
      const kind = payload.idtyp === 'app' ? 'app' : 'user';
      return {
        kind,
        tenantId: String(payload.tid),
        userId: kind === 'user' ? String(payload.oid) : undefined,
        permissions: new Set(
          kind === 'app'
            ? ((payload.roles as string[] | undefined) ?? [])
            : String(payload.scp ?? '').split(' '),
        ),
      };
    } catch {
      throw graphFault(401, 'InvalidAuthenticationToken', 'Access token validation failure.');
    }
  }

  // ---------- Graph ----------

  private async graph(
    method: string,
    url: URL,
    caller: Caller,
    body: Record<string, unknown>,
  ): Promise<{ status: number; body?: unknown; headers?: Record<string, string> }> {
    const path = url.pathname.slice('/v1.0'.length).split('/').map(decodeURIComponent);
    // path[0] is '' (leading slash)
    const [, first, id, second, id2, third] = path;
    const require = (delegated: string[], application: string[]) => {
      const accepted = caller.kind === 'user' ? delegated : application;
      if (!accepted.some((permission) => caller.permissions.has(permission))) {
        throw graphFault(
          403,
          'Forbidden',
          `Missing ${caller.kind === 'user' ? 'scope' : 'role'} permissions on the request. API requires one of '${accepted.join(', ')}'.`,
        );
      }
    };

    if (method === 'GET' && first === 'teams' && id && second === 'members' && path.length === 4) {
      require(['TeamMember.Read.All', 'TeamMember.ReadWrite.All'], [
        'TeamMember.Read.All',
        'TeamMember.Read.Group',
      ]);
      const team = this.teams.get(id);
      if (!team || team.tenantId !== caller.tenantId) {
        throw graphFault(404, 'NotFound', `No team found with Group Id ${id}`);
      }
      this.requireMember(caller, team.members);
      return this.page(
        url,
        team.members.map((userId) => this.conversationMember(userId, team.owners)),
        `teams('${id}')/members`,
      );
    }
    if (
      method === 'GET' &&
      first === 'teams' &&
      id &&
      second === 'channels' &&
      id2 &&
      third === 'members' &&
      path.length === 6
    ) {
      require(['ChannelMember.Read.All'], ['ChannelMember.Read.All', 'ChannelMember.Read.Group']);
      const team = this.teams.get(id);
      const channel = team?.tenantId === caller.tenantId ? team.channels.get(id2) : undefined;
      if (!team || !channel) throw graphFault(404, 'NotFound', `Channel ${id2} not found`);
      this.requireMember(caller, channel);
      return this.page(
        url,
        channel.map((userId) => this.conversationMember(userId, team.owners)),
        `teams('${id}')/channels('${id2}')/members`,
      );
    }
    if (method === 'GET' && first === 'chats' && id && second === 'members' && path.length === 4) {
      require(['ChatMember.Read', 'ChatMember.ReadWrite', 'Chat.Read'], [
        'ChatMember.Read.All',
        'ChatMember.Read.Chat',
      ]);
      const chat = this.chats.get(id);
      if (!chat || chat.tenantId !== caller.tenantId)
        throw graphFault(404, 'NotFound', `Chat ${id} not found`);
      this.requireMember(caller, chat.members);
      return this.page(
        url,
        chat.members.map((userId) => this.conversationMember(userId, new Set())),
        `chats('${id}')/members`,
      );
    }

    const onlineMeetings =
      (first === 'users' && second === 'onlineMeetings') ||
      (first === 'me' && id === 'onlineMeetings');
    if (onlineMeetings) {
      const organizerId = first === 'me' ? caller.userId : id;
      const rest = first === 'me' ? path.slice(3) : path.slice(4);
      if (
        method === 'POST' &&
        (rest.length === 0 || (rest.length === 1 && rest[0] === 'createOrGet'))
      ) {
        return this.createMeeting(caller, organizerId, body, rest[0] === 'createOrGet');
      }
      require(['OnlineMeetingArtifact.Read.All'], ['OnlineMeetingArtifact.Read.All']);
      if (caller.kind === 'user' && organizerId !== caller.userId) {
        throw graphFault(
          403,
          'Forbidden',
          'Only the organizer of the meeting can read its attendance reports.',
        );
      }
      const [meetingId, reports, reportId, records] = rest;
      const meeting = meetingId ? this.meetings.get(meetingId) : undefined;
      if (!meeting || meeting.organizerId !== organizerId || meeting.tenantId !== caller.tenantId) {
        throw graphFault(404, 'NotFound', 'The online meeting was not found.');
      }
      if (method === 'GET' && reports === 'attendanceReports' && !reportId) {
        return this.page(
          url,
          meeting.reports.map((report) => reportJson(report)),
          'attendanceReports',
        );
      }
      const report = meeting.reports.find((candidate) => candidate.id === reportId);
      if (method === 'GET' && reports === 'attendanceReports' && reportId) {
        if (!report) throw graphFault(404, 'NotFound', `Attendance report ${reportId} not found.`);
        if (records === 'attendanceRecords' && rest.length === 4) {
          return this.page(url, report.records.map(recordJson), 'attendanceRecords');
        }
        if (rest.length === 3) {
          const expand = url.searchParams.get('$expand') === 'attendanceRecords';
          return {
            status: 200,
            body: {
              '@odata.context': `${this.origin}/v1.0/$metadata#attendanceReports/$entity`,
              ...reportJson(report),
              ...(expand ? { attendanceRecords: report.records.map(recordJson) } : {}),
            },
          };
        }
      }
    }

    if (first === 'users' && id && second === 'teamwork' && method === 'POST') {
      const user = this.users.get(id);
      if (id2 === 'sendActivityNotification' && path.length === 5) {
        require(['TeamsActivity.Send'], ['TeamsActivity.Send', 'TeamsActivity.Send.User']);
        if (!user || user.tenantId !== caller.tenantId)
          throw graphFault(404, 'NotFound', `User ${id} not found.`);
        this.validateNotification(body);
        this.notifications.push({ tenantId: caller.tenantId, userId: id, body });
        return { status: 204 };
      }
      if (id2 === 'installedApps' && path.length === 5) {
        require([
          'TeamsAppInstallation.ReadWriteSelfForUser',
          'TeamsAppInstallation.ReadWriteForUser',
        ], [
          'TeamsAppInstallation.ReadWriteSelfForUser.All',
          'TeamsAppInstallation.ReadWriteForUser.All',
        ]);
        if (!user || user.tenantId !== caller.tenantId)
          throw graphFault(404, 'NotFound', `User ${id} not found.`);
        const bind = String(body['teamsApp@odata.bind'] ?? '');
        const bound = /\/appCatalogs\/teamsApps\/([^/?]+)$/.exec(bind)?.[1];
        if (!bound) throw graphFault(400, 'BadRequest', 'teamsApp@odata.bind is required.');
        const catalogId = decodeURIComponent(bound);
        if (!this.catalogAppIds.has(catalogId)) {
          throw graphFault(404, 'NotFound', `App ${catalogId} is not in the app catalog.`);
        }
        const installed = this.installedApps.get(id) ?? new Set<string>();
        if (installed.has(catalogId)) {
          throw graphFault(409, 'Conflict', 'The app is already installed for the user.');
        }
        installed.add(catalogId);
        this.installedApps.set(id, installed);
        return { status: 201 };
      }
    }
    throw graphFault(400, 'BadRequest', `Unsupported request: ${method} ${url.pathname}`);
  }

  private requireMember(caller: Caller, members: readonly string[]): void {
    if (caller.kind === 'user' && !members.includes(caller.userId!)) {
      throw graphFault(403, 'Forbidden', 'The caller is not a member of this conversation.');
    }
  }

  private conversationMember(userId: string, owners: Set<string>) {
    const user = this.users.get(userId);
    return {
      '@odata.type': '#microsoft.graph.aadUserConversationMember',
      id: Buffer.from(`0#${userId}`).toString('base64'),
      roles: owners.has(userId) ? ['owner'] : [],
      displayName: user?.displayName ?? null,
      visibleHistoryStartDateTime: '0001-01-01T00:00:00Z',
      userId,
      email: user?.mail ?? null,
      tenantId: user?.tenantId ?? null,
    };
  }

  /** A collection page: `$top` items (or the page size) from the `$skiptoken` offset, with nextLink. */
  private page(url: URL, items: unknown[], context: string) {
    const top = Number(url.searchParams.get('$top') ?? this.options.pageSize);
    if (!Number.isInteger(top) || top < 1 || top > 999) {
      throw graphFault(400, 'BadRequest', `Invalid $top value ${url.searchParams.get('$top')}.`);
    }
    const token = url.searchParams.get('$skiptoken');
    const offset = token
      ? Number(Buffer.from(token, 'base64url').toString('utf8').slice('o:'.length))
      : 0;
    if (!Number.isInteger(offset) || offset < 0)
      throw graphFault(400, 'BadRequest', 'Invalid $skiptoken.');
    const value = items.slice(offset, offset + top);
    const next = new URL(url.pathname, this.origin);
    next.searchParams.set('$top', String(top));
    next.searchParams.set('$skiptoken', Buffer.from(`o:${offset + top}`).toString('base64url'));
    return {
      status: 200,
      body: {
        '@odata.context': `${this.origin}/v1.0/$metadata#${context}`,
        '@odata.count': items.length,
        value,
        ...(offset + top < items.length
          ? { '@odata.nextLink': decodeURIComponent(next.toString()) }
          : {}),
      },
    };
  }

  private validateNotification(body: Record<string, unknown>): void {
    const type = String(body.activityType ?? '');
    const template = this.activityTypes[type];
    if (template === undefined) {
      throw graphFault(
        400,
        'BadRequest',
        `Activity type '${type}' is not declared in the app manifest.`,
      );
    }
    const topic = body.topic as { source?: string; value?: string; webUrl?: string } | undefined;
    if (!topic?.source || !topic.value || (topic.source === 'text' && !topic.webUrl)) {
      throw graphFault(
        400,
        'BadRequest',
        'A topic with source and value (and webUrl for text) is required.',
      );
    }
    const preview = (body.previewText as { content?: string } | undefined)?.content ?? '';
    if (preview.length > 150)
      throw graphFault(400, 'BadRequest', 'previewText is longer than 150 characters.');
    const needed = [...template.matchAll(/\{(\w+)\}/g)]
      .map((match) => match[1]!)
      .filter((name) => name !== 'actor');
    const given = (
      (body.templateParameters as { name: string; value: string }[] | undefined) ?? []
    ).map((p) => p.name);
    const missing = needed.filter((name) => !given.includes(name));
    const extra = given.filter((name) => !needed.includes(name));
    if (missing.length > 0 || extra.length > 0) {
      throw graphFault(
        400,
        'BadRequest',
        `Template parameters do not match '${template}': missing [${missing.join(', ')}], unexpected [${extra.join(', ')}].`,
      );
    }
  }

  private createMeeting(
    caller: Caller,
    organizerId: string | undefined,
    body: Record<string, unknown>,
    createOrGet: boolean,
  ) {
    if (createOrGet) {
      if (caller.kind !== 'user')
        throw graphFault(403, 'Forbidden', 'createOrGet needs a delegated token.');
      if (!caller.permissions.has('OnlineMeetings.ReadWrite')) {
        throw graphFault(
          403,
          'Forbidden',
          "Missing scope permissions on the request. API requires one of 'OnlineMeetings.ReadWrite'.",
        );
      }
    } else if (
      !caller.permissions.has(
        caller.kind === 'user' ? 'OnlineMeetings.ReadWrite' : 'OnlineMeetings.ReadWrite.All',
      )
    ) {
      throw graphFault(403, 'Forbidden', 'Missing permissions to create online meetings.');
    }
    if (!organizerId || (caller.kind === 'user' && organizerId !== caller.userId)) {
      throw graphFault(403, 'Forbidden', 'A user may only create their own meetings.');
    }
    const externalId = body.externalId ? String(body.externalId) : undefined;
    if (createOrGet && !externalId) throw graphFault(400, 'BadRequest', 'externalId is required.');
    if (externalId) {
      const existing = [...this.meetings.values()].find(
        (meeting) => meeting.organizerId === organizerId && meeting.externalId === externalId,
      );
      if (existing) return { status: 200, body: meetingJson(existing) };
    }
    const id = Buffer.from(`1*${organizerId}*0**19:meeting_${randomUUID()}@thread.v2`).toString(
      'base64url',
    );
    const meeting: StandInOnlineMeeting = {
      tenantId: caller.tenantId,
      organizerId,
      id,
      subject: String(body.subject ?? ''),
      startDateTime: String(body.startDateTime ?? new Date().toISOString()),
      endDateTime: String(body.endDateTime ?? new Date(Date.now() + 3600_000).toISOString()),
      joinWebUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${randomUUID()}%40thread.v2/0`,
      externalId,
      reports: [],
    };
    this.meetings.set(id, meeting);
    return { status: 201, body: meetingJson(meeting) };
  }
}

function innerError() {
  return {
    date: new Date().toISOString(),
    'request-id': randomUUID(),
    'client-request-id': randomUUID(),
  };
}

function graphFault(status: number, code: string, message: string): HttpError {
  return new HttpError(status, { error: { code, message, innerError: innerError() } });
}

function reportJson(report: StandInAttendanceReport) {
  return {
    id: report.id,
    totalParticipantCount: report.records.length,
    meetingStartDateTime: report.meetingStartDateTime,
    meetingEndDateTime: report.meetingEndDateTime,
  };
}

/** Graph prints instants with 7 fractional digits; the records do too. */
function graphInstant(iso: string): string {
  return new Date(iso).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

function recordJson(record: StandInAttendanceRecord) {
  const intervals = record.intervals.map(([join, leave]) => ({
    joinDateTime: graphInstant(join),
    leaveDateTime: graphInstant(leave),
    durationInSeconds: Math.round((Date.parse(leave) - Date.parse(join)) / 1000),
  }));
  return {
    id: record.userId ?? randomUUID(),
    emailAddress: record.email ?? null,
    totalAttendanceInSeconds: intervals.reduce(
      (sum, interval) => sum + interval.durationInSeconds,
      0,
    ),
    role: record.role ?? 'Attendee',
    identity: { id: record.userId, displayName: record.displayName, tenantId: null },
    attendanceIntervals: intervals,
  };
}

function meetingJson(meeting: StandInOnlineMeeting) {
  return {
    id: meeting.id,
    creationDateTime: new Date().toISOString(),
    startDateTime: meeting.startDateTime,
    endDateTime: meeting.endDateTime,
    joinWebUrl: meeting.joinWebUrl,
    subject: meeting.subject,
    externalId: meeting.externalId ?? null,
    chatInfo: { threadId: `19:meeting_${meeting.id.slice(0, 12)}@thread.v2`, messageId: '0' },
    participants: {
      organizer: { identity: { user: { id: meeting.organizerId } }, role: 'presenter' },
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
