#!/usr/bin/env bash
# weft's benchmark suite in one command: builds jmh/target/benchmarks.jar and the C
# reference, runs everything unpinned and then pinned to one CPU (taskset -c 0), and prints
# a summary (weft beside the JDK in the same run, the C reference, CPU time per operation).
#
#   bench/run.sh                 the whole suite, about 9 minutes on 2 cores
#   bench/run.sh 'PingPong|Bulk' only the JMH benchmarks matching the regex (C and
#                                lateness and sparse-echo runs too unless
#                                BENCH_SKIP=c,lateness,sparse)
#
# Environment:
#   BENCH_JMH_OPTS  JMH iteration options (default: -wi 2 -i 3 -w 1s -r 2s -f 1)
#   BENCH_PASSES    "unpinned pinned" (default), or one of them
#   BENCH_SKIP      comma list of parts to skip: c, lateness, sparse, wrk, jmh, build
#                   (wrk: the examples' HTTP echo on weft's StreamServer and on a JDK
#                   ServerSocket twin under Debian's wrk; skipped with a note if wrk is missing)
#   BENCH_OUT       results directory (default bench/results, not committed)
#   BENCH_EXPERIMENTS=1  also, per pass, 64 B TCP ping-pong for weft, weft-spin (a spin
#                   before parking, emulated above the API) and the JDK side by side, weft
#                   with its poller spinning (-Dweft.poller.spinMicros=50), and the JDK with
#                   platform poller threads (-Djdk.pollerMode=1, weft's first architecture):
#                   about 50 s more per pass
#   BENCH_FFM_JNA=1 also, per pass, weft on its default binding (FFM on JDK 22+) beside weft
#                   on JNA (impl=weft-jna) and the JDK in one JMH run: (h), 64 B TCP, AF_UNIX
#                   and UDP ping-pong, echo over 1,000 connections (about 4 min more per pass)
#   BENCH_JVM_ARGS  extra flags for every benchmark JVM (JMH forks get them through
#                   -jvmArgsPrepend), e.g. a weft tuning property to compare against a run without
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

FILTER=${1:-.}
JMH_OPTS=${BENCH_JMH_OPTS:--wi 2 -i 3 -w 1s -r 2s -f 1}
PASSES=${BENCH_PASSES:-unpinned pinned}
SKIP=,${BENCH_SKIP:-},
OUT=${BENCH_OUT:-$ROOT/bench/results}
C_SECONDS=${BENCH_C_SECONDS:-1.5}

