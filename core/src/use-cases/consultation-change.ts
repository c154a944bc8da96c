import type { Consultation, Recommendation } from '../consultations/consultation';
import { DomainError } from '../errors/domain-error';
import type { Actor, ActorRoles } from '../permissions/actor';
import { can, type Action } from '../permissions/permission-table';
import type { StoredRow } from '../ports/case-repository';
import type { ConsultationRepository } from '../ports/consultation-repository';
import type { UseCaseDeps } from './deps';
import { required } from './case-change';
import { resolveActorInBody, type ActorInBody } from './resolve-actor-roles';

/** Which side a reader is on: the agency (the body) or the Front following its consultation. */
export type ConsultationSide = 'agency' | 'front';

export interface ConsultationAccess {
  agency: ActorInBody;
  /** The caller's roles in the consultation's Front body, when it names one. */
  frontRoles: ActorRoles | null;
  side: ConsultationSide;
}

export interface LoadedConsultation {
  access: ConsultationAccess;
  stored: StoredRow<Consultation>;
  repo: ConsultationRepository;
}

async function frontRolesOf(
  deps: Pick<UseCaseDeps, 'bodies'>,
  actor: Actor,
  consultation: Consultation,
): Promise<ActorRoles | null> {
  if (!consultation.frontBodyId) return null;
  const member = await deps.bodies.getMember(
    actor.tenantId,
    consultation.frontBodyId,
    actor.userId,
  );
  return member && member.roles.length > 0 ? { bodyRoles: member.roles, meetingRoles: [] } : null;
}

/** Loads a consultation for a member of the agency's body or of the Front body it names. */
export async function loadConsultation(
  deps: Pick<UseCaseDeps, 'bodies' | 'consultations'>,
  actor: Actor,
  bodyId: string,
  id: string,
): Promise<LoadedConsultation> {
  const repo = required(deps.consultations, 'consultations');
  const agency = await resolveActorInBody(deps.bodies, actor, bodyId);
  const stored = await repo.getConsultation(actor.tenantId, bodyId, id);
  if (!stored) throw new DomainError('CONSULTATION.NOT_FOUND');
  const frontRoles = await frontRolesOf(deps, actor, stored.value);
  const inAgency = can(agency.roles, 'body.read');
  if (!inAgency && !frontRoles) {
    throw new DomainError('PERMISSION.DENIED', { action: 'consultation.read' });
  }
  return { access: { agency, frontRoles, side: inAgency ? 'agency' : 'front' }, stored, repo };
}

/** The agency's permission, or (where `front` allows it) the same permission in the Front body. */
export function assertConsultationCan(
  access: ConsultationAccess,
  action: Action,
  options: { front?: boolean } = {},
): void {
  if (can(access.agency.roles, action)) return;
  if (options.front && access.frontRoles && can(access.frontRoles, action)) return;
  throw new DomainError('PERMISSION.DENIED', { action });
}

export async function loadRecommendation(
  loaded: LoadedConsultation,
  id: string,
): Promise<StoredRow<Recommendation>> {
  const c = loaded.stored.value;
  const stored = await loaded.repo.getRecommendation(c.tenantId, c.bodyId, c.id, id);
  if (!stored) throw new DomainError('RECOMMENDATION.NOT_FOUND');
  return stored;
}
