#!/usr/bin/env python3
"""(Re)creates one benchmark database and loads the synthetic schema of N tables into it.

Usage: setup_db.py ADMIN_URL DBNAME N [--modified]
  ADMIN_URL  the server, no database part: postgres://postgres@127.0.0.1:5432,
             mysql://root@127.0.0.1:3306, or sqlite://DIR (the database is DIR/DBNAME.db)
  --modified the changed copy of the schema (gen_schema.py --modified)
Prints the seconds the load took on stderr. Tables are committed in batches: one transaction
of 10,000 PostgreSQL tables needs more locks than `max_locks_per_transaction` allows.
"""

import os
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_schema import schema_sql  # noqa: E402

BATCH = 250


def server(url: str):
    """(backend, host, port, user, password) of a postgres:// or mysql:// URL."""
    from urllib.parse import urlsplit

    u = urlsplit(url)
    backend = {"postgres": "postgres", "postgresql": "postgres", "mysql": "mysql", "mariadb": "mysql"}[u.scheme]
    return backend, u.hostname, u.port, u.username, u.password


def load_postgres(admin_url: str, db: str, tables: list) -> None:
    import psycopg2

    admin = psycopg2.connect(f"{admin_url}/postgres")
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
        cur.execute(f'CREATE DATABASE "{db}"')
    admin.close()
    conn = psycopg2.connect(f"{admin_url}/{db}")
    for start in range(0, len(tables), BATCH):
        with conn, conn.cursor() as cur:
            cur.execute("\n".join(tables[start : start + BATCH]))
    conn.autocommit = True
    with conn.cursor() as cur:
        # Fresh statistics, so catalog queries are planned as on a settled database.
        cur.execute("ANALYZE")
    conn.close()


def load_mysql(admin_url: str, db: str, tables: list) -> None:
    import pymysql

    _, host, port, user, password = server(admin_url)
    conn = pymysql.connect(host=host, port=port or 3306, user=user, password=password or "", autocommit=True)
    with conn.cursor() as cur:
        cur.execute(f"DROP DATABASE IF EXISTS `{db}`")
        cur.execute(f"CREATE DATABASE `{db}`")
        cur.execute(f"USE `{db}`")
        for table in tables:
            for stmt in table.split(";"):
                if stmt.strip():
                    cur.execute(stmt)
    conn.close()


def load_sqlite(path: str, tables: list) -> None:
    for stale in (path, path + "-wal", path + "-shm", path + "-journal"):
        if os.path.exists(stale):
            os.remove(stale)
    conn = sqlite3.connect(path)
    conn.executescript("BEGIN;\n" + "\n".join(tables) + "\nCOMMIT;\nANALYZE;")
    conn.close()


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--modified"]
    modified = "--modified" in sys.argv[1:]
    if len(args) != 3:
        sys.exit(__doc__)
    admin_url, db, n = args[0].rstrip("/"), args[1], int(args[2])
    backend = "sqlite" if admin_url.startswith("sqlite://") else server(admin_url)[0]
    tables = schema_sql(n, backend, modified)
    start = time.perf_counter()
    if backend == "postgres":
        load_postgres(admin_url, db, tables)
    elif backend == "mysql":
        load_mysql(admin_url, db, tables)
    else:
        load_sqlite(os.path.join(admin_url[len("sqlite://") :], f"{db}.db"), tables)
    print(f"bench: loaded {n} tables into {db} ({backend}) in {time.perf_counter() - start:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
