import type { BlackoutPolicy } from './blackout.entities';
import { BlackoutPolicyType } from './blackouts.types';

/** A policy as GraphQL shows it, with its row for the fields resolved from it (schedule, status, runs). */
export type PolicyRow = BlackoutPolicyType & { policy: BlackoutPolicy };

export function toBlackoutPolicy(p: BlackoutPolicy): PolicyRow {
  const {
    id,
    name,
    description,
    executionOrder,
    selector,
    enabled,
    blackoutExistingEvents,
    resetStatusOnBlackoutEnd,
    createdAt,
    updatedAt,
    lastMatchedAt,
  } = p;
  return Object.assign(new BlackoutPolicyType(), {
    id,
    name,
    description,
    executionOrder,
    selector,
    enabled,
    blackoutExistingEvents,
    resetStatusOnBlackoutEnd,
    createdAt,
    updatedAt,
    lastMatchedAt,
    owner: p.ownerName,
    policy: p,
  });
}
