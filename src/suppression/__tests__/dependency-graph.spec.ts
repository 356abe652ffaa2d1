import fc from 'fast-check';
import { dependencyCycle } from '../../common/suppression/dependency-cycle';
import type { NodeRef } from '../../common/suppression/suppression.model';
import { DependencyGraph, nodeKey } from '../dependency-graph';

const n = (type: string, id: string): NodeRef => ({ type, id });
const CIRCUIT = n('CIRCUIT', 'c1');
const SITE = n('SITE', 's1');
const REGION = n('REGION', 'r1');
const LOCATION = n('LOCATION', 'l1');
const PING = n('MONITOR', 'ping');
const CHECKOUT = n('SERVICE', 'checkout');
const CART = n('SERVICE', 'cart');

/** A graph from (node, upstream) pairs. */
function graphOf(edges: [NodeRef, NodeRef[]][]): DependencyGraph {
  const graph = new DependencyGraph();
  for (const [node, upstream] of edges) graph.set(node, upstream);
  return graph;
}

describe('DependencyGraph', () => {
  const graph = graphOf([
    [SITE, [REGION]],
    [LOCATION, [SITE]],
    [CIRCUIT, [SITE, LOCATION]],
    [PING, [CIRCUIT]],
    [CHECKOUT, [PING]],
    [CART, [CHECKOUT, SITE]],
  ]);

  it('reaches what the containment, watches and dependencies lead to, each once on its shortest chain', () => {
    expect(graph.reach([CIRCUIT])).toEqual([
      { target: CIRCUIT, via: [] },
      { target: PING, via: [CIRCUIT, PING] },
      { target: CHECKOUT, via: [CIRCUIT, PING, CHECKOUT] },
      { target: CART, via: [CIRCUIT, PING, CHECKOUT, CART] },
    ]);
    const fromRegion = graph.reach([REGION]);
    expect(fromRegion.map((r) => nodeKey(r.target))).toEqual([
      'REGION:r1',
      'SITE:s1',
      'CIRCUIT:c1',
      'LOCATION:l1',
      'SERVICE:cart',
      'MONITOR:ping',
      'SERVICE:checkout',
    ]);
    // cart depends on the site directly: that chain is shorter than the one through the checkout service.
    expect(fromRegion.find((r) => nodeKey(r.target) === 'SERVICE:cart')!.via).toEqual([REGION, SITE, CART]);
  });

  it('forgets edges when a node is given a new list, and the node when it is given none', () => {
    const g = graphOf([
      [PING, [CIRCUIT]],
      [CHECKOUT, [PING]],
    ]);
    g.set(PING, [SITE]);
    expect(g.reach([CIRCUIT])).toEqual([{ target: CIRCUIT, via: [] }]);
    expect(g.reach([SITE]).map((r) => nodeKey(r.target))).toEqual(['SITE:s1', 'MONITOR:ping', 'SERVICE:checkout']);
    g.set(PING, []);
    expect(g.reach([SITE])).toEqual([{ target: SITE, via: [] }]);
    expect(g.size).toBe(1);
    expect([...g.reachedFrom(CHECKOUT)].sort()).toEqual(['MONITOR:ping', 'SERVICE:checkout']);
  });
});

describe('dependencyCycle', () => {
  const loaderOf = (graph: DependencyGraph) => (nodes: readonly NodeRef[]) =>
    Promise.resolve(new Map(nodes.map((node) => [nodeKey(node), graph.upstreamOf(node)])));

  it('names the cycle a new list would close, in the direction things affect each other', async () => {
    const graph = graphOf([
      [PING, [CHECKOUT]],
      [CHECKOUT, [CIRCUIT]],
    ]);
    // cart → ping is fine; checkout depending on ping closes checkout → ping → checkout.
    expect(await dependencyCycle(loaderOf(graph), CART, [PING])).toBeNull();
    expect(await dependencyCycle(loaderOf(graph), CHECKOUT, [PING])).toEqual([CHECKOUT, PING, CHECKOUT]);
    expect(await dependencyCycle(loaderOf(graph), CHECKOUT, [CHECKOUT])).toEqual([CHECKOUT, CHECKOUT]);
  });
});

/** Random graphs over a few nodes of a few types, built acyclic by refusing lists that would close a cycle. */
const TYPES = ['SITE', 'CIRCUIT', 'MONITOR', 'SERVICE'];
const nodeArb = fc.record({ type: fc.constantFrom(...TYPES), id: fc.constantFrom('a', 'b', 'c') });
const listsArb = fc.array(fc.tuple(nodeArb, fc.array(nodeArb, { maxLength: 3 })), { maxLength: 25 });

/** Plain reachability by repeated relaxation over every edge: what reach() must agree with. */
function plainReach(edges: Map<string, NodeRef[]>, from: NodeRef[]): Map<string, number> {
  const distance = new Map(from.map((f) => [nodeKey(f), 0]));
  for (let changed = true; changed;) {
    changed = false;
    for (const [node, upstream] of edges) {
      for (const u of upstream) {
        const d = distance.get(nodeKey(u));
        if (d !== undefined && (distance.get(node) ?? Infinity) > d + 1) {
          distance.set(node, d + 1);
          changed = true;
        }
      }
    }
  }
  return distance;
}

/** Whether `to` can be reached from `from` by following edges upstream → node (a plain depth-first search). */
function affects(edges: Map<string, NodeRef[]>, from: string, to: string, seen = new Set<string>()): boolean {
  if (from === to) return true;
  seen.add(from);
  for (const [node, upstream] of edges) {
    if (!seen.has(node) && upstream.some((u) => nodeKey(u) === from) && affects(edges, node, to, seen)) return true;
  }
  return false;
}

describe('dependency closure (property)', () => {
  it('agrees with a plain search, and every cycle is refused', async () => {
    await fc.assert(
      fc.asyncProperty(listsArb, fc.array(nodeArb, { minLength: 1, maxLength: 3 }), async (lists, from) => {
        const graph = new DependencyGraph();
        const edges = new Map<string, NodeRef[]>();
        const load = (nodes: readonly NodeRef[]) => Promise.resolve(new Map(nodes.map((node) => [nodeKey(node), graph.upstreamOf(node)])));
        for (const [node, upstream] of lists) {
          const cycle = await dependencyCycle(load, node, upstream);
          // A cycle is found exactly when something in the new list is already affected by the node (or is it).
          const closes = upstream.some((u) => affects(edges, nodeKey(node), nodeKey(u)));
          expect(cycle !== null).toBe(closes);
          if (cycle) {
            expect(nodeKey(cycle[0])).toBe(nodeKey(node));
            expect(nodeKey(cycle[cycle.length - 1])).toBe(nodeKey(node));
            continue;
          }
          graph.set(node, upstream);
          if (upstream.length) edges.set(nodeKey(node), upstream);
          else edges.delete(nodeKey(node));
        }
        const reached = graph.reach(from);
        const expected = plainReach(edges, from);
        expect(new Set(reached.map((r) => nodeKey(r.target)))).toEqual(new Set(expected.keys()));
        for (const r of reached) {
          const chain = r.via.length ? r.via : [r.target];
          expect(chain.length - 1).toBe(expected.get(nodeKey(r.target)));
          // Every step of the chain is an edge of the graph.
          for (let i = 1; i < chain.length; i++) expect(graph.upstreamOf(chain[i]).map(nodeKey)).toContain(nodeKey(chain[i - 1]));
        }
      }),
      { numRuns: 300 },
    );
  });
});
