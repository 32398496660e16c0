#!/usr/bin/env bash
# Sanity and unit tests of the collection on one ansible-core release with one Python:
#   tests/utils/run-core.sh 2.16 3.11
# Makes .build/matrix/<core>/ with its own virtualenv and collection tree, so cores never mix.
set -euo pipefail
core=$1
python_version=$2
repo=$(cd "$(dirname "$0")/../.." && pwd)
work="$repo/.build/matrix/$core"

find_python() {
  if command -v "python$1" >/dev/null 2>&1 && "python$1" -c '' 2>/dev/null; then
    command -v "python$1"
    return
  fi
  local root
  root=$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")
  for candidate in "$root"/versions/"$1".*/bin/"python$1"; do
    if [ -x "$candidate" ]; then echo "$candidate"; return; fi
  done
  echo "no Python $1 found (looked on PATH and in pyenv)" >&2
  return 1
}

python=$(find_python "$python_version")
rm -rf "$work"
"$python" -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --upgrade pip
"$work/venv/bin/pip" install --quiet "ansible-core==$core.*" requests pytest junitparser
"$repo/tests/utils/copy-collection.sh" "$work/src/ansible_collections/sddc/manager"
cd "$work/src/ansible_collections/sddc/manager"
export PATH="$work/venv/bin:$PATH"
# ansible-test keeps its venvs under HOME: keep them in the checkout (the Python was found above).
export HOME="$repo/.build/home"
mkdir -p "$HOME"
"$work/venv/bin/python" "$repo/tests/utils/pip_bootstrap_shim.py"
echo "== ansible-core $("$work/venv/bin/ansible" --version | head -1 | sed 's/.*core //; s/]//') on Python $python_version: sanity"
ansible-test sanity --venv --python "$python_version" --color no
echo "== ansible-core $core on Python $python_version: units"
PYTHONPATH="$work/src" "$work/venv/bin/python" -m pytest -q -p no:cacheprovider --import-mode=importlib tests/unit
