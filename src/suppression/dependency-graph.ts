import type { NodeRef, Reached } from '../common/suppression/suppression.model';

export const nodeKey = (node: NodeRef) => `${node.type}:${node.id}`;

/** An object a walk reached, and the step it was reached from (null at a start). */
export interface Step {
  readonly target: NodeRef;
  readonly from: Step | null;
}

/** The chain from a walk's start to `step`, both included: made at its exact length (reasons keep it; a pushed-to array keeps room for 17). */
export function chainTo(step: Step): NodeRef[] {
  let length = 0;
  for (let s: Step | null = step; s; s = s.from) length++;
  const chain = new Array<NodeRef>(length);
  for (let s: Step | null = step; s; s = s.from) chain[--length] = s.target;
  return chain;
}

/**
 * What affects what: a region its sites, a site its locations and circuits,
 * a circuit the monitors that watch it, a monitor the services that depend
 * on it. Each node keeps the list its owner gave (what it is affected by);
 * the reverse is kept alongside, for walking from an impact outwards.
 */
export class DependencyGraph {
  private readonly upstream = new Map<string, readonly NodeRef[]>();
  private readonly downstream = new Map<string, Map<string, NodeRef>>();

  get size(): number {
    return this.upstream.size;
  }

  upstreamOf(node: NodeRef): readonly NodeRef[] {
    return this.upstream.get(nodeKey(node)) ?? [];
  }

  /** Every node with something upstream of it. */
  nodes(): IterableIterator<string> {
    return this.upstream.keys();
  }

  /** Replaces what `node` is affected by (none: removes it). */
  set(node: NodeRef, upstream: readonly NodeRef[]): void {
    const key = nodeKey(node);
    for (const u of this.upstream.get(key) ?? []) {
      const down = this.downstream.get(nodeKey(u));
      down?.delete(key);
      if (down?.size === 0) this.downstream.delete(nodeKey(u));
    }
    if (upstream.length === 0) {
      this.upstream.delete(key);
      return;
    }
    const ref = { type: node.type, id: node.id };
    // The caller's refs themselves, not copies of them: the engine hands over records it alone holds.
    this.upstream.set(key, [...upstream]);
    for (const u of upstream) {
      const uKey = nodeKey(u);
      let down = this.downstream.get(uKey);
      if (!down) this.downstream.set(uKey, (down = new Map<string, NodeRef>()));
      down.set(key, ref);
    }
  }

  /**
   * Everything the nodes `from` reach, each once with its shortest chain
   * (ties go to the earlier start, then to the smaller key, so every replica
   * names the same chain); the starts themselves come first, with no chain.
   */
  reach(from: readonly NodeRef[]): Reached[] {
    return this.walk(from).map((step) => ({ target: step.target, via: step.from ? chainTo(step) : [] }));
  }

  /** What `reach` finds, each object as a step from the one it was reached from: chains share their beginnings. */
  walk(from: readonly NodeRef[]): Step[] {
    const found = new Map<string, Step>();
    let frontier: Step[] = [];
    for (const { type, id } of from) {
      const key = nodeKey({ type, id });
      if (found.has(key)) continue;
      const start = { target: { type, id }, from: null };
      found.set(key, start);
      frontier.push(start);
    }
    while (frontier.length) {
      const next: Step[] = [];
      for (const at of frontier) {
        const down = this.downstream.get(nodeKey(at.target));
        if (!down) continue;
        for (const key of [...down.keys()].sort()) {
          if (found.has(key)) continue;
          const step = { target: down.get(key)!, from: at };
          found.set(key, step);
          next.push(step);
        }
      }
      frontier = next;
    }
    return [...found.values()];
  }

  /** The keys of `node` and of everything that reaches it. */
  reachedFrom(node: NodeRef): Set<string> {
    const seen = new Set([nodeKey(node)]);
    const queue = [nodeKey(node)];
    while (queue.length) {
      for (const u of this.upstream.get(queue.pop()!) ?? []) {
        const key = nodeKey(u);
        if (seen.has(key)) continue;
        seen.add(key);
        queue.push(key);
      }
    }
    return seen;
  }
}
