#!/usr/bin/env bash
# Checker throughput side by side (issue 15, item 4): the same legacy files, on the same machine, in one run —
#   1. `java -jar target/zhibiao.jar check FILES…` (the command line: JVM start, parallel parse, streamed JSON),
#   2. bench/reference_check.py (a naive single-threaded Python script with the regex-expressible rules),
#   3. the check command in-process, warmed up (CheckThroughputBenchmark).
# Usage: bench/check-throughput.sh [COPIES]   (COPIES of each corpus/declarations/raw file; default 200)
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-200}
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for f in corpus/declarations/raw/*.txt; do
  for i in $(seq 1 "$copies"); do cp "$f" "$work/$(basename "$f" .txt)_$i.txt"; done
done
files=("$work"/*.txt)
per_copy=$(ZHIBIAO_DATA_DIR="$work/data" "$java" -jar target/zhibiao.jar parse corpus/declarations/raw/*.txt 2>/dev/null \
  | python3 -c 'import json,sys; print(sum(len(d["indicators"]) for d in json.load(sys.stdin)))')
indicators=$((per_copy * copies))
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "input: ${#files[@]} legacy files, $indicators indicators (as the Java parser reads them)"

# The jar keeps a class-data-sharing archive per command (README, 启动): the first check of a new jar writes it.
ZHIBIAO_DATA_DIR="$work/data" "$java" -jar target/zhibiao.jar check "${files[0]}" > /dev/null

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

[ -f target/cp.txt ] || ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
"$java" -cp target/test-classes:target/classes:$(cat target/cp.txt) cn.zhibiao.cli.CheckThroughputBenchmark "${files[@]}"
