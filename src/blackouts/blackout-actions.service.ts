import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { SYSTEM_ACTOR, type Actor } from '../common/auth/actor';
import { ChangeLogService } from '../common/changelog/changelog.service';
import { Clock } from '../common/clock/clock';
import type { Occurrence } from '../schedule';
import { BlackoutEvent, BlackoutPolicy, BlackoutTransition, EventStatus, PolicyRunKind } from './blackout.entities';
import type { CompiledPolicy } from './compiled-policy';
import { toSelectorEvent } from '../common/suppression/event-input.type';

/**
 * The start and end actions of a policy occurrence. Each (policy, occurrence,
 * START|END) runs once across all replicas: its row in `blackout_transition`
 * is inserted with ON CONFLICT DO NOTHING in the same transaction as its
 * effects, so only the replica that inserted it applies them, and a rollback
 * frees the claim.
 */
@Injectable()
export class BlackoutActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changeLog: ChangeLogService,
    private readonly clock: Clock,
  ) {}

  /** Runs one transition in its own transaction; false when another replica (or an earlier run) has it. */
  run(compiled: CompiledPolicy, occurrence: Occurrence, kind: PolicyRunKind, actor: Actor = SYSTEM_ACTOR): Promise<boolean> {
    return this.dataSource.transaction((manager) => this.runIn(manager, compiled, occurrence, kind, actor));
  }

  /** As `run`, inside the caller's transaction (used when disabling or deleting ends an occurrence now). */
  async runIn(
    manager: EntityManager,
    compiled: CompiledPolicy,
    occurrence: Occurrence,
    kind: PolicyRunKind,
    actor: Actor,
    dueAt?: Date,
  ): Promise<boolean> {
    const now = this.clock.now();
    const claimed = await manager
      .createQueryBuilder()
      .insert()
      .into(BlackoutTransition)
      .values({
        policyId: compiled.policy.id,
        occurrenceStart: occurrence.start,
        kind,
        dueAt: dueAt ?? (kind === PolicyRunKind.START ? occurrence.start : occurrence.end),
        ranAt: now,
        eventsChanged: 0,
      })
      .orIgnore()
      .returning('*')
      .execute();
    if (!(claimed.raw as unknown[]).length) return false;
    const changed =
      kind === PolicyRunKind.START
        ? await this.blackoutExisting(manager, compiled, now)
        : await this.release(manager, compiled.policy, occurrence, now);
    await manager.update(
      BlackoutTransition,
      { policyId: compiled.policy.id, occurrenceStart: occurrence.start, kind },
      { eventsChanged: changed },
    );
    await this.changeLog.record(manager, {
      objectType: 'BlackoutPolicy',
      objectId: compiled.policy.id,
      action: 'TRANSITION',
      actor,
      changes: {
        [kind === PolicyRunKind.START ? 'started' : 'ended']: {
          before: null,
          after: { start: occurrence.start.toISOString(), end: occurrence.end.toISOString(), eventsChanged: changed },
        },
      },
      status: kind === PolicyRunKind.START ? 'ACTIVE' : null,
    });
    return true;
  }

  /** START: every OPEN event the selector matches becomes BLACKOUT, remembering it was OPEN. */
  private async blackoutExisting(manager: EntityManager, compiled: CompiledPolicy, now: Date): Promise<number> {
    if (!compiled.policy.blackoutExistingEvents) return 0;
    const open = await manager.find(BlackoutEvent, { where: { status: EventStatus.OPEN } });
    const ids = open.filter((e) => compiled.matches(toSelectorEvent(e))).map((e) => e.id);
    if (!ids.length) return 0;
    await manager.update(
      BlackoutEvent,
      { id: In(ids), status: EventStatus.OPEN },
      {
        previousStatus: EventStatus.OPEN,
        status: EventStatus.BLACKOUT,
        blackedOutById: compiled.policy.id,
        blackedOutAt: now,
        releasedAt: null,
        releasedFromId: null,
        statusChangedAt: now,
      },
    );
    return ids.length;
  }

  /**
   * END: the events this policy blacked out before the occurrence's end that
   * are not closed are released — recorded on each (`releasedAt`,
   * `releasedFrom`) and, when the policy resets status, those still BLACKOUT
   * go back to their previous status. Returns how many were released.
   */
  private async release(manager: EntityManager, policy: BlackoutPolicy, occurrence: Occurrence, now: Date): Promise<number> {
    // Put back only what is still blacked out; what someone acknowledged meanwhile stays as they left it.
    const putBack = policy.resetStatusOnBlackoutEnd ? `status = 'BLACKOUT'` : 'false';
    const [, released] = await manager.query<[unknown[], number]>(
      `UPDATE event SET
         released_at = $2,
         released_from_id = $1,
         status = CASE WHEN ${putBack} THEN coalesce(previous_status, 'OPEN') ELSE status END,
         previous_status = CASE WHEN ${putBack} THEN 'BLACKOUT' ELSE previous_status END,
         blacked_out_by_id = CASE WHEN ${putBack} THEN NULL ELSE blacked_out_by_id END,
         status_changed_at = CASE WHEN ${putBack} THEN $2 ELSE status_changed_at END
       WHERE blacked_out_by_id = $1 AND status <> 'CLOSED' AND released_at IS NULL AND blacked_out_at < $3`,
      [policy.id, now, occurrence.end],
    );
    return released;
  }
}
