import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SuppressionSource } from '../common/graphql/suppression-reason.type';
import type { Down, FixedSource } from '../common/suppression/suppression.model';
import { RegisteredSource } from '../common/suppression/suppression-source.registry';
import { IMPACTS_JSON, impactTargets, type ImpactRow } from './impact-effects';
import { MaintenanceStatus } from './maintenance-status';

/** Only work that is going ahead suppresses: planned-but-unconfirmed and finished work does not. */
const SUPPRESSING: readonly string[] = [MaintenanceStatus.CONFIRMED, MaintenanceStatus.IN_PROCESS];
/** Work that may still happen counts against redundancy; the unconfirmed as tentative. */
const DOWN: Partial<Record<string, Down>> = {
  [MaintenanceStatus.CONFIRMED]: 'FIRM',
  [MaintenanceStatus.IN_PROCESS]: 'FIRM',
  [MaintenanceStatus.TENTATIVE]: 'TENTATIVE',
  [MaintenanceStatus.UNKNOWN]: 'TENTATIVE',
};

/** Provider maintenances as suppression sources, over their window, on what they impact. */
@Injectable()
export class MaintenanceSuppressionSource extends RegisteredSource {
  readonly source = SuppressionSource.PROVIDER_MAINTENANCE;

  /** Status, window and impacts are all recorded on the maintenance. */
  protected readonly objectType = 'Maintenance';

  async load(db: EntityManager, ids?: readonly string[]): Promise<FixedSource[]> {
    const rows = await db.query<
      { id: string; name: string; status: string; starts_at: Date; ends_at: Date; provider_id: string; impacts: ImpactRow[] }[]
    >(
      `SELECT m.id, m.name, m.status, m.starts_at, m.ends_at, m.provider_id, ${IMPACTS_JSON} AS impacts
       FROM maintenance m LEFT JOIN maintenance_impact i ON i.maintenance_id = m.id
       ${ids ? 'WHERE m.id = ANY($1::uuid[])' : ''} GROUP BY m.id`,
      ids ? [ids] : [],
    );
    return rows.map((m) => ({
      kind: 'fixed',
      source: this.source,
      id: m.id,
      name: `${m.name} (${m.status})`,
      start: new Date(m.starts_at),
      end: new Date(m.ends_at),
      targets: impactTargets(m.impacts, SUPPRESSING.includes(m.status), DOWN[m.status]),
      providerId: m.provider_id,
    }));
  }
}
