import { findOrNotFound, lockOrNotFound } from '../common/errors/lock-or-not-found';
import { containsPattern } from '../common/search/contains-pattern';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import DataLoader from 'dataloader';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { BulkResult } from '../common/bulk-result';
import { ChangeLogService, type AuditedKind } from '../common/changelog/changelog.service';
import { Clock } from '../common/clock/clock';
import { BadUserInputError, ConflictError, DomainError } from '../common/errors/domain-error';
import { uniqueAs } from '../common/errors/pg-errors';
import { byKeys } from '../common/loaders/loader-registry';
import { definedOnly } from '../common/graphql/defined-only';
import { firstOccurrenceStart, lastOccurrenceEnd, nextOccurrences, previousOccurrence, type Occurrence, type Schedule } from '../schedule';
import { checkedSchedule } from '../schedule-graphql/checked-schedule';
import { BlackoutPolicy, BlackoutTransition, PolicyRunKind } from './blackout.entities';
import { BlackoutActionsService } from './blackout-actions.service';
import { refuseBroadSelector } from './broad-selector';
import { PolicyCache } from './policy-cache';
import { PolicyStatus } from './policy-status';
import { compileSelector, SelectorSyntaxError } from '../selector';

export interface BlackoutPolicyInput {
  name: string;
  description: string;
  executionOrder: number;
  selector: string;
  enabled: boolean;
  schedule: Schedule;
  blackoutExistingEvents: boolean;
  resetStatusOnBlackoutEnd: boolean;
}

/** Broad selectors are refused unless the input says it means one (see refuseBroadSelector). */
export interface BroadConsent {
  confirmBroad?: boolean | null;
}

/** An update: what to change, or a function of the policy as it is (read under its row lock). */
export type PolicyEdit = Partial<BlackoutPolicyInput> & BroadConsent;

export interface PolicySearch {
  text?: string;
  enabled?: boolean;
  status?: PolicyStatus[];
}

export type SortField = 'NAME' | 'EXECUTION_ORDER' | 'CREATED_AT' | 'UPDATED_AT';

const FIELDS: AuditedKind<BlackoutPolicy>['fields'] = [
  'name',
  'description',
  'executionOrder',
  'selector',
  'enabled',
  'schedule',
  'blackoutExistingEvents',
  'resetStatusOnBlackoutEnd',
];
const SORT_COLUMN: Record<SortField, string> = {
  NAME: 'lower(p.name)',
  EXECUTION_ORDER: 'p.execution_order',
  CREATED_AT: 'p.created_at',
  UPDATED_AT: 'p.updated_at',
};

/** A policy with an occurrence under way or to come, by its span (first_start, last_end: see BlackoutPolicy). */
const LIVE = '(p.first_start IS NOT NULL AND (p.last_end IS NULL OR p.last_end > :now))';
/** Each status as SQL, given `:now` and `:active` (the ids in an occurrence now): what `status()` says, filtered in the database. */
const STATUS_SQL: Record<PolicyStatus, string> = {
  [PolicyStatus.DISABLED]: 'NOT p.enabled',
  [PolicyStatus.ACTIVE]: 'p.enabled AND p.id = ANY(CAST(:active AS uuid[]))',
  [PolicyStatus.SCHEDULED]: `p.enabled AND ${LIVE} AND NOT p.id = ANY(CAST(:active AS uuid[]))`,
  [PolicyStatus.EXPIRED]: `p.enabled AND NOT ${LIVE}`,
};

