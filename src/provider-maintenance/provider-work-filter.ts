import { containsPattern } from '../common/search/contains-pattern';
import type { SelectQueryBuilder } from 'typeorm';
import { ImpactTargetKind } from '../common/targets/impact-target.type';

/** The filter maintenances and outages share (see ProviderWorkFilter), with their status and text search. */
export interface ProviderWorkFilterValues {
  status?: string[];
  providerId?: string;
  acknowledged?: boolean;
  siteId?: string;
  regionId?: string;
  locationId?: string;
  q?: string;
}

const SITES_IN_REGION = `WITH RECURSIVE below(id) AS (SELECT CAST(:regionId AS uuid) UNION SELECT r.id FROM region r JOIN below b ON r.parent_id = b.id)
  SELECT s.id FROM site s WHERE s.region_id IN (SELECT id FROM below)`;
const LOCATIONS_IN = `WITH RECURSIVE below(id) AS (SELECT CAST(:locationId AS uuid) UNION SELECT l.id FROM location l JOIN below b ON l.parent_id = b.id) SELECT id FROM below`;

/**
 * Narrows a query on maintenances or outages (rows under `query.alias`) to
 * the shared filter: `owner` is the impact column that points at such a row,
 * `textColumns` the columns `q` searches.
 */
export function applyProviderWorkFilter<T extends object>(
  query: SelectQueryBuilder<T>,
  owner: 'maintenance_id' | 'outage_id',
  filter: ProviderWorkFilterValues,
  textColumns: readonly string[],
): void {
  const a = query.alias;
  if (filter.status?.length) query.andWhere(`${a}.status IN (:...status)`, { status: filter.status });
  if (filter.providerId) query.andWhere(`${a}.provider_id = :providerId`, { providerId: filter.providerId });
  if (filter.acknowledged !== undefined && filter.acknowledged !== null)
    query.andWhere(`${a}.acknowledged = :ack`, { ack: filter.acknowledged });
  if (filter.q) {
    const like = containsPattern(filter.q);
    query.andWhere(`(${textColumns.map((c) => `${a}.${c} ILIKE :like`).join(' OR ')})`, { like });
  }
  const impacts = `SELECT 1 FROM maintenance_impact i WHERE i.${owner} = ${a}.id`;
  if (filter.siteId) impactingSites(query, impacts, 'SELECT CAST(:siteId AS uuid)', { siteId: filter.siteId });
  if (filter.regionId) impactingSites(query, impacts, SITES_IN_REGION, { regionId: filter.regionId });
  if (filter.locationId) {
    query.andWhere(
      `EXISTS (${impacts} AND (
        (i.target_type = '${ImpactTargetKind.LOCATION}' AND i.target_id IN (${LOCATIONS_IN}))
        OR (i.target_type = '${ImpactTargetKind.CIRCUIT}' AND i.target_id IN (SELECT c.id FROM circuit c WHERE c.location_id IN (${LOCATIONS_IN})))))`,
      { locationId: filter.locationId },
    );
  }
}

/** Rows with an impact on one of the sites `sitesSql` selects, on a location at them, or on a circuit ending there. */
function impactingSites<T extends object>(query: SelectQueryBuilder<T>, impacts: string, sitesSql: string, params: object) {
  query.andWhere(
    `EXISTS (${impacts} AND (
      (i.target_type = '${ImpactTargetKind.SITE}' AND i.target_id IN (${sitesSql}))
      OR (i.target_type = '${ImpactTargetKind.LOCATION}' AND i.target_id IN (SELECT l.id FROM location l WHERE l.site_id IN (${sitesSql})))
      OR (i.target_type = '${ImpactTargetKind.CIRCUIT}' AND i.target_id IN (SELECT c.id FROM circuit c WHERE c.site_id IN (${sitesSql})))))`,
    params,
  );
}
