import { Inject, Injectable, Logger } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Client, type ClientConfig } from 'pg';
import { DataSource } from 'typeorm';
import { HushConfig } from '../config/config';
import { embeddedPostgres } from './data-source-options';

type Handler = (payload: string) => void;

const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5_000;
/** On a server, the listening connection runs `SELECT 1` this often; no answer within the timeout counts as lost. */
const HEARTBEAT_MS = 15_000;
const HEARTBEAT_TIMEOUT_MS = 10_000;

/**
 * Postgres LISTEN/NOTIFY for the whole process. Writers call `pg_notify` in
 * their transaction (delivered only if it commits, to every replica); this
 * bus holds one listening connection and hands payloads to local handlers.
 *
 * One code path for both stores: on PGlite the connection goes to the
 * worker's socket (see pglite-wire-server.ts for how notifications reach it).
 *
 * A lost connection (server restart, `pg_terminate_backend`, network) is
 * reopened with backoff (100 ms doubling to 5 s) and every channel is
 * LISTENed again. Notifications sent meanwhile are gone, so `onResync`
 * handlers run once it is back: they reload what they keep.
 */
@Injectable()
export class NotificationBus {
  private readonly logger = new Logger('NotificationBus');
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly resyncHandlers = new Set<() => void>();
  /** The connection, while it is up and listening. */
  private client?: Client;
  private starting?: Promise<void>;
  private reconnecting = false;
  private closed = false;
  private retryTimer?: NodeJS.Timeout;
  private heartbeat?: NodeJS.Timeout;
  private wake?: () => void;
  /** The channels each connection has LISTENed on. */
  private readonly listened = new WeakMap<Client, Set<string>>();
  /** Connections that ended, even before they became the listening one. */
  private readonly ended = new WeakSet<Client>();

  constructor(
    private readonly config: HushConfig,
    @Inject(getDataSourceToken()) private readonly dataSource: DataSource,
  ) {}

  /** True while the listening connection is up and listening; false before the first `listen` and while reconnecting. */
  get listening(): boolean {
    return this.client !== undefined;
  }

  /** Calls `handler` with each payload notified on `channel` from now on; returns the way to stop. */
  async listen(channel: string, handler: Handler): Promise<() => void> {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      try {
        await this.startListening(channel);
      } catch (error) {
        this.handlers.delete(channel);
        throw error;
      }
    }
    set.add(handler);
    return () => set.delete(handler);
  }

  /**
   * Calls `handler` each time the listening connection is back after being
   * lost: notifications may have been missed meanwhile, so reload. Returns the
   * way to stop.
   */
  onResync(handler: () => void): () => void {
    this.resyncHandlers.add(handler);
    return () => this.resyncHandlers.delete(handler);
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
    if (this.closed) throw new Error('the notification bus is closed');
    // The first connection: its failure is the caller's (the app does not start without its database).
    if (!this.client && !this.reconnecting) {
      this.starting ??= this.open()
        .then((client) => this.up(client))
        .catch((error: unknown) => {
          this.starting = undefined;
          throw error;
        });
      await this.starting;
    }
    // While reconnecting, the new connection LISTENs on every channel, this one included.
    if (this.client) await this.listenOn(this.client, channel);
  }

  private async listenOn(client: Client, channel: string) {
    const listened = this.listened.get(client)!;
    if (listened.has(channel)) return;
    listened.add(channel);
    try {
      await client.query(`LISTEN ${channel}`);
    } catch (error) {
      this.lost(client, error);
    }
  }

  private clientConfig(): ClientConfig {
    const embedded = embeddedPostgres(this.dataSource);
    if (embedded) return embedded.clientConfig();
    return { connectionString: this.config.DATABASE_URL, keepAlive: true, keepAliveInitialDelayMillis: 10_000 };
  }

  /** A new connection, listening on every channel known so far. */
  private async open(): Promise<Client> {
    const client = new Client(this.clientConfig());
    const listened = new Set<string>();
    this.listened.set(client, listened);
    client.on('notification', (n) => {
      if (this.client === client) this.deliver(n.channel, n.payload ?? '');
    });
    // Keeps an error on a connection being opened or already dropped from throwing; `lost` handles the live one.
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => {
      this.ended.add(client);
      this.lost(client);
    });
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) {
        await client.query(`LISTEN ${channel}`);
        listened.add(channel);
      }
    } catch (error) {
      void client.end().catch(() => undefined);
      throw error;
    }
    return client;
  }

  /** Makes `client` the listening connection, unless it ended already (then it throws, as a failed attempt). */
  private up(client: Client) {
    if (this.closed || this.ended.has(client)) {
      void client.end().catch(() => undefined);
      if (this.closed) return;
      throw new Error('the connection ended as it opened');
    }
    this.client = client;
    if (!embeddedPostgres(this.dataSource)) this.startHeartbeat(client);
    // Channels first listened on while this connection was being opened.
    for (const channel of this.handlers.keys()) void this.listenOn(client, channel);
  }

  /** The listening connection failed or ended: forget it and reconnect. Ignores connections already forgotten. */
  private lost(client: Client, error?: unknown) {
    if (this.client !== client) return;
    this.client = undefined;
    clearInterval(this.heartbeat);
    void client.end().catch(() => undefined);
    if (this.closed) return;
    const reason = error instanceof Error ? error.message : error === undefined ? 'connection ended' : JSON.stringify(error);
    this.logger.warn(`listening connection lost (${reason}); reconnecting`);
    void this.reconnect();
  }

  private async reconnect() {
    if (this.reconnecting) return;
    this.reconnecting = true;
    const lostAt = Date.now();
    let delay = FIRST_RETRY_MS;
    let attempts = 0;
    try {
      while (!this.closed) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          this.retryTimer = setTimeout(resolve, delay);
        });
        if (this.closed) return;
        attempts++;
        try {
          const client = await this.open();
          this.up(client);
          if (this.closed) return;
          this.logger.log(`listening again after ${Date.now() - lostAt} ms (${attempts} attempt${attempts === 1 ? '' : 's'})`);
          break;
        } catch (error) {
          if (attempts === 1 || delay === MAX_RETRY_MS) {
            this.logger.warn(`reconnecting the listening connection failed: ${error instanceof Error ? error.message : String(error)}`);
          }
          delay = Math.min(delay * 2, MAX_RETRY_MS);
        }
      }
    } finally {
      this.reconnecting = false;
      this.wake = undefined;
    }
    for (const handler of [...this.resyncHandlers]) {
      try {
        handler();
      } catch (error) {
        this.logger.error(`resync handler failed: ${String(error)}`);
      }
    }
  }

  /** A silent network can leave a dead socket looking open; a query that gets no answer tells. */
  private startHeartbeat(client: Client) {
    clearInterval(this.heartbeat);
    this.heartbeat = setInterval(() => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer to a heartbeat within ${HEARTBEAT_TIMEOUT_MS} ms`)), HEARTBEAT_TIMEOUT_MS);
      });
      Promise.race([client.query('SELECT 1'), timeout])
        .catch((error: unknown) => this.lost(client, error))
        .finally(() => clearTimeout(timer));
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Stops listening; called by the database module before the database itself closes. */
  async close() {
    this.closed = true;
    this.handlers.clear();
    this.resyncHandlers.clear();
    clearTimeout(this.retryTimer);
    clearInterval(this.heartbeat);
    this.wake?.();
    const starting = this.starting;
    const client = this.client;
    this.client = undefined;
    await starting?.catch(() => undefined);
    if (client) await client.end().catch(() => undefined);
  }
}
