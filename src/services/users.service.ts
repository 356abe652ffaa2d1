import { rowsById } from '../common/loaders/rows-by-id';
import { findOrNotFound, lockOrNotFound } from '../common/errors/lock-or-not-found';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { ChangeLogService, type AuditedKind } from '../common/changelog/changelog.service';
import { ConflictError } from '../common/errors/domain-error';
import { uniqueAs } from '../common/errors/pg-errors';
import { definedOnly } from '../common/graphql/defined-only';
import type { Connection } from '../common/pagination/connection';
import { byNameOrder, keysetPage } from '../common/pagination/keyset';
import type { PageArgs } from '../common/pagination/page-args';
import { EscalationPolicy, EscalationRule, EscalationRuleTarget } from './entities/escalation-policy.entity';
import { User } from './entities/user.entity';

const USER: AuditedKind<User> = { objectType: 'User', fields: ['name', 'email', 'timeZone'] };

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changeLog: ChangeLogService,
  ) {}

  readonly byId = () => rowsById(this.dataSource, User);

  get(id: string): Promise<User> {
    return findOrNotFound(this.dataSource, User, id, 'User');
  }

  list(page: PageArgs): Promise<Connection<User>> {
    return keysetPage(this.dataSource.getRepository(User).createQueryBuilder('u'), page, byNameOrder('u'));
  }

  create(input: Pick<User, 'name' | 'email' | 'timeZone'>, actor: Actor): Promise<User> {
    return this.write(input.email, async (manager) => {
      const user = await manager.save(manager.create(User, input));
      await this.changeLog.recordDiff(manager, USER, user.id, { before: null, after: user, actor });
      return user;
    });
  }

  update(id: string, input: Partial<Pick<User, 'name' | 'email' | 'timeZone'>>, actor: Actor): Promise<User> {
    return this.write(input.email, async (manager) => {
      const user = await lockOrNotFound(manager, User, id, 'User');
      const before = { ...user };
      const saved = await manager.save(Object.assign(user, definedOnly(input)));
      await this.changeLog.recordDiff(manager, USER, id, { before, after: saved, actor });
      return saved;
    });
  }

  /** Refused while an escalation policy targets the user: the error names the policies. */
  delete(id: string, actor: Actor): Promise<User> {
    return this.dataSource.transaction(async (manager) => {
      const user = await lockOrNotFound(manager, User, id, 'User');
      const holders = await manager
        .createQueryBuilder(EscalationPolicy, 'p')
        .innerJoin(EscalationRule, 'r', 'r.policy_id = p.id')
        .innerJoin(EscalationRuleTarget, 't', 't.rule_id = r.id')
        .where('t.user_id = :id', { id })
        .select(['p.id', 'p.name'])
        .distinct(true)
        .getMany();
      if (holders.length) {
        throw new ConflictError(`User ${user.name} is a target of escalation policies: ${holders.map((p) => p.name).join(', ')}`, {
          heldBy: holders.map((p) => ({ type: 'EscalationPolicy', id: p.id, name: p.name })),
        });
      }
      await manager.delete(User, { id });
      await this.changeLog.recordDiff(manager, USER, id, { before: user, after: null, actor });
      return user;
    });
  }

  private write<T>(email: string | undefined, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return uniqueAs(
      () => this.dataSource.transaction(work),
      'UQ_app_user_email',
      () => new ConflictError(`A user with email ${email} already exists`, { path: 'input.email' }),
    );
  }
}
