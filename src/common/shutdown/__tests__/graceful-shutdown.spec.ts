import { once } from 'node:events';
import { Agent, createServer, request, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { GOING_AWAY, HttpDrain, SubscriptionSockets } from '../graceful-shutdown';

/** A server whose requests wait until the test answers them. */
async function server() {
  const waiting: ServerResponse[] = [];
  const arrived: (() => void)[] = [];
  const http = createServer((_req, res) => {
    waiting.push(res);
    arrived.shift()?.();
  });
  const drain = new HttpDrain(http);
  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  const port = (http.address() as AddressInfo).port;
  const nextRequest = () => new Promise<void>((resolve) => arrived.push(resolve));
  return { http, drain, port, waiting, nextRequest };
}

function get(port: number, agent?: Agent) {
  return new Promise<{ status: number; connection?: string }>((resolve, reject) => {
    request({ port, host: '127.0.0.1', path: '/', agent }, (res) => {
      res.resume();
      res.once('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection }));
    })
      .once('error', reject)
      .end();
  });
}

function connectError(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? ''));
  });
}

describe('HttpDrain', () => {
  let s: Awaited<ReturnType<typeof server>>;
  beforeEach(async () => (s = await server()));
  afterEach(() => s.http.closeAllConnections());

  /** Sends a request and waits until the server holds it; the response is still to come (wrapped, so awaiting this does not await it). */
  async function heldRequest(agent?: Agent) {
    const arrived = s.nextRequest();
    const response = get(s.port, agent);
    await arrived;
    return { response };
  }

  it('lets a request in flight finish, refuses new connections, and closes its kept-alive connection after', async () => {
    const agent = new Agent({ keepAlive: true });
    const { response } = await heldRequest(agent);

    const drained = s.drain.drain(5_000);
    expect(await connectError(s.port)).toBe('ECONNREFUSED');
    s.waiting[0].end('done');
    expect(await response).toEqual({ status: 200, connection: 'close' });
    expect(await drained).toEqual({ cut: 0 });
    agent.destroy();
  });

  it('closes idle kept-alive connections at once', async () => {
    const agent = new Agent({ keepAlive: true });
    const { response } = await heldRequest(agent);
    s.waiting[0].end('done');
    expect((await response).status).toBe(200);

    const started = Date.now();
    expect(await s.drain.drain(5_000)).toEqual({ cut: 0 });
    expect(Date.now() - started).toBeLessThan(2_000);
    agent.destroy();
  });

  it('cuts what is still open when the grace period is over', async () => {
    const held = await heldRequest();
    const response = held.response.catch((e: NodeJS.ErrnoException) => e.code);
    const started = Date.now();
    expect(await s.drain.drain(200)).toEqual({ cut: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(await response).toBe('ECONNRESET');
  });
});

describe('SubscriptionSockets', () => {
  let http: Server;
  let wss: WebSocketServer;
  let sockets: SubscriptionSockets;
  let url: string;

  beforeEach(async () => {
    sockets = new SubscriptionSockets();
    http = createServer();
    wss = new WebSocketServer({ server: http });
    wss.on('connection', (socket) => sockets.admit(socket));
    http.listen(0, '127.0.0.1');
    await once(http, 'listening');
    url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    wss.close();
    http.closeAllConnections();
    http.close();
  });

  const closeOf = (client: WebSocket) => new Promise<number>((resolve) => client.once('close', (code: number) => resolve(code)));

  it('closes open sockets with 1001, and every socket that connects after', async () => {
    const first = new WebSocket(url);
    await once(first, 'open');
    await new Promise((r) => setTimeout(r, 50));
    const firstClosed = closeOf(first);
    expect(sockets.closeAll()).toBe(1);
    expect(await firstClosed).toBe(GOING_AWAY);

    const late = new WebSocket(url);
    expect(await closeOf(late)).toBe(GOING_AWAY);
  });
});
