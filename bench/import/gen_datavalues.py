#!/usr/bin/env python3
"""Writes a SYNTHETIC DHIS2 dataValueSets JSON file of N values, and the same rows as CSV, for
bench/import_bench.sh (issue 4). Python standard library only; deterministic (same N, same config:
byte-identical files).

Every id is real, taken from the configuration folder (default config/dien-bien):
  - data elements: every row of data_elements.csv whose value type is INTEGER* or NUMBER, with
    the default option combo or, when it has a category combo, each of its option combos (the
    cartesian product of its categories' options, coded as solieu codes them: NAM_DTTS, ...);
  - org units: every facility and commune of org_units.csv, in the months it is open (opened and
    closed dates; codes reused across the 2025 reform resolve by the period's date);
  - periods: the months 2015-01 .. 2025-12.
The keys (org unit, month, data element, option combo) are enumerated in that order (a facility's
monthly report after another) and N of the K possible keys are taken evenly spaced, so every key
is distinct. The values are pseudo-random integers 0..999 (NUMBER: one decimal). Nothing here is a
real health figure: the JSON says so in a top-level "_synthetic" field (solieu ignores unknown
header fields) and both file names start with "synthetic-".

Usage: gen_datavalues.py N OUT_DIR [CONFIG_DIR]   -> OUT_DIR/synthetic-datavalues.{json,csv}
"""
import csv
import math
import os
import sys
import time
from datetime import date

FIRST_YEAR, LAST_YEAR = 2015, 2025


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    n = int(sys.argv[1])
    out_dir = sys.argv[2]
    config = sys.argv[3] if len(sys.argv) > 3 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "config", "dien-bien")

    categories = {r["code"]: r["options"].split(";") for r in read_csv(
        os.path.join(config, "categories.csv"))}
    combos = {r["code"]: r["categories"].split(";") for r in read_csv(
        os.path.join(config, "category_combos.csv"))}

    def option_combos(combo):
        if not combo:
            return [""]  # the default option combo: no categoryOptionCombo in the row
        product = [""]
        for category in combos[combo]:
            product = [(p + "_" if p else "") + o for p in product for o in categories[category]]
        return product

    # (data element code, option combo code, is NUMBER)
    element_combos = []
    for d in read_csv(os.path.join(config, "data_elements.csv")):
        vt = d["value_type"]
        if not (vt.startswith("INTEGER") or vt == "NUMBER"):
            continue
        for coc in option_combos(d["category_combo"]):
            element_combos.append((d["code"], coc, vt == "NUMBER"))

    months = [(y, m) for y in range(FIRST_YEAR, LAST_YEAR + 1) for m in range(1, 13)]

    def open_in(unit, y, m):
        start = date(y, m, 1)
        end = date(y + (m == 12), m % 12 + 1, 1)  # exclusive
        opened, closed = unit["opened"], unit["closed"]
        return ((not opened or date.fromisoformat(opened) < end) and
                (not closed or start < date.fromisoformat(closed)))

    units = [u for u in read_csv(os.path.join(config, "org_units.csv"))
             if u["level"] in ("facility", "commune")]
    unit_months = [(u["code"], "%04d%02d" % (y, m)) for u in units for (y, m) in months
                   if open_in(u, y, m)]
    k = len(unit_months) * len(element_combos)
    print(f"gen: {len(element_combos)} (data element, option combo) pairs from "
          f"{len({e[0] for e in element_combos})} data elements x {len(unit_months)} open "
          f"(org unit, month) pairs of {len(units)} facilities/communes, {len(months)} months "
          f"= {k:,} distinct keys; taking {n:,}", file=sys.stderr)
    if n > k:
        sys.exit(f"gen: only {k:,} distinct keys exist in {config}; ask for at most that many")

    os.makedirs(out_dir, exist_ok=True)
    json_path = os.path.join(out_dir, "synthetic-datavalues.json")
    csv_path = os.path.join(out_dir, "synthetic-datavalues.csv")
    started = time.time()
    with open(json_path, "w", encoding="utf-8", newline="\n") as js, \
            open(csv_path, "w", encoding="utf-8", newline="\n") as cs:
        js.write('{"_synthetic":"SYNTHETIC benchmark data from bench/import/gen_datavalues.py, '
                 'not real health figures",\n"dataElementIdScheme":"CODE",'
                 '"orgUnitIdScheme":"CODE","categoryOptionComboIdScheme":"CODE",\n'
                 '"dataValues":[\n')
        cs.write("dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value\n")
        written = 0
        i = 0
        jbuf, cbuf = [], []
        step = max(1, n // 10)
        for ou, pe in unit_months:
            for de, coc, is_number in element_combos:
                take = (i + 1) * n // k > i * n // k
                i += 1
                if not take:
                    continue
                h = (written * 2654435761 + 40503) % 4294967296
                value = "%d.%d" % (h % 1000, (h >> 10) % 10) if is_number else str(h % 1000)
                coc_field = ',"categoryOptionCombo":"%s"' % coc if coc else ""
                jbuf.append('%s{"dataElement":"%s","period":"%s","orgUnit":"%s"%s,"value":"%s"}'
                            % ("," if written else "", de, pe, ou, coc_field, value))
                cbuf.append("%s,%s,%s,%s,%s,%s" % (de, pe, ou, coc or "default", "default", value))
                written += 1
                if len(jbuf) == 100000:
                    js.write("\n".join(jbuf) + "\n")
                    cs.write("\n".join(cbuf) + "\n")
                    jbuf, cbuf = [], []
                if written % step == 0:
                    print(f"gen: {written:,} / {n:,} ({100 * written // n}%) "
                          f"{time.time() - started:.0f} s", file=sys.stderr, flush=True)
        if jbuf:
            js.write("\n".join(jbuf) + "\n")
            cs.write("\n".join(cbuf) + "\n")
        js.write("]}\n")
    print(f"gen: wrote {written:,} values: {json_path} ({os.path.getsize(json_path):,} B), "
          f"{csv_path} ({os.path.getsize(csv_path):,} B) in {time.time() - started:.0f} s",
          file=sys.stderr)
    assert written == n, (written, n)


if __name__ == "__main__":
    main()
