#!/usr/bin/env bash
# The platform beside its physical references (issue 17), in one run: starts PostgreSQL, Kafka and each service alone
# on free ports under target/bench/stack (never the local stack's data), loads the demo data and measures
#   P1 public indicator summary through the gateway / pgbench -S on the same PostgreSQL
#   P3 CSV import over HTTP rows/s / psql \copy of the same rows into a table of the same shape
#   P4 the same GET through the gateway / straight to the service (/api/v1/regions, the summary), and the p99 added
#   P5 report submitted -> event on the gateway's live stream, p99 / Kafka's EndToEndLatency p99
#   P6 each service started alone: launch -> first answered request, resident memory
# then prints a table of ratios and absolute figures and writes JSON under target/bench/. The gateway's rate limit is
# raised through configuration for the run (the output says so). Not part of ./mvnw verify.
#   deploy/local/bench.sh
#   deploy/local/bench.sh levers   what each start-up lever gives (issue 17 item 4): every service launched alone
#                                  under each set of JVM options, median of 3; STARTUP_LEVERS=baseline,appcds,...
#                                  STARTUP_SERVICES, STARTUP_REPEATS (3), STARTUP_THROUGHPUT_SECONDS (0: no wrk),
#                                  STARTUP_JDK25 (a JDK 25 home for its AOT cache; found under /usr/lib/jvm if unset)
# Environment: BENCH_ROWS=P1,P4 runs only those rows (P6 is always measured, the services have to start);
# BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (5), BENCH_THREADS (2), BENCH_CONNECTIONS (8), BENCH_IMPORT_ROWS (100000),
# BENCH_IMPORT_LARGE_ROWS (1000000: P3b, the same import with CPU per row and the service's peak heap; 0 skips it),
# BENCH_SUBMISSIONS (200), BENCH_KAFKA_MESSAGES (2000), BENCH_PGBENCH_SCALE (10); STACK_SKIP_BUILD=true skips the
# Maven build; MAVEN_ARGS is passed to it. Any other variable reaches the services (e.g. GATEWAY_RESPONSE_CACHE_ENABLED=false).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

# The references come from the real tools: pgbench and psql (Debian's postgresql-client) and wrk.
missing=()
command -v pgbench >/dev/null && command -v psql >/dev/null || missing+=(postgresql-client)
command -v wrk >/dev/null || missing+=(wrk)
if (( ${#missing[@]} > 0 )); then
  echo "[bench] installing ${missing[*]} (apt-get)"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [[ "${STACK_SKIP_BUILD:-false}" != "true" ]]; then
  echo "[bench] building (./mvnw package -DskipTests) ..."
  # shellcheck disable=SC2086
  ./mvnw -B -q -DskipTests ${MAVEN_ARGS:-} package
fi

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
classpath="$(cat deploy/local/stack/target/stack.classpath):deploy/local/stack/target/classes"
if [[ "${1:-}" == "levers" ]]; then
  if [[ -z "${STARTUP_JDK25:-}" ]]; then
    for home in /usr/lib/jvm/*25*; do
      [[ -x "$home/bin/java" ]] && export STARTUP_JDK25="$home" && break
    done
  fi
  exec "$java" -Xmx256m -XX:+UseSerialGC -cp "$classpath" se.kvinnohalsa.stack.bench.StartupLevers "$root"
fi
exec "$java" -Xmx256m -XX:+UseSerialGC -cp "$classpath" se.kvinnohalsa.stack.bench.Bench "$root"
