/** Where a fixed window stands relative to an instant; half-open, so a window ending at `now` is past. */
export type WindowState = 'PAST' | 'ONGOING' | 'FUTURE';

export function windowState(window: { startsAt: Date; endsAt: Date }, now: Date): WindowState {
  if (window.endsAt.getTime() <= now.getTime()) return 'PAST';
  if (window.startsAt.getTime() <= now.getTime()) return 'ONGOING';
  return 'FUTURE';
}
