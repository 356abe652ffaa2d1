import { findOrNotFound, lockOrNotFound } from '../common/errors/lock-or-not-found';
import { DeletionOutcome } from './deletion-outcome';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { ChangeLogService, type AuditedKind } from '../common/changelog/changelog.service';
import { Clock } from '../common/clock/clock';
import { BadUserInputError, ConflictError, type FieldProblem } from '../common/errors/domain-error';
import { groupByKeys } from '../common/loaders/loader-registry';
import type { Connection } from '../common/pagination/connection';
import { byTime, keysetPage } from '../common/pagination/keyset';
import type { PageArgs } from '../common/pagination/page-args';
import { windowLengthProblems } from '../common/window-length';
import { HushConfig } from '../config/config';
import { MaintenanceWindow, MaintenanceWindowService } from './entities/maintenance-window.entity';
import { Service } from './entities/service.entity';
import { User } from './entities/user.entity';
import { windowState, WindowState } from './window-state';

export interface WindowInput {
  startsAt: Date;
  endsAt: Date;
  description: string;
  serviceIds: string[];
  requesterId?: string | null;
}

export interface WindowFilter {
  serviceIds?: string[];
  state?: WindowState;
  from?: Date;
  to?: Date;
}

/** A window with the ids of its services, as the changelog and callers see it. */
export type WindowWithServices = MaintenanceWindow & { serviceIds: string[] };

const WINDOW: AuditedKind<MaintenanceWindow & { serviceIds: string[] }> = {
  objectType: 'MaintenanceWindow',
  fields: ['startsAt', 'endsAt', 'description', 'serviceIds', 'requesterId'],
};
const RANGE = `tstzrange(w.starts_at, w.ends_at, '[)')`;

