import {
  withReminderSchedule,
  type BodyRepository,
  type CaseChange,
  type CaseIntake,
  type CaseRepository,
  type ConsultationChange,
  type ConsultationRepository,
  type Disclosure,
  type DisclosureRepository,
  type AuditEvent,
  type ReminderChange,
  type ReminderScheduler,
} from '@qcdc/core';

/**
 * The due index's side of Front recommendations, citizen cases and disclosures, as decorators of
 * their repositories: every write of one of those aggregates goes through `commit…`/`create…`, so
 * wrapping them plans, replans and cancels reminders on every path (API, cards, seeds) without the
 * use cases knowing. As for assignments (core reminder-scheduler.ts): the index rows are written
 * (flagged) BEFORE the aggregate, confirmed after it.
 *
 * "Before" is a point read of the stored row, taken only when it is the version the write is
 * conditional on (same etag): otherwise the write is about to fail with a conflict anyway and
 * nothing is planned. Heads come from the body's members (one partition read).
 */
export function withFrontReminders(
  repos: {
    consultations: ConsultationRepository;
    cases: CaseRepository;
    disclosures: DisclosureRepository;
  },
  scheduler: ReminderScheduler | undefined,
  bodies: BodyRepository,
): {
  consultations: ConsultationRepository;
  cases: CaseRepository;
  disclosures: DisclosureRepository;
} {
  if (!scheduler) return repos;
  const headsOf = async (tenantId: string, bodyId: string) =>
    (await bodies.listMembers(tenantId, bodyId))
      .filter((member) => member.roles.includes('head'))
      .map((member) => member.userId);

  const { consultations, cases, disclosures } = repos;

  const commitConsultationChange = async (change: ConsultationChange): Promise<void> => {
    const c = change.consultation;
    const storedConsultation = await consultations.getConsultation(c.tenantId, c.bodyId, c.id);
    if (!storedConsultation || storedConsultation.etag !== change.etag) {
      return consultations.commitConsultationChange(change);
    }
    const previousConsultation = storedConsultation.value;
    const changes: ReminderChange[] = [];
    const consultation = { previous: previousConsultation, next: c };
    const rec = change.recommendation;
    // Members are read only when a recommendation's reminders may move (not for a send).
    const needsHeads = rec !== undefined || previousConsultation.status !== c.status;
    const headIds = needsHeads ? await headsOf(c.tenantId, c.bodyId) : [];
    if (rec) {
      const previous =
        rec.etag === null
          ? null
          : await consultations.getRecommendation(c.tenantId, c.bodyId, c.id, rec.value.id);
      if (rec.etag === null || previous?.etag === rec.etag) {
        changes.push({
          type: 'recommendation',
          previous: previous?.value ?? null,
          next: rec.value,
          consultation,
          headIds,
        });
      }
    } else if (previousConsultation.status !== c.status) {
      // Closing ends the reminders of every recommendation still open (one partition range).
      const open = (await consultations.listRecommendations(c.tenantId, c.bodyId, c.id)).filter(
        (r) => r.status !== 'responded',
      );
      for (const r of open) {
        changes.push({ type: 'recommendation', previous: r, next: r, consultation, headIds });
      }
    }
    await scheduleAll(scheduler, changes, () => consultations.commitConsultationChange(change));
  };

  const createCase = async (intake: CaseIntake): Promise<void> => {
    const c = intake.case;
    const headIds = await headsOf(c.tenantId, c.bodyId);
    await withReminderSchedule(scheduler, { type: 'case', previous: null, next: c, headIds }, () =>
      cases.createCase(intake),
    );
  };

  const commitCase = async (change: CaseChange): Promise<void> => {
    const c = change.case;
    const stored = await cases.getCase(c.tenantId, c.unitId, c.bodyId, c.id);
    if (!stored || stored.etag !== change.etag) return cases.commitCase(change);
    const headIds = await headsOf(c.tenantId, c.bodyId);
    await withReminderSchedule(
      scheduler,
      { type: 'case', previous: stored.value, next: c, headIds },
      () => cases.commitCase(change),
    );
  };

  const createDisclosure = (disclosure: Disclosure, event: AuditEvent): Promise<void> =>
    withReminderSchedule(scheduler, { type: 'disclosure', previous: null, next: disclosure }, () =>
      disclosures.createDisclosure(disclosure, event),
    );

  const commitDisclosure = async (
    disclosure: Disclosure,
    etag: string,
    event: AuditEvent,
  ): Promise<void> => {
    const stored = await disclosures.getDisclosure(
      disclosure.tenantId,
      disclosure.bodyId,
      disclosure.id,
    );
    if (!stored || stored.etag !== etag)
      return disclosures.commitDisclosure(disclosure, etag, event);
    await withReminderSchedule(
      scheduler,
      { type: 'disclosure', previous: stored.value, next: disclosure },
      () => disclosures.commitDisclosure(disclosure, etag, event),
    );
  };

  return {
    consultations: delegate(consultations, { commitConsultationChange }),
    cases: delegate(cases, { createCase, commitCase }),
    disclosures: delegate(disclosures, { createDisclosure, commitDisclosure }),
  };
}

/** Several changes around one write: all prepared first, the write, then all confirmed. */
async function scheduleAll(
  scheduler: ReminderScheduler,
  changes: readonly ReminderChange[],
  write: () => Promise<void>,
): Promise<void> {
  const tickets = [];
  for (const change of changes) tickets.push(await scheduler.prepare(change));
  await write();
  await Promise.all(tickets.map((ticket) => scheduler.confirm(ticket).catch(() => undefined)));
}

/** The repository with some methods replaced; every other call goes to it unchanged. */
function delegate<T extends object>(inner: T, overrides: Partial<T>): T {
  return new Proxy(inner, {
    get(target, property, receiver) {
      if (Object.prototype.hasOwnProperty.call(overrides, property)) {
        return (overrides as Record<PropertyKey, unknown>)[property];
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}
