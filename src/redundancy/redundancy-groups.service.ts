import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { ChangeLogService, type AuditedKind } from '../common/changelog/changelog.service';
import { BadUserInputError, ConflictError } from '../common/errors/domain-error';
import { findOrNotFound, lockOrNotFound } from '../common/errors/lock-or-not-found';
import { uniqueAs } from '../common/errors/pg-errors';
import { definedOnly } from '../common/graphql/defined-only';
import { groupByKeys } from '../common/loaders/loader-registry';
import type { Connection } from '../common/pagination/connection';
import { byNameOrder, keysetPage } from '../common/pagination/keyset';
import type { PageArgs } from '../common/pagination/page-args';
import { containsPattern } from '../common/search/contains-pattern';
import type { NodeRef } from '../common/suppression/suppression.model';
import { TargetRegistry } from '../common/targets/target-registry';
import { MemberPriority, RedundancyGroup, RedundancyGroupMember } from './redundancy.entities';

export const OBJECT_TYPE = 'RedundancyGroup';

export interface MemberInput {
  target: NodeRef;
  priority: MemberPriority;
}

export interface GroupInput {
  name: string;
  description: string;
  minimumAvailable: number;
  members: MemberInput[];
}

const GROUP: AuditedKind<RedundancyGroup & { members: unknown }> = {
  objectType: OBJECT_TYPE,
  fields: ['name', 'description', 'minimumAvailable', 'members'],
};
const PRIORITY_ORDER = Object.values(MemberPriority);

