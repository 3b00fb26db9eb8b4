#!/usr/bin/env bash
# tools/kernel-lane.sh CMD [ARGS...]
#
# Runs CMD in a throwaway Linux guest under QEMU whose kernel has the address families this
# machine's kernel may lack (AF_CAN with vcan0/vcan1 up, AF_ALG, AF_TIPC, AF_VSOCK with
# vsock_loopback, AF_QIPCRTR, Bluetooth with hci_vhci, RDS ...): Debian's stock kernel and
# its modules, this machine's root filesystem as the guest's root (read-only 9p under a
# tmpfs overlay: the guest may write anywhere, those writes vanish), and the current
# directory shared read-write at the same path, so what CMD writes there comes back. CMD's
# stdout/stderr come back on ours; its exit code is ours. No network card: the guest has
# only its own loopback. In the guest /usr/bin comes first on PATH (a pyenv shim costs
# seconds per python3 under emulation) and WEFT_KERNEL_LANE=1 is set.
#
# Installs what it lacks (Debian packages qemu-system-x86 busybox-static cpio kmod iproute2;
# the kernel package, when not installed, is fetched with apt-get download and unpacked into
# the cache, so nothing lands in /boot or /lib/modules); caches under
# ${XDG_CACHE_HOME:-$HOME/.cache}/weft/kernel-lane; idempotent.
#
# Where the lane cannot run (not Linux x86_64, no root or sudo, a package that will not
# install, a guest that does not boot) it prints "kernel-lane: SKIPPED, <reason>" and exits 0
# (77 with KERNEL_LANE_REQUIRE=1). A CMD that fails fails the lane with its exit code; one that
# outlives KERNEL_LANE_TIMEOUT is killed (exit 124).
#
# Environment (all optional):
#   KERNEL_LANE_TIMEOUT=1800     hard bound in seconds, boot included (exit 124)
#   KERNEL_LANE_MEM=3072         guest memory, MiB
#   KERNEL_LANE_CPUS=2           vCPUs
#   KERNEL_LANE_ACCEL=auto       kvm | tcg | auto (kvm only when a kvm_intel/kvm_amd module is
#                                loaded; a KVM that runs only PVM guests cannot boot it)
#   KERNEL_LANE_TCG_THREAD=single single | multi: one host thread for every vCPU (the default: with
#                                a thread per vCPU the guest's JVM crashed in JIT-compiled JDK code in
#                                3 of ~18 runs, e.g. at a C1 method's first instruction, where the JVM
#                                patches code another vCPU may be running), or a thread per vCPU (~35% faster)
#   KERNEL_LANE_MODULES="..."    replaces the module list loaded before CMD
#   KERNEL_LANE_KERNEL_PKG       e.g. linux-image-6.1.0-57-amd64 (default: what
#                                linux-image-amd64 depends on)
#   KERNEL_LANE_CACHE            default ${XDG_CACHE_HOME:-$HOME/.cache}/weft/kernel-lane
#   KERNEL_LANE_REQUIRE=1        a lane that cannot run exits 77 instead of 0
#   KERNEL_LANE_VERBOSE=1        kernel console and step timings on stderr
# Exit codes: CMD's; 0 (or 77) skipped; 124 timeout; 125 the guest died while CMD ran.
set -euo pipefail

