import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type EntitySubscriberInterface, type TransactionCommitEvent } from 'typeorm';
import { CHANGELOG_CHANNEL } from '../common/changelog/changelog.feed';
import { ChangeLogService } from '../common/changelog/changelog.service';
import { PeriodicJob } from '../common/periodic-job';
import { DependencyRegistry } from '../common/suppression/dependency.registry';
import type {
  CalendarEntry,
  ChangeRef,
  Decision,
  DependencyRecord,
  Downtime,
  NodeRef,
  Reached,
  SourceRecord,
  Target,
} from '../common/suppression/suppression.model';
import type { SuppressionSource } from '../common/graphql/suppression-reason.type';
import { SuppressionPort, type SuppressionStatus } from '../common/suppression/suppression.port';
import { SuppressionSourceRegistry } from '../common/suppression/suppression-source.registry';
import { HushConfig } from '../config/config';
import { NotificationBus } from '../database/notification-bus';
import { nodeKey } from './dependency-graph';
import { sourceKey, SuppressionState } from './suppression-state';

/**
 * Each replica's in-memory copy of every suppression source, and the one
 * place that decides. Loaded whole at start; after that a committed change
 * updates only the sources it touched — at once on the replica that made it
 * (before the write returns, so a client reads its own writes), and on the
 * others from the change log's NOTIFY. A periodic check compares the whole
 * copy with the database and repairs (and logs, and counts) any difference.
 * Decisions read the copy as it is: they never wait for a load.
 */
