import { rowsById } from '../../common/loaders/rows-by-id';
import { lockOrNotFound } from '../../common/errors/lock-or-not-found';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { ChangeLogService, type AuditedKind } from '../../common/changelog/changelog.service';
import type { ChangeLogEntry } from '../../common/changelog/changelog-entry.entity';
import { Clock } from '../../common/clock/clock';
import { BadUserInputError, NotFoundError, type FieldProblem } from '../../common/errors/domain-error';
import { definedOnly } from '../../common/graphql/defined-only';
import { Provider } from '../entities/inventory.entities';
import { Outage } from '../entities/outage.entity';
import { resolve, type OutageTransition } from '../workflow/outage-workflow';
import { OutageStatus } from './outage-status';

export type OutageFields = Pick<
  Outage,
  'name' | 'summary' | 'providerId' | 'startsAt' | 'estimatedTimeToRepair' | 'internalTicket' | 'acknowledged' | 'comments'
>;

const OUTAGE_FIELDS = [
  'name',
  'summary',
  'providerId',
  'status',
  'startsAt',
  'estimatedTimeToRepair',
  'endsAt',
  'internalTicket',
  'acknowledged',
  'comments',
] as const;

export const OUTAGE_OBJECT_TYPE = 'Outage';

const OUTAGE: AuditedKind<Outage> = { objectType: OUTAGE_OBJECT_TYPE, fields: OUTAGE_FIELDS, status: (o) => o.status };

/**
 * Provider outages and their workflow. Every status change goes through the
 * workflow module; every write is one transaction with its changelog entry,
 * which carries the status after the change (the timeline) and is how the
 * suppression engine learns of it.
 */
@Injectable()
export class OutageService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changeLog: ChangeLogService,
    private readonly clock: Clock,
  ) {}

  readonly byId = () => rowsById(this.dataSource, Outage);

  /** The outage, or null when there is none (e.g. deleted since). */
  find(id: string): Promise<Outage | null> {
    return this.dataSource.getRepository(Outage).findOneBy({ id });
  }

  async get(id: string): Promise<Outage> {
    const o = await this.find(id);
    if (!o) throw new NotFoundError('Outage', id, 'id');
    return o;
  }

  /** A new outage is REPORTED and not yet acknowledged; it began now unless told when. */
  create(input: Omit<OutageFields, 'startsAt' | 'acknowledged'> & { startsAt?: Date | null }, actor: Actor): Promise<Outage> {
    return this.dataSource.transaction(async (manager) => {
      const fields = { ...input, startsAt: input.startsAt ?? this.clock.now() };
      const problems = this.timeProblems(fields);
      if (!(await manager.existsBy(Provider, { id: input.providerId })))
        problems.push({ path: 'input.providerId', message: `no provider ${input.providerId}` });
      if (problems.length) throw new BadUserInputError(problems);
      const saved = await manager.save(
        manager.create(Outage, { ...fields, status: OutageStatus.REPORTED, acknowledged: false, endsAt: null }),
      );
      await this.changeLog.recordDiff(manager, OUTAGE, saved.id, { before: null, after: saved, actor });
      return saved;
    });
  }

  /** Fields change freely (an ETR of null clears it); the status only through the quick actions. */
  update(id: string, input: Partial<Omit<OutageFields, 'providerId'>>, actor: Actor): Promise<Outage> {
    return this.dataSource.transaction(async (manager) => {
      const o = await this.locked(manager, id);
      const before = { ...o };
      Object.assign(o, definedOnly(input));
      const problems = this.timeProblems(o);
      if (problems.length) throw new BadUserInputError(problems);
      const saved = await manager.save(o);
      await this.changeLog.recordDiff(manager, OUTAGE, id, { before, after: saved, actor });
      return saved;
    });
  }

  delete(id: string, actor: Actor): Promise<Outage> {
    return this.dataSource.transaction(async (manager) => {
      const o = await this.locked(manager, id);
      await manager.delete(Outage, { id });
      await this.changeLog.recordDiff(manager, OUTAGE, id, { before: o, after: null, actor });
      return o;
    });
  }

  /** Idempotent: acknowledging an acknowledged outage records nothing. */
  acknowledge(id: string, actor: Actor): Promise<Outage> {
    return this.update(id, { acknowledged: true }, actor);
  }

  /** RESOLVED, ending at `endsAt` (now when omitted), which may not be before the start. */
  resolve(id: string, endsAt: Date | null, actor: Actor) {
    const end = endsAt ?? this.clock.now();
    return this.transition(id, resolve, actor, (o) => {
      if (end < o.startsAt) throw BadUserInputError.field('endsAt', 'must not be before startsAt');
      o.endsAt = end;
    });
  }

  timeline(id: string, limit: number): Promise<ChangeLogEntry[]> {
    return this.changeLog.forObject(OUTAGE_OBJECT_TYPE, id, limit);
  }

  async locked(manager: EntityManager, id: string): Promise<Outage> {
    const o = await lockOrNotFound(manager, Outage, id, 'Outage');
    return o;
  }

  /** A move of the workflow (investigate, identify…), with what else it changes: nothing is recorded when the status stays. */
  transition(
    id: string,
    action: (from: OutageStatus) => OutageTransition,
    actor: Actor,
    alsoChange?: (o: Outage) => void,
  ): Promise<Outage> {
    return this.dataSource.transaction(async (manager) => {
      const o = await this.locked(manager, id);
      const { to, changed } = action(o.status);
      if (!changed) return o;
      const before = { ...o };
      o.status = to;
      alsoChange?.(o);
      const saved = await manager.save(o);
      await this.changeLog.recordDiff(manager, OUTAGE, id, { before, after: saved, actor, action: 'TRANSITION' });
      return saved;
    });
  }

  private timeProblems(o: Pick<Outage, 'startsAt' | 'estimatedTimeToRepair'> & { endsAt?: Date | null }): FieldProblem[] {
    const problems: FieldProblem[] = [];
    if (o.estimatedTimeToRepair && o.estimatedTimeToRepair < o.startsAt)
      problems.push({ path: 'input.estimatedTimeToRepair', message: 'must not be before startsAt' });
    if (o.endsAt && o.endsAt < o.startsAt)
      problems.push({ path: 'input.startsAt', message: 'must not be after endsAt (when it was resolved)' });
    return problems;
  }
}
