# Sourced by the benchmarks that run on the scale-out topology, with $root and $work set and the servers' P2P_*
# settings exported: start_scale_out starts scale-out/start.sh's topology in $work/scale-out (port offset 800),
# stops it when the script exits, and signs a bench user in: $a and $b are server-a's and server-b's addresses,
# $auth the user's header (the first account, so the admin).
start_scale_out() {
  export P2P_SCALE_OUT_DIR="$work/scale-out" P2P_SCALE_OUT_OFFSET=800
  "$root/scale-out/start.sh" --fresh --no-build > "$work/scale-out.log" 2>&1 || { tail -20 "$work/scale-out.log"; exit 1; }
  trap '"$root/scale-out/stop.sh" > /dev/null 2>&1 || true' EXIT
  a=http://localhost:8880
  b=http://localhost:8980
  local login='{"username":"bench","email":"bench@localhost","password":"bench-password-not-secret"}'
  curl -s -o /dev/null -H 'Content-Type: application/json' -d "$login" "$a/api/auth/register"
  auth="Authorization: Bearer $(curl -s -H 'Content-Type: application/json' -d "$login" "$a/api/auth/login" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"
}
