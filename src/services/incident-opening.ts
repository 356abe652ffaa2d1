import { Not, type EntityManager } from 'typeorm';
import { EventSeverity, Incident, IncidentStatus, type SuppressionReasonRecord } from './entities/incident.entity';

/** The open (not resolved) incident of a key, locked for the rest of the transaction. */
export function findOpenIncident(manager: EntityManager, serviceId: string, dedupKey: string): Promise<Incident | null> {
  return manager.findOne(Incident, {
    where: { serviceId, dedupKey, status: Not(IncidentStatus.RESOLVED) },
    lock: { mode: 'pessimistic_write' },
  });
}

/**
 * Opens the incident of a key, or joins the one already open. Concurrent
 * triggers with one key make one incident: the partial unique index decides,
 * not a read. `heldBy` says what held the alert it opens for (none when it opens at once).
 */
export async function openOrJoinIncident(
  manager: EntityManager,
  alert: { serviceId: string; dedupKey: string; summary: string; severity?: EventSeverity | null },
  now: Date,
  heldBy: SuppressionReasonRecord[] = [],
): Promise<{ incident: Incident; opened: boolean }> {
  const inserted = await manager
    .createQueryBuilder()
    .insert()
    .into(Incident)
    .values({
      serviceId: alert.serviceId,
      dedupKey: alert.dedupKey,
      status: IncidentStatus.TRIGGERED,
      summary: alert.summary,
      severity: alert.severity ?? EventSeverity.CRITICAL,
      createdAt: now,
      heldBy,
    })
    .orIgnore()
    .returning('*')
    .execute();
  const row = (inserted.raw as { id: string }[])[0] as { id: string } | undefined;
  if (row) return { incident: await manager.findOneByOrFail(Incident, { id: row.id }), opened: true };
  return { incident: (await findOpenIncident(manager, alert.serviceId, alert.dedupKey))!, opened: false };
}
