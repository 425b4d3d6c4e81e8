"""Reads translation files the way Weblate does (translate-toolkit's I18NextV4File) and
writes them back, with Weblate's JSON indentation set to 2. Prints, per file, whether the
bytes came back unchanged, and the first lines that differ.

Usage: i18next_round_trip.py LANGUAGE=FILE ...   (an empty LANGUAGE sets no target language)
"""
import difflib
import json
import sys

from translate.storage.jsonl10n import I18NextV4File

report = {}
for arg in sys.argv[1:]:
    language, path = arg.split("=", 1)
    with open(path, "rb") as f:
        before = f.read()
    store = I18NextV4File()
    if language:
        store.settargetlanguage(language)
    store.parse(before)
    store.dump_args["indent"] = 2
    after = bytes(store)
    diff = list(difflib.unified_diff(before.decode().splitlines(), after.decode().splitlines(), lineterm="", n=1))[:12]
    report[path] = {"units": len(store.units), "same": after == before, "diff": diff}
print(json.dumps(report))
