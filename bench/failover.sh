#!/usr/bin/env bash
# The computed RTO of a failover of each region of the fleet, per step, against the ACGS-2 guides'
# targets (application 60 s by the mesh, database 900 s, Kafka 300 s, full region 1800 s). Reads the
# dry run of bin/acgs2 failover --json (the offline plan's outputs); changes nothing; asserts nothing.
# Usage: bench/failover.sh [--planned | --unplanned]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODE="${1:---planned}"
cd "$ROOT"
SNAP="$(mktemp -d)/plan.json"
bin/acgs2 plan --all --no-policy --json "$SNAP" >/dev/null 2>&1
for region in $(bin/acgs2 rollout-order); do
  bin/acgs2 failover --from "$region" "$MODE" --json --snapshot "$SNAP" 2>/dev/null | node -e '
    let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
      const p = JSON.parse(s);
      console.log(`failover ${p.planned ? "(planned)" : "(unplanned)"} from ${p.from}: ` +
        (Object.keys(p.targets).length ? Object.entries(p.targets).map(([d, t]) => `${d} -> ${t}`).join(", ") : "no writer moves"));
      for (const st of p.steps) console.log(`  ${String(st.expectedSeconds).padStart(5)} s  ${st.rtoClass.padEnd(8)} ${st.id}`);
      const by = c => p.steps.filter(x => x.rtoClass === c).reduce((a, x) => a + x.expectedSeconds, 0);
      const t = p.targets_rto_seconds;
      console.log(`  total ${p.budgetSeconds} s of the full-region target ${t.region} s; database ${by("database")} s of ${t.database} s; ` +
        `Kafka ${by("kafka")} s of ${t.kafka} s; DNS ${by("dns")} s; cache ${by("cache")} s`);
      for (const r of p.refusals) console.log(`  refused: ${r}`);
    });'
done
