import { Args, Resolver, Subscription } from '@nestjs/graphql';
import type { SuppressionSource } from '../common/graphql/suppression-reason.type';
import { OccurrenceType } from '../schedule-graphql/occurrence.type';
import { matchesFilter } from './suppression.service';
import { WindowTransitionsArgs, WindowTransitionType } from './suppression.types';
import type { WindowTransitionRow } from './window-transition.entity';
import { WindowTransitionFeed } from './window-transition.feed';

/** Transitions of every source as a live stream over graphql-ws. */
@Resolver()
export class LiveResolver {
  constructor(private readonly transitions: WindowTransitionFeed) {}

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
    return this.transitions.stream();
  }
}
