import { Inject, type Type } from '@nestjs/common';
import { Args, Context, ID, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor';
import type { ChangeLogEntry } from '../common/changelog/changelog-entry.entity';
import { ChangeLogFeed } from '../common/changelog/changelog.feed';
import { ChangeLogEntryType } from '../common/changelog/changelog.types';
import type { RequestContext } from '../common/graphql/request-context';
import { InputValidationPipe } from '../common/graphql/validation.pipe';
import type { Connection } from '../common/pagination/connection';
import { PageArgs } from '../common/pagination/page-args';
import { PROVIDER } from './inventory/inventory.kinds';
import { InventoryService } from './inventory/inventory.service';
import { ProviderType } from './inventory/inventory.types';
import { clampTimelineLimit, timelineLimitArg } from './timeline-limit';
import { quickActionsResolver } from './workflow/quick-actions-resolver.factory';

/** The `id` argument of a query or mutation on one maintenance or outage. */
export const idArg = () => Args('id', { type: () => ID });

/** What the shared resolver reads through a kind's services. */
interface WorkService<Row> {
  get(id: string): Promise<Row>;
  find(id: string): Promise<Row | null>;
  timeline(id: string, limit: number): Promise<ChangeLogEntry[]>;
}
interface WorkQueries<Row, F> {
  list(filter: Partial<F>, page: PageArgs): Promise<Connection<Row>>;
}

interface Spec<Row, T, F extends object> {
  /** The object, its connection, its list's filter and a change of it: `MaintenanceType` names the rest `maintenance…`. */
  types: [node: Type<T>, connection: Type<Connection<T>>, filter: Type<F>, change: Type<object>];
  toType: (row: Row) => T;
  /** What a change may touch, for the subscription's description. */
  changes: string;
}

/**
 * What a maintenance and an outage resolver have alike, for a kind whose
 * object type is `Maintenance`: `maintenanceChanged(id)`, `maintenances(filter,
 * …)`, `maintenance(id)`, and the `provider` and `timeline` fields. The
 * kind's resolver extends it with its writes.
 */
export function providerWorkResolver<
  Row,
  T extends { id: string; providerId: string },
  F extends object,
  S extends WorkService<Row>,
  Q extends WorkQueries<Row, F>,
>(serviceClass: Type<S>, queriesClass: Type<Q>, spec: Spec<Row, T, F>) {
  const [node, connection, filterType, change] = spec.types;
  const objectType = node.name.replace(/Type$/, '');
  const singular = objectType[0].toLowerCase() + objectType.slice(1);

  @Resolver(() => node, { isAbstract: true })
  abstract class ProviderWorkResolver {
    constructor(
      @Inject(serviceClass) protected readonly service: S,
      @Inject(queriesClass) protected readonly queries: Q,
      protected readonly inventory: InventoryService,
      protected readonly changes: ChangeLogFeed,
    ) {}

    @Subscription(() => change, {
      name: `${singular}Changed`,
      description: `Each committed change of a provider ${singular} (${spec.changes}…), or of the one with \`id\`.`,
      filter: (entry: ChangeLogEntry, args: { id?: string }) => entry.objectType === objectType && (!args.id || entry.objectId === args.id),
      async resolve(this: ProviderWorkResolver, entry: ChangeLogEntry) {
        const row = entry.action === 'DELETE' ? null : await this.service.find(entry.objectId);
        return Object.assign(new change(), { change: ChangeLogEntryType.from(entry), [singular]: row && spec.toType(row) });
      },
    })
    changed(@Args('id', { type: () => ID, nullable: true }) _id: string | null) {
      return this.changes.stream();
    }

    @Query(() => connection, { name: `${singular}s`, description: `Provider ${singular}s by start.` })
    async list(
      @Args('filter', { type: () => filterType, nullable: true }, new InputValidationPipe(filterType)) filter: F | null,
      @Args() page: PageArgs,
    ) {
      const c = await this.queries.list(filter ?? {}, page);
      return { ...c, nodes: c.nodes.map(spec.toType) };
    }

    @Query(() => node, { name: singular })
    async get(@idArg() id: string) {
      return spec.toType(await this.service.get(id));
    }

    @ResolveField(() => ProviderType)
    async provider(@Parent() work: T, @Context() ctx: RequestContext) {
      return ProviderType.from((await ctx.loaders.get(this.inventory.byId(PROVIDER)).load(work.providerId))!);
    }

    @ResolveField(() => [ChangeLogEntryType], { description: 'Recorded changes, newest first, each with the status after it.' })
    async timeline(@Parent() work: T, @timelineLimitArg() limit: number) {
      return (await this.service.timeline(work.id, clampTimelineLimit(limit))).map(ChangeLogEntryType.from);
    }
  }
  return ProviderWorkResolver;
}

/** The writes every quick action of a kind goes through. */
interface WorkWrites<Row, Move> {
  delete(id: string, actor: Actor): Promise<Row>;
  acknowledge(id: string, actor: Actor): Promise<Row>;
  transition(id: string, move: Move, actor: Actor): Promise<Row>;
}

/**
 * Deleting, acknowledging and the workflow's moves of a kind, each a mutation
 * `(id: ID!): T` (see quickActionsResolver): `moves` names each move's
 * mutation and describes it.
 */
export function providerWorkQuickActions<Row, T, Move>(
  service: Type<WorkWrites<Row, Move>>,
  type: Type<T>,
  toType: (row: Row) => T,
  moves: Record<string, [move: Move, description: string]>,
): Type<unknown> {
  const objectType = type.name.replace(/Type$/, '');
  return quickActionsResolver({
    name: `${objectType}QuickActions`,
    service,
    type,
    toType,
    actions: [
      { name: `delete${objectType}`, run: (s, id, actor) => s.delete(id, actor) },
      { name: `acknowledge${objectType}`, description: 'Marks it reviewed; idempotent.', run: (s, id, actor) => s.acknowledge(id, actor) },
      ...Object.entries(moves).map(([name, [move, description]]) => ({
        name,
        description,
        run: (s: WorkWrites<Row, Move>, id: string, actor: Actor) => s.transition(id, move, actor),
      })),
    ],
  });
}
