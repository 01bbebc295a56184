// The route planner's algorithm, the same as continuous_function/site/route.py (tests run both
// on the same graphs and require identical answers). Pure: no DOM, importable under node.
//
// graph.json: {domains: [{id, title, color, order}], concepts: [{id, key, title, domain,
// prereqs, minutes, status}]}. A route is the target plus the prerequisites it still rests on
// (not walking through concepts already known), in a topological order that keeps each domain's
// concepts together where the prerequisites allow.

export class RouteGraph {
  constructor(data) {
    this.data = data;
    this.concepts = new Map(data.concepts.map((c) => [c.id, c]));
    this.byKey = new Map(data.concepts.map((c) => [c.key, c]));
    this.domainOrder = new Map(data.domains.map((d) => [d.id, d.order]));
    this.domains = new Map(data.domains.map((d) => [d.id, d]));
    this.prereqs = new Map();
    this.unlocks = new Map();
    for (const c of data.concepts) this.unlocks.set(c.id, []);
    for (const c of data.concepts) {
      const pres = [...new Set(c.prereqs.filter((p) => this.concepts.has(p)))].sort(cmp);
      this.prereqs.set(c.id, pres);
      for (const p of pres) this.unlocks.get(p).push(c.id);
    }
    for (const list of this.unlocks.values()) list.sort(cmp);
    this.depth = depths(this);
  }

  key(n) {
    const c = this.concepts.get(n);
    return [this.domainOrder.get(c.domain) ?? 0, this.depth.get(n), n];
  }

  ancestors(n) {
    const seen = new Set();
    const stack = [n];
    while (stack.length) {
      for (const p of this.prereqs.get(stack.pop())) {
        if (!seen.has(p)) {
          seen.add(p);
          stack.push(p);
        }
      }
    }
    seen.delete(n);
    return seen;
  }

  descendants(n) {
    const seen = new Set();
    const stack = [n];
    while (stack.length) {
      for (const s of this.unlocks.get(stack.pop())) {
        if (!seen.has(s)) {
          seen.add(s);
          stack.push(s);
        }
      }
    }
    seen.delete(n);
    return seen;
  }

  // Concepts within `depth` prerequisite steps before / after `n` (depth Infinity: all).
  within(n, depth, direction) {
    const next = direction === "up" ? this.prereqs : this.unlocks;
    const found = new Map();
    let frontier = [n];
    for (let d = 1; d <= depth && frontier.length; d++) {
      const following = [];
      for (const x of frontier) {
        for (const y of next.get(x)) {
          if (!found.has(y) && y !== n) {
            found.set(y, d);
            following.push(y);
          }
        }
      }
      frontier = following;
    }
    return found;
  }
}

function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function cmpKey(a, b) {
  return a[0] - b[0] || a[1] - b[1] || cmp(a[2], b[2]);
}

// Longest prerequisite chain ending at each concept (Kahn layering; nodes in a cycle get 0).
function depths(g) {
  const indeg = new Map();
  const depth = new Map();
  for (const [n, pres] of g.prereqs) {
    indeg.set(n, pres.length);
    depth.set(n, 0);
  }
  const ready = [...indeg].filter(([, d]) => d === 0).map(([n]) => n);
  while (ready.length) {
    const n = ready.pop();
    for (const s of g.unlocks.get(n)) {
      depth.set(s, Math.max(depth.get(s), depth.get(n) + 1));
      indeg.set(s, indeg.get(s) - 1);
      if (indeg.get(s) === 0) ready.push(s);
    }
  }
  for (const [n, d] of indeg) if (d) depth.set(n, 0);
  return depth;
}

export function needed(g, target, known = new Set()) {
  if (!g.concepts.has(target) || known.has(target)) return new Set();
  const found = new Set([target]);
  const stack = [target];
  while (stack.length) {
    for (const p of g.prereqs.get(stack.pop())) {
      if (!known.has(p) && !found.has(p)) {
        found.add(p);
        stack.push(p);
      }
    }
  }
  return found;
}

export function order(g, nodes) {
  const todo = new Set(nodes);
  const indeg = new Map();
  for (const n of todo) indeg.set(n, g.prereqs.get(n).filter((p) => todo.has(p)).length);
  const available = new Set([...indeg].filter(([, d]) => d === 0).map(([n]) => n));
  const out = [];
  let current = null;
  const smallest = (list) => list.reduce((a, b) => (cmpKey(g.key(b), g.key(a)) < 0 ? b : a));
  while (available.size) {
    const all = [...available];
    const same = all.filter((n) => g.concepts.get(n).domain === current);
    const pick = smallest(same.length ? same : all);
    available.delete(pick);
    out.push(pick);
    current = g.concepts.get(pick).domain;
    for (const s of g.unlocks.get(pick)) {
      if (indeg.has(s)) {
        indeg.set(s, indeg.get(s) - 1);
        if (indeg.get(s) === 0) available.add(s);
      }
    }
  }
  if (out.length < todo.size) {
    const placed = new Set(out);
    const rest = [...todo].filter((n) => !placed.has(n));
    rest.sort((a, b) => cmpKey(g.key(a), g.key(b)));
    out.push(...rest);
  }
  return out;
}

export function planRoute(g, target, known = new Set()) {
  return order(g, needed(g, target, known));
}

export function readyNext(g, known) {
  const out = [];
  for (const [n, pres] of g.prereqs) {
    if (!known.has(n) && pres.every((p) => known.has(p))) out.push(n);
  }
  return out.sort((a, b) => cmpKey(g.key(a), g.key(b)));
}

// Fetch graph/graph.json once per page. `root` is the site root URL.
let loading = null;
export function loadGraph(root) {
  if (!loading) {
    loading = fetch(new URL("graph/graph.json", root))
      .then((r) => {
        if (!r.ok) throw new Error(`graph.json: HTTP ${r.status}`);
        return r.json();
      })
      .then((data) => new RouteGraph(data));
  }
  return loading;
}
