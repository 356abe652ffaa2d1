import type { PGlite } from '@electric-sql/pglite';
import { createServer, type Server, type Socket } from 'node:net';

const SSL_REQUEST = 80_877_103;
const GSSENC_REQUEST = 80_877_104;
const CANCEL_REQUEST = 80_877_102;
const MAX_MESSAGE = 1 << 30;
const TERMINATE = 0x58; // 'X'
const NOTIFICATION = 0x41; // 'A'
const READY_FOR_QUERY = 0x5a; // 'Z'
const IDLE = 0x49; // 'I'

/** A `Sync` then `ROLLBACK`: puts the session back to idle whatever a vanished client left it in. */
const RESET = Buffer.concat([
  Buffer.from([0x53, 0, 0, 0, 4]),
  (() => {
    const sql = Buffer.from('ROLLBACK\0');
    const head = Buffer.alloc(5);
    head[0] = 0x51;
    head.writeInt32BE(4 + sql.length, 1);
    return Buffer.concat([head, sql]);
  })(),
]);

const LISTEN = /^\s*(UN)?LISTEN\s+(?:"((?:[^"]|"")+)"|([A-Za-z_][A-Za-z0-9_$]*)|(\*))\s*;?\s*$/i;

class Connection {
  /** Bytes received and not yet framed into messages. */
  buffer: Buffer = Buffer.alloc(0);
  started = false;
  /** Framed messages waiting for the session (a startup packet, or typed messages; `null` is Terminate). */
  readonly pending: (Buffer | null)[] = [];
  /** Channels this connection LISTENs on: the only connections that are sent a notification. */
  readonly channels = new Set<string>();
  closed = false;

  constructor(readonly socket: Socket) {}

  send(data: Uint8Array) {
    if (!this.closed && data.length > 0 && this.socket.writable) this.socket.write(data);
  }
}

/**
 * The Postgres wire protocol over a socket, answered by one PGlite.
 *
 * PGlite is a single session; several connections share it here. A
 * connection holds the session from its first message until the session is
 * idle again (ReadyForQuery 'I'), so a transaction, or a Parse…Sync
 * sequence, is never interleaved with another connection's statements; other
 * connections' messages wait meanwhile. An idle connection holds nothing, so
 * a connection that only LISTENs never blocks anyone.
 *
 * Notifications: the session LISTENs on the union of the connections'
 * channels; a NotificationResponse produced by any statement is sent to each
 * connection that LISTENed on its channel (tracked from single-statement
 * `LISTEN`/`UNLISTEN` queries), as Postgres would.
 *
 * A statement's answer is written only after PGlite has synced it to its
 * files, so an acknowledged commit survives the process being killed.
 */
export class PgliteWireServer {
  private readonly server: Server;
  private readonly connections = new Set<Connection>();
  /** Connections with pending messages, in arrival order. */
  private readonly ready: Connection[] = [];
  /** The connection whose transaction or message sequence the session is in; null when idle. */
  private owner: Connection | null = null;
  private running: Promise<void> | null = null;
  private closing = false;
  private refuseUntil = 0;

  constructor(private readonly pglite: PGlite) {
    this.server = createServer((socket) => this.accept(socket));
  }

  listen(path: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(path, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
  }

  /** Stops accepting, drops every connection and waits for the statement under way; an open transaction is rolled back. */
  async close(): Promise<void> {
    this.closing = true;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const conn of this.connections) this.drop(conn);
    while (this.running) await this.running;
    if (this.owner) await this.reset();
    await closed;
  }

  /** Closes every client connection, as a server restart or `pg_terminate_backend` would; refuses new ones for a while. */
  dropConnections(refuseForMs = 0) {
    this.refuseUntil = Date.now() + refuseForMs;
    for (const conn of this.connections) this.drop(conn);
  }

  private accept(socket: Socket) {
    if (this.closing || Date.now() < this.refuseUntil) {
      socket.destroy();
      return;
    }
    const conn = new Connection(socket);
    this.connections.add(conn);
    socket.setNoDelay(true);
    socket.on('data', (data) => this.receive(conn, data));
    socket.on('error', () => this.drop(conn));
    socket.on('close', () => this.drop(conn));
  }

  private drop(conn: Connection) {
    if (conn.closed) return;
    conn.closed = true;
    conn.pending.length = 0;
    conn.socket.destroy();
    this.connections.delete(conn);
    const i = this.ready.indexOf(conn);
    if (i >= 0) this.ready.splice(i, 1);
    // A vanished owner's transaction is rolled back before anyone else runs (at once, unless its statement is still running).
    if (this.owner === conn && !this.running) this.start(() => this.reset());
    else this.schedule();
  }

