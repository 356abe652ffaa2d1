import { lockOrNotFound } from '../errors/lock-or-not-found';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { Clock } from '../clock/clock';
import { NotificationBus } from '../../database/notification-bus';
import { CHANGELOG_CHANNEL } from '../changelog/changelog.feed';
import { ChangeLogService } from '../changelog/changelog.service';
import { type Actor } from './actor';
import { ApiToken } from './api-token.entity';
import { Role } from './role';
import { hashSecret, newSecret } from './secret';

/** Writing `last_used_at` on every request would turn reads into writes; once a minute is enough to audit. */
const LAST_USED_PRECISION_MS = 60_000;

/** How long a token once found is trusted without asking the database again, at most. */
const RECENT_MS = 30_000;
const RECENT_MAX = 10_000;

export const TOKEN_OBJECT_TYPE = 'ApiToken';

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  /**
   * Live tokens by secret hash, so a request (an alert pipeline asking for a
   * decision) costs no SQL. Emptied whenever any token changes — here at
   * once, on another replica through the changelog's NOTIFY — and after the
   * listening connection comes back; not used while it is away; and each
   * entry expires after RECENT_MS regardless.
   */
  private readonly recent = new Map<string, { token: ApiToken; until: number }>();
  /**
   * Bumped with each emptying: a lookup that was under way when a token
   * changed may have read the old row, so it must not be remembered.
   */
  private generation = 0;
  /** Lookups under way, by secret hash: requests that come meanwhile wait for the same one (no stampede when trust expires). */
  private readonly lookups = new Map<string, Promise<ApiToken | null>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changeLog: ChangeLogService,
    private readonly clock: Clock,
    private readonly bus: NotificationBus,
  ) {}

  async onApplicationBootstrap() {
    await this.bus.listen(CHANGELOG_CHANNEL, (payload) => {
      if ((JSON.parse(payload) as { objectType?: string }).objectType === TOKEN_OBJECT_TYPE) this.forgetRecent();
    });
    // A revocation notified while the listening connection was lost was never heard: trust nothing found before.
    this.bus.onResync(() => this.forgetRecent());
  }

  private forgetRecent() {
    this.recent.clear();
    this.lookups.clear();
    this.generation++;
  }

  /** The live token holding this secret, or null. */
  async authenticate(secret: string): Promise<ApiToken | null> {
    const hash = hashSecret(secret);
    const now = this.clock.now();
    const known = this.recent.get(hash);
    // Trust needs to hear of changes: while not listening, every request asks the database.
    if (known && known.until > now.getTime() && this.bus.listening) return known.token;
    let lookup = this.lookups.get(hash);
    if (!lookup) {
      lookup = this.lookUp(hash, now).finally(() => this.lookups.delete(hash));
      this.lookups.set(hash, lookup);
    }
    return lookup;
  }

  private async lookUp(hash: string, now: Date): Promise<ApiToken | null> {
    const generation = this.generation;
    const repo = this.dataSource.getRepository(ApiToken);
    const token = await repo.findOneBy({ secretHash: hash, revokedAt: IsNull() });
    if (!token) return null;
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
      await repo.update({ id: token.id }, { lastUsedAt: now });
      token.lastUsedAt = now;
    }
    if (generation !== this.generation || !this.bus.listening) return token;
    if (this.recent.size >= RECENT_MAX) this.recent.clear();
    this.recent.set(hash, { token, until: now.getTime() + RECENT_MS });
    return token;
  }

  /** Creates a token; the secret is returned here and never again. */
  async create(input: { name: string; role: Role }, actor: Actor): Promise<{ token: ApiToken; secret: string }> {
    const secret = newSecret();
    const token = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(manager.create(ApiToken, { name: input.name, role: input.role, secretHash: hashSecret(secret) }));
      await this.changeLog.record(manager, {
        objectType: TOKEN_OBJECT_TYPE,
        objectId: saved.id,
        action: 'CREATE',
        actor,
        changes: { name: { before: null, after: saved.name }, role: { before: null, after: saved.role } },
      });
      return saved;
    });
    return { token, secret };
  }

  /** Revokes a token at once; revoking a revoked token changes nothing. */
  async revoke(id: string, actor: Actor): Promise<ApiToken> {
    const revoked = await this.dataSource.transaction(async (manager) => {
      const token = await lockOrNotFound(manager, ApiToken, id, 'ApiToken');
      if (token.revokedAt) return token;
      token.revokedAt = this.clock.now();
      await manager.save(token);
      await this.changeLog.record(manager, {
        objectType: TOKEN_OBJECT_TYPE,
        objectId: token.id,
        action: 'UPDATE',
        actor,
        changes: { revokedAt: { before: null, after: token.revokedAt.toISOString() } },
      });
      return token;
    });
    // Here at once; other replicas when the changelog's notification arrives.
    this.forgetRecent();
    return revoked;
  }

  list(): Promise<ApiToken[]> {
    return this.dataSource.getRepository(ApiToken).find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
