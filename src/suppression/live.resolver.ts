import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import type { ChangeLogEntry } from '../common/changelog/changelog-entry.entity';
import { ChangeLogFeed } from '../common/changelog/changelog.feed';
import { ChangeLogEntryType } from '../common/changelog/changelog.types';
import type { SuppressionSource } from '../common/graphql/suppression-reason.type';
import { UuidPipe } from '../common/graphql/uuid.pipe';
import { MaintenanceService } from '../provider-maintenance/maintenance.service';
import { toMaintenance } from '../provider-maintenance/maintenance.resolver';
import { OccurrenceType } from '../scheduling/occurrence.type';
import { matchesFilter } from './suppression.service';
import { MaintenanceChangeType, WindowTransitionsArgs, WindowTransitionType } from './suppression.types';
import type { WindowTransitionRow } from './window-transition.entity';
import { WindowTransitionFeed } from './window-transition.feed';

const MAINTENANCE = 'Maintenance';

/** Live streams over graphql-ws: transitions of every source, and changes of provider maintenances. */
@Resolver()
export class LiveResolver {
  constructor(
    private readonly transitions: WindowTransitionFeed,
    private readonly changes: ChangeLogFeed,
    private readonly maintenances: MaintenanceService,
  ) {}

  @Subscription(() => WindowTransitionType, {
    description:
      'Each occurrence STARTED and ENDED from now on, announced once across replicas; optionally of some sources or targets only.',
    filter: (row: WindowTransitionRow, args: WindowTransitionsArgs) =>
      matchesFilter(args)({ source: row.source as SuppressionSource, targets: row.targets }),
    resolve: (row: WindowTransitionRow) =>
      Object.assign(new WindowTransitionType(), {
        kind: row.kind,
        at: row.at,
        source: row.source,
        id: row.sourceId,
        name: row.title,
        occurrence: OccurrenceType.of(row.occurrenceStart, row.occurrenceEnd),
        targets: row.targets,
      }),
  })
  windowTransitions(@Args() _args: WindowTransitionsArgs) {
    return this.transitions.transitions();
  }

  @Subscription(() => MaintenanceChangeType, {
    description: 'Each committed change of a provider maintenance (status, times, impacts, notifications…), or of the one with `id`.',
    filter: (entry: ChangeLogEntry, args: { id?: string }) => entry.objectType === MAINTENANCE && (!args.id || entry.objectId === args.id),
    async resolve(this: LiveResolver, entry: ChangeLogEntry) {
      const maintenance = entry.action === 'DELETE' ? null : await this.maintenances.find(entry.objectId);
      return Object.assign(new MaintenanceChangeType(), {
        change: ChangeLogEntryType.from(entry),
        maintenance: maintenance && toMaintenance(maintenance),
      });
    },
  })
  maintenanceChanged(@Args('id', { type: () => ID, nullable: true }, UuidPipe) _id: string | null) {
    return this.changes.entries();
  }
}
