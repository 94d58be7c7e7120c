# f-strings and format specs.
x, name, v = 3.14159265, "Ada", [1, 2]
print(f"{x:.3f} {x:.0f} {x:10.2f}| {x:<10.2f}| {x:^10.1f}| {x:e} {x:.2e} {x:g} {x:%} {0.25:.1%}")
print(f"{name!r} {name!s} {v!r} {name:>8} {name:*^9} {name:.2}")
print(f"{1234567:,} {1234567.891:,.2f} {255:x} {255:X} {255:#x} {5:b} {8:o} {42:05d} {-42:+d} {42:+d} {3: d}")
print(f"{x=}", f"{x = :.2f}", f"{1 + 2}", f"{'nested'}", f"{v[0] * 10}", f"{{braces}}")
w, p = 10, 3
print(f"{x:{w}.{p}f}|", f"{name:>{w}}|")
print(f"{1e-05} {1e16} {0.1} {100.0} {True} {None} {2**40}")
print(f"{0.000012345:g} {123456789.0:g} {1e20:.3g} {3.0:g} {2.5:.0f} {3.5:.0f} {0.5:.0f}")
print(format(3.14159, ".2f"), format(42, ">6"), format("s", "<3") + "|", format(0.5, "%"))
print(f"{'a' if x > 3 else 'b'}", f"{len(v)} items", f'{"dq"}')
print(f"{12.0:.2f} {-0.0001:.2f} {1/3:.10f} {2/3:.15g} {1e100:.2f}"[:40])
