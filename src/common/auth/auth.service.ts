import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { NotFoundError } from '../errors/domain-error';
import { Clock } from '../clock/clock';
import { ChangeLogService } from '../changelog/changelog.service';
import { type Actor } from './actor';
import { ApiToken } from './api-token.entity';
import { Role } from './role';
import { hashSecret, newSecret } from './secret';

/** Writing `last_used_at` on every request would turn reads into writes; once a minute is enough to audit. */
const LAST_USED_PRECISION_MS = 60_000;

export const TOKEN_OBJECT_TYPE = 'ApiToken';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changeLog: ChangeLogService,
    private readonly clock: Clock,
  ) {}

  /** The live token holding this secret, or null. */
  async authenticate(secret: string): Promise<ApiToken | null> {
    const repo = this.dataSource.getRepository(ApiToken);
    const token = await repo.findOneBy({ secretHash: hashSecret(secret), revokedAt: IsNull() });
    if (!token) return null;
    const now = this.clock.now();
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
      await repo.update({ id: token.id }, { lastUsedAt: now });
      token.lastUsedAt = now;
    }
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
  revoke(id: string, actor: Actor): Promise<ApiToken> {
    return this.dataSource.transaction(async (manager) => {
      const token = await manager.findOne(ApiToken, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!token) throw new NotFoundError('ApiToken', id, 'id');
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
  }

  list(): Promise<ApiToken[]> {
    return this.dataSource.getRepository(ApiToken).find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
