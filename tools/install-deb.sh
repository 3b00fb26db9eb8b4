#!/bin/sh
# Installs the Debian packages named (if missing) within a time bound; prints SKIPPED with the
# reason and exits 0 where apt cannot (not Debian, no root, no network), so the build goes on
# and the checks that need the package skip with their own reason.
#   tools/install-deb.sh PACKAGE...      WEFT_APT_TIMEOUT=300 (seconds per apt step)
# One home for this: .ci/run and tools/wine-lane.sh install through it.
set -u
limit=${WEFT_APT_TIMEOUT:-300}
bound=; command -v timeout >/dev/null && bound="timeout $limit"
need=
for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || need="$need $p"
done
[ -z "$need" ] && exit 0
command -v apt-get >/dev/null || { echo "install-deb: SKIPPED,$need: no apt-get (Debian packages)"; exit 0; }
sudo=; [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
log=${TMPDIR:-/tmp}/weft-install-deb.out
echo "install-deb: installing$need (Debian)"
# shellcheck disable=SC2086
if ! $bound $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >"$log" 2>&1; then
    $bound $sudo apt-get update -qq >>"$log" 2>&1
    # shellcheck disable=SC2086
    $bound $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >>"$log" 2>&1 \
        || echo "install-deb: SKIPPED,$need: $(tail -1 "$log")"
fi
exit 0
