#!/usr/bin/env bash
# Cold start to serving, services already running: provisions N tenants (default 3000) into a fresh
# database, then starts `java -jar web-ui/target/rollcheck.jar` on it and times the wait until the UI
# and the API answer /health. Prints the figures; drops the database at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-3000}"
db="rc_coldstart_$(date +%s)"
pg_host=127.0.0.1; pg_port=5432
[ -f web-ui/target/rollcheck.jar ] || ./mvnw -B -q install -DskipTests
trap 'psql -h $pg_host -p $pg_port -U postgres -q -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true' EXIT
if [ "$n" -gt 0 ]; then
  ROLLCHECK_TEST_KEEP_DB="$db" bash infra/bench/run.sh tenancy "$n" 2 | grep -E "provision_|approval"
else
  psql -h $pg_host -p $pg_port -U postgres -q -c "CREATE DATABASE $db"
fi
ui=18480; api=18481
start=$(date +%s%N)
ROLLCHECK_DB_URL="jdbc:postgresql://$pg_host:$pg_port/$db" ROLLCHECK_DB_USER=postgres \
ROLLCHECK_REDIS_URL="redis://127.0.0.1:6379" ROLLCHECK_REDIS_PREFIX="rccold$(date +%s):" ROLLCHECK_DEMO=false \
ROLLCHECK_MASTER_KEY="$(head -c 32 /dev/urandom | base64)" ROLLCHECK_JWT_SECRET="$(head -c 48 /dev/urandom | base64)" \
ROLLCHECK_HTTP_PORT=$ui ROLLCHECK_API_PORT=$api ROLLCHECK_DATA_DIR="$(mktemp -d)" \
  java -jar web-ui/target/rollcheck.jar > /tmp/rollcheck-coldstart.log 2>&1 &
pid=$!
ok=""
for _ in $(seq 1 1200); do
  if curl -fs -o /dev/null "http://127.0.0.1:$ui/health" && curl -fs -o /dev/null "http://127.0.0.1:$api/health"; then ok=1; break; fi
  sleep 0.05
done
end=$(date +%s%N)
kill $pid; wait $pid 2>/dev/null || true
[ -n "$ok" ] || { echo "the application did not start; see /tmp/rollcheck-coldstart.log"; exit 1; }
printf 'cold_start_to_serving_s=%.2f with %s tenant schemas (targets: < 5 s with services running; < 60 s with 3,000 schemas)\n' \
  "$(echo "($end - $start) / 1000000000" | bc -l)" "$n"
