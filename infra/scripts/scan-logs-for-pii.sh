#!/usr/bin/env bash
# Fails when any fixture ID number or phone number (listed by the tests in */target/pii-fixtures.txt)
# appears in any test's captured output (*/target/surefire-reports/*-output.txt): personal data must
# never reach a log line, an error page or an exception message.
set -euo pipefail
root="${1:-.}"
shopt -s nullglob
lists=("$root"/*/target/pii-fixtures.txt)
outputs=("$root"/*/target/surefire-reports/*-output.txt)
if [ ${#lists[@]} -eq 0 ]; then
  echo "pii scan: no fixture lists found (no integration test ran)"; exit 0
fi
found=0
while IFS= read -r value; do
  [ -z "$value" ] && continue
  if [ ${#outputs[@]} -gt 0 ] && grep -l -F -- "$value" "${outputs[@]}" >/dev/null 2>&1; then
    echo "pii scan: a fixture value (${value:0:4}…) appears in: $(grep -l -F -- "$value" "${outputs[@]}" | tr '\n' ' ')"
    found=1
  fi
done < <(cat "${lists[@]}" | sort -u)
if [ $found -ne 0 ]; then
  echo "pii scan: FAILED"; exit 1
fi
echo "pii scan: ${#outputs[@]} test output files, $(cat "${lists[@]}" | sort -u | wc -l) fixture values, none found"
