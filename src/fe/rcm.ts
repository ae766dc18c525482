/**
 * Reverse Cuthill–McKee ordering of a sparse symmetric graph (George & Liu 1981): breadth-first
 * levels from a pseudo-peripheral start, neighbours by increasing degree, reversed. It keeps the
 * nonzeros of a banded or ring-like matrix (e.g. a poorly connected firm–worker graph) close to the
 * diagonal, so that an envelope Cholesky factor stays small.
 */

/** A symmetric graph in compressed rows: the neighbours of node v are adj[start[v] .. start[v+1]). */
export interface Graph {
  readonly start: Int32Array;
  readonly adj: Int32Array;
}

/**
 * Nodes in reverse Cuthill–McKee order (order[k] = the node placed k-th), component by component.
 * @example const order = reverseCuthillMcKee({ start: Int32Array.of(0, 1, 2), adj: Int32Array.of(1, 0) });
 */
export function reverseCuthillMcKee(g: Graph): Int32Array {
  const n = g.start.length - 1;
  const order = new Int32Array(n);
  const level = new Int32Array(n).fill(-1);
  const placed = new Uint8Array(n);
  const degree = new Int32Array(n);
  for (let v = 0; v < n; v++) degree[v] = g.start[v + 1] - g.start[v];
  const byDegree = Int32Array.from({ length: n }, (_, v) => v).sort((a, b) => degree[a] - degree[b]);
  let filled = 0;
  const scratch: number[] = [];
  for (let s = 0; s < n; s++) {
    const seed = byDegree[s];
    if (placed[seed]) continue;
    const root = pseudoPeripheral(g, seed, level, degree);
    // Cuthill–McKee breadth-first numbering of this component.
    let head = filled;
    order[filled++] = root;
    placed[root] = 1;
    while (head < filled) {
      const v = order[head++];
      scratch.length = 0;
      for (let k = g.start[v]; k < g.start[v + 1]; k++) {
        const u = g.adj[k];
        if (!placed[u]) {
          placed[u] = 1;
          scratch.push(u);
        }
      }
      scratch.sort((a, b) => degree[a] - degree[b]);
      for (const u of scratch) order[filled++] = u;
    }
  }
  return order.reverse();
}

/** A node of maximal eccentricity (approximately): repeat breadth-first searches from the farthest, least-connected node. */
function pseudoPeripheral(g: Graph, seed: number, level: Int32Array, degree: Int32Array): number {
  let root = seed;
  let depth = -1;
  for (let round = 0; round < 8; round++) {
    const { last, height, visited } = bfs(g, root, level);
    // Pick the least-connected node of the last level.
    let best = last[0];
    for (const v of last) if (degree[v] < degree[best]) best = v;
    for (const v of visited) level[v] = -1;
    if (height <= depth) break;
    depth = height;
    root = best;
  }
  return root;
}

function bfs(
  g: Graph,
  root: number,
  level: Int32Array,
): { last: number[]; height: number; visited: number[] } {
  const visited = [root];
  level[root] = 0;
  let head = 0;
  while (head < visited.length) {
    const v = visited[head++];
    for (let k = g.start[v]; k < g.start[v + 1]; k++) {
      const u = g.adj[k];
      if (level[u] < 0) {
        level[u] = level[v] + 1;
        visited.push(u);
      }
    }
  }
  const height = level[visited[visited.length - 1]];
  const last: number[] = [];
  for (let k = visited.length - 1; k >= 0 && level[visited[k]] === height; k--) last.push(visited[k]);
  return { last, height, visited };
}
