#!/usr/bin/env python3
"""Prints WinsockConstants.java: Winsock's numbers, error codes and struct layouts, from headers.

The headers are Debian's mingw-w64 ones (package gcc-mingw-w64-x86-64-win32, installed when
missing and allowed); every value is compiled for x86_64 Windows with x86_64-w64-mingw32-gcc -S
and read back (tools/cheaders.py). mingw-w64 is not Microsoft's SDK and lags it: the values it
lacks (or has with another value) are listed in SDK / SDK_OVERRIDES below, each with the
Microsoft header it was read from, and the generator checks each against mingw wherever
mingw does have it.

    python3 tools/gen-winsock-constants.py > impl-windows/src/main/java/dev/weft/windows/WinsockConstants.java
    python3 tools/gen-winsock-constants.py --check impl-windows/src/main/java/dev/weft/windows/WinsockConstants.java
    --no-install   fail with exit 77 (and the reason) instead of installing mingw-w64
Exit codes as gen-darwin-constants.py.
"""
import os
import re
import sys

sys.dont_write_bytecode = True  # no tools/__pycache__ in the work tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cheaders  # noqa: E402

HEADERS = """winsock2.h ws2tcpip.h mswsock.h windows.h ws2def.h ws2ipdef.h mstcpip.h afunix.h hvsocket.h
ws2bth.h winternl.h winerror.h iphlpapi.h stddef.h""".split()

# socketmodule.c's own Windows definitions, in force before its constants are added:
# the IPPROTO_* enum members made #ifdef-able (bpo-29515), Bluetooth under MS_WINDOWS_DESKTOP,
# TCP_QUICKACK as SIO_TCP_SET_ACK_FREQUENCY, and AF_HYPERV (socketmodule.h: "# define AF_HYPERV 34",
# because the SDK's ws2def.h only defines it for _WIN32_WINNT >= 0x0604).
CPYTHON_WINDOWS_PRELUDE = "\n".join(
    # (mingw-w64 has them as macros already; the SDK as enum members only)
    [f"#ifndef {n}\n#define {n} {n}\n#endif" for n in """IPPROTO_ICMP IPPROTO_IGMP IPPROTO_GGP IPPROTO_TCP IPPROTO_PUP
    IPPROTO_UDP IPPROTO_IDP IPPROTO_ND IPPROTO_RAW IPPROTO_MAX IPPROTO_HOPOPTS IPPROTO_IPV4 IPPROTO_IPV6
    IPPROTO_ROUTING IPPROTO_FRAGMENT IPPROTO_ESP IPPROTO_AH IPPROTO_ICMPV6 IPPROTO_NONE IPPROTO_DSTOPTS
    IPPROTO_EGP IPPROTO_PIM IPPROTO_ICLFXBM IPPROTO_ST IPPROTO_CBT IPPROTO_IGP IPPROTO_RDP IPPROTO_PGM
    IPPROTO_L2TP IPPROTO_SCTP""".split()]
    + ["#define AF_BLUETOOTH AF_BTH", "#define BTPROTO_RFCOMM BTHPROTO_RFCOMM",
       "#ifdef SIO_TCP_SET_ACK_FREQUENCY", "#define TCP_QUICKACK SIO_TCP_SET_ACK_FREQUENCY", "#endif",
       "#ifndef AF_HYPERV", "#define AF_HYPERV 34", "#endif"])

