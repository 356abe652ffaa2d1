import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { SuppressionSource } from '../common/graphql/suppression-reason.type';
import type { EventRuleSource } from '../common/suppression/suppression.model';
import { RegisteredSource } from '../common/suppression/suppression-source.registry';
import { BlackoutPolicy } from './blackout.entities';

/**
 * Enabled blackout policies as suppression sources: the events their
 * selector matches are blacked out over each occurrence. Among several, the
 * lowest execution order applies, then the oldest.
 */
@Injectable()
export class PolicySuppressionSource extends RegisteredSource {
  readonly source = SuppressionSource.BLACKOUT_POLICY;

  protected readonly objectType = 'BlackoutPolicy';

  async load(db: EntityManager, ids?: readonly string[]): Promise<EventRuleSource[]> {
    const policies = await db.getRepository(BlackoutPolicy).find({ where: { enabled: true, ...(ids ? { id: In([...ids]) } : {}) } });
    return policies.map((p) => ({
      kind: 'events',
      source: this.source,
      id: p.id,
      name: p.name,
      schedule: p.schedule,
      selector: p.selector,
      precedence: [p.executionOrder, p.createdAt.getTime()],
    }));
  }
}
