# try/except/else/finally, raise, assert, exception attributes and messages.
def attempt(f):
    try:
        f()
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    except (KeyError, IndexError) as e:
        print(type(e).__name__, e, repr(e))
    except Exception as e:
        print("other", type(e).__name__, "-", e)
    else:
        print("no error")
    finally:
        print("finally")
attempt(lambda: 1 / 0)
attempt(lambda: {}["missing"])
attempt(lambda: [][3])
attempt(lambda: int("x"))
attempt(lambda: None)
attempt(lambda: "a" + 1)
attempt(lambda: len(5))
attempt(lambda: undefined_name)
attempt(lambda: [1].nope)
attempt(lambda: (1, 2)[0].nope)
def raiser():
    raise ValueError("bad value", 42)
try:
    raiser()
except ValueError as e:
    print(e.args, str(e))
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("assert:", e)
try:
    raise KeyError
except LookupError:
    print("caught KeyError as LookupError")
def f():
    try:
        return "from try"
    finally:
        print("cleanup")
print(f())
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise
except ZeroDivisionError as e:
    print("re-raised", e)
for v in ["1", "x", "2"]:
    try:
        n = int(v)
    except ValueError:
        continue
    print("parsed", n)
print(isinstance(ValueError("x"), Exception), issubclass(KeyError, LookupError), isinstance(True, int))
print(type(1), type("s"), type([]), type(None), type(1.0) is float, type(len))
