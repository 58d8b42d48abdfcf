// Min-cost max-flow by the primal-dual method: Dijkstra on reduced costs finds the shortest
// augmenting distance, then a blocking flow saturates every shortest path at once (Dinic on the
// zero-reduced-cost arcs). Costs must be integers (exact in float64); negative costs are fine on
// a graph whose arcs from the source lead to a layered DAG, as in an assignment.

export class FlowNetwork {
  private head: Int32Array;
  private next: Int32Array;
  private to: Int32Array;
  private capacity: Int32Array;
  private cost: Float64Array;
  private arcCount = 0;

  constructor(
    readonly nodeCount: number,
    maxArcs: number,
  ) {
    this.head = new Int32Array(nodeCount).fill(-1);
    this.next = new Int32Array(maxArcs * 2);
    this.to = new Int32Array(maxArcs * 2);
    this.capacity = new Int32Array(maxArcs * 2);
    this.cost = new Float64Array(maxArcs * 2);
  }

  /** Adds an arc and its residual twin; returns the arc id (the twin is id ^ 1). */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    const id = this.arcCount;
    this.link(id, from, to, capacity, cost);
    this.link(id + 1, to, from, 0, -cost);
    this.arcCount += 2;
    return id;
  }

  private link(id: number, from: number, to: number, capacity: number, cost: number) {
    this.to[id] = to;
    this.capacity[id] = capacity;
    this.cost[id] = cost;
    this.next[id] = this.head[from]!;
    this.head[from] = id;
  }

  /** Units flowing through an arc. */
  flowOn(arc: number): number {
    return this.capacity[arc ^ 1]!;
  }

  /**
   * Sends as much flow as possible from source to sink at the least cost. `potential` must make
   * every reduced cost non-negative at the start (the caller knows the graph's layers).
   */
  solve(source: number, sink: number, potential: Float64Array): { flow: number; cost: number } {
    const n = this.nodeCount;
    const dist = new Float64Array(n);
    const level = new Int32Array(n);
    const current = new Int32Array(n);
    const heap = new MinHeap(n);
    let flow = 0;
    let totalCost = 0;
    for (;;) {
      // Dijkstra on reduced costs.
      dist.fill(Infinity);
      dist[source] = 0;
      heap.push(source, 0);
      while (heap.size > 0) {
        const [u, d] = heap.pop();
        if (d > dist[u]!) continue;
        for (let arc = this.head[u]!; arc !== -1; arc = this.next[arc]!) {
          if (this.capacity[arc]! <= 0) continue;
          const v = this.to[arc]!;
          const candidate = d + this.cost[arc]! + potential[u]! - potential[v]!;
          if (candidate < dist[v]!) {
            dist[v] = candidate;
            heap.push(v, candidate);
          }
        }
      }
      if (dist[sink] === Infinity) break;
      const sinkDistance = dist[sink]!;
      for (let v = 0; v < n; v++) potential[v] = potential[v]! + Math.min(dist[v]!, sinkDistance);

      // Blocking flows on the arcs whose reduced cost is now zero.
      for (;;) {
        if (!this.levelGraph(source, sink, potential, level)) break;
        for (let v = 0; v < n; v++) current[v] = this.head[v]!;
        let pushed: number;
        while ((pushed = this.augment(source, sink, potential, level, current)) > 0) {
          flow += pushed;
        }
      }
    }
    for (let arc = 0; arc < this.arcCount; arc += 2) totalCost += this.cost[arc]! * this.capacity[arc + 1]!;
    return { flow, cost: totalCost };
  }

  private tight(arc: number, u: number, potential: Float64Array): boolean {
    return this.capacity[arc]! > 0 && this.cost[arc]! + potential[u]! - potential[this.to[arc]!]! === 0;
  }

  private levelGraph(source: number, sink: number, potential: Float64Array, level: Int32Array): boolean {
    level.fill(-1);
    level[source] = 0;
    const queue = [source];
    for (let index = 0; index < queue.length; index++) {
      const u = queue[index]!;
      for (let arc = this.head[u]!; arc !== -1; arc = this.next[arc]!) {
        const v = this.to[arc]!;
        if (level[v] === -1 && this.tight(arc, u, potential)) {
          level[v] = level[u]! + 1;
          queue.push(v);
        }
      }
    }
    return level[sink]! !== -1;
  }

  /** One augmenting path in the level graph (iterative DFS with current-arc pointers). */
  private augment(source: number, sink: number, potential: Float64Array, level: Int32Array, current: Int32Array): number {
    const pathArcs: number[] = [];
    let u = source;
    while (u !== sink) {
      let advanced = false;
      for (let arc = current[u]!; arc !== -1; arc = this.next[arc]!) {
        const v = this.to[arc]!;
        if (level[v] === level[u]! + 1 && this.tight(arc, u, potential)) {
          current[u] = arc;
          pathArcs.push(arc);
          u = v;
          advanced = true;
          break;
        }
      }
      if (!advanced) {
        current[u] = -1;
        level[u] = -1; // a dead end for the rest of this phase
        if (pathArcs.length === 0) return 0;
        const arc = pathArcs.pop()!;
        u = this.to[arc ^ 1]!;
        current[u] = this.next[current[u]!]!;
      }
    }
    let bottleneck = Infinity;
    for (const arc of pathArcs) bottleneck = Math.min(bottleneck, this.capacity[arc]!);
    for (const arc of pathArcs) {
      this.capacity[arc] = this.capacity[arc]! - bottleneck;
      this.capacity[arc ^ 1] = this.capacity[arc ^ 1]! + bottleneck;
    }
    return bottleneck;
  }
}

class MinHeap {
  private nodes: Int32Array;
  private keys: Float64Array;
  size = 0;

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

  pop(): [number, number] {
    const node = this.nodes[0]!;
    const key = this.keys[0]!;
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
    return [node, key];
  }
}
