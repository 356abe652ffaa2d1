/** Where a fixed window stands relative to an instant; half-open, so a window ending at `now` is past. */
export enum WindowState {
  PAST = 'PAST',
  ONGOING = 'ONGOING',
  FUTURE = 'FUTURE',
}

export function windowState(window: { startsAt: Date; endsAt: Date }, now: Date): WindowState {
  if (window.endsAt.getTime() <= now.getTime()) return WindowState.PAST;
  if (window.startsAt.getTime() <= now.getTime()) return WindowState.ONGOING;
  return WindowState.FUTURE;
}
