// Benchmarks: `make bench` runs this in release mode; each suite prints what it measured.
EmbedderBenchmark.run()
