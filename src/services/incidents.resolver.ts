import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../common/graphql/request-context';
import { NotFoundError } from '../common/errors/domain-error';
import { PageArgs } from '../common/pagination/page-args';
import { EventsService } from './events.service';
import { ServiceCatalog } from './service-catalog.service';
import { toServiceEvent, toIncident, toService } from './services.mappers';
import {
  EventOutcomeType,
  IncidentConnection,
  IncidentFilter,
  IncidentType,
  SendEventInput,
  ServiceEventConnection,
  ServiceEventFilter,
  ServiceEventType,
} from './incident.types';
import { ServiceType } from './service.types';

@Resolver(() => IncidentType)
export class IncidentsResolver {
  constructor(
    private readonly events: EventsService,
    private readonly catalog: ServiceCatalog,
  ) {}

  @Query(() => IncidentConnection, { description: 'Newest first.' })
  async incidents(@Args('filter', { type: () => IncidentFilter, nullable: true }) filter: IncidentFilter, @Args() page: PageArgs) {
    const c = await this.events.list(filter ?? {}, page);
    return { ...c, nodes: c.nodes.map(toIncident) };
  }

  @Query(() => ServiceEventConnection, { description: 'Every event sent to services, suppressed ones included; newest first.' })
  async serviceEvents(
    @Args('filter', { type: () => ServiceEventFilter, nullable: true }) filter: ServiceEventFilter,
    @Args() page: PageArgs,
  ) {
    const c = await this.events.listEvents(filter ?? {}, page);
    return { ...c, nodes: c.nodes.map(toServiceEvent) };
  }

  @Query(() => IncidentType)
  async incident(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext) {
    const incident = await ctx.loaders.get(this.events.incidentById).load(id);
    if (!incident) throw new NotFoundError('Incident', id, 'id');
    return toIncident(incident);
  }

  @Mutation(() => EventOutcomeType, {
    description:
      'TRIGGER opens or joins an incident unless the service is in maintenance; ACKNOWLEDGE and RESOLVE act on the open incident of the key.',
  })
  async sendEvent(@Args('input') input: SendEventInput) {
    const { event, incident, suppressed } = await this.events.send(input);
    const mapped = toServiceEvent(event);
    return { event: mapped, incident: incident ? toIncident(incident) : null, suppressed, reasons: mapped.reasons };
  }

  @ResolveField(() => ServiceType)
  async service(@Parent() incident: IncidentType, @Context() ctx: RequestContext) {
    return toService((await ctx.loaders.get(this.catalog.byId).load(incident.serviceId))!);
  }

  @ResolveField(() => [ServiceEventType], { name: 'events', description: 'The events that opened and acted on it, oldest first.' })
  async incidentEvents(@Parent() incident: IncidentType, @Context() ctx: RequestContext) {
    return (await ctx.loaders.get(this.events.eventsByIncident).load(incident.id)).map(toServiceEvent);
  }
}
