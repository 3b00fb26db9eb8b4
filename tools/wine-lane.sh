#!/bin/sh
# The Windows provider's C twin under Wine: builds tools/winsock-twin.c with Debian's
# mingw-w64 and runs it in a 64-bit Wine prefix (loopback only). The twin makes the Winsock
# calls of impl-windows (WindowsProvider, WsaPollMechanism) in the same order; no Windows JVM
# can be had here, so this is how those call sequences run on this machine.
#   tools/wine-lane.sh            build and run the twin; prints RAN, SKIPPED (reason) or FAILED
#   WEFT_WINE_TIMEOUT=900         seconds for installing and running, in all
# Installs what it lacks from Debian (wine, wine64 ~650 MB; gcc-mingw-w64-x86-64-win32 ~230 MB,
# which tools/check-headers.sh installs too); the prefix and the .exe are cached under
# ${XDG_CACHE_HOME:-$HOME/.cache}/weft/wine. Idempotent; a second run takes seconds.
set -u
cd "$(dirname "$0")/.."
cache=${XDG_CACHE_HOME:-$HOME/.cache}/weft/wine
limit=${WEFT_WINE_TIMEOUT:-900}
start=$(date +%s)
bound=; command -v timeout >/dev/null && bound="timeout $limit"
log=${TMPDIR:-/tmp}/weft-wine-lane.out
skip() { echo "wine lane: SKIPPED, $*"; exit 0; }

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'; }
WEFT_APT_TIMEOUT=$limit tools/install-deb.sh wine wine64 gcc-mingw-w64-x86-64-win32
for p in wine wine64 gcc-mingw-w64-x86-64-win32; do
    installed "$p" || skip "$p could not be installed (Debian packages; tools/install-deb.sh said why above)"
done
command -v wine >/dev/null || skip "wine is installed but not on PATH"

mkdir -p "$cache"
export WINEPREFIX="$cache/prefix" WINEARCH=win64 WINEDEBUG=${WINEDEBUG:--all}
export WINEDLLOVERRIDES="mscoree,mshtml="   # no Mono/Gecko download prompts
if [ ! -e "$WINEPREFIX/system.reg" ]; then
    echo "wine lane: creating the Wine prefix $WINEPREFIX"
    $bound wine wineboot --init >"$log" 2>&1 || true
    wineserver -w 2>/dev/null || true
    [ -e "$WINEPREFIX/system.reg" ] || skip "wineboot could not create a prefix: $(tail -1 "$log")"
fi

exe="$cache/winsock-twin.exe"
if [ ! -e "$exe" ] || [ tools/winsock-twin.c -nt "$exe" ]; then
    x86_64-w64-mingw32-gcc -O1 -Wall -Werror -o "$exe" tools/winsock-twin.c -lws2_32 \
        || { echo "wine lane: FAILED, tools/winsock-twin.c does not build"; exit 1; }
fi
$bound wine "$exe" >"$log" 2>&1
rc=$?
wineserver -w 2>/dev/null || true
took=$(( $(date +%s) - start ))
cat "$log"
case $rc in
    0) echo "wine lane: RAN, the twin passed under $(wine --version 2>/dev/null) (${took}s)" ;;
    124) echo "wine lane: FAILED, over ${limit}s"; exit 1 ;;
    *) echo "wine lane: FAILED (exit $rc)"; exit 1 ;;
esac
