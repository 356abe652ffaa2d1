import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  /** Reads the calendar feed (`/calendar.ics`) and nothing else: the token a calendar app's URL holds. */
  CALENDAR = 'CALENDAR',
  VIEWER = 'VIEWER',
  EDITOR = 'EDITOR',
  ADMIN = 'ADMIN',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'CALENDAR reads only the calendar feed; VIEWER reads; EDITOR also writes; ADMIN also manages tokens and users.',
});

const RANK: Record<Role, number> = { CALENDAR: -1, VIEWER: 0, EDITOR: 1, ADMIN: 2 };

export function roleAllows(held: Role, required: Role): boolean {
  return RANK[held] >= RANK[required];
}
