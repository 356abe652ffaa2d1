import type { EntityManager } from 'typeorm';
import { BadUserInputError } from '../common/errors/domain-error';
import { toSelectorEvent } from '../common/suppression/event-input.type';
import { compileSelector } from '../selector';
import { BlackoutEvent } from './blackout.entities';

/** How many recent events a new selector is tried on, and how many must exist before the answer means anything. */
const SAMPLE = 1000;
const MIN_SAMPLE = 100;

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Refuses (BAD_USER_INPUT at `path`) a selector that would have matched more
 * than half of the last 1,000 stored events: such a selector is far more often
 * a slip (`host contains 'e'`, an `OR` for an `AND`) than a wish to black out
 * most of what arrives. `confirmBroad: true` saves it anyway.
 */
export async function refuseBroadSelector(manager: EntityManager, selector: string, path: string): Promise<void> {
  const events = await manager.find(BlackoutEvent, {
    select: {
      id: true,
      class: true,
      severity: true,
      message: true,
      host: true,
      objectId: true,
      identifier: true,
      serviceId: true,
      attributes: true,
    },
    order: { receivedAt: 'DESC', id: 'DESC' },
    take: SAMPLE,
  });
  if (events.length < MIN_SAMPLE) return;
  const matches = compileSelector(selector);
  const matched = events.filter((e) => matches(toSelectorEvent(e))).length;
  if (matched * 2 <= events.length) return;
  const share = Math.round((matched * 1000) / events.length) / 10;
  throw BadUserInputError.field(
    path,
    `would have matched ${count(matched)} of the last ${count(events.length)} events (${share} %); set confirmBroad: true to save it anyway`,
  );
}
