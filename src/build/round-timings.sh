#!/bin/bash
# A round at scale: REPORTS reports (the five samples, each copy with a line of its own) handed in to one round
# through the API as ZIPs of 1,000, scored in the background, until the round's ranking is ready; the wall time
# from the first upload to the last job done, and the largest heap in use the service's own metrics showed
# meanwhile (sampled every half second). The service runs with -Xmx512m on a fresh H2 file database, or on the
# PostgreSQL database DB_URL names.
# Run from the project root after `mvn -B -DskipTests package`:
#   src/build/round-timings.sh                       5,000 reports on H2
#   EXPECTED=4000 src/build/round-timings.sh        the same, the round expecting 4,000 agencies
#   DB_URL='jdbc:postgresql://127.0.0.1:55432/postgres?user=postgres' src/build/round-timings.sh
set -eu
root=$(pwd)
jar=$root/target/nianbao.jar
[[ -f $jar ]] || { echo "no $jar: build first (mvn -B -DskipTests package)"; exit 1; }
reports=${REPORTS:-5000}
work=$(mktemp -d)
pid=
stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }
trap '[[ -n $pid ]] && stop "$pid"; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url=http://127.0.0.1:$port
auth=admin:round-timings-password

python3 - "$root/src/test/resources/samples" "$work" "$reports" <<'PY'
import sys, os, zipfile
samples, work, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
names = sorted(f for f in os.listdir(samples) if f.endswith('.txt'))
texts = {f: open(os.path.join(samples, f), encoding='utf-8').read() for f in names}
for start in range(0, n, 1000):
    with zipfile.ZipFile(os.path.join(work, 'reports-%05d.zip' % start), 'w', zipfile.ZIP_DEFLATED) as z:
        for i in range(start, min(n, start + 1000)):
            f = names[i % len(names)]
            z.writestr('%05d-%s' % (i, f), texts[f] + '\n（副本 %d）\n' % i)
PY
printf '单位名称,层级\n衢州市应急管理局,部门\n清镇市人民政府办公室,部门\n杭州市余杭区应急管理局,部门\n忻州市应急管理局,部门\n定西市应急管理局,部门\n' > "$work/agencies.csv"
# EXPECTED=4000: the committee's list holds that many agencies (the others hand in nothing), as a province's would
for (( i = 6; i <= ${EXPECTED:-5}; i++ )); do printf '第%d号测试县应急管理局,部门\n' "$i"; done >> "$work/agencies.csv"

NIANBAO_ADMIN_PASSWORD=round-timings-password java -Xmx512m -jar "$jar" --server.port="$port" \
  --spring.datasource.url="${DB_URL:-jdbc:h2:file:$work/db}" >"$work/service.log" 2>&1 &
pid=$!
until curl -sf "$url/actuator/health/readiness" >/dev/null; do
  kill -0 "$pid" 2>/dev/null || { tail -50 "$work/service.log"; exit 1; }
  sleep 0.2
done
round=$(curl -sf -u "$auth" -H 'Content-Type: application/json' -d '{"name":"round-timings","year":2023}' "$url/api/rounds" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
curl -sS --fail-with-body -u "$auth" -F "file=@$work/agencies.csv" "$url/api/rounds/$round/agencies" >"$work/agencies.json" || { cat "$work/agencies.json"; exit 1; }

heap() { curl -sf "$url/actuator/prometheus" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s += $NF} END {printf "%d\n", s}'; }
(peak=0; while kill -0 "$pid" 2>/dev/null; do h=$(heap || echo 0); (( h > peak )) && peak=$h && echo "$peak" > "$work/peak"; sleep 0.5; done) &
sampler=$!

began=$(date +%s.%N)
jobs=()
for z in "$work"/reports-*.zip; do
  jobs+=("$(curl -sf -u "$auth" -F "file=@$z" "$url/api/rounds/$round/submissions" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')")
done
for job in "${jobs[@]}"; do
  until curl -sf -u "$auth" "$url/api/jobs/$job" | python3 -c 'import json,sys; sys.exit(0 if json.load(sys.stdin)["state"] == "done" else 1)'; do
    sleep 0.5
  done
done
rows=$(curl -sf -u "$auth" "$url/api/rounds/$round/ranking" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
elapsed=$(echo "$(date +%s.%N) - $began" | bc)
kill "$sampler" 2>/dev/null || true
printf '%s reports to a ranking (%s rows): %.1f s = %.0f reports/s; heap in use at most %d MB of 512\n' \
  "$reports" "$rows" "$elapsed" "$(echo "$reports / $elapsed" | bc -l)" "$(( $(cat "$work/peak" 2>/dev/null || echo 0) / 1048576 ))"
