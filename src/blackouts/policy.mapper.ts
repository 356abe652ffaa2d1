import { shownAs } from '../common/graphql/shown-as';
import type { BlackoutPolicy } from './blackout.entities';
import { BlackoutPolicyType } from './blackouts.types';

/** A policy as GraphQL shows it, with its row for the fields resolved from it (schedule, status, runs). */
export type PolicyRow = BlackoutPolicyType & { policy: BlackoutPolicy };

const SHOWN = [
  'id',
  'name',
  'description',
  'executionOrder',
  'selector',
  'enabled',
  'blackoutExistingEvents',
  'resetStatusOnBlackoutEnd',
  'createdAt',
  'updatedAt',
  'lastMatchedAt',
] as const;

export function toBlackoutPolicy(p: BlackoutPolicy): PolicyRow {
  return Object.assign(shownAs(BlackoutPolicyType, p, SHOWN, { owner: p.ownerName }), { policy: p });
}