/** Blackout policies: what they select, when, and what happens to events at the start and end. */
@Injectable()
export class BlackoutPoliciesService {
  private readonly audited: AuditedKind<BlackoutPolicy> = { objectType: 'BlackoutPolicy', fields: FIELDS, status: (p) => this.status(p) };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changeLog: ChangeLogService,
    private readonly clock: Clock,
    private readonly cache: PolicyCache,
    private readonly actions: BlackoutActionsService,
  ) {}

  get(id: string): Promise<BlackoutPolicy> {
    return findOrNotFound(this.dataSource, BlackoutPolicy, id, 'BlackoutPolicy');
  }

  /** The current occurrence if there is one and the policy is enabled. */
  activeOccurrence(policy: BlackoutPolicy, now = this.clock.now()): Occurrence | null {
    return policy.enabled ? this.cache.compile(policy).activeAt(now) : null;
  }

  status(policy: BlackoutPolicy, now = this.clock.now()): PolicyStatus {
    if (!policy.enabled) return PolicyStatus.DISABLED;
    if (this.activeOccurrence(policy, now)) return PolicyStatus.ACTIVE;
    return nextOccurrences(this.cache.compile(policy).schedule, now, 1).length ? PolicyStatus.SCHEDULED : PolicyStatus.EXPIRED;
  }

  /** The most recent occurrence that has begun: the active one, else the last that ended. */
  lastRun(policy: BlackoutPolicy, now = this.clock.now()): Occurrence | null {
    const schedule = this.cache.compile(policy).schedule;
    return this.cache.compile(policy).activeAt(now) ?? previousOccurrence(schedule, now);
  }

  /** Per policy, the latest START or END that ran (an END over the START of its occurrence). */
  readonly latestRun = () =>
    new DataLoader<string, BlackoutTransition | null>(async (ids) =>
      byKeys(
        ids,
        await this.dataSource
          .getRepository(BlackoutTransition)
          .createQueryBuilder('t')
          .distinctOn(['t.policy_id'])
          .where('t.policy_id IN (:...ids)', { ids: [...ids] })
          .orderBy('t.policy_id')
          .addOrderBy('t.occurrence_start', 'DESC')
          .addOrderBy(`t.kind = 'END'`, 'DESC')
          .getMany(),
        (t) => t.policyId,
        null,
      ),
    );

  /** The next occurrence that has not begun. */
  nextRun(policy: BlackoutPolicy, now = this.clock.now()): Occurrence | null {
    return nextOccurrences(this.cache.compile(policy).schedule, now, 2).find((o) => o.start > now) ?? null;
  }

  /** Filtered in SQL, status in code (it depends on the schedule), then sorted and paged. */
  async search(search: PolicySearch, page: { index: number; size: number }, sort: { field: SortField; order: 'ASC' | 'DESC' }) {
    const query = this.dataSource.getRepository(BlackoutPolicy).createQueryBuilder('p');
    if (search.text) query.andWhere('(p.name ILIKE :like OR p.description ILIKE :like)', { like: containsPattern(search.text) });
    if (search.enabled !== undefined && search.enabled !== null) query.andWhere('p.enabled = :enabled', { enabled: search.enabled });
    if (search.status?.length) {
      const now = this.clock.now();
      const active = await this.activeIds(now);
      query.andWhere(`(${search.status.map((s) => STATUS_SQL[s]).join(' OR ')})`, { now, active });
    }
    query
      .orderBy(SORT_COLUMN[sort.field], sort.order)
      .addOrderBy('p.id', sort.order)
      .offset((page.index - 1) * page.size)
      .limit(page.size);
    const [nodes, totalCount] = await query.getManyAndCount();
    return { totalCount, nodes };
  }

  /** The enabled policies in an occurrence at `now`: only those whose span covers it are asked (the rest cannot be). */
  private async activeIds(now: Date): Promise<string[]> {
    const candidates = await this.dataSource
      .getRepository(BlackoutPolicy)
      .createQueryBuilder('p')
      .where(`p.enabled AND ${LIVE} AND p.first_start <= :now`, { now })
      .getMany();
    return candidates.filter((p) => this.activeOccurrence(p, now)).map((p) => p.id);
  }

  create({ confirmBroad, ...input }: BlackoutPolicyInput & BroadConsent, actor: Actor): Promise<BlackoutPolicy> {
    const derived = this.checked(input);
    return this.unique(input.name, async (manager) => {
      if (!confirmBroad) await refuseBroadSelector(manager, input.selector, 'input.selector');
      const policy = await manager.save(
        manager.create(BlackoutPolicy, {
          ...input,
          ...derived,
          ownerTokenId: actor.tokenId,
          ownerName: actor.name,
          createdAt: this.clock.now(),
        }),
      );
      await this.changeLog.recordDiff(manager, this.audited, policy.id, { before: null, after: policy, actor });
      return policy;
    });
  }

  /** Name is fixed; refused (POLICY_ACTIVE) while in an active occurrence; a new selector is checked for breadth. */
  update(id: string, edit: PolicyEdit | ((policy: BlackoutPolicy) => PolicyEdit), actor: Actor): Promise<BlackoutPolicy> {
    return this.dataSource.transaction(async (manager) => {
      const policy = await this.locked(manager, id);
      const { confirmBroad, ...input } = typeof edit === 'function' ? edit(policy) : edit;
      const derived = this.checked(input);
      if (input.name !== undefined && input.name !== policy.name)
        throw BadUserInputError.field('input.name', 'cannot change after creation');
      const active = this.activeOccurrence(policy);
      if (active) {
        throw new DomainError(
          'POLICY_ACTIVE',
          `Blackout policy ${policy.name} is active until ${active.end.toISOString()}; disable it first or wait`,
          {
            occurrence: { start: active.start.toISOString(), end: active.end.toISOString() },
          },
        );
      }
      if (input.selector !== undefined && input.selector !== policy.selector && !confirmBroad)
        await refuseBroadSelector(manager, input.selector, 'input.selector');
      return this.saveAndLog(manager, policy, (p) => Object.assign(p, definedOnly({ ...input, name: undefined }), derived), actor);
    });
  }

  enable(ids: string[], actor: Actor): Promise<BulkResult> {
    return this.bulk(ids, async (manager, policy) => {
      if (policy.enabled) return;
      await this.saveAndLog(manager, policy, (p) => Object.assign(p, { enabled: true }), actor);
    });
  }

  /** Disabling an active policy ends its blackout now: the END action runs (resetting events if the policy says so). */
  disable(ids: string[], actor: Actor): Promise<BulkResult> {
    return this.bulk(ids, async (manager, policy) => {
      if (!policy.enabled) return;
      await this.endNow(manager, policy, actor);
      await this.saveAndLog(manager, policy, (p) => Object.assign(p, { enabled: false }), actor);
    });
  }

  /** Deleting an active policy ends its blackout first, as disabling does. */
  delete(ids: string[], actor: Actor): Promise<BulkResult> {
    return this.bulk(ids, async (manager, policy) => {
      await this.endNow(manager, policy, actor);
      await manager.delete(BlackoutPolicy, { id: policy.id });
      await this.changeLog.recordDiff(manager, this.audited, policy.id, { before: policy, after: null, actor });
    });
  }

  private async endNow(manager: EntityManager, policy: BlackoutPolicy, actor: Actor) {
    const active = this.activeOccurrence(policy);
    if (active) await this.actions.runIn(manager, this.cache.compile(policy), active, PolicyRunKind.END, actor, this.clock.now());
  }

  /** Applies `edit` to the policy, saves it and records what changed. */
  private async saveAndLog(manager: EntityManager, policy: BlackoutPolicy, edit: (p: BlackoutPolicy) => void, actor: Actor) {
    const before = { ...policy };
    edit(policy);
    const saved = await manager.save(policy);
    await this.changeLog.recordDiff(manager, this.audited, policy.id, { before, after: saved, actor });
    return saved;
  }

  /** Each id in its own transaction: one failing leaves the others done. */
  private async bulk(ids: string[], work: (manager: EntityManager, policy: BlackoutPolicy) => Promise<void>): Promise<BulkResult> {
    const result = new BulkResult();
    for (const id of [...new Set(ids)]) {
      if (!isUUID(id)) {
        result.failed.push({ id, code: 'BAD_USER_INPUT', message: 'not a UUID' });
        continue;
      }
      try {
        await this.dataSource.transaction(async (manager) => work(manager, await this.locked(manager, id)));
        result.succeeded.push(id);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        result.failed.push({ id, code: error.code, message: error.message });
      }
    }
    return result;
  }

  private async locked(manager: EntityManager, id: string): Promise<BlackoutPolicy> {
    const policy = await lockOrNotFound(manager, BlackoutPolicy, id, 'BlackoutPolicy');
    return policy;
  }

  /** Selector and schedule checks (every problem at once), and the schedule's indexed bounds. */
  private checked(input: Partial<BlackoutPolicyInput>): Partial<Pick<BlackoutPolicy, 'firstStart' | 'lastEnd'>> {
    const problems = [];
    if (input.selector !== undefined) {
      try {
        compileSelector(input.selector);
      } catch (error) {
        if (!(error instanceof SelectorSyntaxError)) throw error;
        problems.push({ path: 'input.selector', message: `${error.message}`, position: error.position });
      }
    }
    let derived = {};
    if (input.schedule) {
      try {
        const compiled = checkedSchedule(input.schedule, 'input.schedule');
        derived = { firstStart: firstOccurrenceStart(compiled), lastEnd: lastOccurrenceEnd(compiled) };
      } catch (error) {
        if (!(error instanceof BadUserInputError)) throw error;
        problems.push(...error.fields);
      }
    }
    if (problems.length) throw new BadUserInputError(problems);
    return derived;
  }

  private unique<T>(name: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return uniqueAs(
      () => this.dataSource.transaction(work),
      'UQ_blackout_policy_name',
      () => new ConflictError(`A blackout policy named ${name} already exists`, { path: 'input.name' }),
    );
  }
}
