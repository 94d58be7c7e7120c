# How numpy prints: precision, padding, scientific notation, wrapping, summarising.
import numpy as np

print(repr(np.array([0.1, 0.2, 0.3])))
print(repr(np.array([1.0, 2.0])), repr(np.array([1.0, 2.5])))
print(repr(np.array([0.1, 0.00001])))
print(repr(np.array([1.123456789, 100.5])))
print(repr(np.array([1e10, 1.0])))
print(repr(np.arange(30) / 7))
print(np.arange(30) / 7)
print(repr(np.array([-0.0023064255, -0.009327292, 0.015797347])))
big = np.arange(2000) / 3
print(repr(big))
print(big)
print(repr(np.arange(1500)))
grid = np.arange(60).reshape(6, 10) / 4
print(repr(grid))
print(grid)
print(repr(np.array([True, False])), repr(np.array([1, 22, 333])))
print(repr(np.float64(0.5)), str(np.float64(0.5)), repr(np.float64(1e-05)), np.int64(7))
