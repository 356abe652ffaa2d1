import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../graphql/request-context';
import { ImpactTargetType } from './impact-target.type';
import { TargetRegistry } from './target-registry';

@Resolver(() => ImpactTargetType)
export class ImpactTargetResolver {
  constructor(private readonly targets: TargetRegistry) {}

  @ResolveField(() => String, { nullable: true, description: 'Display name; null if the object is gone.' })
  name(@Parent() target: ImpactTargetType, @Context() ctx: RequestContext) {
    return ctx.loaders.get(this.targets.nameOf, target.type).load(target.id);
  }
}
