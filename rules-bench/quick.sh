#!/bin/sh
# Builds the benchmarks and runs a quick subset (about two minutes) to compare a change against BENCHMARKS.md.
# Usage: rules-bench/quick.sh [extra JMH options, e.g. -p pack=/path/to/gaozi]
# Scores are wall-clock; cpu.us/op is the CPU time per operation, which stays comparable on a busy machine.
set -e
cd "$(dirname "$0")/.."
mvn -B -q -pl rules-bench -am package -DskipTests
exec java -jar rules-bench/target/benchmarks.jar \
  'DecideBenchmark\.(library|plainDrools|plainDroolsPooledSessions|handWritten)$|DecideAllBenchmark\.library$|CodebookBenchmark\.encodeAndDecode' \
  -bm thrpt -tu s -f 1 -wi 4 -w 3s -i 3 -r 2s \
  -prof io.siyu.rules.bench.CpuTimeProfiler "$@"
