"""Draw the seeded random sample for the data audit (docs/data_audit.md).

    .venv/bin/python docs/audit_sample.py --seed 17
    .venv/bin/python docs/audit_sample.py --seed 29 --new-files data/raw/production_milestones/coproductions.csv ...

"New" rows are curated rows whose CSV line is not in the tables at the baseline commit
(8756b8a, before the issue-17 data work), or, with --new-files, every row of the files named
(the baseline is then not used); "old" rows are the rest. Reference rows (source_id
starting "ref-") are left out. The sample is drawn with random.Random(seed): first --new rows
from the new ones, then --old rows from the old ones, each in file order before sampling.
"""
import argparse
import csv
import glob
import io
import random
import subprocess

TABLES = ["claims", "productions", "companies", "studios", "memberships", "events",
          "partnerships", "production_locations", "production_countries", "cities", "places",
          "production_milestones"]


def baseline_lines(path, commit):
    try:
        text = subprocess.run(["git", "show", f"{commit}:{path}"], capture_output=True,
                              check=True, text=True).stdout
    except subprocess.CalledProcessError:
        return set()
    return {tuple(r) for r in csv.reader(io.StringIO(text))}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--new", type=int, default=20)
    ap.add_argument("--old", type=int, default=10)
    ap.add_argument("--baseline", default="8756b8a")
    ap.add_argument("--new-files", nargs="+", default=None,
                    help="files whose rows are all 'new' (instead of the baseline comparison)")
    a = ap.parse_args()
    new, old = [], []
    for t in TABLES:
        for f in sorted(glob.glob(f"data/raw/{t}/*.csv")):
            if a.new_files is None:
                base = baseline_lines(f, a.baseline)
            with open(f, encoding="utf-8", newline="") as fh:
                rows = list(csv.reader(fh))
            header = rows[0]
            for i, r in enumerate(rows[1:], start=2):
                d = dict(zip(header, r))
                if d.get("source_id", "").startswith("ref-"):
                    continue
                if a.new_files is None:
                    is_new = tuple(r) not in base
                else:
                    is_new = f in a.new_files
                (new if is_new else old).append((f, i, d))
    rng = random.Random(a.seed)
    picked = [("new", x) for x in rng.sample(new, a.new)] + [("old", x) for x in rng.sample(old, a.old)]
    print(f"# new rows {len(new)}, old rows {len(old)}, seed {a.seed}")
    for n, (kind, (f, i, d)) in enumerate(picked, start=1):
        print(n, kind, f, i, {k: v for k, v in d.items() if v})


if __name__ == "__main__":
    main()