# Added by CPython on Windows without #ifdef (MS_WINDOWS, HAVE_AF_HYPERV, SIO_RCVALL and
# USE_BLUETOOTH blocks of socket_exec): each must exist, in mingw or in SDK below.
WINDOWS_ALWAYS = """IPPROTO_ICLFXBM IPPROTO_ST IPPROTO_CBT IPPROTO_IGP IPPROTO_RDP IPPROTO_PGM IPPROTO_L2TP
IPPROTO_SCTP AF_HYPERV HV_PROTOCOL_RAW HVSOCKET_CONNECT_TIMEOUT HVSOCKET_CONNECT_TIMEOUT_MAX
HVSOCKET_CONNECTED_SUSPEND HVSOCKET_ADDRESS_FLAG_PASSTHRU SIO_RCVALL SIO_KEEPALIVE_VALS
RCVALL_OFF RCVALL_ON RCVALL_SOCKETLEVELONLY AF_BLUETOOTH BTPROTO_RFCOMM SOL_RFCOMM SO_BTH_ENCRYPT
SO_BTH_MTU SO_BTH_MTU_MAX SO_BTH_MTU_MIN""".split()
# enum members in mstcpip.h (RCVALL_VALUE), so no #ifdef can see them: they must compile.
WINDOWS_ENUMS = {"RCVALL_OFF", "RCVALL_ON", "RCVALL_SOCKETLEVELONLY"}
WINDOWS_GUARDED = "SIO_LOOPBACK_FAST_PATH RCVALL_IPLEVEL RCVALL_MAX SO_RFCOMM_MTU SO_RFCOMM_LM".split()
# SHUT_* are SD_RECEIVE/SD_SEND/SD_BOTH on Windows (socketmodule.c's #elif defined(SD_...)).
SHUT = {"SHUT_RD": "SD_RECEIVE", "SHUT_WR": "SD_SEND", "SHUT_RDWR": "SD_BOTH"}

# What Microsoft's SDK headers define and mingw-w64 10 lacks, for names CPython's socket module
# has; CPython's Windows build compiles against the SDK, so it sees these. Read from Microsoft's
# own headers as microsoft/win32metadata keeps them (generation/WinSDK/RecompiledIdlHeaders/):
# shared/ws2def.h (095e12e664fc3a04adda0c36424fe410614f1c61), shared/ws2ipdef.h
# (d9e9cb3bd3ff0b6dbe54d7532319dba79f7ec97c), um/WS2tcpip.h (2c71ad9c6dbf46fc2ddd52ae22d838b1e919f9f8).
# Where mingw-w64 has the name too, its value must agree (a check of this list); the guards noted
# are all met by CPython's Windows 8 target (Py_WINVER 0x0602).
WS2DEF = "SDK shared/ws2def.h"
WS2IPDEF = "SDK shared/ws2ipdef.h"
SDK = {
    "SOL_IP": (0xFFFF - 4, WS2DEF + ": #define SOL_IP (SOL_SOCKET-4)"),
    "AF_LINK": (33, WS2DEF + " (_WIN32_WINNT >= 0x0601)"),
    "SO_ORIGINAL_DST": (0x300F, WS2DEF + " (_WIN32_WINNT >= 0x0600)"),
    "MSG_ERRQUEUE": (0x1000, WS2DEF),
    "TCP_MAXSEG": (4, WS2IPDEF),
    "TCP_FASTOPEN": (15, WS2IPDEF),
    "TCP_KEEPCNT": (16, WS2IPDEF),
    "TCP_KEEPIDLE": (3, WS2IPDEF + ": #define TCP_KEEPIDLE TCP_KEEPALIVE (3)"),
    "TCP_KEEPINTVL": (17, WS2IPDEF),
    "IP_RECVTTL": (21, WS2IPDEF),
    "IP_RECVTOS": (40, WS2IPDEF),
    "IP_RECVERR": (75, WS2IPDEF),
    "IP_RECVDSTADDR": (25, WS2IPDEF),
    "IP_PKTINFO": (19, WS2IPDEF),
    "IPV6_RECVERR": (75, WS2IPDEF),
    "IPV6_RECVTCLASS": (40, WS2IPDEF),
    "IPV6_TCLASS": (39, WS2IPDEF),
    "IPV6_RTHDR": (32, WS2IPDEF),
    "IPV6_RECVRTHDR": (38, WS2IPDEF),
    "IPV6_DONTFRAG": (14, WS2IPDEF),
    "IPV6_CHECKSUM": (26, WS2IPDEF),
    "IPV6_HOPOPTS": (1, WS2IPDEF),
}
# Where mingw-w64 has a name with another value than the SDK, CPython on Windows has the SDK's.
SDK_OVERRIDES = {
    "EAI_NODATA": (11001, "SDK um/WS2tcpip.h: #define EAI_NODATA EAI_NONAME (WSAHOST_NOT_FOUND)"),
}

