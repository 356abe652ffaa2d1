import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/auth/actor';
import { Registry } from '../common/registry';
import type { Schedule } from '../schedule';
import type { ScheduledType } from './scheduled.type';

/** How a module lets others change the schedule of what it owns. */
export interface ScheduleOwner {
  /** The argument that names one of its objects, e.g. `periodId`. */
  readonly argument: string;
  /**
   * Replaces the schedule of object `id` by `change(current schedule)` through
   * the module's own update (one transaction with its changelog entry, the row
   * locked so concurrent changes do not undo each other); returns the object
   * as GraphQL shows it.
   */
  changeSchedule(id: string, change: (schedule: Schedule) => Schedule, actor: Actor): Promise<ScheduledType>;
}

/**
 * Modules register what has a schedule (periods, blackout policies), so that
 * `skipOccurrence` can change any of them without importing their modules.
 */
@Injectable()
export class ScheduleOwners extends Registry<ScheduleOwner> {
  constructor() {
    super('schedule owner', (owner) => owner.argument);
  }

  get(argument: string): ScheduleOwner {
    const owner = this.find(argument);
    if (!owner) throw new Error(`no schedule owner for ${argument}`);
    return owner;
  }
}
