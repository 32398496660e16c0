#!/usr/bin/env bash
# make demo: start the simulator on loopback, point the SDDC_MANAGER_* variables at it, and run the
# docs' example playbooks from docs/examples (whose ansible.cfg a user would copy), as the README says:
#   1. pre-check a clean domain (READY) and a blocked one (the reports are written, then the play stops);
#   2. export a run's results (the file is saved) and one export that fails (the play stops);
#   3. an ad hoc call;
#   4. a fleet of three simulated SDDC Managers (one READY, one BLOCKED, one stopped: NOT CHECKED), pre-checked in
#      one play through the sddc_managers inventory, with one fleet page for all.
# Everything the demo writes stays in DEMO_OUTPUT (default: demo-output/ in the checkout).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
output=${DEMO_OUTPUT:-$repo/demo-output}
workdir=$(mktemp -d)
sim_pids=()
cleanup() {
  if [ "${#sim_pids[@]}" -gt 0 ]; then kill "${sim_pids[@]}" 2>/dev/null || true; fi
  rm -rf "$workdir"
}
trap cleanup EXIT
rm -rf "$output"
mkdir -p "$output/prechecks" "$output/exports"

(cd "$repo/simulator" && exec python3 -m sddc_manager_sim --port 0 --url-file "$workdir/url" \
    --scenario "$repo/docs/demo/scenario.json") &
sim_pids+=($!)
for _ in $(seq 100); do [ -s "$workdir/url" ] && break; sleep 0.1; done
[ -s "$workdir/url" ] || { echo "the simulator did not start" >&2; exit 1; }

SDDC_MANAGER_HOST=$(cat "$workdir/url")
export SDDC_MANAGER_HOST
export SDDC_MANAGER_USERNAME=administrator@vsphere.local
export SDDC_MANAGER_PASSWORD='VMware1!VMware1!'
cd "$repo/docs/examples"   # its ansible.cfg turns off the "no inventory" warnings

echo "== 1. Pre-check domain mgmt-01 (clean) on the simulator at $SDDC_MANAGER_HOST"
ansible-playbook upgrade_precheck.yml -e '{"precheck_domains": ["mgmt-01"]}' \
  -e precheck_dest="$output/prechecks" -e precheck_poll_interval=1

echo
echo "== 2. Pre-check domain wld-02: it has a blocking finding, so the reports are written and the play stops"
if ansible-playbook upgrade_precheck.yml -e '{"precheck_domains": ["wld-02"]}' \
     -e precheck_dest="$output/prechecks" -e precheck_poll_interval=1; then
  echo "demo: the blocked pre-check did not fail the play" >&2
  exit 1
fi
echo "== (the play failed, as it should)"

echo
echo "== 3. Export the results of pre-check run 3f1c9a52-... and save the file"
ansible-playbook export_precheck_results.yml \
  -e precheck_run_id=3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d -e save_precheck_export_dest="$output/exports/" \
  -e precheck_poll_interval=1
echo "== The saved file, first lines:"
head -n 4 "$output/exports/vcf-precheck-3f1c9a52.csv"

echo
echo "== 4. An export that fails: the play stops with SDDC Manager's remediation"
if ansible-playbook export_precheck_results.yml \
     -e precheck_run_id=0b7e2f4c-1a2b-4c3d-8e9f-a0b1c2d3e4f5 -e save_precheck_export_dest="$output/exports/" \
     -e precheck_poll_interval=1; then
  echo "demo: the failing export did not fail the play" >&2
  exit 1
fi
echo "== (the play failed, as it should)"

echo
echo "== 5. Ad hoc: read an export's state"
ansible localhost -m sddc.manager.precheck_export_info -a run_id=3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d

echo
echo "== 6. A fleet: three SDDC Managers in one play, one page for all (one READY, one BLOCKED, one stopped)"
(cd "$repo/simulator" && exec python3 -m sddc_manager_sim --port 0 --managers 2 --url-file "$workdir/fleet-urls" \
    --scenario "$repo/docs/demo/scenario.json") &
sim_pids+=($!)
for _ in $(seq 100); do [ "$(wc -l < "$workdir/fleet-urls" 2>/dev/null || echo 0)" -ge 2 ] && break; sleep 0.1; done
mapfile -t fleet_urls < "$workdir/fleet-urls"
mkdir -p "$workdir/fleet/host_vars"
cat > "$workdir/fleet/fleet.sddc_managers.yml" <<INVENTORY
plugin: sddc.manager.sddc_managers
managers:
  - {hostname: "${fleet_urls[0]}", name: sfo-vcf01}
  - {hostname: "${fleet_urls[1]}", name: lax-vcf01}
  - {hostname: "http://127.0.0.1:9", name: lab-vcf01}
INVENTORY
echo 'upgrade_precheck_domains: [mgmt-01]' > "$workdir/fleet/host_vars/sfo-vcf01.yml"
echo 'upgrade_precheck_domains: [wld-02]' > "$workdir/fleet/host_vars/lax-vcf01.yml"
if ansible-playbook -i "$workdir/fleet/fleet.sddc_managers.yml" fleet_precheck.yml \
     -e fleet_dest="$output/fleet" -e precheck_poll_interval=1 -e '{"upgrade_precheck_export": false}'; then
  echo "demo: the fleet with a blocked manager did not fail the play" >&2
  exit 1
fi
echo "== (the play failed at the end, as it should: the fleet is BLOCKED)"

echo
echo "== The demo kept what it wrote:"
reports=("$output"/prechecks/*.html)
for report in "${reports[@]}"; do
  echo "   HTML report: $report"
done
echo "   Exported file: $output/exports/vcf-precheck-3f1c9a52.csv"
fleet_pages=("$output"/fleet/fleet-*.html)
echo "   Fleet page: ${fleet_pages[0]}"
echo "   Open a report in a browser, for example: xdg-open ${reports[0]}"
