# The math module.
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), math.floor(2.7), math.ceil(2.1), math.floor(-2.5), math.trunc(-2.7))
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.exp(1))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.1), math.isclose(1.0, 1.05, rel_tol=0.1))
print(math.isclose(0.0, 1e-12, abs_tol=1e-9))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100]))
print(math.fabs(-3), math.pow(2, 10), math.hypot(3, 4), math.isnan(math.nan), math.isinf(math.inf), math.isfinite(1.0))
print(math.sin(0), math.cos(0), math.atan2(1, 1), math.degrees(math.pi), math.radians(180))
print(math.factorial(10), math.gcd(12, 18), math.comb(5, 2), math.prod([1, 2, 3, 4]), math.dist([0, 0], [3, 4]))
print(isinstance(math.floor(2.5), int), isinstance(math.sqrt(4), float))
for attempt in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.exp(1000),
                lambda: math.floor(math.inf), lambda: math.ceil(math.nan), lambda: math.factorial(-1)]:
    try:
        attempt()
    except ValueError as error:
        print("ValueError:", error)
    except OverflowError as error:
        print("OverflowError:", error)
