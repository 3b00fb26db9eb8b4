#!/usr/bin/env bash
# tools/lane-java.sh JAVA [JVM-ARGS...] MAIN [ARGS...]
#
# Runs the kernel lane's test JVM inside the guest (the -Pkernel-lane profile calls it
# through tools/kernel-lane.sh) and runs it once more in one case only: the JVM died of a
# signal (exit 134, an hs_err file written) with the problematic frame in the JDK's own Java
# code (java.*, jdk.*, sun.*). QEMU's software CPU emulation (TCG) has crashed the JVM so,
# before any test ran, e.g. SIGSEGV at pc=0xfffffffffffe0753 in String.getBytes while
# picocli parsed the launcher's options. A crash anywhere else (native code, weft's classes,
# JNA, a stub) fails the lane at once, as does a second crash: nothing weft does is retried.
# The crash report's head is printed either way.
set -uo pipefail
[[ $# -ge 2 ]] || { sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 2; }
java=$1; shift
dir=$(mktemp -d "${TMPDIR:-/tmp}/lane-java.XXXXXX")
for attempt in 1 2; do
  "$java" -XX:ErrorFile="$dir/hs_err_%p.log" "$@"
  rc=$?
  report=$(ls "$dir"/hs_err_*.log 2>/dev/null | head -n 1)
  [[ $rc == 134 && -n $report ]] || exit "$rc"
  frame=$(grep -A1 '^# Problematic frame:' "$report" | tail -n 1)
  echo "lane-java: the JVM crashed (attempt $attempt); its report's head:" >&2
  head -n 20 "$report" >&2
  if [[ $attempt == 1 && $frame =~ ^#\ +[jJ]\ +(java|jdk|sun)\. ]]; then
    echo "lane-java: the frame is the JDK's own Java code ($frame): the emulated CPU, not weft; running the JVM once more" >&2
    rm -f "$report"
    continue
  fi
  exit "$rc"
done
