#!/usr/bin/env bash
# tools/lane-java.sh JAVA [JVM-ARGS...] MAIN [ARGS...]
#
# Runs the kernel lane's test JVM inside the guest (the -Pkernel-lane profile calls it
# through tools/kernel-lane.sh) and runs it again, up to three times, in one case only: the
# JVM died of a signal (exit 134, an hs_err file written) with the problematic frame in the
# JDK's own Java code (java.*, jdk.*, sun.*, interpreted or compiled, but not the code that
# touches native memory for weft: FFM, Unsafe, java.nio). QEMU's software emulation (TCG)
# crashes the JVM so, always early in its life: SIGSEGV at pc=0xfffffffffffe0753 in
# interpreted String.getBytes while picocli parsed options, in C1-compiled java.util.regex
# code, at the first instruction of C1-compiled Reference.reachabilityFence (3 of ~18 lane runs
# with a host thread per vCPU; see KERNEL_LANE_TCG_THREAD). A crash anywhere else (native code,
# weft's classes, JNA, a stub) fails the lane at once, as does a fourth crash.
# The crash report's head is printed each time.
set -uo pipefail
[[ $# -ge 2 ]] || { sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 2; }
java=$1; shift
dir=$(mktemp -d "${TMPDIR:-/tmp}/lane-java.XXXXXX")
for attempt in 1 2 3 4; do
  "$java" -XX:ErrorFile="$dir/hs_err_%p.log" "$@"
  rc=$?
  report=$(ls "$dir"/hs_err_*.log 2>/dev/null | head -n 1)
  [[ $rc == 134 && -n $report ]] || exit "$rc"
  frame=$(grep -A1 '^# Problematic frame:' "$report" | tail -n 1)
  echo "lane-java: the JVM crashed (attempt $attempt); its report's head:" >&2
  head -n 20 "$report" >&2
  # "j  java.lang.String.getBytes(...)" (interpreted) or "J 761 c1 java.util.regex.Pattern..." (compiled).
  # Not the JDK code that touches native memory for weft (FFM, Unsafe, direct buffers): a bad
  # address weft passed would crash there.
  if [[ $attempt -lt 4 && $frame =~ ^#\ +(j|J\ +[0-9]+\ +c[12])\ +(java|jdk|sun)\. \
        && ! $frame =~ (jdk\.internal\.misc|jdk\.internal\.foreign|java\.lang\.foreign|java\.nio)\. ]]; then
    echo "lane-java: the frame is the JDK's own Java code ($frame): the emulated CPU, not weft; running the JVM again" >&2
    rm -f "$report"
    continue
  fi
  exit "$rc"
done
