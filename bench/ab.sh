#!/usr/bin/env bash
# Compares two builds of the server over one ledger of N entries (default 1000000): each round starts
# each build in turn over it, warms each operation up and measures it; medians of throughput and of CPU
# per request (the server's JVM, PostgreSQL). Writes target/bench-ab.md. HTTP load comes from wrk.
# Usage: bench/ab.sh A.jar B.jar [N]      (e.g. git stash && ./mvnw -q package -DskipTests && cp target/timeledger.jar /tmp/a.jar)
#   BENCH_JAVA_OPTS="-Dbench.only=create,Expensicat"  only the operations whose name contains one of these
#   BENCH_JAVA_OPTS="-Dbench.rounds=3 -Dbench.clients=8 -Dbench.seconds=4 -Dbench.warmup=240"   the defaults
#   BENCH_SERVER_OPTS="-Xmx256m"             JVM options of both servers
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
classpath=$(./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
exec java ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$classpath" io.timeledger.bench.AbBench "$@"
