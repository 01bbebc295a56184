"""Loss landscapes: the Hessian classifies critical points, and a 1-D slice sees only d^T H d.

Symbols follow page.md:
  f(theta* + delta) = f(theta*) + 1/2 delta^T H delta + o(||delta||^2)   at a critical point   #eq-second-order
  H = sum_i lambda_i u_i u_i^T:  all lambda_i > 0 minimum, mixed signs saddle                    #eq-eigen
  phi(s) = f(theta* + s d),  phi''(0) = d^T H d = sum_i lambda_i (u_i^T d)^2                     #eq-slice
  gradient descent can settle at a minimum only if eta < 2 / lambda_max(H)                       #eq-sharpness
"""

import matplotlib.pyplot as plt
import numpy as np

# region: main
def f(p):
    """A double well: minima at (+-1, 0), a saddle at (0, 0)."""
    x, y = p
    return x**4 / 4 - x**2 / 2 + y**2 / 2


def grad(p):
    x, y = p
    return np.array([x**3 - x, y])


def hessian(p):
    x, _ = p
    return np.array([[3 * x**2 - 1, 0.0], [0.0, 1.0]])


def classify(H, tol=1e-9):
    lam = np.linalg.eigvalsh(H)
    if np.all(lam > tol):
        return "minimum"
    if np.all(lam < -tol):
        return "maximum"
    if lam.min() < -tol and lam.max() > tol:
        return "saddle"
    return "degenerate (test fails)"


def slice_curvature(p, d, h=1e-4):
    """phi''(0) for phi(s) = f(p + s d), by a central second difference."""
    return (f(p + h * d) - 2 * f(p) + f(p - h * d)) / h**2


critical = {"(0, 0)": np.array([0.0, 0.0]), "(1, 0)": np.array([1.0, 0.0]), "(-1, 0)": np.array([-1.0, 0.0])}
print(f"f(x, y) = x^4/4 - x^2/2 + y^2/2")
print(f"{'point':>8}  {'|grad f|':>8}  {'eigenvalues of H':>16}  {'type':>8}")
for name, p in critical.items():
    lam = np.linalg.eigvalsh(hessian(p))
    print(f"{name:>8}  {np.linalg.norm(grad(p)):>8.1e}  {str(np.round(lam, 3)):>16}  {classify(hessian(p)):>8}")

saddle = critical["(0, 0)"]
H0 = hessian(saddle)
print()
print("1-D slices through the saddle along d = (cos a, sin a)")
print(f"{'a (deg)':>7}  {'d^T H d':>8}  {'phi2(0) numeric':>15}  {'phi(0.5)':>9}  {'phi(1)':>7}  {'phi(2)':>7}")
for deg in [0, 30, 45, 60, 90]:
    a = np.radians(deg)
    d = np.array([np.cos(a), np.sin(a)])
    print(f"{deg:>7}  {round(d @ H0 @ d, 12) + 0.0:>8.4f}  {slice_curvature(saddle, d):>15.4f}"
          f"  {f(0.5 * d):>9.4f}  {f(1.0 * d):>7.4f}  {f(2.0 * d):>7.4f}")

rng = np.random.default_rng(0)
print()
print("random unit directions through a saddle with ONE negative eigenvalue (-1) and n - 1 at +1")
print(f"{'n':>5}  {'mean d^T H d':>12}  {'tr(H)/n':>8}  {'share curving down':>18}")
for n in [2, 10, 100, 1000]:
    lam = np.ones(n)
    lam[0] = -1.0
    d = rng.normal(size=(10000, n))
    d /= np.linalg.norm(d, axis=1, keepdims=True)
    curv = (d**2) @ lam                       # d^T H d with H = diag(lam)
    print(f"{n:>5}  {curv.mean():>12.4f}  {lam.mean():>8.4f}  {np.mean(curv < 0):>18.4f}")
# endregion

# region: figure
fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
xs, ys = np.meshgrid(np.linspace(-1.8, 1.8, 200), np.linspace(-1.2, 1.2, 200))
left.contour(xs, ys, f((xs, ys)), levels=np.linspace(-0.24, 1.2, 13), colors="gray", linewidths=0.8)
for name, p in critical.items():
    left.plot(*p, "o", color="tab:red" if name == "(0, 0)" else "tab:blue")
for deg, color in [(0, "tab:orange"), (45, "tab:green"), (90, "tab:purple")]:
    a = np.radians(deg)
    left.plot([-1.5 * np.cos(a), 1.5 * np.cos(a)], [-1.5 * np.sin(a), 1.5 * np.sin(a)], color=color, lw=1)
