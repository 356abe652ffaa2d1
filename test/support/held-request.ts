import { once } from 'node:events';
import { request, type IncomingMessage } from 'node:http';
import { ADMIN_SECRET } from './hush-process';

/**
 * A POST whose headers Hush has received (it answered `100 Continue`) but
 * whose body the test holds back: a request in flight for as long as the
 * test wants. `send` sends the body and resolves to the response.
 */
export async function requestInFlight(url: string, body: string) {
  const req = request(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      authorization: `Bearer ${ADMIN_SECRET}`,
      expect: '100-continue',
    },
  });
  const response = new Promise<{ status: number; headers: IncomingMessage['headers']; body: string }>((resolve, reject) => {
    req.once('error', reject);
    req.once('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.once('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
      res.once('error', reject);
    });
  });
  req.flushHeaders();
  await once(req, 'continue');
  return {
    send: () => {
      req.end(body);
      return response;
    },
  };
}
