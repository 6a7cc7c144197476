#!/usr/bin/env bash
# Times first starts (bin/timeledger over an empty data directory, to health UP) of one build, or of two
# alternating, with the CPU each start took (the whole machine, the server's JVM, its PostgreSQL).
# Writes target/bench-start.md.
# Usage: bench/start.sh A.jar [B.jar]     (e.g. ./mvnw -q package -DskipTests && cp target/timeledger.jar /tmp/b.jar)
#   BENCH_JAVA_OPTS="-Dbench.rounds=5"   starts per build (the default)
#   BENCH_SERVER_OPTS="-Xmx256m"         JVM options of the servers
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
classpath=$(./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
exec java ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$classpath" io.timeledger.bench.StartBench "$@"
