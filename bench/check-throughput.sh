#!/usr/bin/env bash
# Checker throughput side by side (issue 15, item 4): the same legacy files, on the same machine, in one run —
#   1. `java -jar target/zhibiao.jar check FILES…` (the command line: JVM start, parallel parse, streamed JSON),
#   2. bench/reference_check.py (a naive single-threaded Python script with the regex-expressible rules),
#   3. the check command in-process, warmed up (CheckThroughputBenchmark).
# Twice: over copies of the seed exports (corpus/declarations/raw, whose layouts the reference follows only in part:
# it reads about a third of their rows), and over the real-world dev declarations rendered by bench/text_forms.py
# into the plain layout both read completely (like for like: the reference skips only rows with an empty 指标值).
# Usage: bench/check-throughput.sh [SEED_COPIES] [FORM_COPIES]   (defaults 100 → 500 files, 170 → 5,100 files)
set -euo pipefail
cd "$(dirname "$0")/.."
seed_copies=${1:-100}
form_copies=${2:-170}
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -f target/bench.cp ] || ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp

side_by_side() {
  local label=$1; shift
  local files=("$@")
  local indicators
  indicators=$(ZHIBIAO_DATA_DIR="$work/data" "$java" -jar target/zhibiao.jar parse "${files[@]}" 2>/dev/null \
    | python3 -c 'import json,sys; print(sum(len(d["indicators"]) for d in json.load(sys.stdin)))')
  echo "== $label"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "input: ${#files[@]} legacy files, $indicators indicators (as the Java parser reads them)"

  # The jar keeps a class-data-sharing archive per command (README, 启动): the first check of a new jar writes it.
  ZHIBIAO_DATA_DIR="$work/data" "$java" -jar target/zhibiao.jar check "${files[0]}" > /dev/null

  local start java_s python python_s python_rows
  start=$(date +%s.%N)
  ZHIBIAO_DATA_DIR="$work/data" /usr/bin/time -o "$work/java.time" -f '%U %S' \
    "$java" -jar target/zhibiao.jar check "${files[@]}" > "$work/java.json"
  java_s=$(echo "$(date +%s.%N) - $start" | bc)
  echo "java -jar check:   ${java_s}s  $(echo "$indicators / $java_s" | bc) indicators/s  $(echo "${#files[@]} / $java_s" | bc) files/s  CPU $(awk '{print $1 + $2}' "$work/java.time")s  load $(cut -d' ' -f1-3 /proc/loadavg)"

  start=$(date +%s.%N)
  python=$(/usr/bin/time -o "$work/python.time" -f '%U %S' python3 bench/reference_check.py "${files[@]}")
  python_s=$(echo "$(date +%s.%N) - $start" | bc)
  python_rows=$(echo "$python" | python3 -c 'import json,sys; print(json.load(sys.stdin)["indicators"])')
  echo "python reference:  ${python_s}s  $(echo "$indicators / $python_s" | bc) indicators/s  $(echo "${#files[@]} / $python_s" | bc) files/s  CPU $(awk '{print $1 + $2}' "$work/python.time")s  load $(cut -d' ' -f1-3 /proc/loadavg) (it finds $python_rows rows itself)"
  echo "ratio (python time / java time): $(echo "scale=2; $python_s / $java_s" | bc)"

  "$java" -cp target/test-classes:target/classes:$(cat target/bench.cp) cn.zhibiao.cli.CheckThroughputBenchmark "${files[@]}"
}

mkdir "$work/seeds" "$work/forms"
for f in corpus/declarations/raw/*.txt; do
  for i in $(seq 1 "$seed_copies"); do cp "$f" "$work/seeds/$(basename "$f" .txt)_$i.txt"; done
done
side_by_side "seed exports (the reference reads a third of their rows)" "$work"/seeds/*.txt
python3 bench/text_forms.py "$work/forms" "$form_copies" src/test/resources/realworld/0*.json > /dev/null
side_by_side "real-world declarations in the plain layout (like for like)" "$work"/forms/*.txt
