import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Registry } from '../registry';
import type { EntityManager } from 'typeorm';
import type { SuppressionSource } from '../graphql/suppression-reason.type';
import type { ChangeRef, SourceRecord } from './suppression.model';

/** The ids of one provider's sources the engine holds on a target. */
export type HeldOn = (type: string, id: string) => readonly string[];

/** How a module hands its sources to the suppression engine. */
export interface SuppressionSourceProvider {
  readonly source: SuppressionSource;
  /** The current records of these ids (every source of this kind when omitted); an id left out no longer suppresses anything. */
  load(db: EntityManager, ids?: readonly string[]): Promise<SourceRecord[]>;
  /** The ids of its sources a committed change may have touched (`held` for those gone with the object they were on). */
  touched(change: ChangeRef, held: HeldOn): readonly string[];
}

/**
 * Modules register the sources of suppression they own (windows, periods,
 * blackout policies, provider maintenances), so the engine can load and
 * follow them without importing any module — as TargetRegistry does for names.
 */
@Injectable()
export class SuppressionSourceRegistry extends Registry<SuppressionSourceProvider> {
  constructor() {
    super('suppression source', (provider) => provider.source);
  }
}

/**
 * A module's source provider, registered when its module starts. A source is
 * one row of `objectType` (everything about it is recorded on that row), and
 * with `goneWith`, a deleted object it is on takes it too: a change touches
 * the row it records, or the sources held on the object deleted.
 */
@Injectable()
export abstract class RegisteredSource implements SuppressionSourceProvider, OnModuleInit {
  abstract readonly source: SuppressionSource;
  protected abstract readonly objectType: string;
  protected readonly goneWith?: { objectType: string; targetType: string };

  constructor(private readonly registry: SuppressionSourceRegistry) {}

  onModuleInit() {
    this.registry.register(this);
  }

  abstract load(db: EntityManager, ids?: readonly string[]): Promise<SourceRecord[]>;

  touched(change: ChangeRef, held: HeldOn): readonly string[] {
    if (change.objectType === this.objectType) return [change.objectId];
    const gone = this.goneWith;
    return gone && change.objectType === gone.objectType && change.action === 'DELETE' ? held(gone.targetType, change.objectId) : [];
  }
}
