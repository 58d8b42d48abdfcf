// Min-cost max-flow by the primal-dual method: Dijkstra on reduced costs finds the shortest
// augmenting distance, then a blocking flow (Dinic) saturates every shortest path at once on the
// arcs of reduced cost zero. Arcs live in compressed rows (CSR) for speed on dense bipartite
// graphs. Costs must be integers (exact in float64). Both steps pause (yield) after each phase,
// where pausing changes nothing, so that a caller may let node hear a signal (core/pausable.ts).

import { FlowGraph } from './flow-graph.js';
import type { Pausable } from './pausable.js';

export class FlowNetwork extends FlowGraph {
  /**
   * Sends as much flow as possible from source to sink at the least cost. `potential` must make
   * every reduced cost non-negative at the start; it is left valid for the final residual graph.
   */
  *solving(source: number, sink: number, potential: Float64Array): Pausable<number> {
    this.finalize();
    const n = this.nodeCount;
    const dist = new Float64Array(n);
    const level = new Int32Array(n);
    const current = new Int32Array(n);
    const heap = new MinHeap(n);
    const { start, forwardEnd, to, capacity, cost } = this;
    let flow = 0;
    for (;;) {
      dist.fill(Infinity);
      dist[source] = 0;
      heap.push(source, 0);
      while (heap.size > 0) {
        const u = heap.popNode();
        const d = heap.lastKey;
        if (d > dist[u]!) continue;
        const base = d + potential[u]!;
        const relax = (slot: number) => {
          const v = to[slot]!;
          const candidate = base + cost[slot]! - potential[v]!;
          if (candidate < dist[v]!) {
            dist[v] = candidate;
            heap.push(v, candidate);
          }
        };
        for (let slot = start[u]!, end = forwardEnd[u]!; slot < end; slot++) if (capacity[slot]! > 0) relax(slot);
        for (const slot of this.activeReverse[u]!) relax(slot);
      }
      if (dist[sink] === Infinity) break;
      const sinkDistance = dist[sink]!;
      for (let v = 0; v < n; v++) potential[v] = potential[v]! + Math.min(dist[v]!, sinkDistance);
      this.markTight(potential);
      flow += this.maxFlowOnTight([source], (v) => (v === sink ? Infinity : 0), level, current, () => {});
      yield;
    }
    return flow;
  }

  /**
   * Among flows of the same value and cost, spreads the flow into the sink evenly: while every
   * busiest giver can pass one unit to an arc into the sink that carries at least two less,
   * along arcs of reduced cost zero (so value and cost stay optimal), it does. What is left is a
   * flow whose largest load cannot go down. `sinkArcs[k]` enters the sink; `base[k]` is load
   * already there. `potential` must be the one solving() left.
   */
  *balancing(sink: number, sinkArcs: number[], base: number[], potential: Float64Array): Pausable<void> {
    this.markTight(potential);
    const n = this.nodeCount;
    const level = new Int32Array(n);
    const current = new Int32Array(n);
    const slots = sinkArcs.map((arc) => this.slotOf[arc]!);
    const nodeOf = slots.map((slot) => this.to[this.twin[slot]!]!);
    const indexOf = new Map(nodeOf.map((node, k) => [node, k]));
    const carried = (k: number) => this.capacity[this.twin[slots[k]!]!]!;
    const load = (k: number) => base[k]! + carried(k);
    const shift = (k: number, units: number) => this.push(slots[k]!, units);
    // Only an arc into the sink with reduced cost zero may give or take: the others carry the
    // same flow in every optimal solution.
    const free = (k: number) => this.tight[slots[k]!] === 1;
    for (;;) {
      let top = -Infinity;
      for (let k = 0; k < slots.length; k++) if (carried(k) > 0 && free(k)) top = Math.max(top, load(k));
      if (top === -Infinity) return;
      const givers = nodeOf.filter((_, k) => carried(k) > 0 && free(k) && load(k) === top);
      const room = new Map<number, number>();
      for (let k = 0; k < slots.length; k++) {
        const spare = Math.min(this.capacity[slots[k]!]!, top - 1 - load(k));
        if (spare > 0 && free(k)) room.set(nodeOf[k]!, spare);
      }
      let moved = 0;
      if (room.size > 0) {
        moved = this.maxFlowOnTight(givers, (v) => room.get(v) ?? 0, level, current, (from, to) => {
          room.set(to, room.get(to)! - 1);
          shift(indexOf.get(from)!, -1);
          shift(indexOf.get(to)!, 1);
        }, 1, sink);
      }
      if (moved < givers.length) return;
      yield;
    }
  }
}

class MinHeap {
  private nodes: Int32Array;
  private keys: Float64Array;
  size = 0;
  lastKey = 0;

  constructor(capacity: number) {
    this.nodes = new Int32Array(Math.max(16, capacity * 4));
    this.keys = new Float64Array(this.nodes.length);
  }

  push(node: number, key: number) {
    if (this.size === this.nodes.length) {
      const nodes = new Int32Array(this.nodes.length * 2);
      nodes.set(this.nodes);
      const keys = new Float64Array(this.keys.length * 2);
      keys.set(this.keys);
      this.nodes = nodes;
      this.keys = keys;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.nodes[i] = this.nodes[parent]!;
      this.keys[i] = this.keys[parent]!;
      i = parent;
    }
    this.nodes[i] = node;
    this.keys[i] = key;
  }

  /** Removes the smallest; its key is left in lastKey. */
  popNode(): number {
    const node = this.nodes[0]!;
    this.lastKey = this.keys[0]!;
    const lastNode = this.nodes[--this.size]!;
    const lastKey = this.keys[this.size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1]! < this.keys[child]!) child++;
      if (this.keys[child]! >= lastKey) break;
      this.nodes[i] = this.nodes[child]!;
      this.keys[i] = this.keys[child]!;
      i = child;
    }
    this.nodes[i] = lastNode;
    this.keys[i] = lastKey;
    return node;
  }
}
