import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { SuppressionSource } from '../common/graphql/suppression-reason.type';
import { Effect, type ScheduledSource } from '../common/suppression/suppression.model';
import { RegisteredSource } from '../common/suppression/suppression-source.registry';
import { MaintenancePeriod, PeriodMaintenanceType } from './monitor.entities';

/** How a period is named in reasons and calendars: its own name, or else its type and recurrence. */
export function periodName(period: Pick<MaintenancePeriod, 'name' | 'maintenanceType' | 'schedule'>): string {
  return period.name || `${period.maintenanceType} (${period.schedule.recurrence})`;
}

/** A monitor that is not checked cannot notify either. */
const EFFECTS: Record<PeriodMaintenanceType, readonly Effect[]> = {
  [PeriodMaintenanceType.DISABLE_MONITORING]: [Effect.DISABLE_MONITORING, Effect.DISABLE_NOTIFICATIONS],
  [PeriodMaintenanceType.DISABLE_NOTIFICATIONS]: [Effect.DISABLE_NOTIFICATIONS],
};

/** Monitor maintenance periods as suppression sources, over each occurrence of their schedule. */
@Injectable()
export class PeriodSuppressionSource extends RegisteredSource {
  readonly source = SuppressionSource.MONITOR_PERIOD;

  protected readonly objectType = 'MaintenancePeriod';
  /** A deleted monitor takes its periods with it. */
  protected override readonly goneWith = { objectType: 'Monitor', targetType: 'MONITOR' };

  async load(db: EntityManager, ids?: readonly string[]): Promise<ScheduledSource[]> {
    const periods = await db.getRepository(MaintenancePeriod).find({ where: ids ? { id: In([...ids]) } : {} });
    return periods.map((p) => ({
      kind: 'scheduled',
      source: this.source,
      id: p.id,
      name: periodName(p),
      schedule: p.schedule,
      targets: [{ type: 'MONITOR', id: p.monitorId, effects: EFFECTS[p.maintenanceType] }],
    }));
  }
}
