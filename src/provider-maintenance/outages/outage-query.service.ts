import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Connection } from '../../common/pagination/connection';
import { byTime, keysetPage } from '../../common/pagination/keyset';
import type { PageArgs } from '../../common/pagination/page-args';
import { Outage } from '../entities/outage.entity';
import { applyProviderWorkFilter, type ProviderWorkFilterValues } from '../provider-work-filter';
import { OutageStatus } from './outage-status';

export interface OutageFilter extends ProviderWorkFilterValues {
  status?: OutageStatus[];
  active?: boolean;
}

/** Reads across outages: the filtered list, by start. */
@Injectable()
export class OutageQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(filter: OutageFilter, page: PageArgs): Promise<Connection<Outage>> {
    const query = this.dataSource.getRepository(Outage).createQueryBuilder('o');
    applyProviderWorkFilter(query, 'outage_id', filter, ['name', 'summary', 'internal_ticket']);
    if (filter.active !== undefined && filter.active !== null)
      query.andWhere(`o.status ${filter.active ? '<>' : '='} :resolved`, { resolved: OutageStatus.RESOLVED });
    return keysetPage(
      query,
      page,
      byTime('o.starts_at', 'o.id', (o) => o.startsAt),
    );
  }
}
