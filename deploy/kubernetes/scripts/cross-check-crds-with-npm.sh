#!/usr/bin/env bash
# Optional, NOT part of the build: a second opinion on the Strimzi and CloudNativePG resources.
# Validates the overlays rendered by `mvn verify` (target/rendered/*.yaml) with the validators
# that the npm packages @kubernetes-models/strimzi-kafka-operator and @kubernetes-models/cloudnative-pg
# compiled from the operators' real CRDs. Those validators check types, enums and patterns but
# do not reject unknown fields. Needs node, npm (npm registry access) and python3 with PyYAML.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
STRIMZI_NPM="${STRIMZI_NPM:-1.0.1}"
CNPG_NPM="${CNPG_NPM:-2.0.0}"
[ -f "$here/target/rendered/prod.yaml" ] || { echo "run mvn verify in deploy/kubernetes first" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent \
  "@kubernetes-models/strimzi-kafka-operator@$STRIMZI_NPM" "@kubernetes-models/cloudnative-pg@$CNPG_NPM"
python3 - "$here/target/rendered" <<'PY'
import json, pathlib, sys, yaml
for f in pathlib.Path(sys.argv[1]).glob("*.yaml"):
    docs = [d for d in yaml.safe_load_all(f.read_text()) if d]
    pathlib.Path("rendered").mkdir(exist_ok=True)
    pathlib.Path("rendered", f.stem + ".json").write_text(json.dumps(docs))
PY
cat > check.mjs <<'JS'
import fs from "fs";
const modules = {
  "kafka.strimzi.io/v1beta2": "@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1beta2",
  "postgresql.cnpg.io/v1": "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1",
};
let failed = 0, checked = 0;
for (const file of fs.readdirSync("rendered")) {
  for (const o of JSON.parse(fs.readFileSync("rendered/" + file))) {
    if (!modules[o.apiVersion]) continue;
    const Model = (await import(modules[o.apiVersion]))[o.kind];
    checked++;
    try { new Model(o).validate(); }
    catch (e) { failed++; console.log(`${file} ${o.kind} ${o.metadata.name}: ${e.message}`); }
  }
}
console.log(`${checked - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
JS
node check.mjs