# Numbers a Winsock provider needs that are not socket-module constants.
SYSTEM = """FIONBIO FIONREAD SIOCATMARK SIO_GET_EXTENSION_FUNCTION_POINTER SIO_BASE_HANDLE SIO_BSP_HANDLE
SIO_BSP_HANDLE_SELECT SIO_BSP_HANDLE_POLL SIO_UDP_CONNRESET SIO_TCP_SET_ACK_FREQUENCY
SO_UPDATE_ACCEPT_CONTEXT SO_UPDATE_CONNECT_CONTEXT SO_CONNECT_TIME SO_PROTOCOL_INFOW SO_MAX_MSG_SIZE
SO_CONDITIONAL_ACCEPT SO_DONTLINGER SO_GROUP_ID
WSA_FLAG_OVERLAPPED WSA_FLAG_NO_HANDLE_INHERIT FROM_PROTOCOL_INFO WSAPROTOCOL_LEN MAX_PROTOCOL_CHAIN
SOCKET_ERROR INVALID_SOCKET WSADESCRIPTION_LEN WSASYS_STATUS_LEN
POLLRDNORM POLLRDBAND POLLIN POLLPRI POLLWRNORM POLLOUT POLLWRBAND POLLERR POLLHUP POLLNVAL
MSG_PARTIAL MSG_INTERRUPT MSG_PUSH_IMMEDIATE MSG_MAXIOVLEN
HANDLE_FLAG_INHERIT FILE_SKIP_COMPLETION_PORT_ON_SUCCESS FILE_SKIP_SET_EVENT_ON_HANDLE INFINITE
WAIT_TIMEOUT WSA_INFINITE WSA_WAIT_TIMEOUT TF_DISCONNECT TF_REUSE_SOCKET TF_USE_KERNEL_APC
FORMAT_MESSAGE_FROM_SYSTEM FORMAT_MESSAGE_IGNORE_INSERTS FORMAT_MESSAGE_ALLOCATE_BUFFER
UNIX_PATH_MAX INET_ADDRSTRLEN INET6_ADDRSTRLEN AF_BTH BTHPROTO_L2CAP AF_MAX
IOC_VENDOR IOC_WS2 IOC_PROTOCOL""".split()

# Error codes: WSA* of winerror.h (not its QoS ones), winsock2.h's WSA_* aliases, the Win32
# codes overlapped I/O and IOCP report.
WIN32_ERRORS = """ERROR_SUCCESS ERROR_INVALID_HANDLE ERROR_NOT_ENOUGH_MEMORY ERROR_INVALID_PARAMETER
ERROR_IO_PENDING ERROR_IO_INCOMPLETE ERROR_OPERATION_ABORTED ERROR_NETNAME_DELETED ERROR_MORE_DATA
ERROR_NOT_FOUND ERROR_CONNECTION_REFUSED ERROR_CONNECTION_ABORTED
ERROR_NETWORK_UNREACHABLE ERROR_HOST_UNREACHABLE ERROR_PORT_UNREACHABLE ERROR_SEM_TIMEOUT
ERROR_TIMEOUT ERROR_BROKEN_PIPE ERROR_HANDLE_EOF ERROR_ACCESS_DENIED ERROR_ABANDONED_WAIT_0
WSA_IO_PENDING WSA_IO_INCOMPLETE WSA_INVALID_HANDLE WSA_INVALID_PARAMETER WSA_NOT_ENOUGH_MEMORY
WSA_OPERATION_ABORTED""".split()


