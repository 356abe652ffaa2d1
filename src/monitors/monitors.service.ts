import { namesById, rowsById } from '../common/loaders/rows-by-id';
import { findOrNotFound, lockOrNotFound } from '../common/errors/lock-or-not-found';
import { containsPattern } from '../common/search/contains-pattern';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { ChangeLogService, type AuditedKind } from '../common/changelog/changelog.service';
import { BadUserInputError, ConflictError } from '../common/errors/domain-error';
import { uniqueAs } from '../common/errors/pg-errors';
import { definedOnly } from '../common/graphql/defined-only';
import type { Connection } from '../common/pagination/connection';
import { byNameOrder, keysetPage } from '../common/pagination/keyset';
import type { PageArgs } from '../common/pagination/page-args';
import { DependencyLists, inListOrder } from '../common/suppression/dependency-list';
import type { NodeRef } from '../common/suppression/suppression.model';
import { TargetRegistry } from '../common/targets/target-registry';
import { WATCHES } from './monitor-watches';
import { Monitor, MonitorGroup, MonitorGroupMember, type MonitorKind } from './monitor.entities';

export interface MonitorInput {
  name: string;
  description: string;
  type: MonitorKind;
  target: string;
  active: boolean;
  groupIds?: string[];
  watches?: NodeRef[];
}

export interface GroupInput {
  name: string;
  description: string;
  monitorIds?: string[];
}

const MONITOR: AuditedKind<Monitor & { groupIds: string[]; watches: unknown }> = {
  objectType: 'Monitor',
  fields: ['name', 'description', 'type', 'target', 'active', 'groupIds', 'watches'],
};
const GROUP: AuditedKind<MonitorGroup & { monitorIds: string[] }> = {
  objectType: 'MonitorGroup',
  fields: ['name', 'description', 'monitorIds'],
};

