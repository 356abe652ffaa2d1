import { Injectable, Logger, type INestApplication } from '@nestjs/common';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

/** WebSocket close code 1001: the server is going away. */
export const GOING_AWAY = 1001;

/**
 * The subscription (graphql-ws) sockets open now, so that shutdown can close
 * them at once with 1001 "Going away" rather than wait for them: a
 * subscription never ends on its own.
 */
@Injectable()
export class SubscriptionSockets {
  private readonly open = new Set<WebSocket>();
  private closing = false;

  /** Keeps a newly connected socket; once shutdown has begun, closes it with 1001 instead and returns false. */
  admit(socket: WebSocket | undefined): boolean {
    if (!socket) return true;
    if (this.closing) {
      socket.close(GOING_AWAY, 'Going away');
      return false;
    }
    this.open.add(socket);
    socket.once('close', () => this.open.delete(socket));
    return true;
  }

  /** Closes every socket with 1001 and every later one as it connects; returns how many were open. */
  closeAll(): number {
    this.closing = true;
    const count = this.open.size;
    for (const socket of this.open) socket.close(GOING_AWAY, 'Going away');
    return count;
  }
}

/**
 * Lets an HTTP server stop without cutting a request short: `drain` stops
 * listening (new connections are refused), lets requests in flight finish,
 * closes each keep-alive connection as its response ends, and after
 * `graceMs` destroys whatever is still open. Install it before `listen`.
 */
export class HttpDrain {
  private readonly sockets = new Set<Socket>();
  private readonly inFlight = new Set<ServerResponse>();
  private draining = false;

  constructor(private readonly server: Server) {
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
      this.inFlight.add(res);
      // A request on a kept-alive connection while draining is served, and its connection closed after.
      if (this.draining) this.closeAfter(res);
      res.once('close', () => {
        this.inFlight.delete(res);
        if (this.draining) this.server.closeIdleConnections();
      });
    });
  }

  /** Requests being answered now. */
  get requestsInFlight(): number {
    return this.inFlight.size;
  }

  /**
   * Resolves once every connection has closed, or once `graceMs` has passed
   * and the rest were destroyed; `cut` counts those (requests and sockets).
   */
  drain(graceMs: number): Promise<{ cut: number }> {
    this.draining = true;
    for (const res of this.inFlight) this.closeAfter(res);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const cut = this.sockets.size;
        for (const socket of this.sockets) socket.destroy();
        resolve({ cut });
      }, graceMs);
      // Stops listening and, since Node 19, closes idle keep-alive connections; calls back once none is left.
      this.server.close(() => {
        clearTimeout(timer);
        resolve({ cut: 0 });
      });
    });
  }

  private closeAfter(res: ServerResponse) {
    if (!res.headersSent) res.setHeader('Connection', 'close');
  }
}

/**
 * SIGTERM and SIGINT stop Hush gracefully: no new connections, subscription
 * sockets closed with 1001, requests in flight finished (up to `graceMs`,
 * then cut), then the Nest shutdown hooks — the workers stop after their
 * current claim, the store is closed (PGlite flushes its files) — and exit 0.
 * A second signal meanwhile exits at once with 1. Call before `listen`.
 */
export function handleShutdownSignals(app: INestApplication, graceMs: number): void {
  const logger = new Logger('Shutdown');
  const http = new HttpDrain(app.getHttpServer() as Server);
  let shuttingDown = false;

  const shutDown = async (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      logger.warn(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    shuttingDown = true;
    const started = Date.now();
    logger.log(`${signal}: shutting down; ${http.requestsInFlight} request(s) in flight get up to ${graceMs} ms`);
    try {
      const sockets = app.get(SubscriptionSockets, { strict: false }).closeAll();
      if (sockets) logger.log(`closed ${sockets} subscription socket(s) (1001)`);
      const { cut } = await http.drain(graceMs);
      if (cut) logger.warn(`grace period over: cut ${cut} connection(s) still open`);
      await app.close();
      logger.log(`stopped in ${Date.now() - started} ms`);
      process.exit(0);
    } catch (error) {
      logger.error(`shutdown failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exit(1);
    }
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, (s: NodeJS.Signals) => void shutDown(s));
}
