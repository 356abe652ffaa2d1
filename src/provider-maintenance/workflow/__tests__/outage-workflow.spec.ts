import { OutageStatus } from '../../outages/outage-status';
import { refusal } from './refusal';
import type { Transition } from '../move';
import { OUTAGE_TRANSITIONS } from '../outage-transition-table';
import { identify, investigate, monitor, outageImpactsFrozen, resolve } from '../outage-workflow';

type Status = `${OutageStatus}`;
/** A status: the action moves there; '=': allowed, nothing changes; 'x': refused with INVALID_TRANSITION. */
type Outcome = Status | '=' | 'x';

const STATUSES: Status[] = ['REPORTED', 'INVESTIGATING', 'IDENTIFIED', 'MONITORING', 'RESOLVED'];

/** Every from × to pair of the graph, written out by hand from the decisions in ../README.md. */
const ALLOWED: Record<Status, Record<Status, boolean>> = {
  REPORTED: { REPORTED: false, INVESTIGATING: true, IDENTIFIED: true, MONITORING: true, RESOLVED: true },
  INVESTIGATING: { REPORTED: false, INVESTIGATING: false, IDENTIFIED: true, MONITORING: true, RESOLVED: true },
  IDENTIFIED: { REPORTED: false, INVESTIGATING: false, IDENTIFIED: false, MONITORING: true, RESOLVED: true },
  MONITORING: { REPORTED: false, INVESTIGATING: true, IDENTIFIED: false, MONITORING: false, RESOLVED: true },
  RESOLVED: { REPORTED: false, INVESTIGATING: false, IDENTIFIED: false, MONITORING: false, RESOLVED: false },
};

/** Each quick action from each status, by hand. */
const ACTION_OUTCOMES: Record<'investigate' | 'identify' | 'monitor' | 'resolve', Record<Status, Outcome>> = {
  investigate: { REPORTED: 'INVESTIGATING', INVESTIGATING: '=', IDENTIFIED: 'x', MONITORING: 'INVESTIGATING', RESOLVED: 'x' },
  identify: { REPORTED: 'IDENTIFIED', INVESTIGATING: 'IDENTIFIED', IDENTIFIED: '=', MONITORING: 'x', RESOLVED: 'x' },
  monitor: { REPORTED: 'MONITORING', INVESTIGATING: 'MONITORING', IDENTIFIED: 'MONITORING', MONITORING: '=', RESOLVED: 'x' },
  resolve: { REPORTED: 'RESOLVED', INVESTIGATING: 'RESOLVED', IDENTIFIED: 'RESOLVED', MONITORING: 'RESOLVED', RESOLVED: 'x' },
};
const ACTIONS: Record<keyof typeof ACTION_OUTCOMES, { to: Status; run: (from: OutageStatus) => Transition<OutageStatus> }> = {
  investigate: { to: 'INVESTIGATING', run: investigate },
  identify: { to: 'IDENTIFIED', run: identify },
  monitor: { to: 'MONITORING', run: monitor },
  resolve: { to: 'RESOLVED', run: resolve },
};

describe('outage workflow', () => {
  it('covers every status in the hand-written tables', () => {
    expect([...STATUSES].sort()).toEqual(Object.values(OutageStatus).sort());
  });

  it.each(STATUSES.flatMap((from) => STATUSES.map((to) => [from, to] as const)))('the graph from %s to %s', (from, to) => {
    expect(OUTAGE_TRANSITIONS[from].includes(to)).toBe(ALLOWED[from][to]);
  });

  it.each((Object.keys(ACTIONS) as (keyof typeof ACTIONS)[]).flatMap((action) => STATUSES.map((from) => [action, from] as const)))(
    '%s from %s',
    (action, from) => {
      const { to, run } = ACTIONS[action];
      const expected = ACTION_OUTCOMES[action][from];
      if (expected === 'x') {
        const error = refusal(() => run(from));
        expect(error.code).toBe('INVALID_TRANSITION');
        expect(error.details).toEqual({ from, to });
        expect(error.message).toMatch(new RegExp(`^Cannot go from ${from} to ${to}\\b`));
      } else if (expected === '=') {
        expect(run(from)).toEqual({ to, changed: false });
      } else {
        expect(run(from)).toEqual({ to: expected, changed: true });
      }
    },
  );

  it('says why a resolved outage cannot move', () => {
    expect(refusal(() => investigate(OutageStatus.RESOLVED)).message).toBe('Cannot go from RESOLVED to INVESTIGATING: RESOLVED is final');
    expect(refusal(() => resolve(OutageStatus.RESOLVED)).message).toBe('Cannot go from RESOLVED to RESOLVED: already RESOLVED');
  });

  it('freezes impacts only once resolved', () => {
    expect(STATUSES.filter((s) => outageImpactsFrozen(s))).toEqual(['RESOLVED']);
  });
});
