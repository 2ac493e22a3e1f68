#!/usr/bin/env bash
# Benchmark of the offline plan: whole-process wall time (JVM start included) of
#   - one stack          bin/acgs2 plan --stack <founding> --no-policy
#   - the whole fleet    bin/acgs2 plan --all --no-policy
#   - the policy gate    bin/acgs2 gate on the fleet's snapshot (Node)
#   - the floor          an empty program under the same mock engine and JVM options (FloorProgram)
# Every case runs through bin/acgs2, as users run it.
# Prints min / median / max over RUNS runs (default 7) and each median's ratio to the floor.
# Not a test: it asserts nothing. Usage: bench/plan.sh [RUNS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-7}"
cd "$ROOT"
bin/acgs2 validate >/dev/null            # builds on first use
FIRST="$(bin/acgs2 rollout-order | head -n 1)"
SNAP="$(mktemp -d)/plan.json"
bin/acgs2 plan --all --no-policy --json "$SNAP" >/dev/null
bin/acgs2 gate "$SNAP" >/dev/null         # installs and builds the pack on first use

measure() { # name, command...
  local name="$1"; shift
  local times=()
  for _ in $(seq "$RUNS"); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  local min med max
  min=$(echo "$sorted" | head -n 1)
  max=$(echo "$sorted" | tail -n 1)
  med=$(echo "$sorted" | sed -n "$(( (RUNS + 1) / 2 ))p")
  echo "$name $min $med $max"
}

echo "acgs2 offline plan benchmark: $RUNS runs each, $(nproc) cores, $(java -version 2>&1 | head -n 1)," \
  "JVM options: ${ACGS2_JAVA_OPTS:-bin/acgs2 defaults}"
results=()
results+=("$(measure floor env ACGS2_MAIN=io.acgs2.stacks.plan.FloorProgram bin/acgs2)")
results+=("$(measure one-stack bin/acgs2 plan --stack "$FIRST" --no-policy)")
results+=("$(measure whole-fleet bin/acgs2 plan --all --no-policy)")
results+=("$(measure gate-fleet bin/acgs2 gate "$SNAP")")
floor=$(echo "${results[0]}" | awk '{print $3}')
printf '%-12s %8s %8s %8s %10s\n' case min_ms median_ms max_ms x_floor
for r in "${results[@]}"; do
  set -- $r
  printf '%-12s %8s %8s %8s %10s\n' "$1" "$2" "$3" "$4" "$(awk -v m="$3" -v f="$floor" 'BEGIN{printf "%.2f", m/f}')"
done
echo "stacks in the fleet: $(bin/acgs2 rollout-order | wc -l); resources: $(python3 -c "import json,sys;print(sum(len(s['resources']) for s in json.load(open(sys.argv[1]))['stacks']))" "$SNAP" 2>/dev/null || echo '?')"
