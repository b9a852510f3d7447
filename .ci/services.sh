#!/usr/bin/env bash
# PostgreSQL and Redis for the tests, from Debian's packages, in a temporary folder on loopback:
# no system service, nothing left behind. Source it, then `start_test_services` (it exports
# KNEERESET_TEST_POSTGRES and KNEERESET_TEST_REDIS, which the tests read) and
# `stop_test_services` (in a trap). A developer can do the same in a shell of their own.

# A loopback port nobody listens on.
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

install_if_missing() { # command package
  if ! command -v "$1" >/dev/null 2>&1 && [ ! -x "$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)/$1" ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
  fi
}

# `start_test_services durable` keeps PostgreSQL's crash safety (fsync and the rest), as a load
# test against it needs; the tests turn it off.
start_test_services() {
  local speed=(-c fsync=off -c synchronous_commit=off -c full_page_writes=off)
  [ "${1:-}" = durable ] && speed=()
  install_if_missing initdb postgresql
  install_if_missing redis-server redis-server
  KNEERESET_SERVICES_DIR="$(mktemp -d /tmp/kneereset-services.XXXXXX)"
  export KNEERESET_SERVICES_DIR
  local bin pg_port redis_port as_postgres=()
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  # initdb refuses to run as root: the cluster belongs to Debian's postgres user then.
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$KNEERESET_SERVICES_DIR"
    as_postgres=(runuser -u postgres --)
  fi
  pg_port="$(free_port)"
  "${as_postgres[@]}" "$bin/initdb" -D "$KNEERESET_SERVICES_DIR/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # Unless durable: for tests, losing the data on a crash is fine, waiting for the disk is not.
  "${as_postgres[@]}" "$bin/pg_ctl" -D "$KNEERESET_SERVICES_DIR/pg" -l "$KNEERESET_SERVICES_DIR/pg.log" -w start \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $KNEERESET_SERVICES_DIR ${speed[*]} -c max_connections=300" >/dev/null
  export KNEERESET_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"

  redis_port="$(free_port)"
  redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --dir "$KNEERESET_SERVICES_DIR" --pidfile "$KNEERESET_SERVICES_DIR/redis.pid" --logfile "$KNEERESET_SERVICES_DIR/redis.log"
  for _ in $(seq 50); do
    redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  export KNEERESET_TEST_REDIS="127.0.0.1:$redis_port"
  echo "PostgreSQL on 127.0.0.1:$pg_port, Redis on 127.0.0.1:$redis_port (in $KNEERESET_SERVICES_DIR)"
}

stop_test_services() {
  [ -n "${KNEERESET_SERVICES_DIR:-}" ] && [ -d "$KNEERESET_SERVICES_DIR" ] || return 0
  local bin as_postgres=()
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  [ "$(id -u)" -eq 0 ] && as_postgres=(runuser -u postgres --)
  "${as_postgres[@]}" "$bin/pg_ctl" -D "$KNEERESET_SERVICES_DIR/pg" -m immediate stop >/dev/null 2>&1 || true
  if [ -f "$KNEERESET_SERVICES_DIR/redis.pid" ]; then
    kill "$(cat "$KNEERESET_SERVICES_DIR/redis.pid")" 2>/dev/null || true
  fi
  rm -rf "$KNEERESET_SERVICES_DIR"
}
