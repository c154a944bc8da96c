import { auditHeadOf, chainAuditEvent, GENESIS_HEAD, type AuditEvent } from '../audit/audit-event';
import type { Disclosure } from '../disclosures/disclosure';
import {
  disclosureEndOn,
  nextDisclosureStatus,
  type DisclosureTransition,
} from '../disclosures/disclosure-rules';
import type {
  TCreateDisclosureInput,
  TEndDisclosureInput,
  TPostDisclosureInput,
} from '../disclosures/disclosure-schemas';
import { DomainError } from '../errors/domain-error';
import type { Actor } from '../permissions/actor';
import { assertCan } from '../permissions/permission-table';
import {
  assertNotBefore,
  assertNotFuture,
  assertRecordVersion,
  nextAudited,
  required,
  vietnamToday,
} from './case-change';
import type { UseCaseDeps } from './deps';
import { retryOnWriteRace } from './meeting-change';
import { resolveActorInBody } from './resolve-actor-roles';

type DisclosureDeps = Pick<UseCaseDeps, 'bodies' | 'disclosures' | 'clock' | 'ids'>;

/** Plans a disclosure: what, where, from which day and for how many days. */
export async function createDisclosure(
  deps: DisclosureDeps,
  actor: Actor,
  bodyId: string,
  input: TCreateDisclosureInput,
): Promise<Disclosure> {
  const repo = required(deps.disclosures, 'disclosures');
  const { roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
  assertCan(roles, 'disclosure.manage');
  const id = deps.ids.next();
  const at = deps.clock.now().toISOString();
  const endOn = disclosureEndOn(input.startOn, input.days);
  const event = chainAuditEvent(GENESIS_HEAD, {
    tenantId: actor.tenantId,
    aggregateType: 'disclosure',
    aggregateId: id,
    action: 'disclosure.planned',
    actorId: actor.userId,
    actorName: actor.displayName,
    at,
    changes: {
      title: [null, input.title],
      channels: [null, input.channels],
      startOn: [null, input.startOn],
      endOn: [null, endOn],
    },
  });
  const disclosure: Disclosure = {
    tenantId: actor.tenantId,
    bodyId,
    id,
    title: input.title,
    description: input.description,
    basis: input.basis,
    channels: [...new Set(input.channels)],
    days: input.days,
    startOn: input.startOn,
    endOn,
    status: 'planned',
    createdBy: actor.userId,
    createdAt: at,
    updatedAt: at,
    version: 1,
    audit: auditHeadOf(event),
  };
  await repo.createDisclosure(disclosure, event);
  return disclosure;
}

/** Posted (niêm yết) on a day (default today): the period runs `days` from that day. */
export async function postDisclosure(
  deps: DisclosureDeps,
  actor: Actor,
  bodyId: string,
  id: string,
  input: TPostDisclosureInput,
): Promise<Disclosure> {
  return changeDisclosure(deps, actor, bodyId, id, input.version, 'post', (d, today, at) => {
    const postedOn = input.postedOn ?? today;
    assertNotFuture('postedOn', postedOn, today);
    const endOn = disclosureEndOn(postedOn, d.days);
    const channels = input.channels ? [...new Set(input.channels)] : d.channels;
    return {
      next: { ...d, startOn: postedOn, endOn, channels, postedAt: at, postedBy: actor.userId },
      changes: { startOn: [d.startOn, postedOn], endOn: [d.endOn, endOn] },
    };
  });
}

/** Taken down (default today); before the period is over it shows as ended early. */
export async function endDisclosure(
  deps: DisclosureDeps,
  actor: Actor,
  bodyId: string,
  id: string,
  input: TEndDisclosureInput,
): Promise<Disclosure> {
  return changeDisclosure(deps, actor, bodyId, id, input.version, 'end', (d, today, at) => {
    const endedOn = input.endedOn ?? today;
    assertNotFuture('endedOn', endedOn, today);
    assertNotBefore('endedOn', endedOn, d.startOn);
    return {
      next: { ...d, endedOn, endedAt: at, endedBy: actor.userId },
      changes: { endedOn: [null, endedOn] },
    };
  });
}

export async function listDisclosures(
  deps: DisclosureDeps,
  actor: Actor,
  bodyId: string,
): Promise<Disclosure[]> {
  const repo = required(deps.disclosures, 'disclosures');
  const { roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
  assertCan(roles, 'body.read');
  const disclosures = await repo.listDisclosures(actor.tenantId, bodyId);
  return disclosures.sort((a, b) => b.startOn.localeCompare(a.startOn) || a.id.localeCompare(b.id));
}

async function changeDisclosure(
  deps: DisclosureDeps,
  actor: Actor,
  bodyId: string,
  id: string,
  version: number,
  transition: DisclosureTransition,
  decide: (
    d: Disclosure,
    today: string,
    at: string,
  ) => { next: Disclosure; changes: AuditEvent['changes'] },
): Promise<Disclosure> {
  const repo = required(deps.disclosures, 'disclosures');
  const action = transition === 'post' ? 'disclosure.posted' : 'disclosure.ended';
  return retryOnWriteRace(async () => {
    const { roles } = await resolveActorInBody(deps.bodies, actor, bodyId);
    const stored = await repo.getDisclosure(actor.tenantId, bodyId, id);
    if (!stored) throw new DomainError('DISCLOSURE.NOT_FOUND');
    const d = stored.value;
    if (d.version === version + 1) {
      const last = (await repo.listDisclosureAudit(d.tenantId, d.bodyId, d.id)).at(-1);
      if (last?.actorId === actor.userId && last.action === action) return d;
    }
    assertCan(roles, 'disclosure.manage');
    assertRecordVersion(d, version);
    const status = nextDisclosureStatus(d.status, transition);
    const now = deps.clock.now();
    const at = now.toISOString();
    const decision = decide(d, vietnamToday(now), at);
    const change = nextAudited('disclosure', d, { ...decision.next, status }, actor, at, action, {
      status: [d.status, status],
      ...decision.changes,
    });
    await repo.commitDisclosure(change.value, stored.etag, change.event);
    return change.value;
  });
}
