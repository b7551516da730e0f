# The scale-out topology's settings, shared by start.sh and stop.sh (sourced, not run). Every one is an
# environment variable with a default; see scale-out/README.md.
scale_out_home=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
project_root=$(cd "$scale_out_home/.." && pwd)

run_dir=${P2P_SCALE_OUT_DIR:-$scale_out_home/run}
mkdir -p "$run_dir"
run_dir=$(cd "$run_dir" && pwd)
# Servers: server-a, server-b, ...; server-a on port offset P2P_SCALE_OUT_OFFSET, each next one 100 further.
servers=${P2P_SCALE_OUT_SERVERS:-2}
first_offset=${P2P_SCALE_OUT_OFFSET:-400}
pg_port=${P2P_SCALE_OUT_PG_PORT:-$((5432 + first_offset))}
broker_port=${P2P_SCALE_OUT_BROKER_PORT:-$((61616 + first_offset))}
wildfly_home=${P2P_SCALE_OUT_WILDFLY:-$project_root/jms-config/target/wildfly}
ear=${P2P_SCALE_OUT_EAR:-$project_root/ear/target/p2p-storage.ear}
artemis_version=2.40.0
export P2P_NODES=${P2P_NODES:-5}
export P2P_BROKER_USER=${P2P_BROKER_USER:-p2p}
export P2P_DB_USER=${P2P_DB_USER:-p2p}

server_name() { # 0 -> server-a
  printf 'server-%b' "\\x$(printf '%x' $((97 + $1)))"
}

server_offset() {
  echo $((first_offset + 100 * $1))
}

# The nodes server i of n hosts: P2P_NODES split in ranges, the first servers taking one more when it does not
# divide (5 nodes on 2 servers: Node_01-Node_03, Node_04-Node_05).
hosted_nodes() {
  local i=$1 n=$servers nodes=$P2P_NODES
  local base=$((nodes / n)) extra=$((nodes % n))
  local from=$((i * base + (i < extra ? i : extra) + 1))
  local count=$((base + (i < extra ? 1 : 0)))
  if [ "$count" -le 0 ]; then
    echo ""
  elif [ "$count" -eq 1 ]; then
    printf 'Node_%02d' "$from"
  else
    printf 'Node_%02d-Node_%02d' "$from" $((from + count - 1))
  fi
}

as_root() { [ "$(id -u)" = 0 ]; }

# PostgreSQL refuses to run as root: its programs run as the postgres user then.
pg() {
  local program=$1
  shift
  if as_root; then
    runuser -u postgres -- "$pg_bin/$program" "$@"
  else
    "$pg_bin/$program" "$@"
  fi
}

# The newest installed PostgreSQL's programs (Debian keeps them in /usr/lib/postgresql/<major>/bin).
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)

# A secret kept in the run folder, made once: the broker's and the database's passwords unless given.
secret() {
  local file="$run_dir/secrets/$1"
  if [ ! -s "$file" ]; then
    mkdir -p "$run_dir/secrets"
    chmod 700 "$run_dir/secrets"
    (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$file")
  fi
  cat "$file"
}

# Waits until a pid has ended, up to $2 seconds; returns 1 if it is still alive.
wait_gone() {
  local pid=$1 seconds=$2
  for _ in $(seq 1 $((seconds * 5))); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.2
  done
  return 1
}
