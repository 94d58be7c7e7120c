// Benchmarks: `make bench` runs this in release mode; each suite prints what it measured.
TokenizerBenchmark.run()
CourseBenchmark.run()
await EmbeddingsBenchmark.run()
CoursePythonBenchmarks.run()
NearestNeighbourBenchmark.run()
EmbedderBenchmark.run()
