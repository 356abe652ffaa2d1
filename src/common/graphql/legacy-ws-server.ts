import {
  execute,
  getOperationAST,
  GraphQLError,
  OperationTypeNode,
  subscribe,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import type { RawData, WebSocket, WebSocketServer } from 'ws';

/** The WebSocket subprotocol of subscriptions-transport-ws (GraphQL Playground, Apollo Client 2, …); not the graphql-ws library's. */
export const LEGACY_PROTOCOL = 'graphql-ws';

/** What a client asks to run: the payload of `start` (legacy) or `subscribe` (graphql-ws). */
export interface OperationPayload {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export interface LegacyServerOptions {
  schema: GraphQLSchema;
  /** Decides on `connection_init`'s params: true acknowledges the connection, false refuses it. */
  onConnect(params: Record<string, unknown>): Promise<boolean>;
  /** Parses and validates an operation with the server's limits: the document, or the errors that refuse it. */
  check(payload: OperationPayload): DocumentNode | readonly GraphQLError[];
  /** The GraphQL context of one operation on a connection with these params. */
  context(params: Record<string, unknown>): unknown;
  formatErrors(errors: readonly GraphQLError[]): GraphQLFormattedError[];
  /** `ka` (and a WebSocket ping) this often; a peer that does not answer the ping by the next one is dropped. */
  keepAliveMs?: number;
  /** Closes a socket that sends no `connection_init` for this long (4408). */
  connectionInitWaitMs?: number;
}

interface Message {
  type: string;
  id?: string;
  payload?: unknown;
}

/** One running operation; its id may be reused once it is stopped, so the map entry is compared by identity. */
interface Operation {
  iterator?: AsyncGenerator<ExecutionResult> | AsyncIterableIterator<ExecutionResult>;
}

/** A message's text: ws hands it over as one Buffer, or as fragments or an ArrayBuffer when so configured. */
export function messageText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString();
  return Buffer.isBuffer(data) ? data.toString() : Buffer.from(data).toString();
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A message is any object with a type; its id and payload are read where they are used. */
const isMessage = (value: unknown): value is Message => isObject(value) && typeof value.type === 'string';

function isAsyncIterable(value: unknown): value is AsyncIterableIterator<ExecutionResult> {
  return isObject(value) && typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function';
}

/**
 * The legacy subscriptions-transport-ws protocol (subprotocol `graphql-ws`), which @nestjs/graphql no
 * longer serves: `connection_init` → `connection_ack` (then `ka` now and then) or `connection_error`;
 * `start` → `data`… `complete`, or `error`; `stop`; `connection_terminate`. Operations run with graphql's
 * own `subscribe`/`execute` on the schema, context, limits and auth the caller gives. As in the
 * reference server, an invalid operation gets `data` with the errors, then `complete`; one that fails
 * while it runs (a subscription the token may not see) gets `error`.
 */
export function useLegacyServer(options: LegacyServerOptions, wss: WebSocketServer): { dispose(): Promise<void> } {
  wss.on('connection', (socket: WebSocket) => new LegacyConnection(options, socket).open());
  return {
    dispose: async () => {
      for (const client of wss.clients) client.close(1001, 'Going away');
      wss.removeAllListeners('connection');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

class LegacyConnection {
  /** Settles once `connection_init` is decided: its params if acknowledged, null if refused. */
  private init?: Promise<Record<string, unknown> | null>;
  private readonly operations = new Map<string, Operation>();
  private readonly timers: NodeJS.Timeout[] = [];
  private closed = false;

  constructor(
    private readonly options: LegacyServerOptions,
    private readonly socket: WebSocket,
  ) {}

  open() {
    const initWait = this.options.connectionInitWaitMs ?? 3000;
    if (initWait > 0) {
      this.timers.push(setTimeout(() => (this.init ? undefined : this.socket.close(4408, 'Connection initialisation timeout')), initWait));
    }
    this.socket.on('message', (data) => this.receive(messageText(data)));
    this.socket.once('close', () => this.close());
    this.socket.on('error', () => this.socket.terminate());
  }

  private receive(data: string) {
    let message: Message;
    try {
      const parsed: unknown = JSON.parse(data);
      if (!isMessage(parsed)) throw new Error('no type');
      message = parsed;
    } catch {
      // As the reference server: a message it cannot read is answered, not fatal.
      return this.send({ type: 'connection_error', payload: { message: 'Invalid message received' } });
    }
    switch (message.type) {
      case 'connection_init':
        return this.connect(isObject(message.payload) ? message.payload : {});
      case 'start':
        if (typeof message.id !== 'string') return this.send({ type: 'error', payload: { message: 'start needs an id' } });
        return void this.start(message.id, isObject(message.payload) ? message.payload : {});
      case 'stop':
        if (typeof message.id === 'string') this.stop(message.id);
        return;
      case 'connection_terminate':
        return this.socket.close(1000, 'Normal closure');
      default:
        return this.send({ type: 'error', id: message.id, payload: { message: `Unexpected message of type ${message.type}` } });
    }
  }

  private connect(params: Record<string, unknown>) {
    if (this.init) return this.socket.close(4429, 'Too many initialisation requests');
    this.init = this.options.onConnect(params).then(
      (accepted) => {
        if (!accepted) return this.refuse();
        this.send({ type: 'connection_ack' });
        this.keepAlive();
        return params;
      },
      () => this.refuse(),
    );
  }

  private refuse(): null {
    this.send({ type: 'connection_error', payload: { message: 'Forbidden: the connection params need a live API token that may query' } });
    // Like graphql-ws's 4403, once the message has gone out.
    setImmediate(() => this.socket.close(4403, 'Forbidden'));
    return null;
  }

  private keepAlive() {
    const every = this.options.keepAliveMs ?? 12_000;
    this.send({ type: 'ka' });
    if (!(every > 0)) return;
    let answered = true;
    this.socket.on('pong', () => (answered = true));
    this.timers.push(
      setInterval(() => {
        if (!answered) return this.socket.terminate();
        answered = false;
        this.socket.ping();
        this.send({ type: 'ka' });
      }, every),
    );
  }

  private async start(id: string, payload: OperationPayload) {
    // Clients send `start` right after `connection_init`, without waiting for the ack.
    if (!this.init) return this.socket.close(4401, 'Unauthorized');
    const params = await this.init;
    if (!params || this.closed) return;
    this.stop(id, false);
    const operation: Operation = {};
    this.operations.set(id, operation);
    const current = () => this.operations.get(id) === operation && !this.closed;
    try {
      const checked = this.options.check(payload);
      if (Array.isArray(checked)) {
        this.send({ type: 'data', id, payload: { errors: this.options.formatErrors(checked) } });
      } else {
        const document = checked as DocumentNode;
        const operationName = typeof payload.operationName === 'string' ? payload.operationName : undefined;
        const args = {
          schema: this.options.schema,
          document,
          variableValues: isObject(payload.variables) ? payload.variables : undefined,
          operationName,
          contextValue: this.options.context(params),
        };
        const result =
          getOperationAST(document, operationName)?.operation === OperationTypeNode.SUBSCRIPTION
            ? await subscribe(args)
            : await execute(args);
        if (isAsyncIterable(result)) {
          operation.iterator = result;
          // Stopped (or closed) while it was being set up.
          if (!current()) return void (await result.return?.(undefined));
          for await (const value of result) {
            if (!current()) break;
            this.send({ type: 'data', id, payload: this.format(value) });
          }
        } else if (current()) {
          this.send({ type: 'data', id, payload: this.format(result) });
        }
      }
    } catch (error) {
      // A failure while it runs ends the operation with `error` (no `complete` after it), as in the reference server.
      if (current()) {
        this.operations.delete(id);
        this.send({ type: 'error', id, payload: this.options.formatErrors([asGraphQLError(error)])[0] });
      }
    }
    if (current()) {
      this.operations.delete(id);
      this.send({ type: 'complete', id });
    }
  }

  private stop(id: string, notify = true) {
    const operation = this.operations.get(id);
    if (!operation) return;
    this.operations.delete(id);
    void operation.iterator?.return?.(undefined);
    if (notify) this.send({ type: 'complete', id });
  }

  private close() {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    for (const id of [...this.operations.keys()]) this.stop(id, false);
  }

  private format(result: ExecutionResult) {
    return result.errors ? { ...result, errors: this.options.formatErrors(result.errors) } : result;
  }

  private send(message: Message) {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(message));
  }
}

function asGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  const original = error instanceof Error ? error : new Error(String(error));
  return new GraphQLError(original.message, { originalError: original });
}