def struct(name, *fields, key=None):
    key = key or name.upper()
    out = [(f"SIZEOF_{key}", f"sizeof({name})")]
    out += [(f"OFF_{key}_{f.upper().replace('.', '_')}", f"offsetof({name}, {f})") for f in fields]
    return out


LAYOUTS = (
    struct("SOCKADDR", "sa_family", "sa_data")
    + struct("SOCKADDR_IN", "sin_family", "sin_port", "sin_addr", "sin_zero")
    + struct("SOCKADDR_IN6", "sin6_family", "sin6_port", "sin6_flowinfo", "sin6_addr", "sin6_scope_id")
    + struct("SOCKADDR_UN", "sun_family", "sun_path")
    + [("SIZEOF_SOCKADDR_UN_SUN_PATH", "sizeof(((SOCKADDR_UN *)0)->sun_path)")]
    + struct("SOCKADDR_STORAGE", "ss_family")
    + struct("SOCKADDR_HV", "Family", "Reserved", "VmId", "ServiceId")
    + struct("SOCKADDR_BTH", "addressFamily", "btAddr", "serviceClassId", "port")
    + struct("WSAPOLLFD", "fd", "events", "revents")
    + struct("WSABUF", "len", "buf")
    + struct("WSAMSG", "name", "namelen", "lpBuffers", "dwBufferCount", "Control", "dwFlags")
    + struct("WSACMSGHDR", "cmsg_len", "cmsg_level", "cmsg_type")
    + [("WSA_CMSG_LEN_0", "WSA_CMSG_LEN(0)"), ("WSA_CMSG_LEN_4", "WSA_CMSG_LEN(4)"),
       ("WSA_CMSG_SPACE_1", "WSA_CMSG_SPACE(1)"), ("WSA_CMSG_SPACE_4", "WSA_CMSG_SPACE(4)"),
       ("WSA_CMSG_SPACE_8", "WSA_CMSG_SPACE(8)"), ("WSA_CMSG_SPACE_20", "WSA_CMSG_SPACE(20)"),
       ("WSA_CMSG_DATA_OFFSET", "WSA_CMSGDATA_ALIGN(sizeof(WSACMSGHDR))"),
       ("MAX_NATURAL_ALIGNMENT", "MAX_NATURAL_ALIGNMENT")]
    + struct("WSAPROTOCOLCHAIN", "ChainLen", "ChainEntries")
    + struct("WSAPROTOCOL_INFOW", "dwServiceFlags1", "dwServiceFlags2", "dwServiceFlags3",
             "dwServiceFlags4", "dwProviderFlags", "ProviderId", "dwCatalogEntryId", "ProtocolChain",
             "iVersion", "iAddressFamily", "iMaxSockAddr", "iMinSockAddr", "iSocketType", "iProtocol",
             "iProtocolMaxOffset", "iNetworkByteOrder", "iSecurityScheme", "dwMessageSize",
             "dwProviderReserved", "szProtocol")
    + struct("WSADATA", "wVersion", "wHighVersion", "iMaxSockets", "iMaxUdpDg", "lpVendorInfo",
             "szDescription", "szSystemStatus")
    + struct("struct linger", "l_onoff", "l_linger", key="LINGER")
    + struct("struct tcp_keepalive", "onoff", "keepalivetime", "keepaliveinterval", key="TCP_KEEPALIVE")
    + struct("TIMEVAL", "tv_sec", "tv_usec")
    + struct("IP_MREQ", "imr_multiaddr", "imr_interface")
    + struct("IPV6_MREQ", "ipv6mr_multiaddr", "ipv6mr_interface")
    + struct("IN_PKTINFO", "ipi_addr", "ipi_ifindex")
    + struct("IN6_PKTINFO", "ipi6_addr", "ipi6_ifindex")
    + struct("ADDRINFOW", "ai_flags", "ai_family", "ai_socktype", "ai_protocol", "ai_addrlen",
             "ai_canonname", "ai_addr", "ai_next")
    + struct("OVERLAPPED", "Internal", "InternalHigh", "Offset", "OffsetHigh", "hEvent")
    + struct("OVERLAPPED_ENTRY", "lpCompletionKey", "lpOverlapped", "Internal",
             "dwNumberOfBytesTransferred")
    + struct("IO_STATUS_BLOCK", "Status", "Information")
    + struct("GUID", "Data1", "Data2", "Data3", "Data4")
    + [("SIZEOF_SOCKET", "sizeof(SOCKET)"), ("SIZEOF_HANDLE", "sizeof(HANDLE)"),
       ("SIZEOF_LONG", "sizeof(long)"), ("SIZEOF_POINTER", "sizeof(void *)"),
       ("SIZEOF_WCHAR", "sizeof(WCHAR)"), ("SIZEOF_FD_SET", "sizeof(fd_set)"),
       ("FD_SETSIZE", "FD_SETSIZE")]
)


