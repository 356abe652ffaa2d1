import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Actor } from '../common/auth/actor';
import type { Schedule } from '../schedule';
import { ScheduleOwners, type ScheduleOwner } from '../schedule-graphql/schedule-owners';
import { MaintenancePeriodsService } from './maintenance-periods.service';
import { toPeriod } from './period.mapper';

/** Lets `skipOccurrence(periodId: …)` change a period's schedule, through the period's own update. */
@Injectable()
export class PeriodScheduleOwner implements ScheduleOwner, OnModuleInit {
  readonly argument = 'periodId';

  constructor(
    private readonly owners: ScheduleOwners,
    private readonly periods: MaintenancePeriodsService,
  ) {}

  onModuleInit() {
    this.owners.register(this);
  }

  async changeSchedule(id: string, change: (schedule: Schedule) => Schedule, actor: Actor) {
    return toPeriod(await this.periods.update(id, (period) => ({ schedule: change(period.schedule) }), actor));
  }
}
