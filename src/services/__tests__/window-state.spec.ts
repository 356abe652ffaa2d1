import { windowState } from '../window-state';

describe('windowState', () => {
  const w = { startsAt: new Date('2026-03-29T01:00:00Z'), endsAt: new Date('2026-03-29T03:00:00Z') };

  it('is FUTURE before the start', () => {
    expect(windowState(w, new Date('2026-03-29T00:59:59.999Z'))).toBe('FUTURE');
  });
  it('is ONGOING from the start, inclusive', () => {
    expect(windowState(w, w.startsAt)).toBe('ONGOING');
    expect(windowState(w, new Date('2026-03-29T02:59:59.999Z'))).toBe('ONGOING');
  });
  it('is PAST from the end, exclusive: windows are half-open', () => {
    expect(windowState(w, w.endsAt)).toBe('PAST');
  });
});
