# -*- coding: utf-8 -*-
# Copyright: (c) 2026, sddc.manager contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What a wait polls, as a record: the domain modules describe their subject without importing the poll loop."""


class Subject:
    """What a wait polls: how to read it, and what its answers mean (status, progress, finished).

    ``label`` names it in messages ("pre-check run X"); ``noun`` starts the sentence that says it
    may still be running ("The pre-check run").
    """

    def __init__(self, label: str, noun: str, read, status, progress, finished):
        self.label = label
        self.noun = noun
        self.read = read
        self.status = status
        self.progress = progress
        self.finished = finished
