import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor';
import { CurrentActor } from '../common/auth/auth.decorators';
import type { RequestContext } from '../common/graphql/request-context';
import { PageArgs } from '../common/pagination/page-args';
import { EscalationPoliciesService } from './escalation-policies.service';
import { toEscalationPolicy, toRule, toUser } from './services.mappers';
import {
  CreateEscalationPolicyInput,
  EscalationPolicyConnection,
  EscalationPolicyType,
  EscalationRuleType,
  EscalationTargetType,
  TargetType,
  UpdateEscalationPolicyInput,
} from './escalation-policy.types';
import { UserType } from './user.types';
import { UsersService } from './users.service';

@Resolver(() => EscalationPolicyType)
export class EscalationPoliciesResolver {
  constructor(private readonly policies: EscalationPoliciesService) {}

  @Query(() => EscalationPolicyConnection, { description: 'Escalation policies by name.' })
  async escalationPolicies(@Args() page: PageArgs) {
    const c = await this.policies.list(page);
    return { ...c, nodes: c.nodes.map(toEscalationPolicy) };
  }

  @Query(() => EscalationPolicyType)
  async escalationPolicy(@Args('id', { type: () => ID }) id: string) {
    return toEscalationPolicy(await this.policies.get(id));
  }

  @Mutation(() => EscalationPolicyType)
  async createEscalationPolicy(@Args('input') input: CreateEscalationPolicyInput, @CurrentActor() actor: Actor) {
    return toEscalationPolicy(await this.policies.create(input, actor));
  }

  @Mutation(() => EscalationPolicyType, { description: 'Given rules replace all rules.' })
  async updateEscalationPolicy(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateEscalationPolicyInput,
    @CurrentActor() actor: Actor,
  ) {
    return toEscalationPolicy(await this.policies.update(id, input, actor));
  }

  @Mutation(() => EscalationPolicyType, { description: 'Refused (CONFLICT) while a service uses the policy.' })
  async deleteEscalationPolicy(@Args('id', { type: () => ID }) id: string, @CurrentActor() actor: Actor) {
    return toEscalationPolicy(await this.policies.delete(id, actor));
  }

  @ResolveField(() => [EscalationRuleType], { description: 'In escalation order.' })
  async rules(@Parent() policy: EscalationPolicyType, @Context() ctx: RequestContext) {
    return (await ctx.loaders.get(this.policies.rulesByPolicy).load(policy.id)).map(toRule);
  }
}

@Resolver(() => EscalationRuleType)
export class EscalationRulesResolver {
  constructor(private readonly policies: EscalationPoliciesService) {}

  @ResolveField(() => [EscalationTargetType])
  async targets(@Parent() rule: EscalationRuleType, @Context() ctx: RequestContext) {
    const targets = await ctx.loaders.get(this.policies.targetsByRule).load(rule.id);
    return targets.map((t) => Object.assign(new EscalationTargetType(), { type: TargetType.USER, id: t.userId }));
  }
}

@Resolver(() => EscalationTargetType)
export class EscalationTargetsResolver {
  constructor(private readonly users: UsersService) {}

  @ResolveField(() => UserType, { nullable: true, description: 'The user, for USER targets.' })
  async user(@Parent() target: EscalationTargetType, @Context() ctx: RequestContext) {
    const user = await ctx.loaders.get(this.users.byId).load(target.id);
    return user ? toUser(user) : null;
  }
}
