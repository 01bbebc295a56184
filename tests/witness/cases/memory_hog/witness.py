import numpy as np

big = np.ones(4 * 2**30 // 8)  # 4 GiB
print(big.sum())
