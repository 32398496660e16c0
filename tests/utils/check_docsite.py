# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Check a built docsite: a page for every module, inventory plugin, role and guide, and no warning of our own.

Usage: check_docsite.py DOCSITE_DIR REPO_DIR. The only warnings allowed are those caused by the
intersphinx inventory of docs.ansible.com being out of reach (no network on the build machine).
"""

import glob
import os
import re
import sys

import yaml

# Labels that live in docs.ansible.com's inventory; antsibull-docs links to them from every page, and to
# ansible-core's configuration variables (ANSIBLE_CACHE_PLUGIN... of the inventory cache options) as envvars.
OFFLINE_ONLY = re.compile(
    r"failed to reach any of the inventories|intersphinx inventory|"
    r"undefined label: '(ansible_configuration_settings|common_return_values|action_plugins)'|"
    r"'envvar' reference target not found: ANSIBLE_[A-Z_]+ \[ref.envvar\]|"
    r"^\s*$|^\s+\S+ \(|Max retries exceeded|Name or service not known")


def expected_pages(repo):
    pages = ['index.html']
    for path in glob.glob(os.path.join(repo, 'plugins', 'modules', '*.py')):
        pages.append('%s_module.html' % os.path.splitext(os.path.basename(path))[0])
    for path in glob.glob(os.path.join(repo, 'plugins', 'inventory', '*.py')):
        pages.append('%s_inventory.html' % os.path.splitext(os.path.basename(path))[0])
    for path in glob.glob(os.path.join(repo, 'roles', '*', 'meta', 'argument_specs.yml')):
        pages.append('%s_role.html' % os.path.basename(os.path.dirname(os.path.dirname(path))))
    with open(os.path.join(repo, 'docs', 'docsite', 'extra-docs.yml')) as handle:
        for section in yaml.safe_load(handle)['sections']:
            pages.extend('docsite/%s.html' % name for name in section['toctree'])
    return pages


def main(docsite, repo):
    problems = []
    html = os.path.join(docsite, 'build', 'html')
    for page in expected_pages(repo):
        if not os.path.isfile(os.path.join(html, page)):
            problems.append('missing page: %s' % page)
    with open(os.path.join(docsite, 'warnings.txt')) as handle:
        for line in handle:
            if not OFFLINE_ONLY.search(line):
                problems.append('warning: %s' % line.rstrip())
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1], sys.argv[2]))
