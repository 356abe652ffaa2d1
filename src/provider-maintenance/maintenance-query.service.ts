import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import type { Connection } from '../common/pagination/connection';
import { keysetPage } from '../common/pagination/keyset';
import type { PageArgs } from '../common/pagination/page-args';
import { ImpactTargetKind, Maintenance } from './entities/maintenance.entity';
import { MaintenanceStatus } from './maintenance-status';

export interface MaintenanceFilter {
  status?: MaintenanceStatus[];
  providerId?: string;
  acknowledged?: boolean;
  startsAfter?: Date;
  startsBefore?: Date;
  endsAfter?: Date;
  endsBefore?: Date;
  hasReplaces?: boolean;
  replacesId?: string;
  siteId?: string;
  regionId?: string;
  locationId?: string;
  q?: string;
}

const SITES_IN_REGION = `WITH RECURSIVE below(id) AS (SELECT CAST(:regionId AS uuid) UNION SELECT r.id FROM region r JOIN below b ON r.parent_id = b.id)
  SELECT s.id FROM site s WHERE s.region_id IN (SELECT id FROM below)`;
const LOCATIONS_IN = `WITH RECURSIVE below(id) AS (SELECT CAST(:locationId AS uuid) UNION SELECT l.id FROM location l JOIN below b ON l.parent_id = b.id) SELECT id FROM below`;

/** Reads across maintenances: the filtered list. */
@Injectable()
export class MaintenanceQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(filter: MaintenanceFilter, page: PageArgs): Promise<Connection<Maintenance>> {
    const query = this.dataSource.getRepository(Maintenance).createQueryBuilder('m');
    if (filter.status?.length) query.andWhere('m.status IN (:...status)', { status: filter.status });
    if (filter.providerId) query.andWhere('m.provider_id = :providerId', { providerId: filter.providerId });
    if (filter.acknowledged !== undefined && filter.acknowledged !== null)
      query.andWhere('m.acknowledged = :ack', { ack: filter.acknowledged });
    if (filter.startsAfter) query.andWhere('m.starts_at >= :startsAfter', { startsAfter: filter.startsAfter });
    if (filter.startsBefore) query.andWhere('m.starts_at < :startsBefore', { startsBefore: filter.startsBefore });
    if (filter.endsAfter) query.andWhere('m.ends_at >= :endsAfter', { endsAfter: filter.endsAfter });
    if (filter.endsBefore) query.andWhere('m.ends_at < :endsBefore', { endsBefore: filter.endsBefore });
    if (filter.hasReplaces !== undefined && filter.hasReplaces !== null)
      query.andWhere(`m.replaces_id IS ${filter.hasReplaces ? 'NOT ' : ''}NULL`);
    if (filter.replacesId) query.andWhere('m.replaces_id = :replacesId', { replacesId: filter.replacesId });
    if (filter.q) {
      const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere('(m.name ILIKE :like OR m.summary ILIKE :like OR m.internal_ticket ILIKE :like OR m.impact_description ILIKE :like)', {
        like,
      });
    }
    if (filter.siteId) this.impacting(query, 'SELECT CAST(:siteId AS uuid)', { siteId: filter.siteId });
    if (filter.regionId) this.impacting(query, SITES_IN_REGION, { regionId: filter.regionId });
    if (filter.locationId) this.impactingLocations(query, filter.locationId);
    return keysetPage(query, page, {
      column: 'm.starts_at',
      idColumn: 'm.id',
      cast: 'timestamptz',
      valueOf: (m) => m.startsAt.toISOString(),
      idOf: (m) => m.id,
    });
  }

  /** Maintenances with an impact on one of the sites `sitesSql` selects, on a location at them, or on a circuit ending there. */
  private impacting(query: SelectQueryBuilder<Maintenance>, sitesSql: string, params: object) {
    query.andWhere(
      `EXISTS (SELECT 1 FROM maintenance_impact i WHERE i.maintenance_id = m.id AND (
        (i.target_type = '${ImpactTargetKind.SITE}' AND i.target_id IN (${sitesSql}))
        OR (i.target_type = '${ImpactTargetKind.LOCATION}' AND i.target_id IN (SELECT l.id FROM location l WHERE l.site_id IN (${sitesSql})))
        OR (i.target_type = '${ImpactTargetKind.CIRCUIT}' AND i.target_id IN (SELECT c.id FROM circuit c WHERE c.site_id IN (${sitesSql})))))`,
      params,
    );
  }

  private impactingLocations(query: SelectQueryBuilder<Maintenance>, locationId: string) {
    query.andWhere(
      `EXISTS (SELECT 1 FROM maintenance_impact i WHERE i.maintenance_id = m.id AND (
        (i.target_type = '${ImpactTargetKind.LOCATION}' AND i.target_id IN (${LOCATIONS_IN}))
        OR (i.target_type = '${ImpactTargetKind.CIRCUIT}' AND i.target_id IN (SELECT c.id FROM circuit c WHERE c.location_id IN (${LOCATIONS_IN})))))`,
      { locationId },
    );
  }
}
