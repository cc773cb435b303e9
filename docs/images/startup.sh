#!/bin/sh
# Times whole processes of `scan --demo` (JVM start to exit), RUNS times (default 11) after one run not counted,
# and prints every time and the median. Run from the project folder after `mvn -B -q package -DskipTests`, on a
# machine doing nothing else. TABLEWARDEN names the way to start the tool (default: the jar with the launcher
# flags of the README); a data folder of its own is used and removed.
set -eu
tw=${TABLEWARDEN:-java -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=target/tablewarden.jsa -jar target/tablewarden.jar}
runs=${RUNS:-11}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
export TABLEWARDEN_DATA_DIR="$data"
$tw scan --demo >/dev/null 2>&1 || true
times=""
i=0
while [ "$i" -lt "$runs" ]; do
  start=$(date +%s%N)
  $tw scan --demo >/dev/null 2>&1 || true
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  times="$times $ms"
  i=$((i + 1))
done
# one time per line, in order
sorted=$(echo "$times" | tr ' ' '\n' | sed '/^$/d' | sort -n)
median=$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")
echo "scan --demo, $runs runs (ms):$times"
echo "median: $median ms (min $(echo "$sorted" | head -1), max $(echo "$sorted" | tail -1))"
