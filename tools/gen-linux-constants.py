#!/usr/bin/env python3
"""Prints LinuxConstants.java from this machine's python3 and C headers.

Most names and numbers come from python3's socket and errno modules (CPython takes them
from the headers it was built against); the names weft uses that CPython does not export
come from compiling a small C program against this machine's headers with cc, so no
number in the table is typed by hand. LinuxConstantsTest (impl-linux) re-checks every entry
against python3 and fails when this script's output and the committed table disagree.
Run: python3 tools/gen-linux-constants.py > impl-linux/src/main/java/dev/weft/linux/LinuxConstants.java
"""
import errno
import os
import platform
import socket
import subprocess
import sys
import tempfile

if not sys.platform.startswith("linux"):
    sys.exit("run this on Linux")

# Names weft uses that CPython (3.11) leaves out; their values are read from the headers.
FROM_HEADERS = [
    "SO_DOMAIN", "SO_PROTOCOL", "SO_PEERSEC", "SO_PASSSEC", "SO_TIMESTAMPNS", "SO_MARK",
    "SO_TIMESTAMPING", "SO_RXQ_OVFL", "SO_PEEK_OFF", "SO_BUSY_POLL", "SO_INCOMING_CPU", "SO_COOKIE",
    "SO_ZEROCOPY", "SO_PRIORITY", "SO_BINDTODEVICE", "SO_PASSCRED", "SO_PEERCRED", "SO_RCVBUFFORCE",
    "SO_SNDBUFFORCE", "SO_TIMESTAMP", "SO_BINDTOIFINDEX", "SO_INCOMING_NAPI_ID",
    "SOCK_NONBLOCK", "SOCK_CLOEXEC",
    "MSG_CMSG_CLOEXEC", "MSG_ZEROCOPY", "MSG_FASTOPEN", "MSG_MORE", "MSG_NOSIGNAL", "MSG_ERRQUEUE",
    "MSG_CONFIRM", "MSG_WAITFORONE",
    "IP_FREEBIND", "IP_TRANSPARENT", "IP_PKTINFO", "IP_RECVERR", "IP_MTU_DISCOVER", "IP_MTU",
    "IP_BIND_ADDRESS_NO_PORT", "IP_RECVORIGDSTADDR", "IP_MULTICAST_ALL", "IP_UNICAST_IF",
    "IPV6_RECVERR", "IPV6_MTU_DISCOVER", "IPV6_MTU", "IPV6_FREEBIND", "IPV6_TRANSPARENT",
    "TCP_USER_TIMEOUT", "TCP_FASTOPEN", "TCP_CONGESTION", "TCP_NOTSENT_LOWAT", "TCP_INFO",
    "TCP_QUICKACK", "TCP_CORK", "TCP_KEEPIDLE", "TCP_KEEPINTVL", "TCP_KEEPCNT", "TCP_SYNCNT",
    "TCP_LINGER2", "TCP_DEFER_ACCEPT", "TCP_WINDOW_CLAMP", "TCP_MAXSEG", "TCP_FASTOPEN_CONNECT",
    "TCP_ZEROCOPY_RECEIVE", "TCP_INQ", "TCP_TX_DELAY", "TCP_ULP",
    "UDP_CORK", "UDP_SEGMENT", "UDP_GRO",
    "SOL_UDP", "SOL_IPV6", "SOL_ICMPV6", "SOL_PACKET", "SOL_NETLINK", "SOL_ALG", "SOL_RAW",
    "IPPROTO_MPTCP", "IPPROTO_UDPLITE", "IPPROTO_SCTP",
    "SCM_TIMESTAMP", "SCM_TIMESTAMPNS",
    "AF_MPLS", "AF_KCM", "AF_XDP", "AF_MCTP",
    "NETLINK_ADD_MEMBERSHIP", "NETLINK_DROP_MEMBERSHIP", "NETLINK_PKTINFO", "NETLINK_KOBJECT_UEVENT",
    "NETLINK_GENERIC", "NETLINK_NETFILTER", "NETLINK_AUDIT", "NETLINK_SOCK_DIAG",
    "PACKET_ADD_MEMBERSHIP", "PACKET_DROP_MEMBERSHIP", "PACKET_MR_MULTICAST", "PACKET_MR_PROMISC",
    "PACKET_MR_ALLMULTI", "ETH_P_ALL", "ETH_P_IP", "ETH_P_IPV6", "ETH_P_ARP",
    # CPython has these only when built with Bluetooth headers (Debian's is, pyenv's here is not).
    "AF_BLUETOOTH", "BTPROTO_L2CAP", "BTPROTO_HCI", "BTPROTO_SCO", "BTPROTO_RFCOMM", "SOL_HCI",
    "HCI_FILTER", "HCI_DATA_DIR", "HCI_TIME_STAMP",
    # CAN's protocol levels and options CPython 3.11 leaves out (linux/can/*.h).
    "CAN_RAW_ERR_FILTER", "SOL_CAN_ISOTP", "SOL_CAN_J1939", "CAN_ISOTP_OPTS", "CAN_ISOTP_RECV_FC",
    "CAN_ISOTP_TX_STMIN", "CAN_ISOTP_RX_STMIN", "CAN_ISOTP_LL_OPTS",
]
# The kernel's own name for a level userspace headers spell differently: SOL_UDPLITE is
# defined only inside the kernel (include/linux/socket.h), as IPPROTO_UDPLITE.
ALIASES = {"SOL_UDPLITE": "IPPROTO_UDPLITE"}
HEADERS = ["sys/socket.h", "netinet/in.h", "netinet/tcp.h", "netinet/udp.h", "linux/netlink.h",
           "netpacket/packet.h", "net/ethernet.h", "linux/can.h", "linux/can/raw.h", "linux/can/isotp.h",
           "linux/can/j1939.h",
           # From libbluetooth-dev (apt-get install libbluetooth-dev): the kernel's uapi lacks them.
           "bluetooth/bluetooth.h", "bluetooth/hci.h", "bluetooth/l2cap.h", "bluetooth/rfcomm.h",
           "bluetooth/sco.h"]


