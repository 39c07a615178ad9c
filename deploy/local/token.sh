#!/usr/bin/env bash
# Prints a bearer token for the local stack, signed with its local-development key (made on first start in
# deploy/local/work/jwt, never committed).
#   deploy/local/token.sh ROLE [REGION]      ROLE: admin | reporter | analyst | registry; REGION e.g. 23
#   curl -H "Authorization: Bearer $(deploy/local/token.sh reporter 23)" ...
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

if [[ ! -f deploy/local/stack/target/stack.classpath ]]; then
  ./mvnw -B -q -DskipTests -pl deploy/local/stack -am package >&2
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java" -cp "$(cat deploy/local/stack/target/stack.classpath):deploy/local/stack/target/classes" \
  se.kvinnohalsa.stack.TokenMain "$root" "$@"
