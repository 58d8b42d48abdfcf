// The residual graph of a flow network, and blocking flows (Dinic) on its tight arcs (reduced cost
// zero). Arcs live in compressed rows (CSR) for speed on dense bipartite graphs. FlowNetwork
// (min-cost-flow.ts) builds the min-cost solve and the load balancing on top of it.

export class FlowGraph {
  protected readonly from: Int32Array;
  protected readonly toInput: Int32Array;
  protected readonly capacityInput: Int32Array;
  protected readonly costInput: Float64Array;
  protected inputCount = 0;

  // Compressed rows, built by finalize(): arcs of node u are start[u] .. start[u + 1] - 1.
  protected start = new Int32Array(0);
  protected to = new Int32Array(0);
  protected twin = new Int32Array(0);
  protected capacity = new Int32Array(0);
  protected cost = new Float64Array(0);
  /** Slot of each input arc (its forward copy) in the rows. */
  protected slotOf = new Int32Array(0);
  /** Where each node's reverse slots begin: forward slots come first in every row. */
  protected forwardEnd = new Int32Array(0);
  /**
   * The reverse slots that have residual capacity, by node. On an assignment graph almost every
   * reverse slot is empty, so Dijkstra walks these short lists instead of the whole reverse row.
   */
  protected activeReverse: number[][] = [];
  protected activeIndex = new Int32Array(0);
  /** Per phase: whether each slot has reduced cost zero, and those slots by node (CSR). */
  protected tight = new Uint8Array(0);
  protected tightStart = new Int32Array(0);
  protected tightSlots = new Int32Array(0);

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

  protected finalize(): void {
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

  protected isReverse(slot: number): boolean {
    return slot >= this.forwardEnd[this.to[this.twin[slot]!]!]!;
  }

  /** Moves `units` of residual capacity from a slot to its twin, keeping the active lists right. */
  protected push(slot: number, units: number): void {
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

  /** The slots of reduced cost zero, by node; a reverse slot is tight exactly when its forward twin is. */
  protected markTight(potential: Float64Array): void {
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
   * Dinic on the tight arcs, from `sources` (each giving at most `perSource` units) to nodes that
   * accept flow (`accept(v)` more units). `onArrive(source, end)` is told of each unit. The
   * `closed` node is never entered.
   */
  protected maxFlowOnTight(sources: number[], accept: (v: number) => number, level: Int32Array, current: Int32Array, onArrive: (source: number, end: number) => void, perSource = Infinity, closed = -1): number {
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

  protected levelGraph(sources: number[], accept: (v: number) => number, level: Int32Array, closed: number): boolean {
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
  protected augment(source: number, accept: (v: number) => number, level: Int32Array, current: Int32Array, closed: number): number {
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
