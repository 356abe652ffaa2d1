import { Args, Context, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { Clock } from '../common/clock/clock';
import type { RequestContext } from '../common/graphql/request-context';
import { PageArgs } from '../common/pagination/page-args';
import { SuppressionPort } from '../common/suppression/suppression.port';
import { AlertReleaseFeed } from './alert-release.feed';
import { EventsService } from './events.service';
import type { AlertRelease } from './alert-release';
import { HeldAlertsService } from './held-alerts.service';
import { AlertReleaseType, AlertsReleasedArgs, HeldAlertConnection, HeldAlertFilter, HeldAlertType } from './held-alerts.types';
import { ServiceCatalog } from './service-catalog.service';
import { toHeldAlert, toIncident, toService } from './services.mappers';
import { IncidentType } from './incident.types';
import { ServiceType } from './service.types';

@Resolver(() => HeldAlertType)
export class HeldAlertsResolver {
  constructor(
    private readonly held: HeldAlertsService,
    private readonly events: EventsService,
    private readonly catalog: ServiceCatalog,
    private readonly suppression: SuppressionPort,
    private readonly clock: Clock,
    private readonly feed: AlertReleaseFeed,
  ) {}

  @Query(() => HeldAlertConnection, { description: 'The alerts maintenance holds now, oldest first, with what holds them and until when.' })
  async heldAlerts(@Args('filter', { type: () => HeldAlertFilter, nullable: true }) filter: HeldAlertFilter, @Args() page: PageArgs) {
    const c = await this.held.list(filter ?? {}, page);
    const decisions = this.suppression.decide(
      c.nodes.map((h) => ({ serviceId: h.serviceId })),
      this.clock.now(),
    );
    return { ...c, nodes: c.nodes.map((h, i) => toHeldAlert(h, decisions[i].reasons)) };
  }

  @Subscription(() => AlertReleaseType, {
    description: 'Each held alert released as its maintenance ends (announced once across replicas), optionally on some services only.',
    filter: (release: AlertRelease, args: AlertsReleasedArgs) => !args.serviceIds?.length || args.serviceIds.includes(release.serviceId),
    async resolve(this: HeldAlertsResolver, release: AlertRelease) {
      const held = (await this.held.find(release.heldAlertId))!;
      const incident = held.incidentId ? await this.events.incidentById().load(held.incidentId) : null;
      return Object.assign(new AlertReleaseType(), {
        heldAlert: toHeldAlert(held, []),
        outcome: release.outcome,
        incident: incident && toIncident(incident),
      });
    },
  })
  alertsReleased(@Args() _args: AlertsReleasedArgs) {
    return this.feed.releases();
  }

  @ResolveField(() => ServiceType)
  async service(@Parent() held: HeldAlertType, @Context() ctx: RequestContext) {
    return toService((await ctx.loaders.get(this.catalog.byId).load(held.serviceId))!);
  }

  @ResolveField(() => IncidentType, { nullable: true, description: 'The incident it was released into.' })
  async incident(@Parent() held: HeldAlertType, @Context() ctx: RequestContext) {
    const incident = held.incidentId ? await ctx.loaders.get(this.events.incidentById).load(held.incidentId) : null;
    return incident && toIncident(incident);
  }
}