def from_headers():
    exprs = {n: n for n in FROM_HEADERS} | ALIASES
    lines = ["#define _GNU_SOURCE", "#include <stdio.h>"] + [f"#include <{h}>" for h in HEADERS]
    lines.append("int main(void) {")
    for name, expr in exprs.items():
        lines.append(f'    printf("{name} %lld\\n", (long long) ({expr}));')
    lines += ["    return 0;", "}"]
    cc = os.environ.get("CC", "cc")
    with tempfile.TemporaryDirectory() as tmp:
        src, exe = os.path.join(tmp, "names.c"), os.path.join(tmp, "names")
        with open(src, "w") as f:
            f.write("\n".join(lines) + "\n")
        try:
            built = subprocess.run([cc, "-o", exe, src], capture_output=True, text=True)
        except FileNotFoundError:
            sys.exit(f"{cc} not found: the names CPython leaves out are read from the C headers")
        if built.returncode != 0 and "bluetooth/" in built.stderr:
            sys.exit(f"the Bluetooth headers are missing: apt-get install libbluetooth-dev\n{built.stderr}")
        if built.returncode != 0:
            sys.exit(f"the headers lack a name weft uses:\n{built.stderr}")
        out = subprocess.run([exe], capture_output=True, text=True, check=True).stdout
    return {k: int(v) for k, v in (line.split() for line in out.splitlines())}


values = {}
for name in dir(socket):
    v = getattr(socket, name)
    if name.isupper() and isinstance(v, int):
        values[name] = int(v)
for k, v in from_headers().items():
    if k in values and values[k] != v:
        sys.exit(f"python3 says {k}={values[k]}, the headers {v}: python3 was built against other headers")
    values.setdefault(k, v)
errnos = {name: num for num, name in errno.errorcode.items()}
# Aliases errorcode keeps one name for: the others must map too.
for alias in ("EWOULDBLOCK", "EOPNOTSUPP", "EDEADLK"):
    errnos[alias] = getattr(errno, alias)

def literal(v):
    # Unsigned 32-bit values (CAN_EFF_FLAG, VMADDR_CID_ANY) keep their bits as a Java int.
    return hex(v) if v >= 2**31 else str(v)


def table(d):
    return "\n".join(f'        m.put("{k}", {literal(v)});' for k, v in sorted(d.items()))

print(f'''package dev.weft.linux;

import java.util.HashMap;
import java.util.Map;

/**
 * Linux's socket constants (x86_64 and aarch64 share them), as CPython exposes
 * them plus the few it leaves out, read from the C headers. Generated by
 * tools/gen-linux-constants.py with python3 {platform.python_version()}; LinuxConstantsTest
 * compares every entry with the running python3 and this file with the script's output.
 */
final class LinuxConstants {{
    private LinuxConstants() {{}}

    /** Name to value, for {{@code SocketConstants}} and option lookup. */
    static Map<String, Integer> socketConstants() {{
        Map<String, Integer> m = new HashMap<>(768);
{table(values)}
        return m;
    }}

    /** errno name to number. */
    static Map<String, Integer> errnos() {{
        Map<String, Integer> m = new HashMap<>(256);
{table(errnos)}
        return m;
    }}
}}''')
