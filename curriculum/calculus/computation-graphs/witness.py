"""Computation graphs: a function as a DAG of primitive operations, evaluated in topological order.

Symbols follow page.md:
  v_i = phi_i(v_j : j in pa(i))                          one node                   #eq-node
  y = ln(x1) + x1 x2 - sin(x2)                           the running example        #eq-example
  dy/dx_j = sum over paths x_j -> y of the product of edge derivatives            #eq-path-sum
"""

import numpy as np

# region: main
# Primitive operations: name -> (phi, local partial derivatives w.r.t. each parent).
OPS = {
    "ln": (lambda a: np.log(a), lambda a: [1 / a]),
    "sin": (lambda a: np.sin(a), lambda a: [np.cos(a)]),
    "tanh": (lambda a: np.tanh(a), lambda a: [1 - np.tanh(a) ** 2]),
    "add": (lambda a, b: a + b, lambda a, b: [1.0, 1.0]),
    "sub": (lambda a, b: a - b, lambda a, b: [1.0, -1.0]),
    "mul": (lambda a, b: a * b, lambda a, b: [b, a]),
    "half_sq": (lambda a: 0.5 * a * a, lambda a: [a]),
}

# The running example y = ln(x1) + x1*x2 - sin(x2): node -> (operation, parents).
# Inputs have no operation. The nodes are listed out of order on purpose.
GRAPH = {
    "y": ("sub", ["v4", "v3"]),
    "v2": ("mul", ["x1", "x2"]),
    "v4": ("add", ["v1", "v2"]),
    "x1": (None, []),
    "v1": ("ln", ["x1"]),
    "v3": ("sin", ["x2"]),
    "x2": (None, []),
}


def topological_order(graph):
    """Kahn's algorithm: keep placing a node whose parents are all placed; fail on a cycle."""
    waiting = {node: len(set(parents)) for node, (_, parents) in graph.items()}
    children = {node: [] for node in graph}
    for node, (_, parents) in graph.items():
        for parent in set(parents):
            children[parent].append(node)
    ready = sorted(node for node, count in waiting.items() if count == 0)
    order = []
    while ready:
        node = ready.pop(0)
        order.append(node)
        for child in sorted(children[node]):
            waiting[child] -= 1
            if waiting[child] == 0:
                ready.append(child)
    if len(order) < len(graph):
        stuck = sorted(set(graph) - set(order))
        raise ValueError(f"cycle through {stuck}: no evaluation order exists")
    return order


def evaluate(graph, inputs):
    """Forward pass (eq-node): each node applies its operation to its parents' values."""
    values = {}
    for node in topological_order(graph):
        op, parents = graph[node]
        if op is None:
            values[node] = inputs[node]
        else:
            values[node] = OPS[op][0](*[values[p] for p in parents])
    return values


def direct(x1, x2):
    """The same function typed as one expression (eq-example)."""
    return np.log(x1) + x1 * x2 - np.sin(x2)


def paths(graph, source, target):
    """Every directed path source -> ... -> target, as a list of nodes."""
    if source == target:
        return [[target]]
    found = []
    for node, (_, parents) in graph.items():
        if source in parents:
            found += [[source] + rest for rest in paths(graph, node, target)]
    return found


def path_sum(graph, values, source, target):
    """eq-path-sum: add over all paths the product of the local derivatives on the path."""
    total = 0.0
    for route in paths(graph, source, target):
        product = 1.0
        for parent, child in zip(route, route[1:]):
            op, parents = graph[child]
            local = OPS[op][1](*[values[p] for p in parents])
            product *= sum(d for p, d in zip(parents, local) if p == parent)
        total += product
    return total


print("topological order:", " -> ".join(topological_order(GRAPH)))
values = evaluate(GRAPH, {"x1": 2.0, "x2": 5.0})
print()
print("forward trace at (x1, x2) = (2, 5)")
print(f"{'node':<5} {'operation':<9} {'parents':<9} {'value':>9}")
for node in topological_order(GRAPH):
    op, parents = GRAPH[node]
    parent_list = ",".join(parents) or "-"
    print(f"{node:<5} {op or 'input':<9} {parent_list:<9} {values[node]:>9.4f}")
print(f"direct evaluation ln(2) + 2*5 - sin(5) = {direct(2.0, 5.0):.4f}")

print()
for x in ["x1", "x2"]:
    routes = paths(GRAPH, x, "y")
    print(f"paths from {x} to y: {[' -> '.join(r) for r in routes]}")
    total = path_sum(GRAPH, values, x, "y")
    print(f"  sum over paths of products of local derivatives: dy/d{x} = {total:.4f}")
