#!/usr/bin/env python3
"""(Re)creates one benchmark database and loads the synthetic schema of N tables into it.

Usage: setup_db.py ADMIN_URL DBNAME N
  ADMIN_URL  e.g. postgres://postgres@127.0.0.1:5432 (no database part)
Prints the seconds the load took on stderr.
"""

import os
import sys
import time

import psycopg2

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_schema import table_sql  # noqa: E402


def main() -> None:
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    admin_url, db, n = sys.argv[1].rstrip("/"), sys.argv[2], int(sys.argv[3])

    admin = psycopg2.connect(f"{admin_url}/postgres")
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
        cur.execute(f'CREATE DATABASE "{db}"')
    admin.close()

    start = time.perf_counter()
    conn = psycopg2.connect(f"{admin_url}/{db}")
    with conn, conn.cursor() as cur:
        cur.execute("\n".join(table_sql(i) for i in range(1, n + 1)))
        # Fresh statistics, so catalog queries are planned as on a settled database.
        cur.execute("ANALYZE")
    conn.close()
    print(f"bench: loaded {n} tables into {db} in {time.perf_counter() - start:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
