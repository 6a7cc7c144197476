#!/usr/bin/env bash
# Times MinuteDock's entry search over HTTP on an account of N entries (default 100000).
# Usage: bench/entries-search.sh [N]    (BENCH_JAVA_OPTS=-Dbench.runs=10 for a quicker pass)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
classpath=$(./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
exec java ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$classpath" io.timeledger.bench.EntriesSearchBench "$@"
