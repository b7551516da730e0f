# Sourced by the benchmark scripts (with $root set to the project folder).
# Writes a section of docs/benchmarks.md (between its markers), replacing an older run of the same name.
write_section() {
  local name=$1 body=$2 file="$root/docs/benchmarks.md"
  [ -f "$file" ] || printf '# Benchmarks\n\nFigures written by the scripts in `bench/`; each section is replaced when its script runs again.\n' > "$file"
  python3 - "$file" "$name" "$body" <<'PY'
import sys, re
path, name, body = sys.argv[1:4]
text = open(path).read()
start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
section = f"{start}\n{body.rstrip()}\n{end}"
if start in text:
    text = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda m: section, text, flags=re.S)
else:
    text = text.rstrip() + "\n\n" + section + "\n"
open(path, "w").write(text)
PY
}
