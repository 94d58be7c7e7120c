# json.dumps and json.loads.
import json

data = {"model": "text-embedding-3-small", "dims": 1536, "scores": [0.5, 1e-05, 1.0, 2.5e+16],
        "ok": True, "missing": None, "name": "café ☕", "nested": {"b": [], "a": {}}}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps(data, sort_keys=True, indent=4))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, separators=(",", ":")))
print(json.dumps([1, "two", 3.0, [4, (5, 6)]]))
print(json.dumps({1: "int key", 2.5: "float key", True: "bool key", None: "none key"}))
print(json.dumps("quote \" backslash \\ newline \n tab \t emoji 😀"))
print(json.dumps(float("nan")), json.dumps(float("inf")), json.dumps(-float("inf")))
print(json.dumps(0.1 + 0.2), json.dumps(1 / 3), json.dumps(10 ** 20))
print(json.loads("123456789012345678901234567890") + 1)
text = '{"a": 1, "b": [1.5, true, null], "c": "x\\u00e9\\ud83d\\ude00", "a": 2}'
loaded = json.loads(text)
print(loaded, isinstance(loaded["b"][0], float))
print(json.loads("[1, 2.0, -3e2, NaN]"), json.loads('"plain"'), json.loads("  42 "))
print(json.loads(json.dumps(data)) == data)
for bad in ["", "{", "[1, 2", "{'a': 1}", '{"a" 1}', "[1 2]", "[1,]", "12 13", '"abc']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as error:
        print("JSONDecodeError:", error, error.pos, error.lineno, error.colno)
try:
    json.dumps({"x": {1, 2}})
except TypeError as error:
    print("TypeError:", error)
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as error:
    print("ValueError:", error)
