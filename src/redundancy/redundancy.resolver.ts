import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor';
import { CurrentActor } from '../common/auth/auth.decorators';
import { BadUserInputError } from '../common/errors/domain-error';
import type { RequestContext } from '../common/graphql/request-context';
import { PageArgs } from '../common/pagination/page-args';
import { RedundancyRiskChangeType, RedundancyRiskType, riskFromJson } from '../common/redundancy/redundancy-risk.type';
import { ImpactTargetInput, ImpactTargetType } from '../common/targets/impact-target.type';
import type { RedundancyRiskChangeRow } from './redundancy-risk.entities';
import type { RedundancyGroup } from './redundancy.entities';
import { RiskChangeFeed } from './risk-change.feed';
import { RedundancyGroupsService } from './redundancy-groups.service';
import { RedundancyRisksService } from './redundancy-risks.service';
import {
  CreateRedundancyGroupInput,
  RedundancyGroupConnection,
  RedundancyGroupFilter,
  RedundancyGroupMemberInput,
  RedundancyGroupMemberType,
  RedundancyGroupType,
  RedundancyRiskFilter,
  RiskRangeArgs,
  UpdateRedundancyGroupInput,
} from './redundancy.types';

const toGroup = (g: RedundancyGroup) =>
  Object.assign(new RedundancyGroupType(), {
    id: g.id,
    name: g.name,
    description: g.description,
    minimumAvailable: g.minimumAvailable,
    createdAt: g.createdAt,
    updatedAt: g.updatedAt,
  });

const id = (name = 'id') => Args(name, { type: () => ID });

/** A range of at most ten years, from before to. */
function checkRange({ from, to }: RiskRangeArgs) {
  if (to <= from) throw BadUserInputError.field('to', 'must be after from');
  if (to.getTime() - from.getTime() > 3653 * 86_400_000) throw BadUserInputError.field('to', 'must be at most ten years after from');
}

@Resolver(() => RedundancyGroupType)
export class RedundancyGroupsResolver {
  constructor(
    private readonly groups: RedundancyGroupsService,
    private readonly riskService: RedundancyRisksService,
  ) {}

  @Query(() => RedundancyGroupConnection, { description: 'Redundancy groups by name.' })
  async redundancyGroups(
    @Args('filter', { type: () => RedundancyGroupFilter, nullable: true }) filter: RedundancyGroupFilter | null,
    @Args() page: PageArgs,
  ) {
    const c = await this.groups.list(filter ?? {}, page);
    return { ...c, nodes: c.nodes.map(toGroup) };
  }

  @Query(() => RedundancyGroupType)
  async redundancyGroup(@id() groupId: string) {
    return toGroup(await this.groups.get(groupId));
  }

  @Query(() => [RedundancyRiskType], {
    description:
      'Every risk overlapping [from, to) (cut to it; at most ten years), by start: when fewer than minimumAvailable of a group’s counting members are available.',
  })
  async redundancyRisks(
    @Args() range: RiskRangeArgs,
    @Args('filter', { type: () => RedundancyRiskFilter, nullable: true }) filter: RedundancyRiskFilter | null,
  ) {
    checkRange(range);
    return this.riskService.risks(range.from, range.to, filter ?? { includeTentative: true });
  }

  @Mutation(() => RedundancyGroupType)
  async createRedundancyGroup(@Args('input') input: CreateRedundancyGroupInput, @CurrentActor() actor: Actor) {
    return toGroup(await this.groups.create(input, actor));
  }

  @Mutation(() => RedundancyGroupType)
  async updateRedundancyGroup(@id() groupId: string, @Args('input') input: UpdateRedundancyGroupInput, @CurrentActor() actor: Actor) {
    return toGroup(await this.groups.update(groupId, input, actor));
  }

  @Mutation(() => RedundancyGroupType, { description: 'Returns the group as it was.' })
  async deleteRedundancyGroup(@id() groupId: string, @CurrentActor() actor: Actor) {
    return toGroup(await this.groups.delete(groupId, actor));
  }

  @Mutation(() => RedundancyGroupType, { description: 'Adds a member, or changes the priority of one already there.' })
  async addRedundancyGroupMember(
    @id('groupId') groupId: string,
    @Args('input') input: RedundancyGroupMemberInput,
    @CurrentActor() actor: Actor,
  ) {
    return toGroup(await this.groups.addMember(groupId, input, actor));
  }

  @Mutation(() => RedundancyGroupType, { description: 'BAD_USER_INPUT on target when it is not a member.' })
  async removeRedundancyGroupMember(
    @id('groupId') groupId: string,
    @Args('target') target: ImpactTargetInput,
    @CurrentActor() actor: Actor,
  ) {
    return toGroup(await this.groups.removeMember(groupId, target, actor));
  }

  @ResolveField(() => [RedundancyGroupMemberType])
  async members(@Parent() g: RedundancyGroupType, @Context() ctx: RequestContext) {
    return (await ctx.loaders.get(this.groups.membersOf).load(g.id)).map((m) =>
      Object.assign(new RedundancyGroupMemberType(), { target: ImpactTargetType.of(m.targetType, m.targetId), priority: m.priority }),
    );
  }

  @ResolveField(() => [RedundancyRiskType], { description: 'Its risks overlapping [from, to), cut to it.' })
  async risks(@Parent() g: RedundancyGroupType, @Args() range: RiskRangeArgs) {
    checkRange(range);
    return this.riskService.ofGroupId(g.id, range.from, range.to);
  }
}

@Resolver(() => RedundancyRiskType)
export class RedundancyRiskResolver {
  constructor(
    private readonly groups: RedundancyGroupsService,
    private readonly feed: RiskChangeFeed,
  ) {}

  @Subscription(() => RedundancyRiskChangeType, {
    description: 'Each risk that appears, changes or disappears from now on (of these groups only, when given), sent once across replicas.',
    filter: (row: RedundancyRiskChangeRow, args: { groupIds?: string[] | null }) =>
      !args.groupIds?.length || args.groupIds.includes(row.groupId),
    resolve: (row: RedundancyRiskChangeRow) =>
      Object.assign(new RedundancyRiskChangeType(), { kind: row.kind, risk: riskFromJson(row.risk), at: row.at }),
  })
  redundancyRiskChanged(@Args('groupIds', { type: () => [ID], nullable: true }) _groupIds: string[] | null) {
    return this.feed.stream();
  }

  @ResolveField(() => RedundancyGroupType)
  async group(@Parent() risk: RedundancyRiskType) {
    return toGroup(await this.groups.get(risk.groupId));
  }
}
