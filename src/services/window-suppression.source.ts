import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SuppressionSource } from '../common/graphql/suppression-reason.type';
import { Effect, type FixedSource } from '../common/suppression/suppression.model';
import { RegisteredSource } from '../common/suppression/suppression-source.registry';

/** What a window does to each of its services; one list for all of them. */
const NO_INCIDENT: readonly Effect[] = [Effect.NO_INCIDENT];

/** Maintenance windows as suppression sources: while one runs, triggers on its services open no incident. */
@Injectable()
export class WindowSuppressionSource extends RegisteredSource {
  readonly source = SuppressionSource.SERVICE_WINDOW;

  protected readonly objectType = 'MaintenanceWindow';
  /** A deleted service leaves its past windows, or deletes those it was alone on. */
  protected override readonly goneWith = { objectType: 'Service', targetType: 'SERVICE' };

  async load(db: EntityManager, ids?: readonly string[]): Promise<FixedSource[]> {
    const rows = await db.query<{ id: string; description: string; starts_at: Date; ends_at: Date; services: string[] }[]>(
      `SELECT w.id, w.description, w.starts_at, w.ends_at, array_agg(ws.service_id::text ORDER BY ws.service_id) AS services
       FROM maintenance_window w JOIN maintenance_window_service ws ON ws.window_id = w.id
       ${ids ? 'WHERE w.id = ANY($1::uuid[])' : ''} GROUP BY w.id`,
      ids ? [ids] : [],
    );
    return rows.map((w) => ({
      kind: 'fixed',
      source: this.source,
      id: w.id,
      name: w.description || 'Maintenance window',
      start: new Date(w.starts_at),
      end: new Date(w.ends_at),
      targets: w.services.map((id) => ({ type: 'SERVICE', id, effects: NO_INCIDENT, down: 'FIRM' as const })),
    }));
  }
}