print(f"  by hand: dy/dx1 = 1/x1 + x2 = {1 / 2.0 + 5.0:.4f},"
      f"  dy/dx2 = x1 - cos(x2) = {2.0 - np.cos(5.0):.4f}")


def diamond_chain(k):
    """k diamonds in a row: each node feeds two branches that are added back together."""
    graph = {"d0": (None, [])}
    for i in range(1, k + 1):
        graph[f"a{i}"] = ("sin", [f"d{i - 1}"])
        graph[f"b{i}"] = ("tanh", [f"d{i - 1}"])
        graph[f"d{i}"] = ("add", [f"a{i}", f"b{i}"])
    return graph


print()
print("a chain of k diamonds: the edges grow like 4k, the paths like 2^k")
print(f"{'k':>3} {'nodes':>6} {'edges':>6} {'paths d0 -> dk':>15}")
for k in [1, 2, 4, 8, 12]:
    g = diamond_chain(k)
    edges = sum(len(parents) for _, parents in g.values())
    print(f"{k:>3} {len(g):>6} {edges:>6} {len(paths(g, 'd0', f'd{k}')):>15}")
# endregion

# A second graph: one neuron and its squared-error loss, L = (tanh(w*x + b) - t)^2 / 2.
NEURON = {
    "w": (None, []), "x": (None, []), "b": (None, []), "t": (None, []),
    "z": ("add", ["wx", "b"]), "wx": ("mul", ["w", "x"]),
    "a": ("tanh", ["z"]), "r": ("sub", ["a", "t"]), "L": ("half_sq", ["r"]),
}


def check_forward_matches_direct():
    """Evaluating node by node in topological order equals evaluating the formula directly."""
    rng = np.random.default_rng(0)
    for _ in range(200):
        x1, x2 = rng.uniform(0.1, 5.0), rng.uniform(-5.0, 5.0)
        got = evaluate(GRAPH, {"x1": x1, "x2": x2})["y"]
        want = direct(x1, x2)
        assert abs(got - want) <= 1e-12 * (1 + abs(want)), f"graph gives {got}, formula {want} at {(x1, x2)}"
        w, x, b, t = rng.normal(size=4)
        got = evaluate(NEURON, {"w": w, "x": x, "b": b, "t": t})["L"]
        want = 0.5 * (np.tanh(w * x + b) - t) ** 2
        assert abs(got - want) <= 1e-12 * (1 + abs(want)), f"neuron graph gives {got}, formula {want}"


def check_graph_is_acyclic():
    """The example graph has a topological order (every edge points forward in it); a cycle has none."""
    for graph in [GRAPH, NEURON, diamond_chain(6)]:
        order = topological_order(graph)
        position = {node: i for i, node in enumerate(order)}
        assert sorted(order) == sorted(graph), "the order must list every node exactly once"
        for node, (_, parents) in graph.items():
            for parent in parents:
                assert position[parent] < position[node], f"edge {parent} -> {node} points backward"
    cyclic = dict(GRAPH)
    cyclic["x1"] = ("sin", ["y"])  # feed the output back into an input
    try:
        topological_order(cyclic)
    except ValueError:
        pass
    else:
        raise AssertionError("a graph with the cycle x1 -> v2 -> v4 -> y -> x1 must be rejected")


def check_path_sum_matches_finite_differences():
    """eq-path-sum: summing products of local derivatives over paths gives the partial derivatives."""
    rng = np.random.default_rng(1)
    for _ in range(20):
        x1, x2 = rng.uniform(0.5, 4.0), rng.uniform(-4.0, 4.0)
        vals = evaluate(GRAPH, {"x1": x1, "x2": x2})
        s = 1e-6
        fd1 = (direct(x1 + s, x2) - direct(x1 - s, x2)) / (2 * s)
        fd2 = (direct(x1, x2 + s) - direct(x1, x2 - s)) / (2 * s)
        for name, got, want in [("x1", path_sum(GRAPH, vals, "x1", "y"), fd1),
                                ("x2", path_sum(GRAPH, vals, "x2", "y"), fd2)]:
            assert abs(got - want) <= 1e-6 * max(1.0, abs(want)), (
                f"dy/d{name} at {(x1, x2)}: path sum {got:.8f}, central difference {want:.8f}"
            )
    assert len(paths(diamond_chain(10), "d0", "d10")) == 2**10, "k diamonds should have 2^k paths"
