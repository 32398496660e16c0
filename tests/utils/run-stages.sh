#!/usr/bin/env bash
# make test: run each stage (make sanity, lint, units, integration) in turn, keep going past a failed
# one, and end with one line per stage (result, time, what it counted) and the total time. Exits
# non-zero when any stage failed. Says first which optional tools are missing and what that skips.
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
logs="$repo/.build/stages"
mkdir -p "$logs"

duration() {
  local seconds=$1
  if [ "$seconds" -ge 60 ]; then printf '%dm%02ds' $((seconds / 60)) $((seconds % 60)); else printf '%ds' "$seconds"; fi
}

skipped=()
if ! command -v shellcheck >/dev/null 2>&1; then
  echo "NOTE: shellcheck is not installed (apt-get install shellcheck): the shellcheck sanity test will be skipped."
  skipped+=("shellcheck sanity test (no shellcheck)")
fi
if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
  echo "NOTE: chromium is not installed (apt-get install chromium): the HTML report will not be checked in a browser."
  skipped+=("browser checks of the HTML reports (no chromium)")
fi

summary=()
failed=0
began=$(date +%s)
for stage in "$@"; do
  echo "== make $stage"
  start=$(date +%s)
  make --no-print-directory -C "$repo" "$stage" 2>&1 | tee "$logs/$stage.log"
  status=${PIPESTATUS[0]}
  took=$(duration $(( $(date +%s) - start )))
  case $stage in
    units|integration) counted=$(grep -E '^[0-9]+ (passed|failed)|^=+ .*(passed|failed)' "$logs/$stage.log" | tail -n 1 \
                                 | sed 's/^=* *//; s/ *=*$//') ;;
    sanity) counted=$(grep -cE '^Running sanity test' "$logs/$stage.log")" sanity tests run" ;;
    lint) counted='ansible-lint, antsibull-docs, antsibull-changelog, galaxy-importer' ;;
    *) counted='' ;;
  esac
  if [ "$stage" = units ]; then
    coverage=$(awk '$1 == "TOTAL" {print $NF}' "$logs/$stage.log")
    [ -n "$coverage" ] && counted="$counted, branch coverage of plugins/ $coverage"
  fi
  if [ "$status" -eq 0 ]; then result=passed; else result=FAILED; failed=1; fi
  summary+=("$(printf '%-12s %-7s %8s  %s' "$stage" "$result" "$took" "$counted")")
done
echo
echo "== make test: one line per stage"
printf '%s\n' "${summary[@]}"
if [ ${#skipped[@]} -gt 0 ]; then
  joined=$(IFS=';'; echo "${skipped[*]}")
  printf '%-12s %-7s %8s  %s\n' skipped '' '' "${joined//;/; }"
fi
total=$(duration $(( $(date +%s) - began )))
if [ "$failed" -eq 0 ]; then
  printf '%-12s %-7s %8s\n' total passed "$total"
else
  printf '%-12s %-7s %8s  (logs in %s)\n' total FAILED "$total" "$logs"
fi
exit "$failed"
