// Min-cost max-flow by the primal-dual method: Dijkstra on reduced costs finds the shortest
// augmenting distance, then a blocking flow (Dinic) saturates every shortest path at once on the
// arcs of reduced cost zero. Arcs live in compressed rows (CSR) for speed on dense bipartite
// graphs. Costs must be integers (exact in float64).

export class FlowNetwork {
  private readonly from: Int32Array;
  private readonly toInput: Int32Array;
  private readonly capacityInput: Int32Array;
  private readonly costInput: Float64Array;
  private inputCount = 0;

  // Compressed rows, built by finalize(): arcs of node u are start[u] .. start[u + 1] - 1.
  private start = new Int32Array(0);
  private to = new Int32Array(0);
  private twin = new Int32Array(0);
  private capacity = new Int32Array(0);
  private cost = new Float64Array(0);
  /** Slot of each input arc (its forward copy) in the rows. */
  private slotOf = new Int32Array(0);
  /** Where each node's reverse slots begin: forward slots come first in every row. */
  private forwardEnd = new Int32Array(0);
  /**
   * The reverse slots that have residual capacity, by node. On an assignment graph almost every
   * reverse slot is empty, so Dijkstra walks these short lists instead of the whole reverse row.
   */
  private activeReverse: number[][] = [];
  private activeIndex = new Int32Array(0);
  /** Per phase: whether each slot has reduced cost zero, and those slots by node (CSR). */
  private tight = new Uint8Array(0);
  private tightStart = new Int32Array(0);
  private tightSlots = new Int32Array(0);

  constructor(
    readonly nodeCount: number,
    maxArcs: number,
  ) {
    this.from = new Int32Array(maxArcs);
    this.toInput = new Int32Array(maxArcs);
    this.capacityInput = new Int32Array(maxArcs);
    this.costInput = new Float64Array(maxArcs);
  }

