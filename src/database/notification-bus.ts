import { Inject, Injectable, Logger } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { HushConfig } from '../config/config';
import { embeddedPglite } from './data-source-options';

type Handler = (payload: string) => void;

/**
 * Postgres LISTEN/NOTIFY for the whole process. Writers call `pg_notify` in
 * their transaction (delivered only if it commits, to every replica); this
 * bus holds one listening connection and hands payloads to local handlers.
 * On PGlite it uses the embedded database's own listener.
 */
@Injectable()
export class NotificationBus {
  private readonly logger = new Logger('NotificationBus');
  private readonly handlers = new Map<string, Set<Handler>>();
  private client?: Promise<Client>;
  private readonly pgliteUnlisten: (() => Promise<void>)[] = [];

  constructor(
    private readonly config: HushConfig,
    @Inject(getDataSourceToken()) private readonly dataSource: DataSource,
  ) {}

  /** Calls `handler` with each payload notified on `channel` from now on; returns the way to stop. */
  async listen(channel: string, handler: Handler): Promise<() => void> {
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      await this.startListening(channel);
    }
    set.add(handler);
    return () => set.delete(handler);
  }

  private deliver(channel: string, payload: string) {
    for (const handler of this.handlers.get(channel) ?? []) {
      try {
        handler(payload);
      } catch (error) {
        this.logger.error(`handler for ${channel} failed: ${String(error)}`);
      }
    }
  }

  private async startListening(channel: string) {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
    const pglite = embeddedPglite(this.dataSource);
    if (pglite) {
      this.pgliteUnlisten.push(await pglite.listen(channel, (payload) => this.deliver(channel, payload)));
      return;
    }
    const client = await this.connection();
    await client.query(`LISTEN ${channel}`);
  }

  private connection(): Promise<Client> {
    this.client ??= (async () => {
      const client = new Client({ connectionString: this.config.DATABASE_URL });
      client.on('notification', (n) => this.deliver(n.channel, n.payload ?? ''));
      client.on('error', (error) => this.logger.error(`listening connection failed: ${error.message}`));
      await client.connect();
      return client;
    })();
    return this.client;
  }

  /** Stops listening; called by the database module before the database itself closes. */
  async close() {
    this.handlers.clear();
    for (const unlisten of this.pgliteUnlisten.splice(0)) await unlisten();
    const client = this.client;
    this.client = undefined;
    if (client) await (await client).end();
  }
}
