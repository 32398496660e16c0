#!/usr/bin/env bash
# Copy the working tree to DEST (…/ansible_collections/sddc/manager) with a git index of its own,
# so ansible-test lists these files and not the outer checkout's. Used by make and run-core.sh.
set -euo pipefail
dest=$1
repo=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$dest"
(cd "$repo" && tar --exclude=./.venv --exclude=./.venv-demo --exclude=./demo-output --exclude=./.build --exclude=./.git --exclude='__pycache__' \
    --exclude=./tests/output --exclude=./.pytest_cache -cf - .) | tar -xf - -C "$dest"
cd "$dest" && git init -q && git add -A
