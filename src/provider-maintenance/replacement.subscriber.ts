import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EventSubscriber, type EntitySubscriberInterface, type InsertEvent } from 'typeorm';
import { SYSTEM_ACTOR, type Actor } from '../common/auth/actor';
import { ChangeLogService } from '../common/changelog/changelog.service';
import { Maintenance } from './entities/maintenance.entity';
import { replaced } from './workflow/maintenance-workflow';

/** Where a write puts its actor for subscribers: `queryRunner.data`, which lives as long as the transaction. */
export function setActor(manager: { queryRunner?: { data: Record<string, unknown> } }, actor: Actor) {
  if (manager.queryRunner) manager.queryRunner.data.actor = actor;
}

/**
 * However a maintenance that replaces another gets inserted (reschedule,
 * plain create, import), the other becomes RE_SCHEDULED in the same
 * transaction, through the event's manager, with its changelog entry.
 */
@Injectable()
@EventSubscriber()
export class ReplacementSubscriber implements EntitySubscriberInterface<Maintenance> {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly changeLog: ChangeLogService,
  ) {
    dataSource.subscribers.push(this);
  }

  listenTo() {
    return Maintenance;
  }

  async afterInsert(event: InsertEvent<Maintenance>) {
    const replacesId = event.entity.replacesId;
    if (!replacesId) return;
    const original = await event.manager.findOne(Maintenance, { where: { id: replacesId }, lock: { mode: 'pessimistic_write' } });
    if (!original) return;
    const { to, changed } = replaced(original.status);
    if (!changed) return;
    const from = original.status;
    await event.manager.update(Maintenance, { id: original.id }, { status: to });
    await this.changeLog.record(event.manager, {
      objectType: 'Maintenance',
      objectId: original.id,
      action: 'TRANSITION',
      actor: (event.queryRunner.data as { actor?: Actor }).actor ?? SYSTEM_ACTOR,
      changes: { status: { before: from, after: to }, replacedBy: { before: null, after: event.entity.id } },
      status: to,
    });
  }
}