def prelude():
    return ("#define WIN32_LEAN_AND_MEAN\n#define _WIN32_WINNT 0x0A00\n"
            + cheaders.includes(HEADERS) + "\n" + CPYTHON_WINDOWS_PRELUDE)


def error_names(gcc):
    """Every WSA* code of mingw-w64's winerror.h (but WSABASEERR and the QoS ones)."""
    import subprocess
    inc = subprocess.run(gcc + ["-print-sysroot"], capture_output=True, text=True).stdout.strip()
    candidates = [os.path.join(inc, "include", "winerror.h") if inc else "",
                  "/usr/x86_64-w64-mingw32/include/winerror.h",
                  "/usr/share/mingw-w64/include/winerror.h"]
    path = next((p for p in candidates if p and os.path.exists(p)), None)
    if path is None:
        raise SystemExit("gen-winsock-constants: cannot find mingw-w64's winerror.h")
    with open(path) as f:
        names = re.findall(r"^#define\s+(WSA[A-Z0-9_]+)\s", f.read(), re.M)
    return sorted(n for n in set(names) if n != "WSABASEERR" and not n.startswith("WSA_QOS_"))


def evaluate_all(install):
    gcc = cheaders.mingw_gcc(install)
    items = [(k, e, g) for k, e, g in cheaders.cpython_items(WINDOWS_GUARDED)
             if k not in WINDOWS_ALWAYS and k not in SHUT]
    items = [("S:" + k, e, g) for k, e, g in items]
    items += [("SD:" + n, sd, sd) for n, sd in SHUT.items()]
    # WINDOWS_ALWAYS and SDK names are evaluated under #ifdef so a name mingw lacks is found
    # absent rather than breaking the compile; the absent ones must then come from SDK.
    items += [("W:" + n, n, None if n in WINDOWS_ENUMS else n) for n in WINDOWS_ALWAYS]
    items += [("K:" + n, n, n) for n in list(SDK) + list(SDK_OVERRIDES)]
    items += [("N:" + n, n, n) for n in SYSTEM]
    items += [("E:" + n, n, n) for n in error_names(gcc) + WIN32_ERRORS]
    items += [("L:" + k, e, None) for k, e in LAYOUTS]
    return cheaders.evaluate(gcc, prelude(), items)


def split(values, prefix):
    return {k[len(prefix):]: v for k, v in values.items() if k.startswith(prefix)}


