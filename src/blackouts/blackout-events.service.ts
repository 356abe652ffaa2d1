import { rowsById } from '../common/loaders/rows-by-id';
import { containsPattern } from '../common/search/contains-pattern';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, In, Not } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { BulkResult } from '../common/bulk-result';
import { Clock } from '../common/clock/clock';
import { BadUserInputError } from '../common/errors/domain-error';
import type { Connection } from '../common/pagination/connection';
import { byTime, keysetPage } from '../common/pagination/keyset';
import type { PageArgs } from '../common/pagination/page-args';
import { BlackoutEvent, BlackoutPolicy, EventStatus } from './blackout.entities';
import { SuppressionSource } from '../common/graphql/suppression-reason.type';
import { toSelectorEvent } from '../common/suppression/event-input.type';
import { Effect } from '../common/suppression/suppression.model';
import { SuppressionPort } from '../common/suppression/suppression.port';
import type { SelectorEvent } from '../selector';

export const MAX_INGEST = 1000;

/** An incoming event: the fields a selector sees. */
export type BlackoutEventInput = SelectorEvent;

/** The event store the blackout policies act on. */
@Injectable()
export class BlackoutEventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly suppression: SuppressionPort,
    private readonly clock: Clock,
  ) {}

  readonly policyById = () => rowsById(this.dataSource, BlackoutPolicy);

  /**
   * Stores up to 1,000 events in one statement, each BLACKOUT when the
   * suppression engine says a policy blacks it out now (by the one that
   * applies: lowest execution order, then the oldest), else OPEN.
   */
  async ingest(events: BlackoutEventInput[]): Promise<BlackoutEvent[]> {
    if (events.length > MAX_INGEST) throw BadUserInputError.field('events', `at most ${MAX_INGEST} events per call`);
    if (events.length === 0) return [];
    const now = this.clock.now();
    const decisions = this.suppression.decide(
      events.map((e) => ({ event: toSelectorEvent(e) })),
      now,
    );
    const rows = events.map((e, i) => {
      const { effects, reasons } = decisions[i];
      const hit = effects.includes(Effect.BLACKOUT) ? reasons.find((r) => r.source === SuppressionSource.BLACKOUT_POLICY)! : null;
      return this.dataSource.getRepository(BlackoutEvent).create({
        ...toSelectorEvent(e),
        status: hit ? EventStatus.BLACKOUT : EventStatus.OPEN,
        // What it would have been without the blackout, to go back to when the blackout ends.
        previousStatus: hit ? EventStatus.OPEN : null,
        blackedOutById: hit?.id ?? null,
        blackedOutAt: hit ? now : null,
        receivedAt: now,
        statusChangedAt: now,
      });
    });
    const matched = [...new Set(rows.flatMap((r) => (r.blackedOutById ? [r.blackedOutById] : [])))];
    await this.dataSource.transaction(async (manager) => {
      // One INSERT for the batch; TypeORM writes the generated ids back into `rows`.
      await manager.getRepository(BlackoutEvent).insert(rows as QueryDeepPartialEntity<BlackoutEvent>[]);
      // Plain SQL, so updated_at stays: being used is no change to the policy, and the policy caches key on updated_at.
      if (matched.length)
        await manager.query(
          `UPDATE blackout_policy SET last_matched_at = $1 WHERE id = ANY($2::uuid[]) AND (last_matched_at IS NULL OR last_matched_at < $1)`,
          [now, matched],
        );
    });
    return rows;
  }

  /** The attribute keys the most recent 10,000 events carried: what selectors can expect to find. */
  async attributeKeys(): Promise<Set<string>> {
    const rows = await this.dataSource.query<{ key: string }[]>(
      `SELECT DISTINCT jsonb_object_keys(attributes) AS key
       FROM (SELECT attributes FROM event WHERE jsonb_typeof(attributes) = 'object' ORDER BY received_at DESC LIMIT 10000) AS recent`,
    );
    return new Set(rows.map((r) => r.key));
  }

  list(
    filter: { ids?: string[]; status?: EventStatus[]; policyId?: string; text?: string },
    page: PageArgs,
  ): Promise<Connection<BlackoutEvent>> {
    const q = this.dataSource.getRepository(BlackoutEvent).createQueryBuilder('e');
    if (filter.ids?.length) q.andWhere('e.id IN (:...ids)', { ids: filter.ids });
    if (filter.status?.length) q.andWhere('e.status IN (:...status)', { status: filter.status });
    if (filter.policyId) q.andWhere('e.blacked_out_by_id = :policyId', { policyId: filter.policyId });
    if (filter.text) {
      const like = containsPattern(filter.text);
      q.andWhere('(e.message ILIKE :like OR e.host ILIKE :like OR e.object_id ILIKE :like OR e.class ILIKE :like)', { like });
    }
    return keysetPage(
      q,
      page,
      byTime('e.received_at', 'e.id', (e) => e.receivedAt, 'DESC'),
    );
  }

  /** OPEN or BLACKOUT events become ACKNOWLEDGED. */
  acknowledge(ids: string[]): Promise<BulkResult> {
    return this.setStatus(ids, EventStatus.ACKNOWLEDGED, [EventStatus.OPEN, EventStatus.BLACKOUT]);
  }

  /** Any event not yet CLOSED becomes CLOSED. */
  close(ids: string[]): Promise<BulkResult> {
    return this.setStatus(ids, EventStatus.CLOSED, [EventStatus.OPEN, EventStatus.BLACKOUT, EventStatus.ACKNOWLEDGED]);
  }

  private async setStatus(ids: string[], to: EventStatus, from: EventStatus[]): Promise<BulkResult> {
    const result = new BulkResult();
    const wellFormed = [...new Set(ids)].filter((id) => {
      if (isUUID(id)) return true;
      result.failed.push({ id, code: 'BAD_USER_INPUT', message: 'not a UUID' });
      return false;
    });
    if (!wellFormed.length) return result;
    await this.dataSource.transaction(async (manager) => {
      const found = await manager.find(BlackoutEvent, { where: { id: In(wellFormed) }, lock: { mode: 'pessimistic_write' } });
      const byId = new Map(found.map((e) => [e.id, e]));
      const now = this.clock.now();
      for (const id of wellFormed) {
        const event = byId.get(id);
        if (!event) result.failed.push({ id, code: 'NOT_FOUND', message: `no event ${id}` });
        else if (!from.includes(event.status)) result.failed.push({ id, code: 'CONFLICT', message: `the event is ${event.status}` });
        else result.succeeded.push(id);
      }
      if (result.succeeded.length) {
        await manager
          .createQueryBuilder()
          .update(BlackoutEvent)
          .set({ previousStatus: () => 'status', status: to, statusChangedAt: now })
          .where({ id: In(result.succeeded), status: Not(to) })
          .execute();
      }
    });
    return result;
  }
}
