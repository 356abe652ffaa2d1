import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { HushConfig } from '../../config/config';
import { ChangeLogService } from '../changelog/changelog.service';
import { ROOT_LOGGER } from '../logging/logging.module';
import { SYSTEM_ACTOR } from './actor';
import { ApiToken } from './api-token.entity';
import { TOKEN_OBJECT_TYPE } from './auth.service';
import { Role } from './role';
import { hashSecret, newSecret } from './secret';

const SEED_LOCK_KEY = 7_201_944_002;

/**
 * First use: HUSH_ADMIN_TOKEN becomes an ADMIN token; without it, a store
 * with no token at all gets a fresh ADMIN token printed once. Under an
 * advisory lock so replicas starting together seed once.
 */
@Injectable()
export class AdminTokenSeeder implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: HushConfig,
    private readonly changeLog: ChangeLogService,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap() {
    const printed = await this.seed();
    if (printed) {
      // Printed, not logged: it must reach the person who started Hush, exactly once.
      process.stdout.write(`\nNo API token existed, so Hush made an ADMIN token. It is shown only now:\n\n    ${printed}\n\n`);
    }
  }

  /** Returns the secret of a freshly made token, or null when none was made. */
  async seed(): Promise<string | null> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
      const fromEnv = this.config.HUSH_ADMIN_TOKEN;
      const hash = fromEnv ? hashSecret(fromEnv) : null;
      const existing = hash ? await manager.existsBy(ApiToken, { secretHash: hash }) : await manager.exists(ApiToken);
      if (existing) return null;
      const secret = fromEnv ?? newSecret();
      const name = fromEnv ? 'admin (HUSH_ADMIN_TOKEN)' : 'admin (first start)';
      const token = await manager.save(manager.create(ApiToken, { name, role: Role.ADMIN, secretHash: hashSecret(secret) }));
      await this.changeLog.record(manager, {
        objectType: TOKEN_OBJECT_TYPE,
        objectId: token.id,
        action: 'CREATE',
        actor: SYSTEM_ACTOR,
        changes: { name: { before: null, after: name }, role: { before: null, after: Role.ADMIN } },
      });
      this.logger.info({ tokenId: token.id }, 'seeded an ADMIN token');
      return fromEnv ? null : secret;
    });
  }
}