def render(v):
    cheaders.require(v, "N:", SYSTEM, "gen-winsock-constants SYSTEM")
    cheaders.require(v, "E:", WIN32_ERRORS, "gen-winsock-constants WIN32_ERRORS")
    sock = cheaders.cpython_table(split(v, "S:"))
    for n, sd in SHUT.items():
        if "SD:" + n in v:
            sock[n] = v["SD:" + n]
    sources = {}
    for n, val in split(v, "W:").items():
        sock[n] = val
    mingw_sdk = split(v, "K:")
    for n, (val, src) in SDK.items():
        if n in mingw_sdk:
            if mingw_sdk[n] != val:
                raise SystemExit(f"{n}: mingw-w64 says {mingw_sdk[n]}, the SDK list says {val} ({src})")
            continue
        sock[n] = val
        sources[n] = src + "; absent from mingw-w64"
    for n, (val, src) in SDK_OVERRIDES.items():
        if mingw_sdk.get(n) == val:
            raise SystemExit(f"{n}: mingw-w64 now agrees with the SDK ({val}); move it from SDK_OVERRIDES to SDK")
        sources[n] = f"{src}; mingw-w64 says {mingw_sdk.get(n)}"
        sock[n] = val
    missing = [n for n in WINDOWS_ALWAYS if n not in sock]
    if missing:
        raise SystemExit("CPython adds these on Windows unconditionally, but neither mingw-w64 nor "
                         "the SDK list has them: " + ", ".join(missing))
    if "AF_HYPERV" in sock and "AF_HYPERV" not in sources:
        sources["AF_HYPERV"] = "CPython Modules/socketmodule.h defines it as 34 (SDK ws2def.h: _WIN32_WINNT >= 0x0604)"

    def line(n, val):
        note = f" // {sources[n]}" if n in sources else ""
        return f'        m.put("{n}", {cheaders.java_int(val)});{note}'

    sock_lines = "\n".join(line(n, sock[n]) for n in sorted(sock))
    err = split(v, "E:")
    err_lines = "\n".join(f'        m.put("{n}", {cheaders.java_int(err[n])});' for n in sorted(err))
    sysv = split(v, "N:")
    sys_lines = "\n".join(f"    static final int {n} = {cheaders.java_int(sysv[n])};" for n in SYSTEM if n in sysv)
    exprs = dict(LAYOUTS)
    lay = split(v, "L:")
    lay_lines = "\n".join(f"    static final int {k} = {cheaders.java_int(lay[k])}; // {exprs[k]}"
                          for k, _ in LAYOUTS)
    gaps = ", ".join(sorted(sources)) or "none"
    return f'''package dev.weft.windows;

import java.util.HashMap;
import java.util.Map;

/**
 * Winsock's numbers, error codes and struct layouts for Windows x64, read from the mingw-w64
 * headers (Debian's gcc-mingw-w64-x86-64-win32) by compiling them, never by typing them.
 *
 * <p>Generated, do not edit: {{@code python3 tools/gen-winsock-constants.py >
 * impl-windows/src/main/java/dev/weft/windows/WinsockConstants.java}}. WinsockConstantsHeaderTest
 * compares this file with the headers wherever mingw-w64 is present.
 * {{@link #socketConstants()}} holds every constant CPython's socket module has on Windows (its
 * {{@code #ifdef}} rules, its own Windows definitions and fallbacks applied). mingw-w64 lags
 * Microsoft's SDK, which CPython is built with: the values it lacks or has otherwise come from
 * the SDK headers (as microsoft/win32metadata keeps them), named beside each entry: {gaps}.
 */
final class WinsockConstants {{
    private WinsockConstants() {{}}

    /** Name to value, for {{@code SocketConstants}} and option lookup. */
    static Map<String, Integer> socketConstants() {{
        Map<String, Integer> m = new HashMap<>(512);
{sock_lines}
        return m;
    }}

    /** Error name to code: WSAGetLastError()'s WSA* codes and the Win32 codes of overlapped I/O. */
    static Map<String, Integer> errors() {{
        Map<String, Integer> m = new HashMap<>(128);
{err_lines}
        return m;
    }}

    // ioctl codes, flags and limits the provider needs.
{sys_lines}

    // Sizes (SIZEOF_*) and offsets (OFF_STRUCT_FIELD) in bytes, Windows x64 (LLP64).
{lay_lines}
}}
'''


def main(argv):
    install = "--no-install" not in argv
    try:
        values = evaluate_all(install)
    except cheaders.Unavailable as e:
        sys.stderr.write(f"gen-winsock-constants: toolchain unavailable: {e}\n")
        return cheaders.UNAVAILABLE
    return cheaders.emit_or_check(render(values), argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
