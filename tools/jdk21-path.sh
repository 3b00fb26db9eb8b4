#!/bin/sh
# The JDK 21 path, as far as this machine can run it (Debian 12 packages no JDK 21, and no
# JDK 21 can be fetched here): builds a clean copy of the checkout's HEAD without the
# release-22 classes (`-P!ffm`, exactly what ./mvnw builds on a JDK 21: the ffm profile is
# the only difference, see pom.xml), checks that no java.lang.foreign class is in it, and
# runs the selftest and the demo from that build. NativeBinding then finds no FFM binding,
# the case a JDK 21 reaches earlier by its version check, and every call goes through JNA:
# the selftest's `native` line must say so.
#   tools/jdk21-path.sh            (under a minute with ~/.m2 warm; leaves the checkout's target/ alone)
# What it does not cover: the JDK 21 runtime itself (its virtual-thread scheduler, monitors
# that pin: weft's code has no synchronized block). The main sources are compiled with
# --release 21 in every build, so no API newer than 21 can be used outside src/main/java22.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/weft-jdk21.XXXXXX")
trap 'rm -rf "$work"' EXIT
git clone -q "$root" "$work/weft"
cd "$work/weft"
export MAVEN_ARGS="${MAVEN_ARGS:--B -ntp}"
./mvnw -q -P'!ffm' -pl loom-tests,examples -am package -DskipTests
ffm=$(find impl-posix/target/classes -name 'Ffm*.class' | head -1)
if [ -n "$ffm" ]; then
    echo "jdk21-path: FAILED: the build without the ffm profile still has $ffm"
    exit 1
fi
out=$work/selftest.out
./mvnw -q -P'!ffm' -pl loom-tests -am verify -DskipTests -Pselftest >"$out" 2>&1 || { cat "$out"; echo "jdk21-path: FAILED: the selftest"; exit 1; }
grep -E '^  native ' "$out" || true
if ! grep -Eq '^  native .*JNA .*no FFM binding' "$out"; then
    cat "$out"
    echo "jdk21-path: FAILED: the selftest's native line does not name JNA for a build without FFM"
    exit 1
fi
./mvnw -q -P'!ffm' -pl examples -am verify -DskipTests -Pdemo >"$work/demo.out" 2>&1 || { cat "$work/demo.out"; echo "jdk21-path: FAILED: the demo"; exit 1; }
tail -1 "$work/demo.out"
echo "jdk21-path: PASSED (a build without release-22 classes: selftest and demo on JNA)"
