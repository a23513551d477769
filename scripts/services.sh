#!/usr/bin/env bash
# Brings up the PostgreSQL and MariaDB servers the tests need, installing them with apt-get
# when they are missing (a fresh machine), and configures the access the tests expect:
# PostgreSQL trust auth for user postgres on 127.0.0.1, MariaDB root with an empty password.
set -euo pipefail

log() { echo "services: $*" >&2; }

apt_install() {
  log "installing $*"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "$@" >/dev/null
}

start_postgres() {
  if ! command -v pg_ctlcluster >/dev/null; then
    apt_install postgresql
  fi
  local version
  version=$(ls /etc/postgresql | sort -V | tail -1)
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    local hba="/etc/postgresql/$version/main/pg_hba.conf"
    # Tests connect over TCP without a password.
    if ! grep -q "autogen-tests" "$hba"; then
      sed -i '1i host all all 127.0.0.1/32 trust # autogen-tests\nhost all all ::1/128 trust # autogen-tests\nlocal all all trust # autogen-tests' "$hba"
    fi
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  fi
  for _ in $(seq 1 60); do
    pg_isready -q -h 127.0.0.1 -p 5432 && break
    sleep 0.5
  done
  pg_isready -q -h 127.0.0.1 -p 5432 || { log "PostgreSQL did not come up"; exit 1; }
  psql -h 127.0.0.1 -U postgres -d postgres -Atqc "select 1" >/dev/null \
    || { log "cannot log in to PostgreSQL as postgres on 127.0.0.1 (trust auth expected)"; exit 1; }
}

start_mariadb() {
  if ! command -v mariadbd >/dev/null && [ ! -x /usr/sbin/mariadbd ]; then
    apt_install mariadb-server
  fi
  if ! mariadb-admin ping -h 127.0.0.1 -uroot --silent >/dev/null 2>&1; then
    mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql || true
  fi
  for _ in $(seq 1 60); do
    mariadb-admin ping --silent >/dev/null 2>&1 && break
    sleep 0.5
  done
  # A fresh Debian install lets root in only through the socket; tests use TCP.
  if ! mariadb -h 127.0.0.1 -uroot -e "select 1" >/dev/null 2>&1; then
    mariadb -uroot -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('')" \
      || true
  fi
  mariadb -h 127.0.0.1 -uroot -e "select 1" >/dev/null \
    || { log "cannot log in to MariaDB as root on 127.0.0.1"; exit 1; }
}

# Test databases are named at_*; drop leftovers of earlier runs.
drop_leftovers() {
  psql -h 127.0.0.1 -U postgres -d postgres -Atqc "select datname from pg_database where datname like 'at\_%'" \
    | while read -r db; do psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists \"$db\"" >/dev/null 2>&1 || true; done
  mariadb -h 127.0.0.1 -uroot -N -e "select schema_name from information_schema.schemata where schema_name like 'at\_%'" \
    | while read -r db; do mariadb -h 127.0.0.1 -uroot -e "drop database if exists \`$db\`" || true; done
}

start_postgres
start_mariadb
drop_leftovers
log "PostgreSQL and MariaDB are up"
