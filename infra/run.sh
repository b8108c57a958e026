#!/usr/bin/env bash
# Runs Rollcheck on this machine. Builds the application when it is missing or older than the
# sources, then starts it. With nothing configured it starts an embedded PostgreSQL and Redis with
# their data in ${ROLLCHECK_DATA_DIR:-~/.rollcheck} and a demo university; it prints the URLs and
# the demo logins. Configuration: see the README (ROLLCHECK_* environment variables).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=web-ui/target/rollcheck.jar
if [ ! -f "$jar" ] || [ -n "$(find platform tenant-admin web-ui -path '*/target' -prune -o -newer "$jar" -type f \( -name '*.java' -o -name '*.properties' -o -name '*.yml' -o -name '*.sql' -o -name '*.css' -o -name 'pom.xml' \) -print -quit)" ]; then
  echo "Building Rollcheck (the first build downloads dependencies and takes a few minutes)..."
  ./mvnw -B -q -DskipTests install
fi
exec java ${ROLLCHECK_JAVA_OPTS:--Xmx1g} -jar "$jar" "$@"
