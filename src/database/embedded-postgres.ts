import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EmbeddedWorkerData, FromWorker, ToWorker } from './embedded-postgres.worker';

/** Only names the socket file, `<dir>/.s.PGSQL.5432`, as libpq and node-postgres expect. */
const PORT = 5432;
/** Socket folders are `<tmp>/hush-pglite-<pid>-XXXXXX`: the pid tells a killed process's leftover. */
const SOCKET_DIR = /^hush-pglite-(\d+)-/;

/** Removes the socket folders of processes that are gone (killed before they could remove their own). */
function sweepSocketDirs() {
  try {
    for (const name of readdirSync(tmpdir())) {
      const pid = Number(SOCKET_DIR.exec(name)?.[1]);
      if (!pid || pid === process.pid || alive(pid)) continue;
      rmSync(join(tmpdir(), name), { recursive: true, force: true });
    }
  } catch {
    // Tidying only.
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Run from TypeScript sources (jest), the worker has no compiler: this
 * bootstrap compiles its modules with swc, the compiler jest uses. The build
 * runs the compiled JavaScript directly.
 */
const TS_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
const swc = require(workerData.swc);
require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformFileSync(filename, {
    swcrc: false,
    sourceMaps: 'inline',
    module: { type: 'commonjs' },
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
  });
  module._compile(code, filename);
};
require(workerData.entry);
`;

/**
 * The embedded store: PGlite (PostgreSQL in WebAssembly) in a worker thread,
 * reached through node-postgres over a private unix socket, exactly like a
 * PostgreSQL server. A slow statement occupies the worker, never the
 * application's event loop.
 *
 * PGlite is one session: the worker's wire server lets several connections
 * share it one transaction at a time (see pglite-wire-server.ts), so the
 * application's pool holds one connection and LISTEN gets its own.
 */
export class EmbeddedPostgres {
  /** Private to this process: created 0700. */
  readonly socketDir: string;
  private readonly worker: Worker;
  private readonly started: Promise<void>;
  private readonly exited: Promise<void>;
  private failure?: Error;
  private closing?: Promise<void>;
  private drops = 0;

  constructor(readonly dataDir: string) {
    sweepSocketDirs();
    this.socketDir = mkdtempSync(join(tmpdir(), `hush-pglite-${process.pid}-`));
    const entry = join(__dirname, `embedded-postgres.worker${extname(__filename)}`);
    const data: EmbeddedWorkerData = { dataDir, socketPath: join(this.socketDir, `.s.PGSQL.${PORT}`) };
    this.worker = entry.endsWith('.ts')
      ? new Worker(TS_BOOTSTRAP, { eval: true, workerData: { ...data, entry, swc: require.resolve('@swc/core') } })
      : new Worker(entry, { workerData: data });
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.on('error', (error) => (this.failure ??= error));
    void this.exited.then(() => (this.failure ??= new Error('the embedded database stopped')));
    this.started = new Promise<void>((resolve, reject) => {
      this.worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') resolve();
        if (message.type === 'failed') reject(new Error(`the embedded database did not start: ${message.message}`));
      });
      void this.exited.then(() => reject(this.failure ?? new Error('the embedded database stopped')));
    });
    // Until it is ready the worker keeps the process alive (someone is waiting for it);
    // after that, open connections do, and a process that forgot to close it may still exit.
    void this.started.then(
      () => this.worker.unref(),
      () => undefined,
    );
  }

  get socketPath() {
    return join(this.socketDir, `.s.PGSQL.${PORT}`);
  }

  /** Resolves once the worker accepts connections. */
  ready(): Promise<void> {
    return this.started;
  }

  /**
   * node-postgres settings that reach the worker: its socket, connected only
   * once the database is ready (the pool may ask before).
   */
  clientConfig() {
    return { host: this.socketDir, port: PORT, user: 'postgres', database: 'postgres', stream: () => this.socket() };
  }

  private socket(): Socket {
    const socket = new Socket();
    const connect = socket.connect.bind(socket) as (path: string) => Socket;
    socket.connect = () => {
      this.started.then(
        () => {
          if (this.failure) socket.destroy(this.failure);
          else if (!socket.destroyed) connect(this.socketPath);
        },
        (error: Error) => socket.destroy(error),
      );
      return socket;
    };
    return socket;
  }

  /** Closes every client connection, as `pg_terminate_backend` would on a server; refuses new ones for `refuseForMs`. For tests. */
  async dropConnections(refuseForMs = 0): Promise<void> {
    await this.started;
    const id = ++this.drops;
    const dropped = this.reply((m) => m.type === 'dropped' && m.id === id);
    this.post({ type: 'drop', id, refuseForMs });
    await dropped;
  }

  /** Stops the worker after PGlite has written everything out and closed. Safe to call twice. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.worker.ref();
      try {
        const ready = await this.started.then(
          () => true,
          () => false,
        );
        if (ready && !this.failure) {
          const closed = this.reply((m) => m.type === 'closed');
          this.post({ type: 'close' });
          const message = await closed;
          if (message?.type === 'closed' && message.error) throw new Error(`closing the embedded database failed: ${message.error}`);
        }
      } finally {
        await this.worker.terminate();
        rmSync(this.socketDir, { recursive: true, force: true });
      }
    })();
    return this.closing;
  }

  private post(message: ToWorker) {
    this.worker.postMessage(message);
  }

  /** The first message matching, or undefined if the worker ends first. */
  private reply(match: (message: FromWorker) => boolean): Promise<FromWorker | undefined> {
    return new Promise((resolve) => {
      const onMessage = (message: FromWorker) => {
        if (!match(message)) return;
        this.worker.off('message', onMessage);
        resolve(message);
      };
      this.worker.on('message', onMessage);
      void this.exited.then(() => resolve(undefined));
    });
  }
}
