#!/bin/sh
# Checks the committed macOS and Windows tables against the headers they were generated from:
# installs what a check needs (zig from npm ~72 MB, mingw-w64 from apt ~230 MB, into
# ${XDG_CACHE_HOME:-~/.cache}/weft and the system), each within a time bound, then runs the
# generator's --check. A lane whose toolchain cannot be had is SKIPPED with the reason; a
# difference between the table and the headers FAILS (exit 1, with the diff).
#   tools/check-headers.sh                 both lanes
#   WEFT_HEADERS_TIMEOUT=600 (seconds per lane, install included)
set -u
cd "$(dirname "$0")/.."
limit=${WEFT_HEADERS_TIMEOUT:-600}
bound=; command -v timeout >/dev/null && bound="timeout $limit"
status=0
lane() { # name generator table
    start=$(date +%s)
    $bound python3 "$2" --check "$3" >"${TMPDIR:-/tmp}/weft-headers-$1.out" 2>&1
    rc=$?
    took=$(( $(date +%s) - start ))
    case $rc in
        0) echo "headers $1: RAN, $3 equals the headers (${took}s)" ;;
        77) echo "headers $1: SKIPPED, $(grep 'toolchain unavailable' "${TMPDIR:-/tmp}/weft-headers-$1.out" | tail -1)" ;;
        124) echo "headers $1: SKIPPED, installing or checking took over ${limit}s"; tail -5 "${TMPDIR:-/tmp}/weft-headers-$1.out" ;;
        *) echo "headers $1: FAILED (exit $rc)"; cat "${TMPDIR:-/tmp}/weft-headers-$1.out"; status=1 ;;
    esac
}
if ! command -v python3 >/dev/null; then
    echo "headers: SKIPPED, no python3"
    exit 0
fi
lane macos tools/gen-darwin-constants.py impl-macos/src/main/java/dev/weft/macos/DarwinConstants.java
lane windows tools/gen-winsock-constants.py impl-windows/src/main/java/dev/weft/windows/WinsockConstants.java
exit $status
