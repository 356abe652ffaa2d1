import fc from 'fast-check';
import { MaintenanceStatus } from '../../maintenance-status';
import { InvalidTransitionError } from '../invalid-transition-error';
import { refusal } from './refusal';
import {
  cancel,
  impactsFrozen,
  isFinal,
  markCompleted,
  markInProgress,
  replaced,
  setStatus,
  type Transition,
} from '../maintenance-workflow';

type Status = MaintenanceStatus;
/** A status: the action moves there; '=': allowed, nothing changes; 'x': refused with INVALID_TRANSITION. */
type Outcome = Status | '=' | 'x';

const STATUSES: Status[] = ['UNKNOWN', 'TENTATIVE', 'CONFIRMED', 'IN_PROCESS', 'COMPLETED', 'CANCELLED', 'RE_SCHEDULED'];

/** Written out by hand from the decisions in ../README.md, not derived from the implementation's table. */
const ACTION_OUTCOMES: Record<'markInProgress' | 'markCompleted' | 'cancel' | 'replaced', Record<Status, Outcome>> = {
  markInProgress: {
    UNKNOWN: 'IN_PROCESS',
    TENTATIVE: 'IN_PROCESS',
    CONFIRMED: 'IN_PROCESS',
    IN_PROCESS: '=',
    COMPLETED: 'x',
    CANCELLED: 'x',
    RE_SCHEDULED: 'x',
  },
  markCompleted: {
    UNKNOWN: 'COMPLETED',
    TENTATIVE: 'COMPLETED',
    CONFIRMED: 'COMPLETED',
    IN_PROCESS: 'COMPLETED',
    COMPLETED: '=',
    CANCELLED: 'x',
    RE_SCHEDULED: 'x',
  },
  cancel: {
    UNKNOWN: 'CANCELLED',
    TENTATIVE: 'CANCELLED',
    CONFIRMED: 'CANCELLED',
    IN_PROCESS: 'CANCELLED',
    COMPLETED: 'x',
    CANCELLED: 'x',
    RE_SCHEDULED: 'x',
  },
  replaced: {
    UNKNOWN: 'RE_SCHEDULED',
    TENTATIVE: 'RE_SCHEDULED',
    CONFIRMED: 'RE_SCHEDULED',
    IN_PROCESS: 'RE_SCHEDULED',
    COMPLETED: 'x',
    CANCELLED: 'x',
    RE_SCHEDULED: 'x',
  },
};
const ACTIONS: Record<keyof typeof ACTION_OUTCOMES, { to: Status; run: (from: MaintenanceStatus) => Transition }> = {
  markInProgress: { to: 'IN_PROCESS', run: markInProgress },
  markCompleted: { to: 'COMPLETED', run: markCompleted },
  cancel: { to: 'CANCELLED', run: cancel },
  replaced: { to: 'RE_SCHEDULED', run: replaced },
};

/** setStatus(row, column), by hand: every from × to pair. */
const SET_STATUS: Record<Status, Record<Status, Outcome>> = {
  UNKNOWN: {
    UNKNOWN: '=',
    TENTATIVE: 'TENTATIVE',
    CONFIRMED: 'CONFIRMED',
    IN_PROCESS: 'IN_PROCESS',
    COMPLETED: 'COMPLETED',
    CANCELLED: 'CANCELLED',
    RE_SCHEDULED: 'x',
  },
  TENTATIVE: {
    UNKNOWN: 'UNKNOWN',
    TENTATIVE: '=',
    CONFIRMED: 'CONFIRMED',
    IN_PROCESS: 'IN_PROCESS',
    COMPLETED: 'COMPLETED',
    CANCELLED: 'CANCELLED',
    RE_SCHEDULED: 'x',
  },
  CONFIRMED: {
    UNKNOWN: 'x',
    TENTATIVE: 'x',
    CONFIRMED: '=',
    IN_PROCESS: 'IN_PROCESS',
    COMPLETED: 'COMPLETED',
    CANCELLED: 'CANCELLED',
    RE_SCHEDULED: 'x',
  },
  IN_PROCESS: {
    UNKNOWN: 'x',
    TENTATIVE: 'x',
    CONFIRMED: 'x',
    IN_PROCESS: '=',
    COMPLETED: 'COMPLETED',
    CANCELLED: 'CANCELLED',
    RE_SCHEDULED: 'x',
  },
  COMPLETED: { UNKNOWN: 'x', TENTATIVE: 'x', CONFIRMED: 'x', IN_PROCESS: 'x', COMPLETED: '=', CANCELLED: 'x', RE_SCHEDULED: 'x' },
  CANCELLED: { UNKNOWN: 'x', TENTATIVE: 'x', CONFIRMED: 'x', IN_PROCESS: 'x', COMPLETED: 'x', CANCELLED: '=', RE_SCHEDULED: 'x' },
  RE_SCHEDULED: { UNKNOWN: 'x', TENTATIVE: 'x', CONFIRMED: 'x', IN_PROCESS: 'x', COMPLETED: 'x', CANCELLED: 'x', RE_SCHEDULED: '=' },
};

