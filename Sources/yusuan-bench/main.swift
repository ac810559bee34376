// yusuan-bench: the benchmark program (not timed tests). See docs/benchmarks.md and CLI.swift.
BenchCLI.main()
