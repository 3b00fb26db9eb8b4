"""The reference side of NetdbDifferentialTest: CPython's socket module on this machine.

Reads one case per line on stdin, {"op": NAME, "args": [...]}, and writes one result per
line, in the canonical form the Java side writes too (compact JSON, ASCII only):
  ["ok", value]            the call returned value (bytes as lowercase hex)
  ["gai", code, message]   socket.gaierror
  ["herror", code, message]
  ["oserror", errno, null] an OSError with an errno
  ["oserror", null, message] an OSError without one
  ["invalid"]              ValueError, OverflowError, TypeError, UnicodeError, or the
                           OSError that CPython raises for a malformed argument of a pure
                           function (inet_aton, inet_pton, inet_ntop, inet_ntoa), which weft
                           reports as IllegalArgumentException
"""
import json
import socket
import sys
import warnings

warnings.simplefilter("error")  # a DeprecationWarning is a failure, not a silent truncation

PURE = {"inet_aton", "inet_ntoa", "inet_pton", "inet_ntop"}


def fam(name):
    return getattr(socket, name)


def sockaddr(a):
    return [a[0], a[1]] + ([a[2], a[3]] if len(a) == 4 else [])


def run(op, args):
    if op in ("htons", "ntohs", "htonl", "ntohl"):
        return getattr(socket, op)(args[0])
    if op == "inet_aton":
        return socket.inet_aton(args[0]).hex()
    if op == "inet_ntoa":
        return socket.inet_ntoa(bytes.fromhex(args[0]))
    if op == "inet_pton":
        return socket.inet_pton(fam(args[0]), args[1]).hex()
    if op == "inet_ntop":
        return socket.inet_ntop(fam(args[0]), bytes.fromhex(args[1]))
    if op == "getaddrinfo":
        host, port, family, type_, proto, flags = args
        res = socket.getaddrinfo(host, port, fam(family), fam(type_) if type_ else 0, proto, flags)
        return [[f.name, t.name if isinstance(t, socket.SocketKind) else t, p, c, sockaddr(sa)]
                for f, t, p, c, sa in res]
    if op == "getnameinfo":
        host, port, flow, scope, flags = args
        sa = (host, port) if flow is None else (host, port, flow, scope)
        return list(socket.getnameinfo(sa, flags))
    if op == "gethostbyname":
        return socket.gethostbyname(args[0])
    if op in ("gethostbyname_ex", "gethostbyaddr"):
        name, aliases, addrs = getattr(socket, op)(args[0])
        return [name, aliases, addrs]
    if op == "getfqdn":
        return socket.getfqdn(args[0])
    if op == "gethostname":
        return socket.gethostname()
    if op == "getservbyname":
        return socket.getservbyname(*[a for a in args if a is not None])
    if op == "getservbyport":
        return socket.getservbyport(*[a for a in args if a is not None])
    if op == "getprotobyname":
        return socket.getprotobyname(args[0])
    if op == "if_nameindex":
        return [[i, n] for i, n in socket.if_nameindex()]
    if op == "if_nametoindex":
        return socket.if_nametoindex(args[0])
    if op == "if_indextoname":
        return socket.if_indextoname(args[0])
    raise SystemExit("unknown op " + op)


def result(op, args):
    try:
        return ["ok", run(op, args)]
    except socket.gaierror as e:
        return ["gai", e.errno, str(e)]
    except socket.herror as e:
        return ["herror", e.errno, str(e)]
    except OSError as e:
        if op in PURE:
            return ["invalid"]
        if e.errno is not None:
            return ["oserror", e.errno, None]
        return ["oserror", None, str(e)]
    except (ValueError, OverflowError, TypeError, DeprecationWarning):
        return ["invalid"]


for line in sys.stdin:
    case = json.loads(line)
    print(json.dumps(result(case["op"], case["args"]), separators=(",", ":")), flush=False)
sys.stdout.flush()
