#!/bin/bash
# Whole-process timings of the packaged jar on this machine, each the best and worst of three runs:
#   - score on one text report;
#   - score on 2,500 text reports (the five samples, 500 times each, in a temporary folder);
#   - the service, from start to ready (GET /actuator/health/readiness answers 200) on an empty H2 database.
# Run from the project root after `mvn -B -DskipTests package`:
#   src/build/timings.sh          the executable jar, target/nianbao.jar
#   src/build/timings.sh cli      the jar unpacked in target/cli/ with its class-data sharing archives (and, for
#                                 score, the JIT's first tier only), as docs/performance.md describes
set -eu
cli=$(pwd)/target/cli
if [[ ${1:-} == cli ]]; then
  jar=$cli/nianbao.jar
  score_options=(-XX:SharedArchiveFile="$cli/nianbao.jsa" -XX:TieredStopAtLevel=1)
  service_options=(-XX:SharedArchiveFile="$cli/service.jsa")
else
  jar=$(pwd)/target/nianbao.jar
  score_options=()
  service_options=()
fi
[[ -f $jar ]] || { echo "no $jar: build first (mvn -B -DskipTests package)"; exit 1; }
samples=$(pwd)/src/test/resources/samples
work=$(mktemp -d)
pid=
trap '[[ -n $pid ]] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT

now() { date +%s.%N; }
runs() { # label command...: three runs, min and max wall seconds
  local label=$1; shift
  local times=()
  for _ in 1 2 3; do
    local start; start=$(now)
    "$@" >/dev/null 2>&1 || true
    times+=("$(echo "$(now) - $start" | bc)")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v l="$label" 'NR==1{min=$1} {max=$1} END{printf "%-44s %.2f–%.2f s\n", l, min, max}'
}

mkdir -p "$work/2500"
for i in $(seq 0 499); do
  for f in "$samples"/*.txt; do cp "$f" "$work/2500/$(printf %04d "$i")_$(basename "$f")"; done
done
one=$(ls "$samples"/*.txt | head -n 1)

cd "$work"
runs "score, one text report" java "${score_options[@]}" -jar "$jar" score "$one"
best=$(runs "score, 2,500 text reports" java "${score_options[@]}" -jar "$jar" score --format csv "$work/2500")
echo "$best"
awk '{split($(NF-1), r, "–"); printf "%-44s %.0f–%.0f reports/s\n", "  throughput", 2500 / r[2], 2500 / r[1]}' <<<"$best"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
ready=()
for _ in 1 2 3; do
  rm -rf "$work/data"
  start=$(now)
  NIANBAO_ADMIN_PASSWORD=timings-password java "${service_options[@]}" -jar "$jar" --server.port="$port" >"$work/service.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/service.log"; exit 1; }
    sleep 0.05
  done
  ready+=("$(echo "$(now) - $start" | bc)")
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
done
printf '%s\n' "${ready[@]}" | sort -n | awk 'NR==1{min=$1} {max=$1} END{printf "%-44s %.2f–%.2f s\n", "service ready after start (empty database)", min, max}'
