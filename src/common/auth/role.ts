import { registerEnumType } from '@nestjs/graphql';
import { namedValues, type NameOf } from '../named-values';

/**
 * CALENDAR: reads the calendar feed (`/calendar.ics`) and nothing else: the token a calendar app's URL holds.
 */
export const Role = namedValues('CALENDAR', 'VIEWER', 'EDITOR', 'ADMIN');
export type Role = NameOf<typeof Role>;

registerEnumType(Role, {
  name: 'Role',
  description: 'CALENDAR reads only the calendar feed; VIEWER reads; EDITOR also writes; ADMIN also manages tokens and users.',
});

const RANK: Record<Role, number> = { CALENDAR: -1, VIEWER: 0, EDITOR: 1, ADMIN: 2 };

export function roleAllows(held: Role, required: Role): boolean {
  return RANK[held] >= RANK[required];
}
