import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { Clock } from '../clock/clock';
import type { Connection } from '../pagination/connection';
import { byTime, keysetPage } from '../pagination/keyset';
import type { PageArgs } from '../pagination/page-args';
import type { ChangeRef } from '../suppression/suppression.model';
import { CHANGELOG_CHANNEL } from './changelog.feed';
import { ChangeLogEntry, type ChangeAction, type FieldChanges } from './changelog-entry.entity';

/** What the change log shows of one kind of object: its name, the fields an entry compares, and its status if it has one. */
export interface AuditedKind<T> {
  objectType: string;
  fields: readonly (keyof T & string)[];
  status?: (row: T) => string | null;
}

export interface ChangeRecord {
  objectType: string;
  objectId: string;
  action: ChangeAction;
  actor: Actor;
  changes?: FieldChanges;
  status?: string | null;
}

/**
 * Every domain write records what it changed through here, with the manager
 * of its own transaction, so the entry commits or rolls back with the write.
 */
@Injectable()
export class ChangeLogService {
  constructor(
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Names this process in notifications, so it can tell its own changes from other replicas'. */
  readonly replica = randomUUID();

  /** The changes a committed transaction recorded, taken once (for after-commit hooks). */
  static takeChanges(data: Record<string, unknown>): ChangeRef[] {
    const changes = (data.changes as ChangeRef[] | undefined) ?? [];
    data.changes = [];
    return changes;
  }

  async record(manager: EntityManager, change: ChangeRecord): Promise<ChangeLogEntry> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('ChangeLogService.record must run inside the transaction of the write it records');
    }
    const entry = manager.create(ChangeLogEntry, {
      objectType: change.objectType,
      objectId: change.objectId,
      action: change.action,
      actorTokenId: change.actor.tokenId,
      actorName: change.actor.name,
      changes: change.changes ?? {},
      status: change.status ?? null,
      at: this.clock.now(),
    });
    const saved = await manager.save(entry);
    // For this replica's after-commit hooks (the suppression engine); other replicas hear the notification.
    const data = manager.queryRunner.data as { changes?: ChangeRef[] };
    (data.changes ??= []).push({ objectType: saved.objectType, objectId: saved.objectId, action: saved.action });
    // Delivered by Postgres only if the transaction commits.
    await manager.query('SELECT pg_notify($1, $2)', [
      CHANGELOG_CHANNEL,
      JSON.stringify({ id: saved.id, objectType: saved.objectType, objectId: saved.objectId, action: saved.action, replica: this.replica }),
    ]);
    return saved;
  }

  /**
   * Records a write as the difference of the kind's fields between the row
   * before and after it: CREATE when there was none before, DELETE when there
   * is none after, else `action`. An update that changed none of the fields
   * records nothing; the result says whether it recorded.
   */
  async recordDiff<T extends object>(
    manager: EntityManager,
    kind: AuditedKind<T>,
    objectId: string,
    change: { before: T | null; after: T | null; actor: Actor; action?: 'UPDATE' | 'TRANSITION' },
  ): Promise<boolean> {
    const { before, after, actor } = change;
    const changes = diffFields(before, after, kind.fields);
    if (before && after && Object.keys(changes).length === 0) return false;
    const action = !before ? 'CREATE' : !after ? 'DELETE' : (change.action ?? 'UPDATE');
    const row = after ?? before;
    const status = row && kind.status ? kind.status(row) : null;
    await this.record(manager, { objectType: kind.objectType, objectId, action, actor, changes, status });
    return true;
  }

  /** The audit log, newest first. */
  page(filter: { objectType?: string; objectId?: string }, page: PageArgs): Promise<Connection<ChangeLogEntry>> {
    const query = this.dataSource.getRepository(ChangeLogEntry).createQueryBuilder('e');
    if (filter.objectType) query.andWhere('e.object_type = :objectType', { objectType: filter.objectType });
    if (filter.objectId) query.andWhere('e.object_id = :objectId', { objectId: filter.objectId });
    return keysetPage(
      query,
      page,
      byTime('e.at', 'e.id', (e) => e.at, 'DESC'),
    );
  }

  /** Newest first: an object's timeline. */
  forObject(objectType: string, objectId: string, limit: number): Promise<ChangeLogEntry[]> {
    return this.dataSource.getRepository(ChangeLogEntry).find({
      where: { objectType, objectId },
      order: { at: 'DESC', seq: 'DESC' },
      take: limit,
    });
  }
}

/** The fields whose values differ between two snapshots, as `{ field: { before, after } }`. */
function diffFields<T extends object>(before: T | null, after: T | null, fields: readonly (keyof T & string)[]): FieldChanges {
  const changes: FieldChanges = {};
  for (const field of fields) {
    const from = before ? normalise(before[field]) : null;
    const to = after ? normalise(after[field]) : null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { before: from, after: to };
  }
  return changes;
}

function normalise(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : (value ?? null);
}
