# scipy.spatial.distance: cosine and euclidean.
from scipy.spatial import distance
import numpy as np

u = np.array([1.0, 0.0, 1.0])
v = np.array([1.0, 1.0, 0.0])
print(distance.cosine(u, v), distance.euclidean(u, v))
print(distance.cosine([1, 0, 0], [0, 1, 0]), distance.euclidean([0, 0], [3, 4]))
print(distance.cosine(u, u), distance.cosine(u, -u))
print(repr(distance.cosine(u, v)), isinstance(distance.euclidean(u, v), float))
print(round(distance.cosine([0.5, 0.25, 2.0], [1.0, 2.0, 3.0]), 12))
print(round(1 - distance.cosine(u, v), 12))
query = np.array([0.6, 0.8, 0.0])
items = [np.array([1.0, 0.0, 0.0]), np.array([0.0, 1.0, 0.0]), np.array([0.0, 0.0, 1.0])]
distances = [distance.cosine(query, item) for item in items]
print([round(d, 6) for d in distances], int(np.argmin(distances)))
try:
    distance.cosine([1.0, 2.0], [1.0, 2.0, 3.0])
except ValueError as error:
    print("ValueError:", error)
