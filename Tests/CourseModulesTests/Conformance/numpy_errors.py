# The errors numpy raises, and their messages.
import numpy as np

a = np.array([1.0, 2.0, 3.0])
m = np.array([[1.0, 2.0], [3.0, 4.0]])
for attempt in [
    lambda: a[3],
    lambda: a[-4],
    lambda: m[2, 0],
    lambda: a + np.array([1.0, 2.0]),
    lambda: np.dot(a, np.array([1.0, 2.0])),
    lambda: a @ np.array([1.0, 2.0]),
    lambda: m[0, 0, 0],
    lambda: np.array([]).min(),
    lambda: np.argmax(np.array([])),
    lambda: a.reshape(2, 2),
]:
    try:
        attempt()
    except IndexError as error:
        print("IndexError:", error)
    except ValueError as error:
        print("ValueError:", error)