@Injectable()
export class SuppressionEngine extends SuppressionPort implements OnApplicationBootstrap, OnApplicationShutdown, EntitySubscriberInterface {
  private readonly logger = new Logger('SuppressionEngine');
  readonly state = new SuppressionState();
  private readonly check = new PeriodicJob('SuppressionCheck', () => this.reconcile(false));
  /**
   * Loads are numbered as they start; a source keeps the newest load that read it, whatever order loads finish in.
   * A source missing here was read by no load still running (see `numbered`): any later load is newer.
   */
  private loads = 0;
  private running = 0;
  private readonly loadOf = new Map<string, number>();
  private readonly counts = { fullLoads: 0, followed: 0, repairs: 0 };
  private readonly listeners = new Set<(changes: readonly ChangeRef[]) => void>();
  private unlisten?: () => void;
  private unresync?: () => void;
  private markLoaded!: () => void;
  private readonly firstLoad = new Promise<void>((resolve) => (this.markLoaded = resolve));

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bus: NotificationBus,
    private readonly changeLog: ChangeLogService,
    private readonly registry: SuppressionSourceRegistry,
    private readonly dependencies: DependencyRegistry,
    @Inject(HushConfig) private readonly config: HushConfig,
  ) {
    super();
    dataSource.subscribers.push(this);
  }

  async onApplicationBootstrap() {
    // Own changes are followed after their commit; only other replicas' matter here.
    this.unlisten = await this.bus.listen(CHANGELOG_CHANNEL, (payload) => {
      const change = JSON.parse(payload) as ChangeRef & { replica?: string };
      if (change.replica !== this.changeLog.replica) void this.followSafely([change], this.dataSource.manager);
    });
    // Changes notified while the listening connection was lost are gone: compare everything once it is back.
    this.unresync = this.bus.onResync(
      () => void this.check.tick().catch((e: unknown) => this.logger.error(`the check after a reconnect failed: ${String(e)}`)),
    );
    await this.reconcile(true);
    this.markLoaded();
    this.check.start(this.config.HUSH_SUPPRESSION_CHECK_MS);
  }

  async onApplicationShutdown() {
    this.unlisten?.();
    this.unresync?.();
    await this.check.stop();
  }

  /** TypeORM calls this after every commit: the changes it recorded are loaded through the same connection, which it still holds. */
  async afterTransactionCommit(event: TransactionCommitEvent) {
    if (event.queryRunner.isTransactionActive) return; // a savepoint, not the commit
    const changes = ChangeLogService.takeChanges(event.queryRunner.data);
    if (changes.length) await this.followSafely(changes, event.queryRunner.manager);
  }

  decide(targets: readonly Target[], at: Date): Decision[] {
    return targets.map(this.state.decider(at));
  }

  suppressedIds(type: 'SERVICE' | 'MONITOR', at: Date): Set<string> {
    return this.state.suppressedIds(type, at);
  }

  calendar(from: Date, to: Date, keep: ((entry: CalendarEntry) => boolean) | undefined, shownAt: Date): CalendarEntry[] {
    return this.state.calendar(from, to, keep, undefined, shownAt);
  }

  downtimes(targets: readonly NodeRef[], from: Date, to: Date): Downtime[] {
    return this.state.downtimes(targets, from, to);
  }

  takenOutBy(source: SuppressionSource, id: string): Downtime[] {
    return this.state.takenOutBy(source, id);
  }

  reach(from: readonly NodeRef[]): Reached[] {
    return this.state.graph.reach(from);
  }

  onChanged(listener: (changes: readonly ChangeRef[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private tell(changes: readonly ChangeRef[]) {
    for (const listener of this.listeners) listener(changes);
  }

  loaded(): Promise<void> {
    return this.firstLoad;
  }

  status(): SuppressionStatus {
    return { sources: this.state.size, ...this.counts };
  }

  /** Compares the whole copy with the database now; returns how many sources it repaired. */
  verify(): Promise<number> {
    return this.check.tick();
  }

  private async followSafely(changes: ChangeRef[], db: EntityManager) {
    try {
      await this.follow(changes, db);
    } catch (error) {
      // The write itself committed; the next check brings the copy back in line.
      this.logger.error(`following ${changes.length} change(s) failed, a check will repair it: ${String(error)}`);
      void this.check.tick().catch((e: unknown) => this.logger.error(`the check failed too: ${String(e)}`));
    }
  }

  /** Reloads the dependencies and sources the changes touched, and only those. */
  private follow(changes: ChangeRef[], db: EntityManager): Promise<void> {
    return this.numbered(async (load) => {
      for (const provider of this.dependencies.all()) {
        const ids = [...new Set(changes.flatMap((change) => provider.touched(change)))];
        if (ids.length === 0) continue;
        const found = new Map((await provider.load(db, ids)).map((r) => [r.node.id, r]));
        const records = ids
          .filter((id) => this.newest(load, `dependencies/${provider.type}:${id}`))
          .map((id) => found.get(id) ?? { node: { type: provider.type, id }, upstream: [] });
        this.state.setDependencies(records);
      }
      for (const provider of this.registry.all()) {
        const held = (type: string, id: string) => this.state.heldOn(provider.source, type, id);
        const ids = [...new Set(changes.flatMap((change) => provider.touched(change, held)))];
        if (ids.length === 0) continue;
        const found = new Map((await provider.load(db, ids)).map((r) => [r.id, r]));
        for (const id of ids) this.apply(load, sourceKey(provider.source, id), found.get(id) ?? null, provider.source, id);
      }
      this.counts.followed++;
      this.tell(changes);
    });
  }

  /**
   * Runs a load under the next number. Once none is running the marks are
   * forgotten — every later load is newer than all of them — so they are
   * kept only while loads overlap, not one per source ever written.
   */
  private async numbered<T>(run: (load: number) => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await run(++this.loads);
    } finally {
      if (--this.running === 0) this.loadOf.clear();
    }
  }

  /** Whether `load` is the newest to have read this source (and now marked as such). */
  private newest(load: number, key: string): boolean {
    if ((this.loadOf.get(key) ?? 0) > load) return false;
    this.loadOf.set(key, load);
    return true;
  }

  /** Puts (or, when null, deletes) a source unless a newer load already did. */
  private apply(load: number, key: string, record: SourceRecord | null, source: SourceRecord['source'], id: string): boolean {
    if (!this.newest(load, key)) return false;
    if (record) this.state.put(record);
    else this.state.delete(source, id);
    return true;
  }

  /** Loads every dependency and source and puts in what differs: everything at start, and nothing (or a logged repair) after. */
  private reconcile(initial: boolean): Promise<number> {
    return this.numbered(async (load) => {
      let repaired = await this.reconcileDependencies(load, initial);
      for (const provider of this.registry.all()) {
        const records = await provider.load(this.dataSource.manager);
        const seen = new Set<string>();
        if (initial) {
          // Everything at once: blackout rules are filed best knowing of each other.
          // Not marked: a source a follow has read meanwhile is marked newer and kept; every other one is as the start read it.
          this.state.putAll(records.filter((r) => (this.loadOf.get(sourceKey(r.source, r.id)) ?? 0) <= load));
          continue;
        }
        for (const record of records) {
          const key = sourceKey(record.source, record.id);
          seen.add(key);
          const held = this.state.get(record.source, record.id);
          if (held && JSON.stringify(held) === JSON.stringify(record)) continue;
          if (this.apply(load, key, record, record.source, record.id)) {
            repaired++;
            this.logger.warn(`repaired ${key}: it was ${held ? 'out of date' : 'missing'}`);
          }
        }
        for (const record of [...this.state.all()].filter((r) => r.source === provider.source)) {
          const key = sourceKey(record.source, record.id);
          if (seen.has(key) || !this.apply(load, key, null, record.source, record.id)) continue;
          repaired++;
          this.logger.warn(`repaired ${key}: it no longer exists`);
        }
      }
      this.counts.fullLoads++;
      this.counts.repairs += repaired;
      if (repaired) this.tell([]);
      return repaired;
    });
  }

  /** The dependency graph as the database has it; returns how many objects' dependencies differed (all of them at start). */
  private async reconcileDependencies(load: number, initial: boolean): Promise<number> {
    const differ: DependencyRecord[] = [];
    const seen = new Set<string>();
    for (const provider of this.dependencies.all()) {
      for (const record of await provider.load(this.dataSource.manager)) {
        const key = nodeKey(record.node);
        seen.add(key);
        if (JSON.stringify(this.state.graph.upstreamOf(record.node)) !== JSON.stringify(record.upstream)) differ.push(record);
      }
    }
    for (const key of this.state.graph.nodes()) {
      if (seen.has(key)) continue;
      const at = key.indexOf(':');
      differ.push({ node: { type: key.slice(0, at), id: key.slice(at + 1) }, upstream: [] });
    }
    const apply = differ.filter((r) => this.newest(load, `dependencies/${nodeKey(r.node)}`));
    this.state.setDependencies(apply);
    if (initial) return 0;
    for (const r of apply) this.logger.warn(`repaired the dependencies of ${nodeKey(r.node)}`);
    return apply.length;
  }
}
