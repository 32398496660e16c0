#!/usr/bin/env bash
# make docs: build the collection's HTML docs with antsibull-docs into $1 (from the installed
# collection in ANSIBLE_COLLECTIONS_PATH), then check every module, role and guide has its page.
set -euo pipefail
dest=$1
repo=$(cd "$(dirname "$0")/.." && pwd)
rm -rf "$dest"
mkdir -p "$dest"
chmod 755 "$dest"   # antsibull-docs wants a directory only its owner can write
antsibull-docs sphinx-init --use-current --squash-hierarchy --dest-dir "$dest" sddc.manager >/dev/null
python -m pip install --quiet -r "$dest/requirements.txt"
cd "$dest"
mkdir -p rst
chmod og-w rst
antsibull-docs --config-file antsibull-docs.cfg collection --cleanup everything --use-current \
  --squash-hierarchy --dest-dir rst sddc.manager
# Warnings are checked by check_docsite.py rather than by -W: with no network, the intersphinx
# inventory of docs.ansible.com cannot be fetched, and links into it are the only warnings allowed.
echo "Building the HTML; without a network, Sphinx warns that it cannot fetch the intersphinx inventory of"
echo "docs.ansible.com (and about links into it): those warnings are expected here, and check_docsite.py"
echo "fails on any other."
sphinx-build -M html rst build -c . --keep-going -w warnings.txt -q
python "$repo/tests/utils/check_docsite.py" "$dest" "$repo"
echo "Docs built: $dest/build/html/index.html"