left.set_aspect("equal")
left.set_title("double well: saddle (red), minima (blue)")
s = np.linspace(-1.6, 1.6, 200)
for deg, color in [(0, "tab:orange"), (45, "tab:green"), (90, "tab:purple")]:
    a = np.radians(deg)
    d = np.array([np.cos(a), np.sin(a)])
    right.plot(s, [f(t * d) for t in s], color=color, label=f"slice at {deg} deg: d^T H d = {round(d @ H0 @ d, 12) + 0.0:+.2f}")
right.axhline(0, color="lightgray", lw=0.8)
right.set_xlabel("s")
right.set_ylabel("phi(s) = f(s d)")
right.set_title("slices through the saddle")
right.legend(fontsize=8)
fig.tight_layout()
# endregion


# region: checks
def check_hessian_classifies_critical_points():
    """The gradient vanishes at the three points; H's eigenvalues are (-1, 1) at (0, 0): a saddle, where f
    falls along one eigenvector and rises along the other; and (1, 2) at (+-1, 0): minima."""
    for p in critical.values():
        assert np.linalg.norm(grad(p)) < 1e-12
        fd = np.array([[(grad(p + 1e-6 * e)[i] - grad(p - 1e-6 * e)[i]) / 2e-6 for e in np.eye(2)] for i in range(2)])
        assert np.allclose(fd, hessian(p), atol=1e-6), "analytic Hessian must match finite differences"
    assert np.allclose(np.linalg.eigvalsh(hessian(saddle)), [-1.0, 1.0]) and classify(hessian(saddle)) == "saddle"
    lam, U = np.linalg.eigh(hessian(saddle))
    assert f(0.1 * U[:, 0]) < f(saddle) < f(0.1 * U[:, 1]), "a saddle: down along u_min, up along u_max"
    for p in [critical["(1, 0)"], critical["(-1, 0)"]]:
        assert np.allclose(np.linalg.eigvalsh(hessian(p)), [1.0, 2.0]) and classify(hessian(p)) == "minimum"
        ring = [f(p + 0.05 * np.array([np.cos(a), np.sin(a)])) for a in np.linspace(0, 2 * np.pi, 36)]
        assert min(ring) > f(p), "a minimum: f is higher all around it"


def check_slice_curvature():
    """phi''(0) = d^T H d in every direction; at the saddle some slices curve down, some up, and the one at 45 deg
    is flat to second order; random slices in 100 dimensions through a saddle with one negative eigenvalue
    almost never curve down, and their mean curvature is tr(H)/n."""
    signs = set()
    for a in np.linspace(0, np.pi, 13):
        d = np.array([np.cos(a), np.sin(a)])
        for p in critical.values():
            exact = d @ hessian(p) @ d
            assert abs(slice_curvature(p, d) - exact) <= 1e-5 * max(1.0, abs(exact))
        signs.add(np.sign(round(d @ H0 @ d, 12)))
    assert signs == {-1.0, 0.0, 1.0}, f"through the saddle slices should curve both ways, got {signs}"
    d45 = np.array([1.0, 1.0]) / np.sqrt(2)
    assert abs(d45 @ H0 @ d45) < 1e-12 and f(0.5 * d45) > 0, "flat to second order, rising at fourth order"
    local = np.random.default_rng(1)
    lam = np.ones(100)
    lam[0] = -1.0
    d = local.normal(size=(20000, 100))
    d /= np.linalg.norm(d, axis=1, keepdims=True)
    curv = (d**2) @ lam
    assert abs(curv.mean() - lam.mean()) < 0.01, f"mean slice curvature {curv.mean():.4f} vs tr(H)/n"
    assert np.mean(curv < 0) < 1e-3, f"{np.mean(curv < 0):.4f} of random slices curve down"
    d2 = local.normal(size=(20000, 2))
    d2 /= np.linalg.norm(d2, axis=1, keepdims=True)
    share = np.mean((d2**2) @ np.array([-1.0, 1.0]) < 0)
    assert abs(share - 0.5) < 0.02, f"in 2-D half the slices through this saddle curve down, got {share:.3f}"


def check_sharpness_limits_step():
    """At the minimum (1, 0) the sharpness is lambda_max = 2: gradient descent with eta = 0.95 < 2/2 settles
    there, with eta = 1.05 > 2/2 it cannot, although every step uses the exact gradient."""
    def run(eta, steps=2000):
        p = np.array([1.2, 0.5])
        for _ in range(steps):
            p = p - eta * grad(p)
        return p

    sharp = np.linalg.eigvalsh(hessian(critical["(1, 0)"])).max()
    assert abs(sharp - 2.0) < 1e-12
    assert np.linalg.norm(run(0.95 * 2 / sharp) - critical["(1, 0)"]) < 1e-8
    for eta in [1.05 * 2 / sharp, 1.2 * 2 / sharp]:
        end = run(eta)
        assert min(np.linalg.norm(end - c) for c in critical.values()) > 1e-2, (
            f"eta = {eta:.3f} should not settle at any critical point, ended at {end}"
        )
# endregion