  private receive(conn: Connection, data: Buffer) {
    if (conn.closed) return;
    conn.buffer = conn.buffer.length ? Buffer.concat([conn.buffer, data]) : data;
    for (;;) {
      const buffer = conn.buffer;
      if (!conn.started) {
        if (buffer.length < 8) break;
        const length = buffer.readInt32BE(0);
        if (length < 8 || length > 10_000) return this.drop(conn);
        if (buffer.length < length) break;
        const code = buffer.readInt32BE(4);
        const packet = buffer.subarray(0, length);
        conn.buffer = buffer.subarray(length);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          conn.send(Buffer.from('N'));
          continue;
        }
        if (code === CANCEL_REQUEST) return this.drop(conn); // no backend to signal: PGlite runs one statement at a time
        conn.started = true;
        conn.pending.push(Buffer.from(packet));
        continue;
      }
      if (buffer.length < 5) break;
      const length = buffer.readInt32BE(1);
      if (length < 4 || length > MAX_MESSAGE) return this.drop(conn);
      if (buffer.length < 1 + length) break;
      const message = buffer.subarray(0, 1 + length);
      conn.buffer = buffer.subarray(1 + length);
      conn.pending.push(message[0] === TERMINATE ? null : Buffer.from(message));
    }
    if (conn.pending.length && !this.ready.includes(conn)) this.ready.push(conn);
    this.schedule();
  }

  private schedule() {
    if (this.running || this.closing) return;
    let conn: Connection | undefined;
    if (this.owner) {
      if (!this.owner.pending.length) return;
      conn = this.owner;
      const i = this.ready.indexOf(conn);
      if (i >= 0) this.ready.splice(i, 1);
    } else {
      conn = this.ready.shift();
    }
    if (conn) this.start(() => this.run(conn));
  }

  private start(job: () => Promise<void>) {
    this.running = job()
      .catch(() => undefined)
      .finally(() => {
        this.running = null;
        this.schedule();
      });
  }

  /** Runs one connection's pending messages (a startup packet alone) as one call into PGlite. */
  private async run(conn: Connection) {
    const first = conn.pending[0];
    if (first === undefined) return;
    if (first === null) {
      conn.pending.shift();
      this.drop(conn);
      if (this.owner === conn) await this.reset();
      return;
    }
    const terminate = conn.pending.indexOf(null);
    const end = first[0] === 0 ? 1 : terminate === -1 ? conn.pending.length : terminate;
    const messages = conn.pending.splice(0, end) as Buffer[];
    this.track(conn, messages);
    let output: Buffer;
    try {
      output = await this.execute(Buffer.concat(messages));
    } catch {
      this.drop(conn);
      if (this.owner === conn) await this.reset();
      return;
    }
    const { reply, idle, notifications } = this.split(output, conn);
    this.owner = idle ? null : conn;
    // Listeners first: as in-process PGlite did, a listener hears of a commit before its writer's next statement.
    for (const { channel, message } of notifications) {
      for (const other of this.connections) if (other !== conn && other.channels.has(channel)) other.send(message);
    }
    conn.send(reply);
    if (conn.closed && this.owner === conn) await this.reset();
    else if (conn.pending.length && !this.ready.includes(conn)) this.ready.push(conn);
  }

  /**
   * One call into PGlite; resolves once its effects are synced to its files.
   * (The raw stream, not `execProtocolRaw`: that one also parses every answer
   * into a result list it never empties.)
   */
  private execute(messages: Buffer): Promise<Buffer> {
    return this.pglite.runExclusive(async () => {
      const chunks: Buffer[] = [];
      await this.pglite.execProtocolRawStream(messages, { onRawData: (chunk) => chunks.push(Buffer.from(chunk)) });
      return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    });
  }

  /** Back to an idle session, the vanished owner's transaction rolled back. */
  private async reset() {
    this.owner = null;
    try {
      await this.execute(RESET);
    } catch {
      // PGlite closed under us: nothing left to reset.
    }
  }

  /** Remembers LISTEN and UNLISTEN sent as a simple query of their own. */
  private track(conn: Connection, messages: Buffer[]) {
    for (const message of messages) {
      if (message[0] !== 0x51) continue; // 'Q'
      const match = LISTEN.exec(message.subarray(5, message.length - 1).toString('utf8'));
      if (!match) continue;
      const [, un, quoted, plain, all] = match;
      const channel = quoted !== undefined ? quoted.replace(/""/g, '"') : plain?.toLowerCase();
      if (!un && channel) conn.channels.add(channel);
      else if (un && all) conn.channels.clear();
      else if (un && channel) conn.channels.delete(channel);
    }
  }

  /**
   * Splits PGlite's answer into what goes back to the connection that asked
   * (its own notifications only if it listens on their channel) and the
   * notifications for the others; also says whether the session ended idle.
   */
  private split(data: Buffer, conn: Connection) {
    const notifications: { channel: string; message: Buffer }[] = [];
    const keep: Buffer[] = [];
    let idle = false;
    let from = 0;
    let at = 0;
    while (at + 5 <= data.length) {
      const type = data[at];
      const next = at + 1 + data.readInt32BE(at + 1);
      if (next <= at + 4) break; // not a message: pass the rest through as it is
      if (type === READY_FOR_QUERY) idle = data[at + 5] === IDLE;
      else if (type === NOTIFICATION) {
        const message = Buffer.from(data.subarray(at, next));
        const channelEnd = message.indexOf(0, 9);
        const channel = message.subarray(9, channelEnd).toString('utf8');
        notifications.push({ channel, message });
        if (!conn.channels.has(channel)) {
          keep.push(data.subarray(from, at));
          from = next;
        }
      }
      at = next;
    }
    keep.push(data.subarray(from));
    return { reply: keep.length === 1 ? keep[0] : Buffer.concat(keep), idle, notifications };
  }
}
