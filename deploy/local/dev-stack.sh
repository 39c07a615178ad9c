#!/usr/bin/env bash
# Only PostgreSQL (55432) and Kafka (59092), for working on one service with live reload:
#   deploy/local/dev-stack.sh            # in one terminal
#   ./mvnw quarkus:dev -pl allocation-service   # in another
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

if [[ ! -f deploy/local/stack/target/stack.classpath ]]; then
  ./mvnw -B -q -DskipTests -pl deploy/local/stack -am install
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java" -cp "$(cat deploy/local/stack/target/stack.classpath):deploy/local/stack/target/classes" \
  se.kvinnohalsa.stack.DevStack "$root" "$@"
