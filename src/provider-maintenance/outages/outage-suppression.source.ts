import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SuppressionSource } from '../../common/graphql/suppression-reason.type';
import { OPEN_END, type FixedSource } from '../../common/suppression/suppression.model';
import { RegisteredSource } from '../../common/suppression/suppression-source.registry';
import { IMPACTS_JSON, impactTargets, type ImpactRow } from '../impact-effects';
import { OUTAGE_OBJECT_TYPE } from './outage.service';

/**
 * Provider outages as suppression sources on what they impact: from their
 * start until further notice (OPEN_END, shown to the ETR) while unresolved,
 * and from start to end once RESOLVED — so a resolve stops suppressing at
 * once, and the occurrence keeps its real times for history.
 */
@Injectable()
export class OutageSuppressionSource extends RegisteredSource {
  readonly source = SuppressionSource.PROVIDER_OUTAGE;

  /** Status, times and impacts are all recorded on the outage. */
  protected readonly objectType = OUTAGE_OBJECT_TYPE;

  async load(db: EntityManager, ids?: readonly string[]): Promise<FixedSource[]> {
    const rows = await db.query<
      {
        id: string;
        name: string;
        status: string;
        starts_at: Date;
        ends_at: Date | null;
        estimated_time_to_repair: Date | null;
        provider_id: string;
        impacts: ImpactRow[];
      }[]
    >(
      `SELECT o.id, o.name, o.status, o.starts_at, o.ends_at, o.estimated_time_to_repair, o.provider_id, ${IMPACTS_JSON} AS impacts
       FROM outage o LEFT JOIN maintenance_impact i ON i.outage_id = o.id
       ${ids ? 'WHERE o.id = ANY($1::uuid[])' : ''} GROUP BY o.id`,
      ids ? [ids] : [],
    );
    return rows.map((o) => ({
      kind: 'fixed',
      source: this.source,
      id: o.id,
      name: `${o.name} (${o.status})`,
      start: new Date(o.starts_at),
      end: o.ends_at ? new Date(o.ends_at) : OPEN_END,
      ...(o.estimated_time_to_repair && !o.ends_at && { shownEnd: new Date(o.estimated_time_to_repair) }),
      // Resolved ones suppress too, but only up to their end: the engine reads their timing, not their status.
      targets: impactTargets(o.impacts, true, 'FIRM'),
      providerId: o.provider_id,
    }));
  }
}
