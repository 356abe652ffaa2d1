import { rowsById } from '../common/loaders/rows-by-id';
import { findOrNotFound, lockOrNotFound } from '../common/errors/lock-or-not-found';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { ChangeLogService, type AuditedKind } from '../common/changelog/changelog.service';
import { BadUserInputError, ConflictError } from '../common/errors/domain-error';
import { uniqueAs } from '../common/errors/pg-errors';
import { definedOnly } from '../common/graphql/defined-only';
import { rowsByKey } from '../common/loaders/rows-by-key';
import type { Connection } from '../common/pagination/connection';
import { byNameOrder, keysetPage } from '../common/pagination/keyset';
import type { PageArgs } from '../common/pagination/page-args';
import { EscalationPolicy, EscalationRule, EscalationRuleTarget } from './entities/escalation-policy.entity';
import { Service } from './entities/service.entity';
import { User } from './entities/user.entity';

export interface RuleInput {
  delayMinutes: number;
  targets: { type: 'USER'; id: string }[];
}

export interface EscalationPolicyInput {
  name: string;
  description: string;
  numLoops: number;
  rules: RuleInput[];
}

/** Its rules are shown as one field, as `describeRules` gives them. */
const POLICY: AuditedKind<Omit<EscalationPolicy, 'rules'> & { rules: unknown }> = {
  objectType: 'EscalationPolicy',
  fields: ['name', 'description', 'numLoops', 'rules'],
};

@Injectable()
export class EscalationPoliciesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changeLog: ChangeLogService,
  ) {}

  readonly byId = () => rowsById(this.dataSource, EscalationPolicy);

  readonly rulesByPolicy = () => rowsByKey(this.dataSource, EscalationRule, 'policyId', { position: 'ASC' });

  readonly targetsByRule = () => rowsByKey(this.dataSource, EscalationRuleTarget, 'ruleId', { position: 'ASC' });

  get(id: string): Promise<EscalationPolicy> {
    return findOrNotFound(this.dataSource, EscalationPolicy, id, 'EscalationPolicy');
  }

  list(page: PageArgs): Promise<Connection<EscalationPolicy>> {
    return keysetPage(this.dataSource.getRepository(EscalationPolicy).createQueryBuilder('p'), page, byNameOrder('p'));
  }

  create(input: EscalationPolicyInput, actor: Actor): Promise<EscalationPolicy> {
    return this.write(input.name, async (manager) => {
      const { rules, ...fields } = input;
      const policy = await manager.save(manager.create(EscalationPolicy, fields));
      const ruleChanges = await this.replaceRules(manager, policy.id, rules);
      await this.changeLog.recordDiff(manager, POLICY, policy.id, { before: null, after: { ...policy, rules: ruleChanges }, actor });
      return policy;
    });
  }

  update(id: string, input: Partial<EscalationPolicyInput>, actor: Actor): Promise<EscalationPolicy> {
    return this.write(input.name, async (manager) => {
      const policy = await lockOrNotFound(manager, EscalationPolicy, id, 'EscalationPolicy');
      const { rules, ...fields } = input;
      const before = { ...policy, rules: await this.describeRules(manager, id) };
      const saved = await manager.save(Object.assign(policy, definedOnly(fields)));
      const after = { ...saved, rules: rules ? await this.replaceRules(manager, id, rules) : before.rules };
      if (await this.changeLog.recordDiff(manager, POLICY, id, { before, after, actor })) {
        await manager.update(EscalationPolicy, { id }, { updatedAt: () => 'now()' });
      }
      return manager.findOneByOrFail(EscalationPolicy, { id });
    });
  }

  /** Refused while a service uses the policy: the error names the services. */
  delete(id: string, actor: Actor): Promise<EscalationPolicy> {
    return this.dataSource.transaction(async (manager) => {
      const policy = await lockOrNotFound(manager, EscalationPolicy, id, 'EscalationPolicy');
      const holders = await manager.find(Service, {
        where: { escalationPolicyId: id },
        select: { id: true, name: true },
        order: { name: 'ASC' },
      });
      if (holders.length) {
        throw new ConflictError(`Escalation policy ${policy.name} is used by services: ${holders.map((s) => s.name).join(', ')}`, {
          heldBy: holders.map((s) => ({ type: 'Service', id: s.id, name: s.name })),
        });
      }
      const rules = await this.describeRules(manager, id);
      await manager.delete(EscalationPolicy, { id });
      await this.changeLog.recordDiff(manager, POLICY, id, { before: { ...policy, rules }, after: null, actor });
      return policy;
    });
  }

  /** Rules as stored data, for the changelog. */
  private async describeRules(manager: EntityManager, policyId: string): Promise<RuleInput[]> {
    const rules = await manager.find(EscalationRule, { where: { policyId }, order: { position: 'ASC' } });
    const targets = await manager.find(EscalationRuleTarget, { where: { ruleId: In(rules.map((r) => r.id)) }, order: { position: 'ASC' } });
    return rules.map((r) => ({
      delayMinutes: r.delayMinutes,
      targets: targets.filter((t) => t.ruleId === r.id).map((t) => ({ type: t.targetType, id: t.userId })),
    }));
  }

  private async replaceRules(manager: EntityManager, policyId: string, rules: RuleInput[]): Promise<RuleInput[]> {
    const userIds = [...new Set(rules.flatMap((r) => r.targets.map((t) => t.id)))];
    const known = new Set((await manager.find(User, { where: { id: In(userIds) }, select: { id: true } })).map((u) => u.id));
    const missing = rules.flatMap((r, i) =>
      r.targets.flatMap((t, j) => (known.has(t.id) ? [] : [{ path: `input.rules.${i}.targets.${j}.id`, message: `no user ${t.id}` }])),
    );
    if (missing.length) throw new BadUserInputError(missing);

    await manager.delete(EscalationRule, { policyId });
    for (const [position, rule] of rules.entries()) {
      const saved = await manager.save(manager.create(EscalationRule, { policyId, position, delayMinutes: rule.delayMinutes }));
      await manager.insert(
        EscalationRuleTarget,
        rule.targets.map((t, i) => ({ ruleId: saved.id, position: i, targetType: 'USER' as const, userId: t.id })),
      );
    }
    return rules.map((r) => ({ delayMinutes: r.delayMinutes, targets: r.targets.map((t) => ({ type: t.type, id: t.id })) }));
  }

  private write<T>(name: string | undefined, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return uniqueAs(
      () => this.dataSource.transaction(work),
      'UQ_escalation_policy_name',
      () => new ConflictError(`An escalation policy named ${name} already exists`, { path: 'input.name' }),
    );
  }
}
