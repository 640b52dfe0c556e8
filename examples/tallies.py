#!/usr/bin/env python3
"""The report's main tallies of one year, computed by a dataframe library,
for `examples/bench.rs` to set thidua beside what a user could script.

    python3 examples/tallies.py polars|duckdb DIR YEAR [--json]

Reads the data folder's `awards/*.csv`, `people.csv` and `units.csv` and counts,
for the awards of YEAR: awards (lượt), distinct collectives and distinct
individuals in all, by kind, by award code and by issuer, and the direct
workers among the individuals -- what `thidua report YEAR --format json`
gives under `totals`, `by_kind`, `by_award`, `by_issuer` and
`direct_workers.awarded`. It validates nothing and resolves no identity:
it is the floor of what a script costs, not a second thidua.

Prints one line `RESULT cpu wall peak_kb note` (CPU of the whole process, all
threads, and wall time, start-up and import included; peak resident memory), as the bench's phases do; with `--json`, the
tallies as JSON instead, for checking them against thidua's. A library that
is not installed gives `RESULT nan nan 0 skipped: ...`.
"""

import glob
import json
import os
import resource
import sys
import time

STARTED = time.perf_counter()

GROUPS = {"by_kind": "kind", "by_award": "award", "by_issuer": "issuer"}


def counts_polars(pl, df):
    return {
        "awards": df.height,
        "collectives": df.filter(pl.col("unit") != "")["unit"].n_unique(),
        "individuals": df.filter(pl.col("person") != "")["person"].n_unique(),
    }


def run_polars(folder, year):
    import polars as pl

    files = sorted(glob.glob(os.path.join(folder, "awards", "*.csv")))
    awards = pl.concat(
        [pl.read_csv(f, infer_schema_length=0) for f in files], how="vertical"
    ).fill_null("")
    people = pl.read_csv(os.path.join(folder, "people.csv"), infer_schema_length=0)
    pl.read_csv(os.path.join(folder, "units.csv"), infer_schema_length=0)
    year_awards = awards.filter(pl.col("year") == str(year))
    out = {"totals": counts_polars(pl, year_awards)}
    for name, column in GROUPS.items():
        out[name] = {
            key: counts_polars(pl, part)
            for (key,), part in year_awards.partition_by(column, as_dict=True).items()
        }
    direct = (
        year_awards.filter(pl.col("person") != "")
        .select("person")
        .unique()
        .join(people.select(["id", "direct_worker"]), left_on="person", right_on="id")
        .filter(pl.col("direct_worker") == "true")
    )
    out["direct_workers"] = {"awarded": direct.height}
    return out


def run_duckdb(folder, year):
    import duckdb

    con = duckdb.connect()
    pattern = os.path.join(folder, "awards", "*.csv")
    con.execute(
        f"CREATE VIEW awards AS SELECT * FROM read_csv('{pattern}', all_varchar=true)"
    )
    con.execute(
        "CREATE VIEW people AS SELECT * FROM read_csv("
        f"'{os.path.join(folder, 'people.csv')}', all_varchar=true)"
    )
    con.execute(
        "CREATE TABLE y AS SELECT * FROM awards WHERE year = ?", [str(year)]
    )
    counts = (
        "count(*), count(DISTINCT NULLIF(unit, '')), count(DISTINCT NULLIF(person, ''))"
    )

    def triple(row):
        return {"awards": row[0], "collectives": row[1], "individuals": row[2]}

    out = {"totals": triple(con.execute(f"SELECT {counts} FROM y").fetchone())}
    for name, column in GROUPS.items():
        rows = con.execute(f"SELECT {column}, {counts} FROM y GROUP BY {column}").fetchall()
        out[name] = {r[0]: triple(r[1:]) for r in rows}
    direct = con.execute(
        "SELECT count(*) FROM (SELECT DISTINCT person FROM y WHERE person <> '') a "
        "JOIN people p ON p.id = a.person WHERE p.direct_worker = 'true'"
    ).fetchone()[0]
    out["direct_workers"] = {"awarded": direct}
    return out


def main():
    args = [a for a in sys.argv[1:] if a != "--json"]
    if len(args) != 3:
        sys.exit(__doc__)
    engine, folder, year = args[0], args[1], int(args[2])
    run = {"polars": run_polars, "duckdb": run_duckdb}.get(engine)
    if run is None:
        sys.exit(f"unknown engine {engine}")
    try:
        __import__(engine)
    except ImportError:
        print(f"RESULT nan nan 0 skipped: {engine} is not installed (pip install {engine})")
        return
    cpu = time.process_time()
    out = run(folder, year)
    # CPU of the whole process (interpreter and library start included, as
    # thidua's end-to-end phases include theirs); the part after the import
    # is in the note.
    work = time.process_time() - cpu
    wall = time.perf_counter() - STARTED
    cpu = time.process_time()
    if "--json" in sys.argv:
        print(json.dumps(out, sort_keys=True, indent=1))
        return
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    total = out["totals"]["awards"]
    print(
        f"RESULT {cpu:.6f} {wall:.6f} {peak} {total} awards in {year}, "
        f"{engine} {work:.3f} s CPU after its import"
    )


if __name__ == "__main__":
    main()