/** Whether each status is final, and whether its impacts are frozen. */
const FINALITY: Record<Status, { final: boolean; frozen: boolean }> = {
  UNKNOWN: { final: false, frozen: false },
  TENTATIVE: { final: false, frozen: false },
  CONFIRMED: { final: false, frozen: false },
  IN_PROCESS: { final: false, frozen: false },
  COMPLETED: { final: true, frozen: true },
  CANCELLED: { final: true, frozen: true },
  RE_SCHEDULED: { final: true, frozen: false },
};

/** Asserts one outcome, including the refusal's code, from, to and message when refused. */
function expectOutcome(run: () => Transition, from: Status, to: Status, expected: Outcome) {
  if (expected === 'x') {
    const error = refusal(run);
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.details).toEqual({ from, to });
    expect(error.message).toMatch(new RegExp(`^Cannot go from ${from} to ${to}\\b`));
  } else if (expected === '=') {
    expect(run()).toEqual({ to, changed: false });
  } else {
    expect(run()).toEqual({ to: expected, changed: true });
  }
}

describe('maintenance workflow', () => {
  it('covers every status in the hand-written tables', () => {
    expect([...STATUSES].sort()).toEqual(Object.values(MaintenanceStatus).sort());
  });

  describe.each(Object.keys(ACTIONS) as (keyof typeof ACTIONS)[])('%s', (name) => {
    it.each(STATUSES)(`from %s`, (from) => {
      const { to, run } = ACTIONS[name];
      expectOutcome(() => run(from), from, to, ACTION_OUTCOMES[name][from]);
    });
  });

  describe('setStatus', () => {
    it.each(STATUSES.flatMap((from) => STATUSES.map((to) => [from, to, SET_STATUS[from][to]] as const)))(
      '%s → %s: %s',
      (from, to, expected) => {
        expectOutcome(() => setStatus(from, to), from, to, expected);
      },
    );
  });

  it('says why it refuses', () => {
    expect(refusal(() => markInProgress(MaintenanceStatus.COMPLETED)).message).toBe(
      'Cannot go from COMPLETED to IN_PROCESS: COMPLETED is final',
    );
    expect(refusal(() => cancel(MaintenanceStatus.CANCELLED)).message).toBe('Cannot go from CANCELLED to CANCELLED: already CANCELLED');
    expect(refusal(() => setStatus(MaintenanceStatus.CONFIRMED, MaintenanceStatus.TENTATIVE)).message).toBe(
      'Cannot go from CONFIRMED to TENTATIVE',
    );
    expect(refusal(() => setStatus(MaintenanceStatus.CONFIRMED, MaintenanceStatus.RE_SCHEDULED)).message).toBe(
      'Cannot go from CONFIRMED to RE_SCHEDULED: RE_SCHEDULED is set only when a replacement maintenance is created',
    );
  });

  it('is a DomainError the GraphQL formatter understands', () => {
    const error = refusal(() => replaced(MaintenanceStatus.COMPLETED));
    expect(error).toMatchObject({ name: 'InvalidTransitionError', code: 'INVALID_TRANSITION', from: 'COMPLETED', to: 'RE_SCHEDULED' });
  });

  it.each(STATUSES.map((status) => ({ status, ...FINALITY[status] })))(
    '$status: final $final, impacts frozen $frozen',
    ({ status, final, frozen }) => {
      expect(isFinal(status)).toBe(final);
      expect(impactsFrozen(status)).toBe(frozen);
    },
  );

  it('never leaves a final status, and reaches RE_SCHEDULED only by replacement, whatever happens', () => {
    const step = fc.oneof(
      fc.constantFrom(...Object.values(ACTIONS).map((a) => ({ replaces: a.run === replaced, run: a.run }))),
      fc.constantFrom(...STATUSES).map((to) => ({ replaces: false, run: (from: MaintenanceStatus) => setStatus(from, to) })),
    );
    fc.assert(
      fc.property(fc.constantFrom(...STATUSES), fc.array(step, { maxLength: 12 }), (start, steps) => {
        let status = start;
        for (const { replaces, run } of steps) {
          let next = status;
          try {
            next = run(status).to;
          } catch (error) {
            if (!(error instanceof InvalidTransitionError)) throw error;
          }
          if (isFinal(status)) expect(next).toBe(status);
          if (next === MaintenanceStatus.RE_SCHEDULED && status !== next) expect(replaces).toBe(true);
          status = next;
        }
      }),
    );
  });
});
