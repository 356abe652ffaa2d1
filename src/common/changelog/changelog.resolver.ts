import { Args, Query, Resolver, Subscription } from '@nestjs/graphql';
import { RequireRole } from '../auth/auth.decorators';
import { Role } from '../auth/role';
import { PageArgs } from '../pagination/page-args';
import { ChangeLogEntry } from './changelog-entry.entity';
import { ChangeLogFeed } from './changelog.feed';
import { ChangeLogService } from './changelog.service';
import { ChangeLogConnection, ChangeLogEntryType, ChangeLogFilter, ChangeLoggedArgs } from './changelog.types';

@Resolver(() => ChangeLogEntryType)
export class ChangeLogResolver {
  constructor(
    private readonly log: ChangeLogService,
    private readonly feed: ChangeLogFeed,
  ) {}

  @RequireRole(Role.ADMIN)
  @Query(() => ChangeLogConnection, { description: 'The audit log, newest first. ADMIN only.' })
  async changeLog(@Args('filter', { type: () => ChangeLogFilter, nullable: true }) filter: ChangeLogFilter, @Args() page: PageArgs) {
    const connection = await this.log.page(filter ?? {}, page);
    return { ...connection, nodes: connection.nodes.map(ChangeLogEntryType.from) };
  }

  @RequireRole(Role.ADMIN)
  @Subscription(() => ChangeLogEntryType, {
    description: 'Each committed change from now on, optionally of one object type or object. ADMIN only.',
    filter: (entry: ChangeLogEntry, args: ChangeLoggedArgs) =>
      (!args.objectType || entry.objectType === args.objectType) && (!args.objectId || entry.objectId === args.objectId),
    resolve: (entry: ChangeLogEntry) => ChangeLogEntryType.from(entry),
  })
  changeLogged(@Args() _args: ChangeLoggedArgs) {
    return this.feed.stream();
  }
}
