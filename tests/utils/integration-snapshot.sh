#!/usr/bin/env bash
# Run the integration tests against a snapshot of the installed collection, so that rebuilding
# .build (make units, make collection) while they run cannot pull the collection from under them.
#   tests/utils/integration-snapshot.sh [pytest arguments]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
snapshot=$(mktemp -d)
trap 'rm -rf "$snapshot"' EXIT
cp -a "$repo/.build/collections/." "$snapshot/"
cd "$repo"
PATH="$repo/.venv/bin:$PATH" ANSIBLE_COLLECTIONS_PATH="$snapshot" "$repo/.venv/bin/python" -m pytest -q \
    -p no:cacheprovider --import-mode=importlib tests/integration "$@"
