import { createClient, type Client } from 'graphql-ws';
import type { GraphQLFormattedError } from 'graphql';
import type { EventEmitter } from 'node:events';
import WebSocket from 'ws';
import { messageText } from '../../src/common/graphql/legacy-ws-server';
import { ChangeLogFeed } from '../../src/common/changelog/changelog.feed';
import { WindowTransitionFeed } from '../../src/suppression/window-transition.feed';
import type { TestHush } from './hush';
import { waitFor } from './wait';

/** A graphql-ws client for a test Hush (Node 20 has no global WebSocket). */
export function wsClient(httpUrl: string, connectionParams: Record<string, unknown>): Client {
  return createClient({
    url: httpUrl.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: false,
    // The refused-token test expects the close; the subscription's own error callback reports it.
    onNonLazyError: () => undefined,
  });
}

/** Why a subscription ended before its results: the GraphQL errors it was answered with, or the socket's close code. */
export class SubscriptionFailed extends Error {
  constructor(
    readonly errors?: readonly GraphQLFormattedError[],
    readonly code?: number,
  ) {
    super(errors ? errors.map((e) => e.message).join('; ') : `socket closed with ${code}`);
  }
}

/** graphql-ws reports a failed subscription with an Error, a list of GraphQL errors, or the close event. */
function failure(error: unknown): Error {
  if (error instanceof Error) return error;
  if (Array.isArray(error)) return new SubscriptionFailed(error as GraphQLFormattedError[]);
  return new SubscriptionFailed(undefined, (error as { code?: number }).code);
}

/** Subscribes and collects results until `count` arrived; rejects with a SubscriptionFailed (the GraphQL errors, or the close code). */
export function collect<T = any>(
  client: Client,
  query: string,
  variables: Record<string, unknown>,
  count: number,
): { done: Promise<T[]>; started: Promise<void> } {
  const results: T[] = [];
  let started!: () => void;
  const startedP = new Promise<void>((r) => (started = r));
  const done = new Promise<T[]>((resolve, reject) => {
    const unsubscribe = client.subscribe<T>(
      { query, variables },
      {
        next: (value) => {
          if (value.errors) return reject(new SubscriptionFailed(value.errors));
          results.push(value.data as T);
          if (results.length === count) {
            unsubscribe();
            resolve(results);
          }
        },
        error: (error) => reject(failure(error)),
        complete: () => (results.length < count ? reject(new Error(`completed after ${results.length} of ${count}`)) : undefined),
      },
    );
  });
  client.on('connected', () => started());
  return { done, started: startedP };
}

/**
 * Resolves once exactly `count` subscriptions listen to a feed's topic on this Hush, so that what is published
 * after it reaches them (a subscription started over a socket gets there a moment after its message is sent,
 * and one stopped or disposed leaves a moment after).
 */
export async function feedListeners(
  hush: TestHush,
  feed: { new (...args: never[]): unknown },
  topic: string,
  count: number,
  timeout = 15_000,
): Promise<void> {
  // A feed's PubSub keeps one listener per live subscription; read it rather than guess with a sleep.
  const { pubsub } = hush.app.get<unknown, { pubsub: { ee: EventEmitter } }>(feed);
  await waitFor(() => pubsub.ee.listenerCount(topic) === count, { timeout, what: `${count} ${topic} subscriptions` });
}

/** Resolves once exactly `count` subscriptions listen to `windowTransitions`. */
export const transitionListeners = (hush: TestHush, count: number, timeout?: number) =>
  feedListeners(hush, WindowTransitionFeed, 'windowTransition', count, timeout);

/** Resolves once exactly `count` subscriptions listen to committed changes (`changeLogged`, `maintenanceChanged`, `outageChanged`). */
export const changeListeners = (hush: TestHush, count: number, timeout?: number) =>
  feedListeners(hush, ChangeLogFeed, 'changeLogged', count, timeout);

/** A message of the legacy subscriptions-transport-ws protocol. */
export interface LegacyMessage {
  type: string;
  id?: string;
  payload?: any;
}

/**
 * A raw client of the legacy protocol (subprotocol `graphql-ws`) that behaves as subscriptions-transport-ws's
 * SubscriptionClient (GraphQL Playground) does: `connection_init` with the params as soon as the socket
 * opens, then each `start` at once, without waiting for the ack.
 */
export class LegacyClient {
  readonly received: LegacyMessage[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly socket: WebSocket;
  private readonly opened: Promise<void>;
  private waiters: (() => void)[] = [];
  private roundTrips = 0;

  constructor(httpUrl: string, connectionParams?: Record<string, unknown>, protocols: string[] = ['graphql-ws']) {
    this.socket = new WebSocket(httpUrl.replace(/^http/, 'ws') + '/graphql', protocols);
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
    });
    this.opened.catch(() => undefined);
    this.socket.on('error', () => undefined);
    this.closed = new Promise((resolve) => this.socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
    this.socket.on('message', (data) => {
      this.received.push(JSON.parse(messageText(data)) as LegacyMessage);
      for (const wake of this.waiters.splice(0)) wake();
    });
    if (connectionParams) void this.send({ type: 'connection_init', payload: connectionParams });
  }

  /** The subprotocol the server chose. */
  async protocol(): Promise<string> {
    await this.opened;
    return this.socket.protocol;
  }

  async send(message: LegacyMessage): Promise<void> {
    await this.opened;
    this.socket.send(JSON.stringify(message));
  }

  start(id: string, query: string, variables: Record<string, unknown> = {}): Promise<void> {
    return this.send({ id, type: 'start', payload: { query, variables } });
  }

  stop(id: string): Promise<void> {
    return this.send({ id, type: 'stop' });
  }

  /** The messages of one operation, `ka` left out. */
  of(id: string): LegacyMessage[] {
    return this.received.filter((m) => m.id === id);
  }

  /** Resolves with the first message received (now or later) that matches. */
  async next(match: (m: LegacyMessage) => boolean, timeoutMs = 15_000): Promise<LegacyMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no such message; received ${JSON.stringify(this.received)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /**
   * Runs a query over the socket and waits for its `complete`: the server answers a socket's messages in turn, so
   * whatever it had to send before (a late or duplicate message a test wants to rule out) has arrived by then.
   */
  async roundTrip(): Promise<void> {
    const id = `round-trip-${++this.roundTrips}`;
    await this.start(id, '{ __typename }');
    await this.next((m) => m.id === id && m.type === 'complete');
  }

  close(): Promise<{ code: number; reason: string }> {
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) this.socket.close(1000);
    return this.closed;
  }
}
