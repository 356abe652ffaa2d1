import type { NodeRef } from './suppression.model';

/** What each of some nodes is affected by, by `TYPE:id`. */
export type UpstreamLoader = (nodes: readonly NodeRef[]) => Promise<Map<string, readonly NodeRef[]>>;

const keyOf = (n: NodeRef) => `${n.type}:${n.id}`;

/**
 * The cycle that making `node` affected by `upstream` would close, as the
 * chain in the direction things affect each other (it starts and ends with
 * `node`), or null. Walks upwards from the new upstream, one level (one
 * load) at a time, so only what lies above them is read.
 */
export async function dependencyCycle(load: UpstreamLoader, node: NodeRef, upstream: readonly NodeRef[]): Promise<NodeRef[] | null> {
  const target = keyOf(node);
  /** key → the node one step below it on the way up (toward `node`), null for a start. */
  const below = new Map<string, string | null>();
  const refs = new Map<string, NodeRef>([[target, node]]);
  let level: NodeRef[] = [];
  for (const u of upstream) {
    const key = keyOf(u);
    if (key === target) return [node, node];
    if (below.has(key)) continue;
    below.set(key, null);
    refs.set(key, u);
    level.push(u);
  }
  while (level.length) {
    const upstreamOf = await load(level);
    const next: NodeRef[] = [];
    for (const n of level) {
      for (const u of upstreamOf.get(keyOf(n)) ?? []) {
        const key = keyOf(u);
        if (key === target) return chain(keyOf(n), below, refs, node);
        if (below.has(key)) continue;
        below.set(key, keyOf(n));
        refs.set(key, u);
        next.push(u);
      }
    }
    level = next;
  }
  return null;
}

/** node → (the top of the walk) → … → (a start) → node. */
function chain(top: string, below: Map<string, string | null>, refs: Map<string, NodeRef>, node: NodeRef): NodeRef[] {
  const path = [node];
  for (let key: string | null = top; key !== null; key = below.get(key) ?? null) path.push(refs.get(key)!);
  path.push(node);
  return path;
}
