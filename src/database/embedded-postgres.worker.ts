/**
 * The worker thread that runs PGlite (see embedded-postgres.ts): PostgreSQL
 * compiled to WebAssembly, answering the wire protocol on a unix socket, so a
 * long statement blocks this thread and never the application's.
 */
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PgliteWireServer } from './pglite-wire-server';

export interface EmbeddedWorkerData {
  dataDir: string;
  socketPath: string;
}

/** From the application: `close` flushes and stops; `drop` closes every client connection (tests). */
export type ToWorker = { type: 'close' } | { type: 'drop'; id: number; refuseForMs: number };
export type FromWorker =
  { type: 'ready' } | { type: 'failed'; message: string } | { type: 'closed'; error?: string } | { type: 'dropped'; id: number };

async function main(port: NonNullable<typeof parentPort>, { dataDir, socketPath }: EmbeddedWorkerData) {
  const post = (message: FromWorker) => port.postMessage(message);
  let pglite: PGlite;
  let server: PgliteWireServer;
  try {
    if (!dataDir.includes('://')) mkdirSync(dataDir, { recursive: true });
    pglite = await PGlite.create(dataDir, { extensions: { btree_gist, pgcrypto } });
    server = new PgliteWireServer(pglite);
    await server.listen(socketPath);
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    port.close();
    return;
  }
  post({ type: 'ready' });
  port.on('message', (message: ToWorker) => {
    if (message.type === 'drop') {
      server.dropConnections(message.refuseForMs);
      post({ type: 'dropped', id: message.id });
      return;
    }
    void (async () => {
      let error: string | undefined;
      try {
        await server.close();
        // Closing PGlite writes everything out; only then may the thread end.
        if (!pglite.closed) await pglite.close();
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      post({ type: 'closed', error });
      port.close();
    })();
  });
}

if (parentPort) void main(parentPort, workerData as EmbeddedWorkerData);
