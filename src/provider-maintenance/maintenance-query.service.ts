import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Connection } from '../common/pagination/connection';
import { byTime, keysetPage } from '../common/pagination/keyset';
import type { PageArgs } from '../common/pagination/page-args';
import { Maintenance } from './entities/maintenance.entity';
import type { MaintenanceStatus } from './maintenance-status';
import { applyProviderWorkFilter, type ProviderWorkFilterValues } from './provider-work-filter';

export interface MaintenanceFilter extends ProviderWorkFilterValues {
  status?: MaintenanceStatus[];
  startsAfter?: Date;
  startsBefore?: Date;
  endsAfter?: Date;
  endsBefore?: Date;
  hasReplaces?: boolean;
  replacesId?: string;
}

/** Reads across maintenances: the filtered list. */
@Injectable()
export class MaintenanceQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(filter: MaintenanceFilter, page: PageArgs): Promise<Connection<Maintenance>> {
    const query = this.dataSource.getRepository(Maintenance).createQueryBuilder('m');
    applyProviderWorkFilter(query, 'maintenance_id', filter, ['name', 'summary', 'internal_ticket', 'impact_description']);
    if (filter.startsAfter) query.andWhere('m.starts_at >= :startsAfter', { startsAfter: filter.startsAfter });
    if (filter.startsBefore) query.andWhere('m.starts_at < :startsBefore', { startsBefore: filter.startsBefore });
    if (filter.endsAfter) query.andWhere('m.ends_at >= :endsAfter', { endsAfter: filter.endsAfter });
    if (filter.endsBefore) query.andWhere('m.ends_at < :endsBefore', { endsBefore: filter.endsBefore });
    if (filter.hasReplaces !== undefined && filter.hasReplaces !== null)
      query.andWhere(`m.replaces_id IS ${filter.hasReplaces ? 'NOT ' : ''}NULL`);
    if (filter.replacesId) query.andWhere('m.replaces_id = :replacesId', { replacesId: filter.replacesId });
    return keysetPage(
      query,
      page,
      byTime('m.starts_at', 'm.id', (m) => m.startsAt),
    );
  }
}
