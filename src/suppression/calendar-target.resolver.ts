import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../common/graphql/request-context';
import { TargetRegistry } from '../common/targets/target-registry';
import { CalendarTargetType } from './suppression.types';

/** Names what calendar entries and transitions are on, so people read names rather than ids. */
@Resolver(() => CalendarTargetType)
export class CalendarTargetResolver {
  constructor(private readonly targets: TargetRegistry) {}

  @ResolveField(() => String, {
    nullable: true,
    description: "The target's display name (a blackout's: its selector); null once the object is gone.",
  })
  name(@Parent() target: CalendarTargetType, @Context() ctx: RequestContext): Promise<string | null> | string {
    if (target.type === 'EVENTS') return target.id;
    return ctx.loaders.get(this.targets.nameOf, target.type).load(target.id);
  }
}
