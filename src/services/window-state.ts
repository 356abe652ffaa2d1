import { namedValues, type NameOf } from '../common/named-values';
/** Where a fixed window stands relative to an instant; half-open, so a window ending at `now` is past. */
export const WindowState = namedValues('PAST', 'ONGOING', 'FUTURE');
export type WindowState = NameOf<typeof WindowState>;

export function windowState(window: { startsAt: Date; endsAt: Date }, now: Date): WindowState {
  if (window.endsAt.getTime() <= now.getTime()) return WindowState.PAST;
  if (window.startsAt.getTime() <= now.getTime()) return WindowState.ONGOING;
  return WindowState.FUTURE;
}