  /** Adds an arc; returns its id. Arcs of a node are explored in the order they were added. */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    const id = this.inputCount++;
    this.from[id] = from;
    this.toInput[id] = to;
    this.capacityInput[id] = capacity;
    this.costInput[id] = cost;
    return id;
  }

  private finalize(): void {
    const n = this.nodeCount;
    const m = this.inputCount;
    const outDegree = new Int32Array(n);
    const inDegree = new Int32Array(n);
    for (let id = 0; id < m; id++) {
      outDegree[this.from[id]!]!++;
      inDegree[this.toInput[id]!]!++;
    }
    this.start = new Int32Array(n + 1);
    this.forwardEnd = new Int32Array(n);
    for (let u = 0; u < n; u++) {
      this.forwardEnd[u] = this.start[u]! + outDegree[u]!;
      this.start[u + 1] = this.forwardEnd[u]! + inDegree[u]!;
    }
    const nextForward = this.start.slice(0, n);
    const nextReverse = this.forwardEnd.slice();
    this.to = new Int32Array(2 * m);
    this.twin = new Int32Array(2 * m);
    this.capacity = new Int32Array(2 * m);
    this.cost = new Float64Array(2 * m);
    this.slotOf = new Int32Array(m);
    this.tight = new Uint8Array(2 * m);
    this.activeIndex = new Int32Array(2 * m).fill(-1);
    this.activeReverse = Array.from({ length: n }, () => []);
    for (let id = 0; id < m; id++) {
      const u = this.from[id]!;
      const v = this.toInput[id]!;
      const forward = nextForward[u]!++;
      const backward = nextReverse[v]!++;
      this.to[forward] = v;
      this.to[backward] = u;
      this.twin[forward] = backward;
      this.twin[backward] = forward;
      this.capacity[forward] = this.capacityInput[id]!;
      this.cost[forward] = this.costInput[id]!;
      this.cost[backward] = -this.costInput[id]!;
      this.slotOf[id] = forward;
    }
  }

  private isReverse(slot: number): boolean {
    return slot >= this.forwardEnd[this.to[this.twin[slot]!]!]!;
  }

  /** Moves `units` of residual capacity from a slot to its twin, keeping the active lists right. */
  private push(slot: number, units: number): void {
    const twin = this.twin[slot]!;
    this.capacity[slot] = this.capacity[slot]! - units;
    this.capacity[twin] = this.capacity[twin]! + units;
    for (const changed of [slot, twin]) {
      if (!this.isReverse(changed)) continue;
      const owner = this.to[this.twin[changed]!]!;
      const list = this.activeReverse[owner]!;
      const index = this.activeIndex[changed]!;
      if (this.capacity[changed]! > 0 && index === -1) {
        this.activeIndex[changed] = list.length;
        list.push(changed);
      } else if (this.capacity[changed]! <= 0 && index !== -1) {
        const last = list.pop()!;
        if (last !== changed) {
          list[index] = last;
          this.activeIndex[last] = index;
        }
        this.activeIndex[changed] = -1;
      }
    }
  }

  /** Units flowing through an arc. */
  flowOn(arc: number): number {
    return this.capacity[this.twin[this.slotOf[arc]!]!]!;
  }

  /**
   * Sends as much flow as possible from source to sink at the least cost. `potential` must make
   * every reduced cost non-negative at the start; it is left valid for the final residual graph.
   */
  solve(source: number, sink: number, potential: Float64Array): number {
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
    }
    return flow;
  }

  /** The slots of reduced cost zero, by node; a reverse slot is tight exactly when its forward twin is. */
  private markTight(potential: Float64Array): void {
    const { start, forwardEnd, to, cost, tight, twin } = this;
    const n = this.nodeCount;
    if (this.tightStart.length !== n + 1) {
      this.tightStart = new Int32Array(n + 1);
      this.tightSlots = new Int32Array(to.length);
    }
    tight.fill(0);
    const count = new Int32Array(n);
    for (let u = 0; u < n; u++) {
      const pu = potential[u]!;
      for (let slot = start[u]!, end = forwardEnd[u]!; slot < end; slot++) {
        const v = to[slot]!;
        if (cost[slot]! + pu - potential[v]! !== 0) continue;
        tight[slot] = 1;
        tight[twin[slot]!] = 1;
        count[u]!++;
        count[v]!++;
      }
    }
    let total = 0;
    for (let u = 0; u < n; u++) {
      this.tightStart[u] = total;
      total += count[u]!;
    }
    this.tightStart[n] = total;
    const fill = this.tightStart.slice(0, n);
    for (let u = 0; u < n; u++) {
      for (let slot = start[u]!, end = forwardEnd[u]!; slot < end; slot++) {
        if (!tight[slot]) continue;
        this.tightSlots[fill[u]!++] = slot;
        this.tightSlots[fill[to[slot]!]!++] = twin[slot]!;
      }
    }
  }


  /**
   * Among flows of the same value and cost, spreads the flow into the sink evenly: while every
   * busiest giver can pass one unit to an arc into the sink that carries at least two less,
   * along arcs of reduced cost zero (so value and cost stay optimal), it does. What is left is a
   * flow whose largest load cannot go down. `sinkArcs[k]` enters the sink; `base[k]` is load
   * already there. `potential` must be the one solve() left.
   */
  balance(sink: number, sinkArcs: number[], base: number[], potential: Float64Array): void {
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
    }
  }

  /**
   * Dinic on the tight arcs, from `sources` (each giving at most `perSource` units) to nodes that
   * accept flow (`accept(v)` more units). `onArrive(source, end)` is told of each unit. The
   * `closed` node is never entered.
   */
  private maxFlowOnTight(sources: number[], accept: (v: number) => number, level: Int32Array, current: Int32Array, onArrive: (source: number, end: number) => void, perSource = Infinity, closed = -1): number {
    let flow = 0;
    const given = new Map<number, number>();
    for (;;) {
      const active = sources.filter((source) => (given.get(source) ?? 0) < perSource);
      if (active.length === 0 || !this.levelGraph(active, accept, level, closed)) return flow;
      current.set(this.tightStart.subarray(0, this.nodeCount));
      let progress = false;
      for (const source of active) {
        while ((given.get(source) ?? 0) < perSource) {
          const end = this.augment(source, accept, level, current, closed);
          if (end < 0) break;
          flow += 1;
          progress = true;
          given.set(source, (given.get(source) ?? 0) + 1);
          onArrive(source, end);
        }
      }
      if (!progress) return flow;
    }
  }

  private levelGraph(sources: number[], accept: (v: number) => number, level: Int32Array, closed: number): boolean {
    level.fill(-1);
    const queue: number[] = [];
    for (const source of sources) {
      level[source] = 0;
      queue.push(source);
    }
    let reached = false;
    for (let index = 0; index < queue.length; index++) {
      const u = queue[index]!;
      if (level[u]! > 0 && accept(u) > 0) reached = true;
      for (let t = this.tightStart[u]!, end = this.tightStart[u + 1]!; t < end; t++) {
        const slot = this.tightSlots[t]!;
        const v = this.to[slot]!;
        if (v !== closed && level[v] === -1 && this.capacity[slot]! > 0) {
          level[v] = level[u]! + 1;
          queue.push(v);
        }
      }
    }
    return reached;
  }

  /** One unit along the level graph from source to a node that accepts it; returns that node, or -1. */
  private augment(source: number, accept: (v: number) => number, level: Int32Array, current: Int32Array, closed: number): number {
    const path: number[] = [];
    let u = source;
    while (path.length === 0 || accept(u) <= 0) {
      let advanced = false;
      for (let t = current[u]!, end = this.tightStart[u + 1]!; t < end; t++) {
        const slot = this.tightSlots[t]!;
        const v = this.to[slot]!;
        if (v !== closed && level[v] === level[u]! + 1 && this.capacity[slot]! > 0) {
          current[u] = t;
          path.push(t);
          u = v;
          advanced = true;
          break;
        }
      }
      if (!advanced) {
        current[u] = this.tightStart[u + 1]!;
        level[u] = -1;
        if (path.length === 0) return -1;
        const t = path.pop()!;
        u = this.to[this.twin[this.tightSlots[t]!]!]!;
        current[u] = t + 1;
      }
    }
    for (const t of path) this.push(this.tightSlots[t]!, 1);
    return u;
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