/** Redundancy groups and their members: each write one transaction, on the group's timeline. */
@Injectable()
export class RedundancyGroupsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changeLog: ChangeLogService,
    private readonly targets: TargetRegistry,
  ) {}

  /** The members of each group, by priority, then type and id. */
  readonly membersOf = () =>
    new DataLoader<string, RedundancyGroupMember[]>(async (ids) =>
      groupByKeys(
        ids,
        sortMembers(await this.dataSource.getRepository(RedundancyGroupMember).findBy({ groupId: In([...ids]) })),
        (m) => m.groupId,
      ),
    );

  get(id: string): Promise<RedundancyGroup> {
    return findOrNotFound(this.dataSource, RedundancyGroup, id, 'RedundancyGroup');
  }

  list(filter: { q?: string; memberId?: string; ids?: string[] }, page: PageArgs): Promise<Connection<RedundancyGroup>> {
    const query = this.dataSource.getRepository(RedundancyGroup).createQueryBuilder('g');
    if (filter.q) query.andWhere('(g.name ILIKE :like OR g.description ILIKE :like)', { like: containsPattern(filter.q) });
    if (filter.memberId) {
      query.andWhere('EXISTS (SELECT 1 FROM redundancy_group_member m WHERE m.group_id = g.id AND m.target_id = :member)', {
        member: filter.memberId,
      });
    }
    return keysetPage(query, page, byNameOrder('g'));
  }

  /** Every group with its members, or those of `ids`, or those with a member among `members`. */
  async withMembers(
    select: { ids?: readonly string[]; members?: readonly NodeRef[] } = {},
  ): Promise<{ group: RedundancyGroup; members: RedundancyGroupMember[] }[]> {
    let ids = select.ids;
    if (select.members) {
      const rows = await this.dataSource.query<{ group_id: string }[]>(
        `SELECT DISTINCT group_id FROM redundancy_group_member m
         JOIN unnest($1::text[], $2::uuid[]) AS t(type, id) ON m.target_type = t.type AND m.target_id = t.id`,
        [select.members.map((n) => n.type), select.members.map((n) => n.id)],
      );
      ids = rows.map((r) => r.group_id);
      if (ids.length === 0) return [];
    }
    const groups = await this.dataSource
      .getRepository(RedundancyGroup)
      .find({ where: ids ? { id: In([...ids]) } : {}, order: { name: 'ASC', id: 'ASC' } });
    // Raw rows: a year of risks reads every member of every group, and mapping entities would cost more than the query.
    const members = await this.dataSource.query<RedundancyGroupMember[]>(
      `SELECT group_id AS "groupId", target_type AS "targetType", target_id AS "targetId", priority FROM redundancy_group_member
       ${ids ? 'WHERE group_id = ANY($1::uuid[])' : ''}`,
      ids ? [ids] : [],
    );
    const byGroup = groupByKeys(
      groups.map((g) => g.id),
      members,
      (m) => m.groupId,
    );
    return groups.map((group, i) => ({ group, members: byGroup[i] }));
  }

  async create(input: GroupInput, actor: Actor): Promise<RedundancyGroup> {
    const members = await this.checkMembers(input.members);
    return this.write(input.name, async (manager) => {
      const group = await manager.save(
        manager.create(RedundancyGroup, { name: input.name, description: input.description, minimumAvailable: input.minimumAvailable }),
      );
      await this.saveMembers(manager, group.id, members);
      await this.changeLog.recordDiff(manager, GROUP, group.id, { before: null, after: { ...group, members: described(members) }, actor });
      return group;
    });
  }

  async update(id: string, input: Partial<GroupInput>, actor: Actor): Promise<RedundancyGroup> {
    const members = input.members && (await this.checkMembers(input.members));
    return this.write(input.name, async (manager) => {
      const group = await lockOrNotFound(manager, RedundancyGroup, id, 'RedundancyGroup');
      const before = { ...group, members: described(await manager.findBy(RedundancyGroupMember, { groupId: id })) };
      const { members: _, ...fields } = definedOnly(input);
      const saved = await manager.save(Object.assign(group, fields));
      if (members) await this.saveMembers(manager, id, members);
      const after = { ...saved, members: members ? described(members) : before.members };
      await this.changeLog.recordDiff(manager, GROUP, id, { before, after, actor });
      return saved;
    });
  }

  delete(id: string, actor: Actor): Promise<RedundancyGroup> {
    return this.dataSource.transaction(async (manager) => {
      const group = await lockOrNotFound(manager, RedundancyGroup, id, 'RedundancyGroup');
      const members = described(await manager.findBy(RedundancyGroupMember, { groupId: id }));
      await manager.delete(RedundancyGroup, { id });
      await this.changeLog.recordDiff(manager, GROUP, id, { before: { ...group, members }, after: null, actor });
      return group;
    });
  }

  /** Adds a member, or changes the priority of one already there. */
  async addMember(groupId: string, member: MemberInput, actor: Actor): Promise<RedundancyGroup> {
    const [checked] = await this.checkMembers([member], 'input');
    return this.onMembers(groupId, actor, (members) => [...members.filter((m) => !same(m.target, checked.target)), checked]);
  }

  removeMember(groupId: string, target: NodeRef, actor: Actor): Promise<RedundancyGroup> {
    return this.onMembers(groupId, actor, (members) => {
      if (!members.some((m) => same(m.target, target))) throw BadUserInputError.field('target', `is not a member of the group`);
      return members.filter((m) => !same(m.target, target));
    });
  }

  private onMembers(groupId: string, actor: Actor, change: (members: MemberInput[]) => MemberInput[]): Promise<RedundancyGroup> {
    return this.dataSource.transaction(async (manager) => {
      const group = await lockOrNotFound(manager, RedundancyGroup, groupId, 'RedundancyGroup');
      const rows = await manager.findBy(RedundancyGroupMember, { groupId });
      const before = rows.map((r) => ({ target: { type: r.targetType, id: r.targetId }, priority: r.priority }));
      const after = change(before);
      await this.saveMembers(manager, groupId, after);
      const diff = { before: { ...group, members: described(before) }, after: { ...group, members: described(after) }, actor };
      if (await this.changeLog.recordDiff(manager, GROUP, groupId, diff))
        await manager.save(Object.assign(group, { updatedAt: new Date() }));
      return group;
    });
  }

  /** Before the transaction (names are read through other modules' connections): every member exists; a repeated one is kept once, last priority. */
  private async checkMembers(members: readonly MemberInput[], path = 'input.members'): Promise<MemberInput[]> {
    const missing = await this.targets.firstMissing(members.map((m) => m.target));
    if (missing >= 0) {
      const { type, id } = members[missing].target;
      throw BadUserInputError.field(
        path === 'input' ? 'input.target.id' : `${path}.${missing}.target.id`,
        `no ${type.toLowerCase()} ${id}`,
      );
    }
    const unique = new Map(members.map(({ target: { type, id }, priority }) => [`${type}:${id}`, { target: { type, id }, priority }]));
    return [...unique.values()];
  }

  private async saveMembers(manager: EntityManager, groupId: string, members: readonly MemberInput[]) {
    await manager.delete(RedundancyGroupMember, { groupId });
    if (members.length) {
      await manager.insert(
        RedundancyGroupMember,
        members.map((m) => ({ groupId, targetType: m.target.type, targetId: m.target.id, priority: m.priority })),
      );
    }
  }

  private write<T>(name: string | undefined, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return uniqueAs(
      () => this.dataSource.transaction(work),
      'UQ_redundancy_group_name',
      () => new ConflictError(`A redundancy group named ${name} already exists`, { path: 'input.name' }),
    );
  }
}

const same = (a: NodeRef, b: NodeRef) => a.type === b.type && a.id === b.id;

function sortMembers(rows: RedundancyGroupMember[]): RedundancyGroupMember[] {
  const rank = (m: RedundancyGroupMember) => PRIORITY_ORDER.indexOf(m.priority);
  return rows.sort(
    (a, b) => rank(a) - rank(b) || (a.targetType < b.targetType ? -1 : a.targetType > b.targetType ? 1 : a.targetId < b.targetId ? -1 : 1),
  );
}

/** Members as the change log records them, in a fixed order. */
function described(members: readonly (MemberInput | RedundancyGroupMember)[]) {
  return members
    .map((m) =>
      'target' in m
        ? { type: m.target.type, id: m.target.id, priority: m.priority }
        : { type: m.targetType, id: m.targetId, priority: m.priority },
    )
    .sort((a, b) => (a.type === b.type ? (a.id < b.id ? -1 : 1) : a.type < b.type ? -1 : 1));
}
