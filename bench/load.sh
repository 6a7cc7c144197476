#!/usr/bin/env bash
# The load benchmark: the server as its own process over a ledger of N entries (default 1000000),
# each hot path at 1, 8 and 32 clients beside its plain-SQL floor. Writes target/bench-load.md.
# HTTP load comes from wrk (Debian: apt-get install wrk).
# Usage: bench/load.sh [N]
#   BENCH_JAVA_OPTS="-Dbench.seconds=4"          seconds per measurement (the report and Harvest's 2000-row page: six times as many)
#   BENCH_JAVA_OPTS="-Dbench.warmup=240"          at most this many seconds of JIT warm-up per operation (default 240)
#   BENCH_JAVA_OPTS="-Dbench.only=create,Expensicat"  only the operations whose name contains one of these
#   BENCH_SERVER_OPTS="-Xmx256m"                 JVM options of the server under test (default -Xmx256m)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B package -DskipTests
./mvnw -q -B test-compile
classpath=$(./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
exec java ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$classpath" io.timeledger.bench.LoadBench "$@"
