#!/bin/bash
# Whole-process timings on this machine, each the best and worst of three runs:
#   - score on one text report;
#   - score on 2,500 text reports (the five samples, 500 times each, in a temporary folder);
#   - the service, from start to ready (GET /actuator/health/readiness answers 200) on an empty H2 database
#     (ready includes the warm-up, nianbao.warm-up).
# Run from the project root after `mvn -B -DskipTests package`:
#   src/build/timings.sh            the executable jar: java -jar target/nianbao.jar
#   src/build/timings.sh launcher   the launcher ./nianbao (its cache made by one untimed run first)
set -eu
root=$(pwd)
jar=$root/target/nianbao.jar
[[ -f $jar ]] || { echo "no $jar: build first (mvn -B -DskipTests package)"; exit 1; }
if [[ ${1:-} == launcher ]]; then
  score=("$root/nianbao" score)
  serve=("$root/nianbao" serve)
else
  score=(java -jar "$jar" score)
  serve=(java -jar "$jar")
fi
samples=$(pwd)/src/test/resources/samples
work=$(mktemp -d)
pid=
# the service stopped and gone (the launcher is its JVM, or passes the stop on to it and ends when it does)
stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }
trap '[[ -n $pid ]] && stop "$pid"; rm -rf "$work"' EXIT

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
"${score[@]}" "$one" >/dev/null 2>&1 || true   # a launcher makes its cache on first use
runs "score, one text report" "${score[@]}" "$one"
best=$(runs "score, 2,500 text reports" "${score[@]}" --format csv "$work/2500")
echo "$best"
awk '{split($(NF-1), r, "–"); printf "%-44s %.0f–%.0f reports/s\n", "  throughput", 2500 / r[2], 2500 / r[1]}' <<<"$best"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
ready=()
for _ in 1 2 3; do
  rm -rf "$work/data"
  start=$(now)
  NIANBAO_ADMIN_PASSWORD=timings-password "${serve[@]}" --server.port="$port" >"$work/service.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/service.log"; exit 1; }
    sleep 0.05
  done
  ready+=("$(echo "$(now) - $start" | bc)")
  stop "$pid"; pid=
done
printf '%s\n' "${ready[@]}" | sort -n | awk 'NR==1{min=$1} {max=$1} END{printf "%-44s %.2f–%.2f s\n", "service ready after start (empty database)", min, max}'
