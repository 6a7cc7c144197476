#!/usr/bin/env bash
# Watch a cluster on this machine: a PostgreSQL primary and its streaming replica, two server
# nodes and nginx in front, a mixed load through the balancer while one node is killed (ClusterIT,
# docs/scaling.md). Prints what it checked and measured; the nodes' logs go to target/cluster/.
# Needs Debian's nginx (apt-get install nginx-light).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B package -DskipTests
set +e
./mvnw -B test-compile failsafe:integration-test failsafe:verify -Dit.test=ClusterIT > target/cluster.log 2>&1
status=$?
grep -E "ClusterIT:|Tests run:|FAIL" target/cluster.log
echo "the whole output: target/cluster.log; the nodes' logs: target/cluster/node-a.log, node-b.log"
exit $status
