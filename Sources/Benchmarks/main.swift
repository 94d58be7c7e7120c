// Benchmarks: `make bench` runs this in release mode; each suite prints what it measured.
// `Benchmarks NAME…` runs only the named suites (tokenizer, course, embeddings, python,
// nearest, embedder), for a quick look at one while working on it;
// `Benchmarks float-text-exhaustive` runs the float writer's exhaustive check.
let chosen = Set(CommandLine.arguments.dropFirst().map { $0.lowercased() })
func wanted(_ name: String) -> Bool { chosen.isEmpty || chosen.contains(name) }

if wanted("tokenizer") { TokenizerBenchmark.run() }
if wanted("course") { CourseBenchmark.run() }
if wanted("embeddings") { EmbeddingsBenchmark.run() }
if wanted("python") { CoursePythonBenchmarks.run() }
if wanted("nearest") { NearestNeighbourBenchmark.run() }
if wanted("embedder") { EmbedderBenchmark.run() }
// Opt-in only: the exhaustive check of the float writer (not a speed measurement).
if chosen.contains("float-text-exhaustive") { FloatTextCheck.run() }
