#!/bin/bash
# A dry run of a rule change over a year's stored reports, on a service that has just started, as a committee's
# first dry run of the day meets it. The service is started on a fresh H2 file database, REPORTS reports of 2023
# are stored through the API (the five samples, each copy with a line of its own so that every copy is a report
# of its own), the service is stopped and started again, and then the same dry run (rules/examples/problems.dslr
# over 2023) is asked TIMES times; each one's wall time is printed, the first being the cold one.
# Run from the project root after `mvn -B -DskipTests package`:
#   src/build/dry-run-timings.sh                  5,000 reports (4,000 of them of 2023), 10 dry runs
#   REPORTS=1000 TIMES=3 src/build/dry-run-timings.sh
#   WARM_UP=0s src/build/dry-run-timings.sh       the same without the start-up warm-up (nianbao.warm-up)
#   SETTLE=30 src/build/dry-run-timings.sh        the first dry run asked 30 s after the service is ready
set -eu
root=$(pwd)
jar=$root/target/nianbao.jar
[[ -f $jar ]] || { echo "no $jar: build first (mvn -B -DskipTests package)"; exit 1; }
reports=${REPORTS:-5000}
times=${TIMES:-10}
work=$(mktemp -d)
pid=
stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }
trap '[[ -n $pid ]] && stop "$pid"; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url=http://127.0.0.1:$port
auth=admin:dry-run-timings-password

start() {
  NIANBAO_ADMIN_PASSWORD=dry-run-timings-password java -jar "$jar" --server.port="$port" \
    --spring.datasource.url="jdbc:h2:file:$work/db" --nianbao.warm-up="${WARM_UP:-4s}" >>"$work/service.log" 2>&1 &
  pid=$!
  local began; began=$(date +%s.%N)
  until curl -sf "$url/actuator/health/readiness" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { tail -50 "$work/service.log"; exit 1; }
    sleep 0.1
  done
  printf 'service ready after %.1f s\n' "$(echo "$(date +%s.%N) - $began" | bc)"
}

# the reports, in ZIPs of 500
python3 - "$root/src/test/resources/samples" "$work" "$reports" <<'PY'
import sys, os, zipfile
samples, work, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
names = sorted(f for f in os.listdir(samples) if f.endswith('.txt'))
texts = {f: open(os.path.join(samples, f), encoding='utf-8').read() for f in names}
for start in range(0, n, 500):
    with zipfile.ZipFile(os.path.join(work, 'reports-%05d.zip' % start), 'w', zipfile.ZIP_DEFLATED) as z:
        for i in range(start, min(n, start + 500)):
            f = names[i % len(names)]
            z.writestr('%05d-%s' % (i, f), texts[f] + '\n（副本 %d）\n' % i)
PY

start
for z in "$work"/reports-*.zip; do
  curl -sf -u "$auth" -F "file=@$z" "$url/api/assessments/batch" >/dev/null
done
stored=$(curl -sf -u "$auth" "$url/api/assessments?year=2023" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
echo "stored: $stored reports of 2023"
stop "$pid"; pid=

start
sleep "${SETTLE:-0}"
for i in $(seq 1 "$times"); do
  began=$(date +%s.%N)
  n=$(curl -sf -u "$auth" -F year=2023 -F "files=@$root/rules/examples/problems.dslr" "$url/api/rules/dry-run" \
    | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
  printf 'dry run %2d over %s reports: %.2f s\n' "$i" "$n" "$(echo "$(date +%s.%N) - $began" | bc)"
done