# The JDK ./mvnw would use (a JDK 21+ found by itself); the script leaves globbing off.
. "$ROOT/.mvn/jdk21.sh"
set +f
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAR=$ROOT/jmh/target/benchmarks.jar
REFBENCH=$ROOT/bench/build/refbench
# shellcheck disable=SC2206
EXTRA=(${BENCH_JVM_ARGS:-})
JVM_FLAGS=(--enable-native-access=ALL-UNNAMED -Xms1g -Xmx1g "${EXTRA[@]}")
PREPEND=()
if [ ${#EXTRA[@]} -gt 0 ]; then PREPEND=(-jvmArgsPrepend "${EXTRA[*]}"); fi

skipped() { [[ $SKIP == *",$1,"* ]]; }

mkdir -p "$OUT"
start=$(date +%s)

if ! skipped build; then
  echo "== build"
  ./mvnw -q -pl jmh -am package -DskipTests
  mkdir -p "$ROOT/bench/build"
  gcc -O2 -Wall -pthread -o "$REFBENCH" "$ROOT/bench/c/refbench.c"
fi

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "kernel: $(uname -srm)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') x $(nproc)"
  echo "memory: $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
  echo "java: $("$JAVA" -version 2>&1 | head -n 1) ($("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.vm.version = //p'))"
  echo "gcc: $(gcc -dumpfullversion 2>/dev/null || gcc -dumpversion)"
  echo "jmh options: $JMH_OPTS"
  echo "extra JVM flags: ${BENCH_JVM_ARGS:-none}"
  echo "git: $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
} > "$OUT/machine.txt"

# Load average every 5 s while the suite runs: the machine may be shared, and the summary
# says how busy it was.
: > "$OUT/loadavg.txt"
( while :; do echo "$(date +%s) $(cut -d' ' -f1-3 /proc/loadavg)"; sleep 5; done ) >> "$OUT/loadavg.txt" &
SAMPLER=$!
trap 'kill "$SAMPLER" 2>/dev/null || true' EXIT

for pass in $PASSES; do
  case $pass in
    unpinned) PIN=() ;;
    pinned) PIN=(taskset -c 0) ;;
    *) echo "unknown pass $pass" >&2; exit 2 ;;
  esac
  echo "== $pass"
  echo "$pass $(date +%s) start" >> "$OUT/loadavg.txt"
  results=$OUT/other-$pass.txt
  : > "$results"
  if ! skipped c; then
    echo "-- C reference (blocking calls, two threads)"
    for args in "pingpong tcp 64" "pingpong tcp 16384" "pingpong unix 64" "bulk tcp 65536" "bulk unix 65536"; do
      # shellcheck disable=SC2086
      "${PIN[@]}" "$REFBENCH" $args "$C_SECONDS" | tee -a "$results"
    done
  fi
  if ! skipped lateness; then
    echo "-- timeout lateness, 10,000 parked reads"
    for impl in weft jdk; do
      # AlwaysPreTouch: heap pages resident from the start, so resident-set growth is native memory
      "${PIN[@]}" "$JAVA" "${JVM_FLAGS[@]}" -XX:+AlwaysPreTouch -cp "$JAR" dev.weft.jmh.TimeoutLateness "$impl" | tee -a "$results"
    done
  fi
  if ! skipped sparse; then
    echo "-- sparse echo latency, 100 connections, random gaps"
    for impl in weft jdk; do
      "${PIN[@]}" "$JAVA" "${JVM_FLAGS[@]}" -cp "$JAR" dev.weft.jmh.SparseEcho "$impl" 100 5000 4 | tee -a "$results"
    done
  fi
  if ! skipped wrk; then
    if command -v wrk > /dev/null; then
      for conns in 50 500 2000; do
        echo "-- HTTP echo under wrk, $conns connections, 5 s"
        for impl in weft jdk; do
          "${PIN[@]}" "$JAVA" "${JVM_FLAGS[@]}" -cp "$JAR" dev.weft.jmh.WrkEcho "$impl" "$conns" 5 | grep '^RESULT' | tee -a "$results"
        done
      done
    else
      echo "-- wrk not installed (apt-get install wrk): HTTP echo skipped"
    fi
  fi
  if ! skipped jmh; then
    echo "-- JMH ($JMH_OPTS) -> $OUT/jmh-$pass.log"
    # shellcheck disable=SC2086
    "${PIN[@]}" "$JAVA" "${JVM_FLAGS[@]}" -jar "$JAR" "$FILTER" $JMH_OPTS "${PREPEND[@]}" \
      -prof dev.weft.jmh.CpuTime -rf json -rff "$OUT/jmh-$pass.json" > "$OUT/jmh-$pass.log" 2>&1 \
      || { echo "JMH failed, see $OUT/jmh-$pass.log" >&2; tail -n 30 "$OUT/jmh-$pass.log" >&2; exit 1; }
    sed -n '/^Benchmark /,$p' "$OUT/jmh-$pass.log" | grep -v ':p0\.\(00\|90\|999\|9999\)\|:p1\.00' || true
  fi
  if [ -n "${BENCH_EXPERIMENTS:-}" ]; then
    echo "-- experiments -> $OUT/exp-*-$pass.log"
    # shellcheck disable=SC2086
    "${PIN[@]}" "$JAVA" "${JVM_FLAGS[@]}" -jar "$JAR" 'PingPong.Tcp' -p bytes=64 -p impl=weft,weft-spin,jdk \
      $JMH_OPTS "${PREPEND[@]}" -prof dev.weft.jmh.CpuTime -rf json -rff "$OUT/exp-spin-$pass.json" \
      > "$OUT/exp-spin-$pass.log" 2>&1 || { echo "experiment failed, see $OUT/exp-spin-$pass.log" >&2; exit 1; }
    # shellcheck disable=SC2086
    "${PIN[@]}" "$JAVA" "${JVM_FLAGS[@]}" -jar "$JAR" 'PingPong.Tcp' -p bytes=64 -p impl=weft \
      $JMH_OPTS -jvmArgsPrepend "-Dweft.poller.spinMicros=50 ${EXTRA[*]}" -prof dev.weft.jmh.CpuTime -rf json \
      -rff "$OUT/exp-pspin-$pass.json" > "$OUT/exp-pspin-$pass.log" 2>&1 \
      || { echo "experiment failed, see $OUT/exp-pspin-$pass.log" >&2; exit 1; }
    # shellcheck disable=SC2086
    "${PIN[@]}" "$JAVA" "${JVM_FLAGS[@]}" -jar "$JAR" 'PingPong.Tcp' -p bytes=64 -p impl=jdk \
      $JMH_OPTS -jvmArgsPrepend "-Djdk.pollerMode=1 ${EXTRA[*]}" -prof dev.weft.jmh.CpuTime -rf json \
      -rff "$OUT/exp-pm1-$pass.json" > "$OUT/exp-pm1-$pass.log" 2>&1 \
      || { echo "experiment failed, see $OUT/exp-pm1-$pass.log" >&2; exit 1; }
  fi
  if [ -n "${BENCH_FFM_JNA:-}" ]; then
    echo "-- FFM vs JNA -> $OUT/ffm-jna-$pass.log"
    # shellcheck disable=SC2086
    "${PIN[@]}" "$JAVA" "${JVM_FLAGS[@]}" -jar "$JAR" 'NonBlocking|PingPong.Tcp|PingPong.Unix|Udp|Echo' \
      -p impl=weft,weft-jna,jdk -p bytes=64 -p burst=1 -p connections=1000 $JMH_OPTS "${PREPEND[@]}" \
      -prof dev.weft.jmh.CpuTime -rf json -rff "$OUT/ffm-jna-$pass.json" > "$OUT/ffm-jna-$pass.log" 2>&1 \
      || { echo "FFM vs JNA failed, see $OUT/ffm-jna-$pass.log" >&2; exit 1; }
    sed -n '/^Benchmark /,$p' "$OUT/ffm-jna-$pass.log" | grep -v ':p0\.\(00\|90\|999\|9999\)\|:p1\.00' || true
  fi
  echo "$pass $(date +%s) end" >> "$OUT/loadavg.txt"
done

kill "$SAMPLER" 2>/dev/null || true
echo "total: $(( $(date +%s) - start )) s" >> "$OUT/machine.txt"
echo "== summary ($(( $(date +%s) - start )) s)"
python3 "$ROOT/bench/summary.py" "$OUT" | tee "$OUT/summary.md"
