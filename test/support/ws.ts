import { createClient, type Client } from 'graphql-ws';
import type { EventEmitter } from 'node:events';
import WebSocket from 'ws';
import { WindowTransitionFeed } from '../../src/suppression/window-transition.feed';
import type { TestHush } from './hush';

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

/** Subscribes and collects results until `count` arrived; rejects with the GraphQL errors, or the close event. */
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
          if (value.errors) return reject(value.errors);
          results.push(value.data as T);
          if (results.length === count) {
            unsubscribe();
            resolve(results);
          }
        },
        error: (error) => reject(error),
        complete: () => (results.length < count ? reject(new Error(`completed after ${results.length} of ${count}`)) : undefined),
      },
    );
  });
  client.on('connected', () => started());
  return { done, started: startedP };
}

/**
 * Resolves once `count` subscriptions listen to `windowTransitions` on this Hush, so that a tick after it
 * reaches them (a subscription started over a socket gets there a moment after its message is sent).
 */
export async function transitionListeners(hush: TestHush, count: number, timeoutMs = 15_000): Promise<void> {
  // The feed's PubSub keeps one listener per live subscription; read it rather than guess with a sleep.
  const feed = hush.app.get(WindowTransitionFeed) as unknown as { pubsub: { ee: EventEmitter } };
  const deadline = Date.now() + timeoutMs;
  while (feed.pubsub.ee.listenerCount('windowTransition') < count) {
    if (Date.now() > deadline) throw new Error(`fewer than ${count} windowTransitions subscriptions after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
