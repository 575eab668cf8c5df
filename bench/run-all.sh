#!/usr/bin/env bash
# Every issue-15 figure in one run, for an idle machine (BENCHMARKS.md, top): jar size, CLI start-up, checker
# throughput beside the Python reference, server start-up, /api/similar under 20 clients over 10,000 declarations,
# retrieval at 10,000 and 100,000 declarations with real quantised embeddings. Each figure is printed with the load
# average at the time; the Java harnesses also append theirs to target/benchmark/results.md.
# Usage: bench/run-all.sh [quick]   (quick: 1,000 declarations instead of 10,000/100,000, 20 s of load)
# Takes about an hour on an idle 2-core machine, most of it embedding the 100,000 synthetic declarations.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java=$JAVA_HOME/bin/java
load() { cut -d' ' -f1-3 /proc/loadavg; }
quick=${1:-}
similar_size=10000; retrieval_sizes="10000 100000"; seconds=60
if [ "$quick" = quick ]; then similar_size=1000; retrieval_sizes=1000; seconds=20; fi

echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $($java -version 2>&1 | head -1)"
./mvnw -q -o package -DskipTests
./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
# A copy the coordinator's next build does not overwrite while the server runs from it.
cp target/zhibiao.jar target/zhibiao-bench.jar
cp="target/classes:target/test-classes:$(cat target/bench.cp)"

echo "jar: $(stat -c %s target/zhibiao.jar) bytes"

echo "### check start-up, one form (load $(load))"
form=corpus/declarations/raw/001_127bfc3aaa3161d0.txt
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
ZHIBIAO_DATA_DIR=$data $java -jar target/zhibiao-bench.jar check $form > /dev/null   # writes the check archive
for run in 1 2 3; do
  ZHIBIAO_DATA_DIR=$data /usr/bin/time -f "check (archived classes): %e s wall, %U s user, %S s sys; load $(load)" \
    $java -jar target/zhibiao-bench.jar check $form > /dev/null
done
for run in 1 2 3; do
  ZHIBIAO_DATA_DIR=$data ZHIBIAO_CLASS_DATA_SHARING=false /usr/bin/time \
    -f "check (in the jar's own JVM, as before): %e s wall, %U s user, %S s sys; load $(load)" \
    $java -jar target/zhibiao-bench.jar check $form > /dev/null
done

echo "### checker throughput beside the Python reference"
bench/check-throughput.sh 100

echo "### server start-up"
$java -Dbench.jar=target/zhibiao-bench.jar -cp "$cp" cn.zhibiao.retrieval.ServerBenchmark startup

echo "### /api/similar, 20 clients, $similar_size declarations"
$java -Dbench.jar=target/zhibiao-bench.jar -Dbench.seconds=$seconds -cp "$cp" \
  cn.zhibiao.retrieval.ServerBenchmark load $similar_size

echo "### retrieval, $retrieval_sizes declarations"
# shellcheck disable=SC2086
$java -Xmx4g --add-modules jdk.incubator.vector -cp "$cp" cn.zhibiao.retrieval.RetrievalBenchmark $retrieval_sizes
echo "done, load $(load)"