/** Monitors and monitor groups, with their many-to-many membership. */
@Injectable()
export class MonitorsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changeLog: ChangeLogService,
    private readonly targets: TargetRegistry,
    private readonly lists: DependencyLists,
  ) {}

  /** Provider impacts and services' dependencies may point at monitors; impacts reach a monitor through what it watches. */
  onModuleInit() {
    this.lists.register(WATCHES);
    this.targets.register('MONITOR', {
      names: (ids) => namesById(this.dataSource, Monitor, ids, (m) => m.name),
    });
  }

  readonly monitorById = () => rowsById(this.dataSource, Monitor);

  readonly groupById = () => rowsById(this.dataSource, MonitorGroup);

  /** Group ids of each monitor (param undefined) — or monitor ids of each group (param 'group'). */
  readonly members = (side?: string) =>
    new DataLoader<string, string[]>(async (ids) => {
      const byGroup = side === 'group';
      const rows = await this.dataSource
        .getRepository(MonitorGroupMember)
        .find({ where: byGroup ? { groupId: In([...ids]) } : { monitorId: In([...ids]) } });
      const lists = new Map<string, string[]>(ids.map((id) => [id, []]));
      for (const r of rows) lists.get(byGroup ? r.groupId : r.monitorId)?.push(byGroup ? r.monitorId : r.groupId);
      return ids.map((id) => lists.get(id)!.sort());
    });

  getMonitor(id: string): Promise<Monitor> {
    return findOrNotFound(this.dataSource, Monitor, id, 'Monitor');
  }

  getGroup(id: string): Promise<MonitorGroup> {
    return findOrNotFound(this.dataSource, MonitorGroup, id, 'MonitorGroup');
  }

  listMonitors(filter: { query?: string; active?: boolean; groupId?: string }, page: PageArgs): Promise<Connection<Monitor>> {
    const q = this.dataSource.getRepository(Monitor).createQueryBuilder('o');
    if (filter.query) q.andWhere('(o.name ILIKE :like OR o.target ILIKE :like)', { like: containsPattern(filter.query) });
    if (filter.active !== undefined && filter.active !== null) q.andWhere('o.active = :active', { active: filter.active });
    if (filter.groupId)
      q.andWhere('EXISTS (SELECT 1 FROM monitor_group_member gm WHERE gm.monitor_id = o.id AND gm.group_id = :groupId)', {
        groupId: filter.groupId,
      });
    return keysetPage(q, page, byNameOrder('o'));
  }

  listGroups(page: PageArgs): Promise<Connection<MonitorGroup>> {
    const q = this.dataSource.getRepository(MonitorGroup).createQueryBuilder('o');
    return keysetPage(q, page, byNameOrder('o'));
  }

  async createMonitor(input: MonitorInput, actor: Actor): Promise<Monitor> {
    const watches = await this.lists.check(WATCHES, null, input.watches ?? [], 'input.watches');
    return this.write('UQ_monitor_name', `A monitor named ${input.name} already exists`, async (manager) => {
      const { groupIds, watches: _, ...fields } = input;
      const monitor = await manager.save(manager.create(Monitor, fields));
      await this.setMembers(manager, 'monitor', monitor.id, groupIds ?? []);
      await this.lists.save(manager, WATCHES, monitor.id, watches, 'input.watches');
      const after = { ...monitor, groupIds: groupIds ?? [], watches: inListOrder(watches) };
      await this.changeLog.recordDiff(manager, MONITOR, monitor.id, { before: null, after, actor });
      return monitor;
    });
  }

  async updateMonitor(id: string, input: Partial<MonitorInput>, actor: Actor): Promise<Monitor> {
    const watches = input.watches && (await this.lists.check(WATCHES, id, input.watches, 'input.watches'));
    return this.write('UQ_monitor_name', `A monitor named ${input.name} already exists`, async (manager) => {
      const monitor = await lockOrNotFound(manager, Monitor, id, 'Monitor');
      const { groupIds, watches: _, ...fields } = definedOnly(input);
      const before = {
        ...monitor,
        groupIds: await this.memberIds(manager, 'monitor', id),
        watches: await this.lists.current(manager, WATCHES, id),
      };
      const saved = await manager.save(Object.assign(monitor, fields));
      if (groupIds) await this.setMembers(manager, 'monitor', id, groupIds);
      if (watches) await this.lists.save(manager, WATCHES, id, watches, 'input.watches');
      const after = {
        ...saved,
        groupIds: groupIds ? [...new Set(groupIds)].sort() : before.groupIds,
        watches: watches ? inListOrder(watches) : before.watches,
      };
      await this.changeLog.recordDiff(manager, MONITOR, id, { before, after, actor });
      return saved;
    });
  }

  /** Its maintenance periods and memberships go with it. */
  deleteMonitor(id: string, actor: Actor): Promise<Monitor> {
    return this.dataSource.transaction(async (manager) => {
      const monitor = await lockOrNotFound(manager, Monitor, id, 'Monitor');
      const before = {
        ...monitor,
        groupIds: await this.memberIds(manager, 'monitor', id),
        watches: await this.lists.current(manager, WATCHES, id),
      };
      await manager.delete(Monitor, { id });
      await this.changeLog.recordDiff(manager, MONITOR, id, { before, after: null, actor });
      return monitor;
    });
  }

  createGroup(input: GroupInput, actor: Actor): Promise<MonitorGroup> {
    return this.write('UQ_monitor_group_name', `A monitor group named ${input.name} already exists`, async (manager) => {
      const { monitorIds, ...fields } = input;
      const group = await manager.save(manager.create(MonitorGroup, fields));
      await this.setMembers(manager, 'group', group.id, monitorIds ?? []);
      await this.changeLog.recordDiff(manager, GROUP, group.id, { before: null, after: { ...group, monitorIds: monitorIds ?? [] }, actor });
      return group;
    });
  }

  updateGroup(id: string, input: Partial<GroupInput>, actor: Actor): Promise<MonitorGroup> {
    return this.write('UQ_monitor_group_name', `A monitor group named ${input.name} already exists`, async (manager) => {
      const group = await lockOrNotFound(manager, MonitorGroup, id, 'MonitorGroup');
      const { monitorIds, ...fields } = definedOnly(input);
      const before = { ...group, monitorIds: await this.memberIds(manager, 'group', id) };
      const saved = await manager.save(Object.assign(group, fields));
      if (monitorIds) await this.setMembers(manager, 'group', id, monitorIds);
      const after = { ...saved, monitorIds: monitorIds ? [...new Set(monitorIds)].sort() : before.monitorIds };
      await this.changeLog.recordDiff(manager, GROUP, id, { before, after, actor });
      return saved;
    });
  }

  /** Members stay; periods applied through the group stay on them, no longer linked to it. */
  deleteGroup(id: string, actor: Actor): Promise<MonitorGroup> {
    return this.dataSource.transaction(async (manager) => {
      const group = await lockOrNotFound(manager, MonitorGroup, id, 'MonitorGroup');
      const before = { ...group, monitorIds: await this.memberIds(manager, 'group', id) };
      await manager.delete(MonitorGroup, { id });
      await this.changeLog.recordDiff(manager, GROUP, id, { before, after: null, actor });
      return group;
    });
  }

  private async memberIds(manager: EntityManager, side: 'monitor' | 'group', id: string): Promise<string[]> {
    const rows = await manager.find(MonitorGroupMember, { where: side === 'monitor' ? { monitorId: id } : { groupId: id } });
    return rows.map((r) => (side === 'monitor' ? r.groupId : r.monitorId)).sort();
  }

  /** Replaces one side's memberships; unknown ids are bad input naming their position. */
  private async setMembers(manager: EntityManager, side: 'monitor' | 'group', id: string, otherIds: string[]) {
    const unique = [...new Set(otherIds)];
    const otherEntity = side === 'monitor' ? MonitorGroup : Monitor;
    const found = new Set((await manager.find(otherEntity, { where: { id: In(unique) }, select: { id: true } })).map((r) => r.id));
    const path = side === 'monitor' ? 'input.groupIds' : 'input.monitorIds';
    const problems = otherIds.flatMap((other, i) =>
      found.has(other) ? [] : [{ path: `${path}.${i}`, message: `no ${side === 'monitor' ? 'monitor group' : 'monitor'} ${other}` }],
    );
    if (problems.length) throw new BadUserInputError(problems);
    await manager.delete(MonitorGroupMember, side === 'monitor' ? { monitorId: id } : { groupId: id });
    if (unique.length) {
      await manager.insert(
        MonitorGroupMember,
        unique.map((other) => (side === 'monitor' ? { monitorId: id, groupId: other } : { groupId: id, monitorId: other })),
      );
    }
  }

  private write<T>(constraint: string, message: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return uniqueAs(
      () => this.dataSource.transaction(work),
      constraint,
      () => new ConflictError(message, { path: 'input.name' }),
    );
  }
}