@Injectable()
export class MaintenanceWindowsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changeLog: ChangeLogService,
    private readonly clock: Clock,
    @Inject(HushConfig) private readonly config: HushConfig,
  ) {}

  readonly serviceIdsByWindow = () =>
    new DataLoader<string, string[]>(async (ids) => {
      const links = await this.dataSource
        .getRepository(MaintenanceWindowService)
        .find({ where: { windowId: In([...ids]) }, order: { serviceId: 'ASC' } });
      return groupByKeys(ids, links, (l) => l.windowId).map((group) => group.map((l) => l.serviceId));
    });

  /** Windows of each service, all or in one state (the loader's param). */
  readonly windowsByService = (state?: string) =>
    new DataLoader<string, MaintenanceWindow[]>(async (serviceIds) => {
      const byService = await this.windowsOfServices(serviceIds, (q) => (state ? this.whereState(q, state as WindowState) : q));
      return serviceIds.map((id) => byService.get(id) ?? []);
    });

  /** Active windows per service at an instant (the loader's param, ISO-8601). */
  readonly activeWindowsAt = (at?: string) =>
    new DataLoader<string, MaintenanceWindow[]>(async (ids) => {
      const active = await this.activeWindows(ids, new Date(at!));
      return ids.map((id) => active.get(id) ?? []);
    });

  /**
   * Services in maintenance at `at`: each id maps to the windows active then
   * (none: not in maintenance). Inside a transaction, pass its manager.
   */
  activeWindows(
    serviceIds: readonly string[],
    at: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, MaintenanceWindow[]>> {
    return this.windowsOfServices(serviceIds, (q) => q.andWhere(`${RANGE} @> CAST(:at AS timestamptz)`, { at }), manager);
  }

  /** Windows of each service that pass `where`, by start: two queries whatever the number of services. */
  private async windowsOfServices(
    serviceIds: readonly string[],
    where: (q: SelectQueryBuilder<MaintenanceWindow>) => unknown,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, MaintenanceWindow[]>> {
    const result = new Map<string, MaintenanceWindow[]>(serviceIds.map((id) => [id, []]));
    if (serviceIds.length === 0) return result;
    const ids = [...serviceIds];
    const query = manager
      .getRepository(MaintenanceWindow)
      .createQueryBuilder('w')
      .where('EXISTS (SELECT 1 FROM maintenance_window_service ws WHERE ws.window_id = w.id AND ws.service_id IN (:...ids))', { ids })
      .orderBy('w.starts_at')
      .addOrderBy('w.id');
    where(query);
    const windows = await query.getMany();
    if (windows.length === 0) return result;
    const links = await manager
      .getRepository(MaintenanceWindowService)
      .find({ where: { windowId: In(windows.map((w) => w.id)), serviceId: In(ids) } });
    const servicesOf = groupByKeys(
      windows.map((w) => w.id),
      links,
      (l) => l.windowId,
    );
    windows.forEach((w, i) => servicesOf[i].forEach((l) => result.get(l.serviceId)!.push(w)));
    return result;
  }

  get(id: string): Promise<MaintenanceWindow> {
    return findOrNotFound(this.dataSource, MaintenanceWindow, id, 'MaintenanceWindow');
  }

  state(window: Pick<MaintenanceWindow, 'startsAt' | 'endsAt'>): WindowState {
    return windowState(window, this.clock.now());
  }

  list(filter: WindowFilter, page: PageArgs): Promise<Connection<MaintenanceWindow>> {
    const query = this.dataSource.getRepository(MaintenanceWindow).createQueryBuilder('w');
    if (filter.serviceIds?.length) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM maintenance_window_service ws WHERE ws.window_id = w.id AND ws.service_id IN (:...serviceIds))',
        { serviceIds: filter.serviceIds },
      );
    }
    if (filter.state) this.whereState(query, filter.state);
    if (filter.from || filter.to) {
      if (!filter.from || !filter.to) throw BadUserInputError.field(filter.from ? 'filter.to' : 'filter.from', 'from and to go together');
      if (filter.to <= filter.from) throw BadUserInputError.field('filter.to', 'must be after from');
      // Answered by the GiST index on the same expression.
      query.andWhere(`${RANGE} && tstzrange(CAST(:from AS timestamptz), CAST(:to AS timestamptz), '[)')`, {
        from: filter.from,
        to: filter.to,
      });
    }
    return keysetPage(
      query,
      page,
      byTime('w.starts_at', 'w.id', (w) => w.startsAt),
    );
  }

  create(input: WindowInput, actor: Actor): Promise<MaintenanceWindow> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const problems = this.rangeProblems(input.startsAt, input.endsAt);
      if (!problems.length && input.endsAt <= now) problems.push({ path: 'input.endsAt', message: 'must be in the future' });
      problems.push(...(await this.referenceProblems(manager, input.serviceIds, input.requesterId)));
      if (problems.length) throw new BadUserInputError(problems);

      const window = await manager.save(
        manager.create(MaintenanceWindow, {
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          description: input.description,
          requesterId: input.requesterId ?? null,
          createdByTokenId: actor.tokenId,
          createdByName: actor.name,
        }),
      );
      await this.linkServices(manager, window.id, input.serviceIds);
      const after = { ...window, serviceIds: unique(input.serviceIds) };
      await this.changeLog.recordDiff(manager, WINDOW, window.id, { before: null, after, actor });
      return window;
    });
  }

  /**
   * A past window cannot change. An ongoing one keeps its start and may end
   * at any time not before now. Given service ids replace the services.
   */
  update(id: string, input: Partial<WindowInput>, actor: Actor): Promise<MaintenanceWindow> {
    return this.dataSource.transaction(async (manager) => {
      const window = await this.lockedWithServices(manager, id);
      const now = this.clock.now();
      const state = windowState(window, now);
      if (state === WindowState.PAST) throw new ConflictError(`Maintenance window ${id} is over and cannot change`, { state });
      if (state === WindowState.ONGOING && input.startsAt && input.startsAt.getTime() !== window.startsAt.getTime()) {
        throw new ConflictError(`Maintenance window ${id} has started: its start cannot move`, { state, path: 'input.startsAt' });
      }
      const startsAt = input.startsAt ?? window.startsAt;
      const endsAt = input.endsAt ?? window.endsAt;
      // A window kept as it was is not measured again: only a move is held to today's limit.
      const moved = input.startsAt !== undefined || input.endsAt !== undefined;
      const problems = moved ? this.rangeProblems(startsAt, endsAt) : [];
      if (input.endsAt && input.endsAt < now) problems.push({ path: 'input.endsAt', message: 'must not be in the past' });
      if (input.serviceIds) problems.push(...(await this.referenceProblems(manager, input.serviceIds, undefined)));
      if (input.requesterId) problems.push(...(await this.referenceProblems(manager, [], input.requesterId)));
      if (problems.length) throw new BadUserInputError(problems);

      const before = { ...window };
      Object.assign(window, {
        startsAt,
        endsAt,
        description: input.description ?? window.description,
        requesterId: input.requesterId === undefined ? window.requesterId : input.requesterId,
      });
      if (input.serviceIds) {
        await manager.delete(MaintenanceWindowService, { windowId: id });
        await this.linkServices(manager, id, input.serviceIds);
        window.serviceIds = unique(input.serviceIds).sort();
      }
      const { serviceIds: _ids, ...columns } = window;
      const saved = await manager.save(MaintenanceWindow, columns);
      await this.changeLog.recordDiff(manager, WINDOW, id, { before, after: window, actor });
      return saved;
    });
  }

  /** Future: deleted. Ongoing: ends now. Past: refused, it is history. */
  delete(id: string, actor: Actor): Promise<{ outcome: DeletionOutcome; window: MaintenanceWindow }> {
    return this.dataSource.transaction(async (manager) => {
      const window = await this.lockedWithServices(manager, id);
      const now = this.clock.now();
      const state = windowState(window, now);
      if (state === WindowState.PAST) throw new ConflictError(`Maintenance window ${id} is over and cannot be deleted`, { state });
      if (state === WindowState.FUTURE) {
        await manager.delete(MaintenanceWindow, { id });
        await this.changeLog.recordDiff(manager, WINDOW, id, { before: window, after: null, actor });
        return { outcome: DeletionOutcome.DELETED, window };
      }
      const before = { ...window };
      window.endsAt = now;
      const { serviceIds: _ids, ...columns } = window;
      // A window that started this very instant would become empty: it is deleted instead.
      if (window.endsAt.getTime() <= window.startsAt.getTime()) {
        await manager.delete(MaintenanceWindow, { id });
        await this.changeLog.recordDiff(manager, WINDOW, id, { before, after: null, actor });
        return { outcome: DeletionOutcome.DELETED, window: before };
      }
      const saved = await manager.save(MaintenanceWindow, columns);
      await this.changeLog.recordDiff(manager, WINDOW, id, { before, after: window, actor });
      return { outcome: DeletionOutcome.ENDED, window: saved };
    });
  }

  private rangeProblems(startsAt: Date, endsAt: Date): FieldProblem[] {
    if (endsAt.getTime() <= startsAt.getTime()) return [{ path: 'input.endsAt', message: 'must be after startsAt' }];
    return windowLengthProblems(startsAt, endsAt, this.config.HUSH_MAX_WINDOW_DAYS);
  }

  private whereState(query: SelectQueryBuilder<MaintenanceWindow>, state: WindowState) {
    const now = this.clock.now();
    if (state === WindowState.PAST) query.andWhere('w.ends_at <= :now', { now });
    else if (state === WindowState.ONGOING) query.andWhere('w.starts_at <= :now AND w.ends_at > :now', { now });
    else query.andWhere('w.starts_at > :now', { now });
  }

  private async lockedWithServices(manager: EntityManager, id: string): Promise<WindowWithServices> {
    const window = await lockOrNotFound(manager, MaintenanceWindow, id, 'MaintenanceWindow');
    const links = await manager.find(MaintenanceWindowService, { where: { windowId: id } });
    return Object.assign(window, { serviceIds: links.map((l) => l.serviceId).sort() });
  }

  private async referenceProblems(
    manager: EntityManager,
    serviceIds: string[],
    requesterId: string | null | undefined,
  ): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    if (serviceIds.length) {
      const found = new Set(
        (await manager.find(Service, { where: { id: In(unique(serviceIds)) }, select: { id: true } })).map((s) => s.id),
      );
      serviceIds.forEach((sid, i) => {
        if (!found.has(sid)) problems.push({ path: `input.serviceIds.${i}`, message: `no service ${sid}` });
      });
    }
    if (requesterId && !(await manager.existsBy(User, { id: requesterId })))
      problems.push({ path: 'input.requesterId', message: `no user ${requesterId}` });
    return problems;
  }

  private async linkServices(manager: EntityManager, windowId: string, serviceIds: string[]) {
    await manager.insert(
      MaintenanceWindowService,
      unique(serviceIds).map((serviceId) => ({ windowId, serviceId })),
    );
  }
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
