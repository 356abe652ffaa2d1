import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'hush_';

/** 256 random bits; the prefix lets secret scanners and people recognise a Hush token. */
export function newSecret(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Accepts `Bearer <token>` (any case) or, for graphql-ws connection params, a bare token. */
export function secretFromHeader(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  const match = /^\s*(?:bearer\s+)?(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

/** Where graphql-ws clients put the token in their connection params. */
export function connectionAuth(params: Record<string, unknown> | undefined | null): unknown {
  return params?.authorization ?? params?.Authorization ?? params?.token;
}
