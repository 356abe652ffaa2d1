import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BlackoutPolicy } from './blackout.entities';
import { byPrecedence, CompiledPolicy } from './compiled-policy';

/**
 * The enabled policies, compiled, in precedence order, for the start/end
 * worker. Every use first asks Postgres for a fingerprint of the enabled set
 * (one cheap aggregate), so a change made through any replica is seen by the
 * next tick here. Decisions do not come from here: they are the suppression engine's.
 */
@Injectable()
export class PolicyCache {
  private fingerprint = '';
  private current: readonly CompiledPolicy[] = [];
  private readonly compiled = new Map<string, CompiledPolicy>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The enabled policies in precedence order. */
  async enabled(): Promise<readonly CompiledPolicy[]> {
    const [row] = await this.dataSource.query<{ n: number; latest: string; ids: string }[]>(
      `SELECT count(*)::int AS n, coalesce(max(updated_at), 'epoch')::text AS latest, coalesce(sum(hashtext(id::text)), 0)::text AS ids FROM blackout_policy WHERE enabled`,
    );
    const fingerprint = `${row.n}/${row.latest}/${row.ids}`;
    if (fingerprint !== this.fingerprint) {
      const rows = await this.dataSource.getRepository(BlackoutPolicy).find({ where: { enabled: true } });
      this.current = rows.sort(byPrecedence).map((p) => this.compile(p));
      this.fingerprint = fingerprint;
    }
    return this.current;
  }

  /** Compiled form of one policy version (also for disabled policies, e.g. when they end). */
  compile(policy: BlackoutPolicy): CompiledPolicy {
    const key = `${policy.id}@${policy.updatedAt.getTime()}`;
    let compiled = this.compiled.get(key);
    if (!compiled) {
      if (this.compiled.size > 50_000) this.compiled.clear();
      compiled = new CompiledPolicy(policy);
      this.compiled.set(key, compiled);
    }
    return compiled;
  }
}
