#!/usr/bin/env bash
# make demo: start the simulator on loopback, point the SDDC_MANAGER_* env vars at it, and run the
# docs' example playbooks against it, as the README describes: one export that succeeds (the file
# is saved and its first lines shown) and one that fails (the play stops with the remediation).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
workdir=$(mktemp -d)
sim_pid=
cleanup() {
  if [ -n "$sim_pid" ]; then kill "$sim_pid" 2>/dev/null || true; fi
  rm -rf "$workdir"
}
trap cleanup EXIT

(cd "$repo/simulator" && exec python3 -m sddc_manager_sim --port 0 --url-file "$workdir/url" \
    --scenario "$repo/docs/demo/scenario.json") &
sim_pid=$!
for _ in $(seq 100); do [ -s "$workdir/url" ] && break; sleep 0.1; done
[ -s "$workdir/url" ] || { echo "the simulator did not start" >&2; exit 1; }

SDDC_MANAGER_HOST=$(cat "$workdir/url")
export SDDC_MANAGER_HOST
export SDDC_MANAGER_USERNAME=administrator@vsphere.local
export SDDC_MANAGER_PASSWORD='VMware1!VMware1!'
export ANSIBLE_LOCALHOST_WARNING=false ANSIBLE_INVENTORY_UNPARSED_WARNING=false
mkdir "$workdir/exports"

echo "== 1. Export the results of pre-check run 3f1c9a52-... (simulator at $SDDC_MANAGER_HOST)"
ansible-playbook -v "$repo/docs/examples/export_precheck_results.yml" \
  -e precheck_run_id=3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d -e precheck_export_dest="$workdir/exports/"
echo "== The saved file, first lines:"
head -n 4 "$workdir/exports/vcf-precheck-3f1c9a52.csv"

echo
echo "== 2. An export that fails: the play stops with SDDC Manager's remediation"
if ansible-playbook "$repo/docs/examples/export_precheck_results.yml" \
     -e precheck_run_id=0b7e2f4c-1a2b-4c3d-8e9f-a0b1c2d3e4f5 -e precheck_export_dest="$workdir/exports/"; then
  echo "demo: the failing export did not fail the play" >&2
  exit 1
fi
echo "== (the play failed, as it should)"

echo
echo "== 3. Ad hoc: read an export's state"
ansible localhost -m sddc.manager.precheck_export_info -a run_id=3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8c9d
