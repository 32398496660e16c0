# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Print, as JSON, the documentation of the named modules as ansible-doc sees it (fragments merged).

Run in a fresh interpreter by test_documentation.py: Ansible's collection finder
must be installed before anything imports ``ansible_collections``, which pytest
has already done in its own process.
"""

import json
import os
import sys

from ansible.utils.collection_loader._collection_finder import _AnsibleCollectionFinder


def main(collection, names):
    root = os.path.dirname(os.path.dirname(os.path.dirname(collection)))
    _AnsibleCollectionFinder(paths=[root], scan_sys_paths=False)._install()   # pylint: disable=protected-access
    from ansible.plugins.loader import fragment_loader   # pylint: disable=import-outside-toplevel
    from ansible.utils.plugin_docs import get_docstring   # pylint: disable=import-outside-toplevel
    docs = {}
    for name in names:
        path = os.path.join(collection, 'plugins', 'modules', name + '.py')
        doc, dummy, returns, dummy = get_docstring(path, fragment_loader, collection_name='sddc.manager',
                                                   is_module=True)
        docs[name] = dict(doc=doc, returns=returns)
    json.dump(docs, sys.stdout, default=str)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2:])
