// JS kernel for the bump demo: the same grid as levels_reference in demo.py, in plain JS.
export function levels(n, cx, width) {
  const out = new Array(n * n);
  const w2 = width * width;
  for (let j = 0; j < n; j++) {
    const y = -1 + ((j + 0.5) * 2) / n;
    for (let i = 0; i < n; i++) {
      const x = -1 + ((i + 0.5) * 2) / n;
      out[j * n + i] = Math.exp(-((x - cx) ** 2 + y * y) / w2);
    }
  }
  return out;
}
