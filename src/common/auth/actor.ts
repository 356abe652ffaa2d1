import type { ApiToken } from './api-token.entity';

/** Who a write is attributed to in the changelog. */
export interface Actor {
  tokenId: string | null;
  name: string;
}

export const SYSTEM_ACTOR: Actor = { tokenId: null, name: 'hush' };

export function actorOf(token: ApiToken): Actor {
  return { tokenId: token.id, name: token.name };
}
