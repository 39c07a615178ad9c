#!/usr/bin/env bash
# Starts the whole system on this machine with demo data: PostgreSQL and Kafka (from Maven Central, no Docker),
# the three services and the gateway. Prints "READY <gateway-url>" and stays in the foreground; Ctrl-C or SIGTERM
# stops every process it started. Data persists in deploy/local/work; --fresh starts from empty databases.
#   deploy/local/run.sh [--fresh]
# Environment: STACK_SKIP_BUILD=true skips the Maven build (CI builds first); ports and the working folder can be
# changed with STACK_* variables (see README).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

for arg in "$@"; do
  case "$arg" in
    --fresh) ;;
    *) echo "usage: deploy/local/run.sh [--fresh]" >&2; exit 2 ;;
  esac
done

if [[ "${STACK_SKIP_BUILD:-false}" != "true" ]]; then
  echo "[local-stack] building (./mvnw package -DskipTests) ..."
  ./mvnw -B -q -DskipTests package
fi

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
classpath="$(cat deploy/local/stack/target/stack.classpath):deploy/local/stack/target/classes"
exec "$java" -Xmx256m -XX:+UseSerialGC -cp "$classpath" se.kvinnohalsa.stack.LocalStack "$root" "$@"