if [[ $# -lt 1 || $1 == -h || $1 == --help ]]; then
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
  exit 2
fi

MEM=${KERNEL_LANE_MEM:-3072}
CPUS=${KERNEL_LANE_CPUS:-2}
ACCEL=${KERNEL_LANE_ACCEL:-auto}
TCG_THREAD=${KERNEL_LANE_TCG_THREAD:-single}
TIMEOUT=${KERNEL_LANE_TIMEOUT:-1800}
VERBOSE=${KERNEL_LANE_VERBOSE:-0}
CACHE=${KERNEL_LANE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/weft/kernel-lane}
START=$(date +%s)
DEFAULT_MODULES="can can_raw can_bcm can_isotp can_gw can_j1939 vcan vxcan
  af_alg algif_hash algif_skcipher algif_aead algif_rng
  tipc vsock vsock_loopback vmw_vsock_virtio_transport vsock_diag qrtr
  bluetooth hci_vhci rfcomm bnep sctp sctp_diag
  l2tp_core l2tp_ip l2tp_ip6 l2tp_netlink rds rds_tcp tls af_key appletalk phonet pn_pep
  ieee802154_socket kcm llc2 psnap unix_diag inet_diag tcp_diag udp_diag raw_diag
  netlink_diag dummy veth tun virtio_rng"
MODULES=$(echo ${KERNEL_LANE_MODULES-$DEFAULT_MODULES})

log() { if [[ $VERBOSE == 1 ]]; then echo "kernel-lane: $*" >&2; fi; }
skip() { echo "kernel-lane: SKIPPED, $*" >&2; [[ ${KERNEL_LANE_REQUIRE:-0} == 1 ]] && exit 77; exit 0; }
# What is left of the bound after the steps before the boot (installing, unpacking).
left() { echo $(( TIMEOUT - ($(date +%s) - START) )); }
[[ $(uname -s) == Linux && $(uname -m) == x86_64 ]] || skip "the lane boots an x86_64 Debian kernel: this is $(uname -sm)"
SUDO=; [[ $(id -u) -eq 0 ]] || SUDO=sudo
[[ -z $SUDO ]] || sudo -n true 2>/dev/null || skip "installing packages needs root or password-less sudo"
command -v apt-get >/dev/null || skip "no apt-get: the lane installs Debian packages"

# ---- packages --------------------------------------------------------------------------
apt_updated=0
apt_update() { [[ $apt_updated == 1 ]] || { timeout "$(left)" $SUDO apt-get update -qq >&2; apt_updated=1; }; }
apt_install() {
  echo "kernel-lane: installing $*" >&2
  # Several builds may share the machine: wait for dpkg's lock rather than fail on it.
  local a=(env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "$@")
  timeout "$(left)" $SUDO "${a[@]}" >/dev/null 2>&1 || { apt_update; timeout "$(left)" $SUDO "${a[@]}" >&2; } \
    || skip "could not install $*"
}
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'; }
need=()
for p in qemu-system-x86 busybox-static cpio kmod iproute2; do installed "$p" || need+=("$p"); done
[[ ${#need[@]} -eq 0 ]] || apt_install "${need[@]}"

# ---- kernel: the installed package if there is one, else downloaded and unpacked ---------
KPKG=${KERNEL_LANE_KERNEL_PKG:-}
if [[ -z $KPKG ]]; then
  kdep() { apt-cache depends linux-image-amd64 2>/dev/null | awk '$1 == "Depends:" && $2 ~ /^linux-image-[0-9]/ { print $2; exit }'; }
  KPKG=$(kdep)
  [[ -n $KPKG ]] || { apt_update; KPKG=$(kdep); }
  [[ -n $KPKG ]] || skip "apt knows no linux-image-amd64: cannot tell which kernel to boot"
fi
KVER=${KPKG#linux-image-}
KROOT=$CACHE/$KPKG
mkdir -p "$CACHE"
if [[ -r /boot/vmlinuz-$KVER && -e /lib/modules/$KVER/modules.dep ]] && installed "$KPKG"; then
  KROOT=/                                    # the package is installed here: use it as is
elif [[ ! -e $KROOT/.complete ]]; then
  echo "kernel-lane: fetching $KPKG into $KROOT" >&2
  dl=$(mktemp -d "$CACHE/.dl.XXXXXX"); chmod 755 "$dl"
  (cd "$dl" && { apt-get download -qq "$KPKG" 2>/dev/null || { apt_update; apt-get download -qq "$KPKG"; }; }) >&2 \
    || { rm -rf "$dl"; skip "could not download $KPKG"; }
  dpkg-deb -x "$dl"/*.deb "$dl/root"
  depmod -b "$dl/root" "$KVER"
  rm -rf "$KROOT"; mv "$dl/root" "$KROOT"; rm -rf "$dl"
  touch "$KROOT/.complete"
fi
VMLINUZ=${KROOT%/}/boot/vmlinuz-$KVER
[[ -r $VMLINUZ ]] || skip "no $VMLINUZ"

# ---- initramfs: busybox + what it takes to mount the 9p root -----------------------------
STAGE1='#!/bin/busybox sh
/bin/busybox mkdir -p /proc /sys /dev /lower /rw /newroot /ctl /usr/bin /usr/sbin /sbin
/bin/busybox --install -s
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
mount -t proc proc /proc; mount -t sysfs sysfs /sys; mount -t devtmpfs devtmpfs /dev
for m in $(cat /mods/order); do insmod /mods/$m || echo "kernel-lane: insmod $m failed"; done
o=trans=virtio,version=9p2000.L,msize=512000
mount -t 9p -o $o ctl /ctl || { echo "kernel-lane: no ctl share"; poweroff -f; }
echo "stage1 $(cut -d" " -f1 /proc/uptime)" >> /ctl/times
fail() { echo "kernel-lane: $*" | tee -a /ctl/stage1.err; poweroff -f; }
mount -t 9p -o $o,ro,cache=loose hostroot /lower || fail "cannot mount the host root"
mount -t tmpfs -o mode=0755 rw /rw && mkdir -p /rw/upper /rw/work
mount -t overlay -o lowerdir=/lower,upperdir=/rw/upper,workdir=/rw/work overlay /newroot \
  || fail "overlay failed"
mount -t tmpfs -o mode=0755 run /newroot/run && mkdir -p /newroot/run/kernel-lane
mount --move /ctl /newroot/run/kernel-lane
for d in proc sys dev; do mount --move /$d /newroot/$d; done
exec switch_root /newroot /bin/bash /run/kernel-lane/stage2.sh
'
stage1_mods() {
  for m in virtio_pci 9p 9pnet_virtio overlay; do
    modprobe -d "$KROOT" -S "$KVER" --show-depends "$m"
  done | awk '$1 == "insmod" && !seen[$2]++ { print $2 }'
}
MODFILES=$(stage1_mods)
HASH=$( { echo "$STAGE1"; echo "$MODFILES"; sha1sum /bin/busybox; } | sha1sum | cut -c1-12)
INITRD=$CACHE/initrd-$KVER-$HASH.cpio
if [[ ! -e $INITRD ]]; then
  log "building $INITRD"
  ir=$(mktemp -d "$CACHE/.initrd.XXXXXX")
  mkdir -p "$ir/bin" "$ir/mods"
  cp /bin/busybox "$ir/bin/busybox"
  for f in $MODFILES; do cp "$f" "$ir/mods/"; echo "${f##*/}" >> "$ir/mods/order"; done
  printf '%s' "$STAGE1" > "$ir/init"; chmod 755 "$ir/init"
  (cd "$ir" && find . | cpio -o -H newc --quiet) > "$INITRD.$$"
  mv "$INITRD.$$" "$INITRD"; rm -rf "$ir"
fi

# ---- per-run control directory (shared read-write as /run/kernel-lane) ---------------------
CTL=$(mktemp -d "${TMPDIR:-/tmp}/kernel-lane.XXXXXX")
QPID=
cleanup() {
  if [[ -n $QPID ]] && kill -0 "$QPID" 2>/dev/null; then kill "$QPID" 2>/dev/null || true; fi
  rm -rf "$CTL"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
: > "$CTL/out"; : > "$CTL/err"; : > "$CTL/times"; : > "$CTL/console.log"

CWD=$PWD
SHARE_CWD=1; [[ $CWD == / ]] && SHARE_CWD=0
{
  echo 'export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
  while read -r n; do
    case $n in PWD|OLDPWD|SHLVL|_|HOSTNAME|SHELLOPTS|BASHOPTS|BASH_*|KERNEL_LANE_*) continue;; esac
    [[ $n =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || continue
    printf 'export %s=%q\n' "$n" "${!n}"
  done < <(compgen -e)
  echo 'export PATH=/usr/bin:/bin:$PATH WEFT_KERNEL_LANE=1' 
} > "$CTL/env"
printf -v CMDLINE '%q ' "$@"
cat > "$CTL/stage2.sh" <<EOF
#!/bin/bash
C=/run/kernel-lane
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
t() { echo "\$1 \$(cut -d' ' -f1 /proc/uptime)" >> \$C/times; }
t stage2
mkdir -p /dev/pts /dev/shm /dev/mqueue
mount -t devpts -o gid=5,mode=620,ptmxmode=666 devpts /dev/pts
mount -t tmpfs -o mode=1777 shm /dev/shm
mount -t mqueue mqueue /dev/mqueue 2>/dev/null
mount -t tmpfs -o mode=1777 tmp /var/tmp 2>/dev/null
[[ $KROOT == / ]] || { mkdir -p /lib/modules/$KVER && mount --bind $(printf %q "$KROOT/lib/modules/$KVER") /lib/modules/$KVER; }
hostname kernel-lane
ip link set lo up
if [[ -n "$MODULES" ]]; then
  modprobe -a $MODULES 2>>\$C/modules.err
  for m in $MODULES; do [[ -e /sys/module/\$m ]] || echo "\$m" >> \$C/modules.failed; done
fi
ip link add dev vcan0 type vcan 2>>\$C/modules.err && ip link set vcan0 up
ip link add dev vcan1 type vcan 2>>\$C/modules.err && ip link set vcan1 up
t modules
if [[ $SHARE_CWD == 1 ]]; then
  mount -t 9p -o trans=virtio,version=9p2000.L,msize=512000,cache=mmap cwd $(printf %q "$CWD") \
    || echo "kernel-lane: could not share $(printf %q "$CWD")" >> \$C/err
fi
cd $(printf %q "$CWD") || cd /
. \$C/env
t cmd-start
$CMDLINE < /dev/null >> \$C/out 2>> \$C/err
echo \$? > \$C/rc
t cmd-end
cd /; sync
/bin/busybox poweroff -f
EOF

# ---- accelerator ---------------------------------------------------------------------------
if [[ $ACCEL == auto ]]; then
  ACCEL=tcg
  if [[ -r /dev/kvm && -w /dev/kvm ]] && { [[ -d /sys/module/kvm_intel ]] || [[ -d /sys/module/kvm_amd ]]; }; then
    ACCEL=kvm
  fi
fi
case $ACCEL in
  kvm) ACC=(-accel kvm -cpu host) ;;
  tcg) ACC=(-accel "tcg,thread=$TCG_THREAD" -cpu max) ;;
  *) echo "kernel-lane: KERNEL_LANE_ACCEL must be kvm, tcg or auto" >&2; exit 2 ;;
esac

esc() { printf '%s' "${1//,/,,}"; }
QEMU=(qemu-system-x86_64 -name kernel-lane -machine pc "${ACC[@]}" -smp "$CPUS" -m "$MEM"
  -nodefaults -no-user-config -display none -nic none -monitor none -no-reboot
  -serial "file:$CTL/console.log"
  -kernel "$VMLINUZ" -initrd "$INITRD"
  -append "console=ttyS0 panic=-1 rdinit=/init quiet loglevel=4 mitigations=off nokaslr 8250.nr_uarts=1"
  -device virtio-rng-pci
  -virtfs "local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap"
  -virtfs "local,path=$(esc "$CTL"),mount_tag=ctl,security_model=none")
[[ $SHARE_CWD == 1 ]] && QEMU+=(-virtfs "local,path=$(esc "$CWD"),mount_tag=cwd,security_model=none,multidevs=remap")

log "kernel $KVER, accel $ACCEL, $CPUS vCPUs, $MEM MiB"
T0=$(date +%s.%N)
command -v qemu-system-x86_64 >/dev/null || skip "no qemu-system-x86_64"
(( $(left) > 30 )) || skip "installing took the whole bound of ${TIMEOUT}s"
timeout "$(left)" "${QEMU[@]}" 2> "$CTL/qemu.err" &
QPID=$!
tail -n +1 -s 0.2 -f --pid="$QPID" "$CTL/out" & TOUT=$!
tail -n +1 -s 0.2 -f --pid="$QPID" "$CTL/err" >&2 & TERR=$!
if [[ $VERBOSE == 1 ]]; then tail -n +1 -s 0.5 -f --pid="$QPID" "$CTL/console.log" >&2 & fi
set +e
wait "$QPID"; QRC=$?
set -e
QPID=
wait "$TOUT" "$TERR" 2>/dev/null || true
T1=$(date +%s.%N)

if [[ $VERBOSE == 1 ]]; then
  awk -v t0="$T0" -v t1="$T1" -v accel="$ACCEL" '
    { t[$1] = $2 }
    END { printf "kernel-lane: accel=%s wall=%.1fs; guest uptime: stage1 %.1fs, stage2 %.1fs, modules loaded %.1fs, command %.1fs\n",
            accel, t1 - t0, t["stage1"], t["stage2"], t["modules"], t["cmd-end"] - t["cmd-start"] }' "$CTL/times" >&2
  [[ -s $CTL/modules.failed ]] && echo "kernel-lane: modules not loaded: $(tr '\n' ' ' < "$CTL/modules.failed")" >&2
fi
if ! grep -q '^cmd-start' "$CTL/times" 2>/dev/null; then
  cat "$CTL/qemu.err" "$CTL/stage1.err" 2>/dev/null >&2 || true
  tail -n 30 "$CTL/console.log" >&2 2>/dev/null || true
  [[ $QRC == 124 ]] && skip "the guest did not boot within the bound of ${TIMEOUT}s"
  skip "the guest did not boot (qemu exit $QRC; its console's tail is above)"
fi
if [[ $QRC == 124 ]]; then echo "kernel-lane: timed out after ${TIMEOUT}s" >&2; exit 124; fi
if [[ ! -s $CTL/rc ]]; then
  echo "kernel-lane: the guest stopped before the command finished (qemu exit $QRC)" >&2
  cat "$CTL/qemu.err" "$CTL/stage1.err" 2>/dev/null >&2 || true
  tail -n 30 "$CTL/console.log" >&2 2>/dev/null || true
  exit 125
fi
echo "kernel-lane: ran in $(( $(date +%s) - START ))s, exit $(cat "$CTL/rc")" >&2
exit "$(cat "$CTL/rc")"
