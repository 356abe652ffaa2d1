import { findOrNotFound, lockOrNotFound } from '../common/errors/lock-or-not-found';
import { PeriodStatus } from './period-status';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { ChangeLogService, type AuditedKind } from '../common/changelog/changelog.service';
import { Clock } from '../common/clock/clock';
import { BadUserInputError, NotFoundError } from '../common/errors/domain-error';
import { groupByKeys } from '../common/loaders/loader-registry';
import { firstOccurrenceStart, lastOccurrenceEnd, nextOccurrences, occurrenceAt, type Occurrence, type Schedule } from '../schedule';
import { checkedSchedule } from '../schedule-graphql/checked-schedule';
import { CompiledSchedules } from './compiled-schedules';
import { MaintenancePeriod, PeriodMaintenanceType, Monitor, MonitorGroup, MonitorGroupMember } from './monitor.entities';

export interface PeriodInput {
  name: string;
  description: string;
  schedule: Schedule;
  maintenanceType: PeriodMaintenanceType;
}

const PERIOD: AuditedKind<MaintenancePeriod> = {
  objectType: 'MaintenancePeriod',
  fields: ['monitorId', 'name', 'description', 'maintenanceType', 'schedule', 'groupId'],
};

@Injectable()
export class MaintenancePeriodsService {
  private readonly compiled = new CompiledSchedules();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changeLog: ChangeLogService,
    private readonly clock: Clock,
  ) {}

  readonly ofMonitor = () =>
    new DataLoader<string, MaintenancePeriod[]>(async (ids) =>
      groupByKeys(
        ids,
        await this.dataSource
          .getRepository(MaintenancePeriod)
          .find({ where: { monitorId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } }),
        (p) => p.monitorId,
      ),
    );

  /** Monitor states at one instant (the loader's param, ISO-8601). */
  get(id: string): Promise<MaintenancePeriod> {
    return findOrNotFound(this.dataSource, MaintenancePeriod, id, 'MaintenancePeriod');
  }

  create(monitorId: string, input: PeriodInput, actor: Actor): Promise<MaintenancePeriod> {
    const bounds = this.bounds(input.schedule);
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(Monitor, { id: monitorId }))) throw new NotFoundError('Monitor', monitorId, 'monitorId');
      return this.insert(manager, { monitorId, groupId: null, ...input, ...bounds }, actor);
    });
  }

  /** `edit` may be a function of the period as it is, read under the row lock (so a change built on it loses no concurrent one). */
  update(
    id: string,
    edit: Partial<PeriodInput> | ((period: MaintenancePeriod) => Partial<PeriodInput>),
    actor: Actor,
  ): Promise<MaintenancePeriod> {
    return this.dataSource.transaction(async (manager) => {
      const period = await lockOrNotFound(manager, MaintenancePeriod, id, 'MaintenancePeriod');
      const input = typeof edit === 'function' ? edit(period) : edit;
      const bounds = input.schedule ? this.bounds(input.schedule) : {};
      const before = { ...period };
      // A field left out, or given as null, stays as it is.
      const given = Object.entries({ name: input.name, description: input.description, maintenanceType: input.maintenanceType });
      Object.assign(
        period,
        Object.fromEntries(given.filter(([, v]) => v != null)),
        input.schedule ? { schedule: input.schedule, ...bounds } : {},
      );
      const saved = await manager.save(period);
      await this.changeLog.recordDiff(manager, PERIOD, id, { before, after: saved, actor });
      return saved;
    });
  }

  delete(id: string, actor: Actor): Promise<MaintenancePeriod> {
    return this.dataSource.transaction(async (manager) => {
      const period = await lockOrNotFound(manager, MaintenancePeriod, id, 'MaintenancePeriod');
      await manager.delete(MaintenancePeriod, { id });
      await this.changeLog.recordDiff(manager, PERIOD, id, { before: period, after: null, actor });
      return period;
    });
  }

  /** Deletes the monitor's ONE_TIME periods that started before `before`; recurring ones stay. Returns how many went. */
  cleanup(monitorId: string, before: Date, actor: Actor): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(Monitor, { id: monitorId }))) throw new NotFoundError('Monitor', monitorId, 'monitorId');
      const old = await manager
        .getRepository(MaintenancePeriod)
        .createQueryBuilder('p')
        .where('p.monitor_id = :monitorId', { monitorId })
        .andWhere(`p.schedule->>'recurrence' = 'ONE_TIME'`)
        .andWhere('p.first_start < :before', { before })
        .setLock('pessimistic_write')
        .getMany();
      for (const period of old) {
        await manager.delete(MaintenancePeriod, { id: period.id });
        await this.changeLog.recordDiff(manager, PERIOD, period.id, { before: period, after: null, actor });
      }
      return old.length;
    });
  }

  /** One period per current member, all or none; each remembers the group. */
  addToGroup(groupId: string, input: PeriodInput, actor: Actor): Promise<MaintenancePeriod[]> {
    const bounds = this.bounds(input.schedule);
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(MonitorGroup, { id: groupId }))) throw new NotFoundError('MonitorGroup', groupId, 'groupId');
      const members = await manager.find(MonitorGroupMember, { where: { groupId }, order: { monitorId: 'ASC' } });
      if (members.length === 0) throw BadUserInputError.field('groupId', 'the group has no monitors');
      const created: MaintenancePeriod[] = [];
      for (const { monitorId } of members) created.push(await this.insert(manager, { monitorId, groupId, ...input, ...bounds }, actor));
      return created;
    });
  }

  status(period: MaintenancePeriod, now = this.clock.now()): PeriodStatus {
    const schedule = this.compiled.get(period);
    if (occurrenceAt(schedule, now)) return PeriodStatus.ACTIVE;
    return nextOccurrences(schedule, now, 1).length ? PeriodStatus.SCHEDULED : PeriodStatus.EXPIRED;
  }

  nextOccurrences(period: MaintenancePeriod, limit: number, from = this.clock.now()): Occurrence[] {
    return nextOccurrences(this.compiled.get(period), from, limit);
  }

  /**
   * Each monitor's state at `at`: one indexed query for the periods whose
   * span covers `at`, then the engine's `occurrenceAt` on those only.
   * DISABLE_MONITORING turns notifications off too.
   */
  /** Validates (BAD_USER_INPUT under `input.schedule`) and computes the indexed bounds once. */
  private bounds(schedule: Schedule) {
    const compiled = checkedSchedule(schedule, 'input.schedule');
    return { firstStart: firstOccurrenceStart(compiled), lastEnd: lastOccurrenceEnd(compiled) };
  }

  private async insert(
    manager: EntityManager,
    row: Omit<MaintenancePeriod, 'id' | 'createdAt' | 'updatedAt' | 'monitor' | 'group'>,
    actor: Actor,
  ) {
    const saved = await manager.save(manager.create(MaintenancePeriod, row));
    await this.changeLog.recordDiff(manager, PERIOD, saved.id, { before: null, after: saved, actor });
    return saved;
  }
}
