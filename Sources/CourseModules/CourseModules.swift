// CourseModules: the Python-side libraries (openai, numpy, json, math, …) bound to Swift implementations.
