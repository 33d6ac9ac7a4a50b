#!/usr/bin/env python3
"""Sums the counters of every TRX file in a folder and prints 'N passed, N failed, N skipped'.
Exits non-zero when a test failed or no test ran."""
import glob
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
passed = failed = skipped = 0
files = sorted(glob.glob(f"{sys.argv[1]}/**/*.trx", recursive=True))
for path in files:
    counters = ET.parse(path).getroot().find(f"{NS}ResultSummary/{NS}Counters")
    if counters is None:
        continue
    n = lambda k: int(counters.get(k, 0))
    passed += n("passed")
    failed += n("failed") + n("error") + n("timeout") + n("aborted")
    skipped += n("notExecuted")
    print(f"  {path.rsplit('/', 1)[-1]}: {n('passed')} passed, {n('failed')} failed, {n('notExecuted')} skipped", file=sys.stderr)
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 or len(files) < 3 else 0)
