import matplotlib.pyplot as plt
import numpy as np

x = np.linspace(-2, 2, 41)
fig, ax = plt.subplots(figsize=(4, 3))
ax.plot(x, x**2, label="f(x) = x²")
ax.plot(x, 2 * x, label="f′(x) = 2x")
ax.legend()
plt.show()  # a no-op under Agg, and its warning must not reach stderr
print("plotted")
