#!/usr/bin/env bash
# Runs a benchmark harness and prints its figures. Usage:
#   bash infra/bench/run.sh tenancy [N] [threads]   # approval→portal, N tenants provisioned, restart on N schemas
#   bash infra/bench/run.sh security                # hashing, sign-ins/s, per-request security cost, PII sealing
#   bash infra/bench/run.sh roster [N] [warm|cold]  # roster import of N rows (CSV, XLSX) vs psql \\copy, -Xmx512m
#   bash infra/bench/run.sh students [N] [clients] [read|burst] # GET /api/me/campaign (wrk) vs pgbench -S; deadline burst of N signatures in 60 s
#   bash infra/bench/run.sh signoff                 # cockpit on 20,000 students / 500 classes, class sheet PDF, college ZIP
#   bash infra/bench/run.sh campaign                # published campaign read: near-cache hit, Redis, PostgreSQL
#   bash infra/bench/run.sh sessions [N]            # heap per Vaadin portal session (N sessions, default 500)
#   bash infra/bench/run.sh coldstart               # java -jar to serving, services already running
# Services: ROLLCHECK_TEST_DB_URL / _USER / ROLLCHECK_TEST_REDIS_URL, default: this machine's 5432 / 6379.
set -euo pipefail
cd "$(dirname "$0")/../.."
export ROLLCHECK_TEST_DB_URL="${ROLLCHECK_TEST_DB_URL:-jdbc:postgresql://127.0.0.1:5432/postgres}"
export ROLLCHECK_TEST_DB_USER="${ROLLCHECK_TEST_DB_USER:-postgres}"
export ROLLCHECK_TEST_REDIS_URL="${ROLLCHECK_TEST_REDIS_URL:-redis://127.0.0.1:6379}"
what="${1:-tenancy}"; shift || true
platform_bench() {
  ./mvnw -B -q -pl platform -am test-compile -DskipTests
  ./mvnw -B -q -pl platform dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
  java -Xmx2g -Djdk.httpclient.allowRestrictedHeaders=host -cp "platform/target/test-classes:platform/target/classes:$(cat platform/target/bench.classpath)" \
    "$@" 2>&1 | grep --line-buffered -v -E '^\S+ (INFO|WARN|DEBUG) ' | cat
}
admin_bench() {
  ./mvnw -B -q -pl tenant-admin -am install -DskipTests
  ./mvnw -B -q -pl tenant-admin dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
  java ${BENCH_HEAP:--Xms512m -Xmx512m} -Djdk.httpclient.allowRestrictedHeaders=host -cp "tenant-admin/target/test-classes:tenant-admin/target/classes:$(cat tenant-admin/target/bench.classpath)" \
    "$@" 2>&1 | grep --line-buffered -v -E '^\S+ (INFO|WARN|DEBUG) ' | cat
}
ui_bench() {
  ./mvnw -B -q install -DskipTests
  ./mvnw -B -q -pl web-ui dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
  java -Xmx1g -Djdk.httpclient.allowRestrictedHeaders=host -cp "web-ui/target/test-classes:web-ui/target/classes:$(cat web-ui/target/bench.classpath)" \
    "$@" 2>&1 | grep --line-buffered -v -E '^\S+ (INFO|WARN|DEBUG) ' | cat
}
case "$what" in
  sessions) ui_bench io.rollcheck.webui.bench.SessionHeapBench "$@" ;;
  roster) admin_bench io.rollcheck.tenantadmin.bench.RosterBench "$@" ;;
  signoff) admin_bench io.rollcheck.tenantadmin.bench.SignOffBench "$@" ;;
  campaign) admin_bench io.rollcheck.tenantadmin.bench.CampaignCacheBench "$@" ;;
  tenancy) platform_bench io.rollcheck.platform.bench.TenancyBench "$@" ;;
  security) BENCH_HEAP=-Xmx2g admin_bench io.rollcheck.platform.bench.SecurityBench "$@" ;;
  students)
    command -v wrk >/dev/null || apt-get install -y wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
    BENCH_HEAP=-Xmx2g admin_bench io.rollcheck.platform.bench.StudentBench "$@" ;;
  coldstart)
    bash infra/bench/coldstart.sh "$@"
    ;;
  *) echo "unknown benchmark: $what" >&2; exit 2 ;;
esac
