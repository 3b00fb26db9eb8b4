/* winsock-twin.c: the C twin of weft's Windows provider. It makes the Winsock calls of
 * impl-windows (WindowsProvider, WsaPollMechanism) in the same order, with the same
 * arguments, so that running it under Wine checks what the Java code relies on, which no
 * JVM can run here. Each function names the Java method it mirrors ("Java: ..."), and the
 * Java code points back here ("twin: ..."): change both together.
 *
 * Build and run: tools/wine-lane.sh (x86_64-w64-mingw32-gcc -O1 -Wall ... -lws2_32).
 * Prints "ok NAME", "FAIL NAME: ...", "skip NAME: reason", then "N passed, M failed, K skipped";
 * exits 1 if anything failed.
 */
#define WIN32_LEAN_AND_MEAN
#include <winsock2.h>
#include <ws2tcpip.h>
#include <mstcpip.h>
#include <windows.h>
#include <stdio.h>
#include <string.h>

#ifndef WSA_FLAG_NO_HANDLE_INHERIT
#define WSA_FLAG_NO_HANDLE_INHERIT 0x80
#endif
#ifndef SIO_LOOPBACK_FAST_PATH
#define SIO_LOOPBACK_FAST_PATH _WSAIOW(IOC_VENDOR, 16)
#endif

static int passed, failed, skipped;
#define CHECK(name, cond, ...) do { if (cond) { passed++; printf("ok   %s\n", name); } \
  else { failed++; printf("FAIL %s: ", name); printf(__VA_ARGS__); printf("\n"); } fflush(stdout); } while (0)
#define SKIP(name, ...) do { skipped++; printf("skip %s: ", name); printf(__VA_ARGS__); printf("\n"); fflush(stdout); } while (0)

/* ---- the provider: WindowsProvider ------------------------------------------------------ */

static int no_inherit_flag = 1; /* Java: WindowsProvider.noInheritFlag (CPython's support_wsa_no_inherit) */

/* Java: WindowsProvider.configure / setNonBlocking: ioctlsocket(FIONBIO, &1), closesocket on failure. */
static SOCKET set_nonblocking(SOCKET s) {
  u_long one = 1;
  if (s == INVALID_SOCKET) return s;
  if (ioctlsocket(s, FIONBIO, &one) == SOCKET_ERROR) {
    int e = WSAGetLastError();
    closesocket(s);
    WSASetLastError(e);
    return INVALID_SOCKET;
  }
  return s;
}

/* Java: WindowsProvider.openSocket: WSASocketW with both flags; on WSAEINVAL, without the
 * no-inherit flag and then SetHandleInformation. */
static SOCKET open_socket(int af, int type, int proto, WSAPROTOCOL_INFOW *info) {
  if (no_inherit_flag) {
    SOCKET s = WSASocketW(af, type, proto, info, 0, WSA_FLAG_OVERLAPPED | WSA_FLAG_NO_HANDLE_INHERIT);
    if (s != INVALID_SOCKET) return s;
    if (WSAGetLastError() != WSAEINVAL) return INVALID_SOCKET;
    no_inherit_flag = 0;
  }
  SOCKET s = WSASocketW(af, type, proto, info, 0, WSA_FLAG_OVERLAPPED);
  if (s == INVALID_SOCKET) return s;
  if (!SetHandleInformation((HANDLE)s, HANDLE_FLAG_INHERIT, 0)) { closesocket(s); return INVALID_SOCKET; }
  return s;
}

/* Java: WindowsProvider.socket */
static SOCKET weft_socket(int af, int type, int proto) {
  return set_nonblocking(open_socket(af, type, proto, NULL));
}

/* Java: WindowsProvider.accept: accept, not inheritable, FIONBIO. */
static SOCKET accept_ready(SOCKET l, struct sockaddr_storage *peer, int *len) {
  *len = sizeof *peer;
  SOCKET a = accept(l, (struct sockaddr *)peer, len);
  if (a == INVALID_SOCKET) return a;
  if (!SetHandleInformation((HANDLE)a, HANDLE_FLAG_INHERIT, 0)) { closesocket(a); return INVALID_SOCKET; }
  return set_nonblocking(a);
}

/* The SPI's answers to the core, as WindowsProvider returns them (minus the error). */
#define IN_PROGRESS WSAEINPROGRESS
#define ALREADY WSAEALREADY

static int take_connect_error(SOCKET fd);

/* Java: WindowsProvider.connectOutcome: the error the poller's re-check kept, else SO_ERROR,
 * then getpeername (connected) or WSAEALREADY. */
static int connect_outcome(SOCKET s) {
  int err = take_connect_error(s), len = sizeof err;
  if (err == 0 && getsockopt(s, SOL_SOCKET, SO_ERROR, (char *)&err, &len) != 0) return WSAGetLastError();
  if (err != 0) return err;
  struct sockaddr_storage peer; int plen = sizeof peer;
  if (getpeername(s, (struct sockaddr *)&peer, &plen) == 0) return 0;
  int e = WSAGetLastError();
  return e == WSAENOTCONN ? ALREADY : e;
}

/* ---- the mechanism: WsaPollMechanism ---------------------------------------------------- */

#define READ 1
#define WRITE 2
#define STATE_CHANGE 4
#define HANG_UP (READ | WRITE | STATE_CHANGE)
#define CONNECT_RECHECK_MILLIS 100 /* Java: WsaPollMechanism.CONNECT_RECHECK_MILLIS */
#define MAX_ENTRIES 16

typedef struct { SOCKET fd; int interest; volatile LONG armed; int connecting; int connect_error; int used; } entry;
static entry entries[MAX_ENTRIES];
static volatile LONG blocked, wake_pending;
static SOCKET wake_fd = INVALID_SOCKET;
static int so_error_reports; /* failed connects found by the SO_ERROR re-check, not by WSAPoll */
/* Test-only, not in the Java code: ignore what WSAPoll says about a connecting socket, as WSAPoll
 * before Windows 10 2004 says nothing about a failed connect, so that the re-check path runs here. */
static int pretend_pre_2004;

/* Java: WsaPollMechanism.Winsock.openWake: UDP on 127.0.0.1:0, connected to itself. */
static SOCKET open_wake(void) {
  SOCKET s = weft_socket(AF_INET, SOCK_DGRAM, 0);
  struct sockaddr_in a = { AF_INET }; a.sin_addr.s_addr = htonl(INADDR_LOOPBACK); int len = sizeof a;
  if (s == INVALID_SOCKET || bind(s, (struct sockaddr *)&a, sizeof a) || getsockname(s, (struct sockaddr *)&a, &len)
      || connect(s, (struct sockaddr *)&a, len)) return INVALID_SOCKET;
  return s;
}

/* Java: WsaPollMechanism.changed */
static void changed(void) {
  if (blocked > 0 && wake_fd != INVALID_SOCKET && InterlockedCompareExchange(&wake_pending, 1, 0) == 0)
    send(wake_fd, "", 1, 0); /* Java: Winsock.wake */
}

static entry *find(SOCKET fd) {
  for (int i = 0; i < MAX_ENTRIES; i++) if (entries[i].used && entries[i].fd == fd) return &entries[i];
  return NULL;
}

/* Java: WsaPollMechanism.add / modify (arms what is asked for afresh) */
static void mech_add(SOCKET fd, int interest) {
  entry *e = find(fd);
  for (int i = 0; !e && i < MAX_ENTRIES; i++) if (!entries[i].used) e = &entries[i];
  e->fd = fd; e->interest = interest; e->armed = interest & (READ | WRITE); e->connecting = 0; e->used = 1;
  changed();
}

/* Java: WsaPollMechanism.delete */
static void mech_delete(SOCKET fd) {
  entry *e = find(fd);
  if (e) { e->used = 0; changed(); }
}

/* Java: WsaPollMechanism.rearm (WsaPoller.arm, before every park) */
static void rearm(SOCKET fd, int events) {
  entry *e = find(fd);
  if (!e) return;
  int want = events & e->interest & (READ | WRITE);
  LONG old;
  do { old = e->armed; } while (InterlockedCompareExchange(&e->armed, old | want, old) != old);
  if ((old | want) != old) changed();
}

/* Java: WsaPollMechanism.connecting */
static void connecting(SOCKET fd, int in_flight) {
  entry *e = find(fd);
  if (e && e->connecting != in_flight) { e->connecting = in_flight; if (in_flight) changed(); }
}

/* Java: WsaPollMechanism.takeConnectError */
static int take_connect_error(SOCKET fd) {
  entry *e = find(fd);
  int err = e ? e->connect_error : 0;
  if (e) e->connect_error = 0;
  return err;
}

/* Java: WsaPollMechanism.claim */
static int claim(entry *e, int mask) {
  int bits = mask & (READ | WRITE);
  for (;;) {
    LONG a = e->armed; int got = a & bits;
    if (got == 0 || InterlockedCompareExchange(&e->armed, a & ~got, a) == a) return got;
  }
}

/* Java: WsaPollMechanism.ready(int revents) */
static int ready_mask(int rev) {
  if (rev & (POLLHUP | POLLERR | POLLNVAL)) return HANG_UP;
  return ((rev & (POLLRDNORM | POLLRDBAND)) ? READ : 0) | ((rev & POLLWRNORM) ? WRITE : 0);
}

typedef struct { SOCKET fd; int mask; } report;

/* Java: WsaPollMechanism.wait: returns the reports written, or -error. */
static int wait_ready(report *out, int max, int timeout) {
  int blocking = timeout != 0;
  if (blocking) InterlockedIncrement(&blocked);
  WSAPOLLFD a[MAX_ENTRIES + 1]; entry *watched[MAX_ENTRIES];
  int nw = 0, connect_in_flight = 0, first = blocking ? 1 : 0, r, n = 0;
  for (int i = 0; i < MAX_ENTRIES; i++) {
    entry *e = &entries[i];
    if (e->used && (e->armed & e->interest & (READ | WRITE))) {
      watched[nw++] = e;
      connect_in_flight |= e->connecting && (e->armed & WRITE);
    }
  }
  if (first + nw == 0) { r = 0; goto done; }
  if (connect_in_flight) timeout = timeout < 0 ? CONNECT_RECHECK_MILLIS : min(timeout, CONNECT_RECHECK_MILLIS);
  if (blocking) { a[0].fd = wake_fd; a[0].events = POLLRDNORM; a[0].revents = 0; }
  for (int i = 0; i < nw; i++) {
    int armed = watched[i]->armed & watched[i]->interest;
    a[first + i].fd = watched[i]->fd;
    a[first + i].events = ((armed & READ) ? POLLRDNORM : 0) | ((armed & WRITE) ? POLLWRNORM : 0);
    a[first + i].revents = 0;
  }
  r = WSAPoll(a, first + nw, timeout);
  if (r < 0) { r = -WSAGetLastError(); goto done; }
  if (blocking && a[0].revents) {
    char b[16];
    InterlockedExchange(&wake_pending, 0);
    while (recv(wake_fd, b, sizeof b, 0) > 0) {} /* Java: Winsock.drain */
  }
  for (int i = 0; i < nw && n < max; i++) {
    entry *e = watched[i];
    int mask = ready_mask(a[first + i].revents);
    if (pretend_pre_2004 && e->connecting) mask = 0;
    if (mask == 0 && e->connecting && (e->armed & WRITE)) {
      int err = 0, len = sizeof err;
      getsockopt(e->fd, SOL_SOCKET, SO_ERROR, (char *)&err, &len); /* Java: Winsock.soError */
      if (err != 0) { e->connect_error = err; mask = HANG_UP; so_error_reports++; }
    }
    if (mask == 0 || claim(e, mask) == 0) continue;
    out[n].fd = e->fd; out[n].mask = mask; n++;
  }
  r = n;
done:
  if (blocking) InterlockedDecrement(&blocked);
  return r;
}

/* The core's wait (Socket.await): arm, then wait for a report of this socket. */
static int await_ready(SOCKET fd, int events, int timeout_ms) {
  rearm(fd, events);
  DWORD end = GetTickCount() + timeout_ms;
  while ((int)(end - GetTickCount()) > 0) {
    report rs[MAX_ENTRIES];
    int n = wait_ready(rs, MAX_ENTRIES, (int)(end - GetTickCount()));
    if (n < 0) return n;
    for (int i = 0; i < n; i++) if (rs[i].fd == fd && (rs[i].mask & events)) return rs[i].mask;
  }
  return 0;
}

/* Java: Socket.connect over WindowsProvider.connect: start, then wait and read the outcome. */
static int weft_connect(SOCKET s, const struct sockaddr *addr, int len, int timeout_ms) {
  if (connect(s, addr, len) == 0) return 0;
  int e = WSAGetLastError();
  if (e != WSAEWOULDBLOCK) return e;
  connecting(s, 1); /* WindowsProvider.connect: WSAEWOULDBLOCK is the SPI's EINPROGRESS */
  int r = connect_outcome(s);
  while (r == ALREADY) {
    if (await_ready(s, WRITE, timeout_ms) == 0) return WSAETIMEDOUT;
    r = connect_outcome(s);
  }
  connecting(s, 0);
  return r;
}

/* ---- the checks -------------------------------------------------------------------------- */

static const char *message(int code, char *buf, int size) {
  WCHAR w[512];
  /* Java: WindowsProvider.strerror and trimMessage (CPython's text: trailing spaces and dots cut) */
  DWORD n = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, code,
                           MAKELANGID(LANG_NEUTRAL, SUBLANG_DEFAULT), w, 512, NULL);
  if (n == 0) return "(none)";
  while (n > 0 && (w[n - 1] <= L' ' || w[n - 1] == L'.')) w[--n] = 0;
  WideCharToMultiByte(CP_UTF8, 0, w, -1, buf, size, NULL, NULL);
  return buf;
}

static SOCKET listener(int af, struct sockaddr_storage *addr, int *len) {
  SOCKET s = weft_socket(af, SOCK_STREAM, 0);
  memset(addr, 0, sizeof *addr);
  if (af == AF_INET) {
    struct sockaddr_in *a = (struct sockaddr_in *)addr;
    a->sin_family = AF_INET; a->sin_addr.s_addr = htonl(INADDR_LOOPBACK); *len = sizeof *a;
  } else {
    struct sockaddr_in6 *a = (struct sockaddr_in6 *)addr;
    a->sin6_family = AF_INET6; a->sin6_addr = in6addr_loopback; *len = sizeof *a;
  }
  if (s == INVALID_SOCKET || bind(s, (struct sockaddr *)addr, *len) || listen(s, 16)
      || getsockname(s, (struct sockaddr *)addr, len)) return INVALID_SOCKET;
  mech_add(s, READ);
  return s;
}

static void stream(int af, const char *label) {
  char name[120];
  struct sockaddr_storage addr, peer; int len, plen;
  SOCKET l = listener(af, &addr, &len);
  snprintf(name, sizeof name, "%s listener: WSASocketW(OVERLAPPED|NO_HANDLE_INHERIT), FIONBIO, bind, listen", label);
  CHECK(name, l != INVALID_SOCKET, "e=%d", WSAGetLastError());
  if (l == INVALID_SOCKET) return;
  DWORD hf = 1;
  snprintf(name, sizeof name, "%s a new socket is not inheritable", label);
  CHECK(name, GetHandleInformation((HANDLE)l, &hf) && !(hf & HANDLE_FLAG_INHERIT), "flags=%lu", (unsigned long)hf);

  SOCKET a0 = accept_ready(l, &peer, &plen);
  int e = WSAGetLastError();
  snprintf(name, sizeof name, "%s accept with nothing pending -> WSAEWOULDBLOCK", label);
  CHECK(name, a0 == INVALID_SOCKET && e == WSAEWOULDBLOCK, "e=%d", e);

  SOCKET c = weft_socket(af, SOCK_STREAM, 0);
  mech_add(c, READ | WRITE);
  int r = connect(c, (struct sockaddr *)&addr, len);
  e = WSAGetLastError();
  snprintf(name, sizeof name, "%s non-blocking connect -> WSAEWOULDBLOCK (the SPI's EINPROGRESS)", label);
  CHECK(name, r == SOCKET_ERROR && e == WSAEWOULDBLOCK, "r=%d e=%d", r, e);
  connecting(c, 1);
  int o = connect_outcome(c);
  while (o == ALREADY && await_ready(c, WRITE, 5000)) o = connect_outcome(c);
  connecting(c, 0);
  snprintf(name, sizeof name, "%s connect outcome: SO_ERROR 0, getpeername -> connected", label);
  CHECK(name, o == 0, "outcome=%d", o);

  int m = await_ready(l, READ, 5000);
  SOCKET a = accept_ready(l, &peer, &plen);
  snprintf(name, sizeof name, "%s listener reported READ, accept, the accepted socket non-blocking and not inheritable", label);
  hf = 1;
  CHECK(name, (m & READ) && a != INVALID_SOCKET && GetHandleInformation((HANDLE)a, &hf) && !(hf & HANDLE_FLAG_INHERIT)
        && peer.ss_family == af, "mask=%d a=%d flags=%lu family=%d", m, (int)(a != INVALID_SOCKET), (unsigned long)hf, peer.ss_family);
  if (a == INVALID_SOCKET) return;
  mech_add(a, READ);

  char buf[64];
  r = recv(c, buf, sizeof buf, 0); e = WSAGetLastError();
  snprintf(name, sizeof name, "%s recv on an empty socket -> WSAEWOULDBLOCK", label);
  CHECK(name, r == SOCKET_ERROR && e == WSAEWOULDBLOCK, "r=%d e=%d", r, e);

  /* the edge emulation: a readiness reported once, until the reader parks for it again */
  r = send(a, "ping", 4, 0);
  m = await_ready(c, READ, 5000);
  report rs[MAX_ENTRIES];
  int again = 0, n = wait_ready(rs, MAX_ENTRIES, 0);
  for (int i = 0; i < n; i++) again |= rs[i].fd == c && (rs[i].mask & READ);
  snprintf(name, sizeof name, "%s send, READ reported once, not again while unread and unarmed", label);
  CHECK(name, r == 4 && (m & READ) && !again, "send=%d mask=%d again=%d", r, m, again);
  struct sockaddr_storage from; int flen = sizeof from;
  memset(&from, 0, sizeof from);
  n = recvfrom(c, buf, sizeof buf, 0, (struct sockaddr *)&from, &flen); /* Java: recv with from != null */
  snprintf(name, sizeof name, "%s recvfrom on a stream: the data, the address left as it was (family 0) or the peer", label);
  CHECK(name, n == 4 && memcmp(buf, "ping", 4) == 0 && (from.ss_family == 0 || from.ss_family == af), "n=%d family=%d len=%d", n, from.ss_family, flen);
  printf("     (recvfrom on a stream gave family %d, length %d)\n", from.ss_family, flen);

  shutdown(a, SD_SEND);
  m = await_ready(c, READ, 5000);
  n = recv(c, buf, sizeof buf, 0);
  snprintf(name, sizeof name, "%s peer's shutdown(SD_SEND) reported (mask %d), recv -> 0", label, m);
  CHECK(name, m != 0 && n == 0, "mask=%d recv=%d", m, n);

  mech_delete(a); mech_delete(c);
  r = closesocket(a) | closesocket(c);
  snprintf(name, sizeof name, "%s closesocket", label);
  CHECK(name, r == 0, "r=%d", r);
  mech_delete(l); closesocket(l);
}

static void refused(int pre_2004) {
  struct sockaddr_storage addr; int len;
  pretend_pre_2004 = pre_2004; so_error_reports = 0;
  SOCKET l = listener(AF_INET, &addr, &len);
  mech_delete(l); closesocket(l);
  SOCKET c = weft_socket(AF_INET, SOCK_STREAM, 0);
  mech_add(c, READ | WRITE);
  int r;
  if (!pre_2004) {
    r = weft_connect(c, (struct sockaddr *)&addr, len, 10000);
  } else {
    /* the wait first (the refusal has landed by then), so that only the re-check can end it */
    r = connect(c, (struct sockaddr *)&addr, len) == 0 ? 0 : WSAGetLastError();
    connecting(c, 1);
    Sleep(200);
    int m = await_ready(c, WRITE, 10000);
    r = r == WSAEWOULDBLOCK && m == HANG_UP ? connect_outcome(c) : -1;
    connecting(c, 0);
  }
  char text[256];
  CHECK(pre_2004 ? "a refused connect that WSAPoll does not report (pre-2004) is found by the SO_ERROR re-check"
                 : "a refused non-blocking connect is reported: WSAECONNREFUSED from SO_ERROR",
        r == WSAECONNREFUSED && (!pre_2004 || so_error_reports > 0), "outcome=%d re-check reports=%d", r, so_error_reports);
  printf("     (reported by %s; FormatMessageW(%d): \"%s\")\n", so_error_reports ? "the SO_ERROR re-check" : "WSAPoll itself",
         r, message(r, text, sizeof text));
  int e1 = 0, e2 = 0, l1 = sizeof e1, l2 = sizeof e2;
  getsockopt(c, SOL_SOCKET, SO_ERROR, (char *)&e1, &l1);
  getsockopt(c, SOL_SOCKET, SO_ERROR, (char *)&e2, &l2);
  printf("     (SO_ERROR read again after the outcome: %d, then %d: the mechanism hands what it read to connect, either way)\n", e1, e2);
  mech_delete(c); closesocket(c);
  pretend_pre_2004 = 0;
}

static DWORD WINAPI blocked_wait(LPVOID arg) {
  report rs[MAX_ENTRIES];
  *(int *)arg = wait_ready(rs, MAX_ENTRIES, 10000);
  return 0;
}

static void wake_up(void) {
  HANDLE t; int got = -2;
  SOCKET u = weft_socket(AF_INET, SOCK_DGRAM, 0);
  DWORD start = GetTickCount();
  t = CreateThread(NULL, 0, blocked_wait, &got, 0, NULL);
  while (blocked == 0 && GetTickCount() - start < 5000) Sleep(1);
  Sleep(50); /* let WSAPoll begin */
  mech_add(u, READ); /* a change from another thread while WSAPoll blocks */
  DWORD w = WaitForSingleObject(t, 5000);
  DWORD took = GetTickCount() - start;
  CHECK("a change sends the wake-up byte and ends a blocked WSAPoll", w == WAIT_OBJECT_0 && got == 0 && took < 5000,
        "wait=%lu got=%d took=%lums", (unsigned long)w, got, (unsigned long)took);
  CloseHandle(t);
  mech_delete(u); closesocket(u);
}

static void udp(void) {
  SOCKET u = weft_socket(AF_INET, SOCK_DGRAM, 0);
  struct sockaddr_in a = { AF_INET }; a.sin_addr.s_addr = htonl(INADDR_LOOPBACK); int len = sizeof a;
  bind(u, (struct sockaddr *)&a, sizeof a); getsockname(u, (struct sockaddr *)&a, &len);
  mech_add(u, READ);
  char buf[16]; struct sockaddr_in from; int fl = sizeof from;
  int n = recvfrom(u, buf, sizeof buf, 0, (struct sockaddr *)&from, &fl), e = WSAGetLastError();
  CHECK("udp4 recvfrom with nothing queued -> WSAEWOULDBLOCK", n == SOCKET_ERROR && e == WSAEWOULDBLOCK, "n=%d e=%d", n, e);
  sendto(u, "dgram", 5, 0, (struct sockaddr *)&a, sizeof a);
  int m = await_ready(u, READ, 5000);
  n = recvfrom(u, buf, sizeof buf, 0, (struct sockaddr *)&from, &fl);
  CHECK("udp4 sendto, READ reported, recvfrom names the sender", (m & READ) && n == 5 && memcmp(buf, "dgram", 5) == 0
        && from.sin_port == a.sin_port, "mask=%d n=%d", m, n);
  sendto(u, "longer than four", 16, 0, (struct sockaddr *)&a, sizeof a);
  await_ready(u, READ, 5000);
  n = recv(u, buf, 4, 0); e = WSAGetLastError();
  CHECK("udp4 a datagram longer than the buffer -> WSAEMSGSIZE, its first part in the buffer",
        n == SOCKET_ERROR && e == WSAEMSGSIZE && memcmp(buf, "long", 4) == 0, "n=%d e=%d", n, e);
  mech_delete(u); closesocket(u);
}

static void share_and_ioctl(void) {
  struct sockaddr_storage addr, peer; int len, plen;
  SOCKET l = listener(AF_INET, &addr, &len);
  WSAPROTOCOL_INFOW info;
  /* Java: WindowsProvider.share / duplicate, then fromShare (and dup, for this process) */
  int r = WSADuplicateSocketW(l, GetCurrentProcessId(), &info);
  SOCKET d = set_nonblocking(open_socket(FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, &info));
  CHECK("share: WSADuplicateSocketW -> a 628-byte WSAPROTOCOL_INFOW; fromshare: WSASocketW(FROM_PROTOCOL_INFO)",
        r == 0 && sizeof info == 628 && d != INVALID_SOCKET && info.iAddressFamily == AF_INET && info.iSocketType == SOCK_STREAM,
        "r=%d size=%d d=%d family=%d type=%d e=%d", r, (int)sizeof info, (int)(d != INVALID_SOCKET), info.iAddressFamily,
        info.iSocketType, WSAGetLastError());
  if (d != INVALID_SOCKET) {
    SOCKET c = weft_socket(AF_INET, SOCK_STREAM, 0);
    mech_add(c, READ | WRITE); mech_add(d, READ);
    int o = weft_connect(c, (struct sockaddr *)&addr, len, 5000);
    int m = await_ready(d, READ, 5000);
    SOCKET a = accept_ready(d, &peer, &plen);
    CHECK("the shared listener accepts a connection", o == 0 && (m & READ) && a != INVALID_SOCKET, "o=%d mask=%d", o, m);
    if (a != INVALID_SOCKET) closesocket(a);
    mech_delete(c); mech_delete(d); closesocket(c); closesocket(d);
  }

  /* Java: WindowsProvider.ioctl (CPython's sock_ioctl) */
  SOCKET t = weft_socket(AF_INET, SOCK_STREAM, 0);
  struct tcp_keepalive ka = { 1, 10000, 3000 }; DWORD got;
  r = WSAIoctl(t, SIO_KEEPALIVE_VALS, &ka, sizeof ka, NULL, 0, &got, NULL, NULL);
  if (r != 0 && WSAGetLastError() == WSAEOPNOTSUPP) SKIP("WSAIoctl(SIO_KEEPALIVE_VALS)", "WSAEOPNOTSUPP under this Winsock");
  else CHECK("WSAIoctl(SIO_KEEPALIVE_VALS, {1, 10000, 3000})", r == 0, "r=%d e=%d", r, WSAGetLastError());
  unsigned int on = 1;
  r = WSAIoctl(t, SIO_LOOPBACK_FAST_PATH, &on, sizeof on, NULL, 0, &got, NULL, NULL);
  if (r != 0) SKIP("WSAIoctl(SIO_LOOPBACK_FAST_PATH, 1)", "error %d here (Windows 8+ only; Wine may lack it)", WSAGetLastError());
  else CHECK("WSAIoctl(SIO_LOOPBACK_FAST_PATH, 1)", r == 0, "r=%d", r);
  closesocket(t);
  SOCKET raw = weft_socket(AF_INET, SOCK_RAW, IPPROTO_IP);
  if (raw == INVALID_SOCKET) SKIP("WSAIoctl(SIO_RCVALL, RCVALL_ON)", "no raw socket here (error %d: needs Administrator)", WSAGetLastError());
  else {
    struct sockaddr_in a = { AF_INET }; a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(raw, (struct sockaddr *)&a, sizeof a);
    int hdr = 1;
    int hr = setsockopt(raw, IPPROTO_IP, IP_HDRINCL, (char *)&hdr, sizeof hdr);
    unsigned int rcv = RCVALL_ON;
    r = WSAIoctl(raw, SIO_RCVALL, &rcv, sizeof rcv, NULL, 0, &got, NULL, NULL);
    if (r != 0) SKIP("WSAIoctl(SIO_RCVALL, RCVALL_ON)", "error %d (IP_HDRINCL %d) under this Winsock", WSAGetLastError(), hr);
    else CHECK("raw socket, IP_HDRINCL, WSAIoctl(SIO_RCVALL, RCVALL_ON)", hr == 0, "IP_HDRINCL=%d", hr);
    closesocket(raw);
  }

  /* SO_EXCLUSIVEADDRUSE: a second bind of the port fails */
  SOCKET x = weft_socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  struct sockaddr_in xa = { AF_INET }; xa.sin_addr.s_addr = htonl(INADDR_LOOPBACK); int xl = sizeof xa;
  int sr = setsockopt(x, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, (char *)&one, sizeof one);
  bind(x, (struct sockaddr *)&xa, sizeof xa); getsockname(x, (struct sockaddr *)&xa, &xl); listen(x, 4);
  SOCKET y = weft_socket(AF_INET, SOCK_STREAM, 0);
  setsockopt(y, SOL_SOCKET, SO_REUSEADDR, (char *)&one, sizeof one);
  r = bind(y, (struct sockaddr *)&xa, sizeof xa);
  int e = WSAGetLastError();
  CHECK("SO_EXCLUSIVEADDRUSE: another socket cannot bind the port, even with SO_REUSEADDR",
        sr == 0 && r == SOCKET_ERROR && (e == WSAEADDRINUSE || e == WSAEACCES), "set=%d bind=%d e=%d", sr, r, e);
  closesocket(x); closesocket(y);
  mech_delete(l); closesocket(l);
}

int main(void) {
  WSADATA wsa;
  int r = WSAStartup(MAKEWORD(2, 2), &wsa); /* Java: Ws2's static initialiser */
  CHECK("WSAStartup 2.2", r == 0 && wsa.wVersion == MAKEWORD(2, 2), "r=%d version=%x", r, wsa.wVersion);
  CHECK("layouts: AF_INET6 23, SOCKADDR_IN6 28, WSAPOLLFD 16 (events at 8), WSAPROTOCOL_INFOW 628",
        AF_INET6 == 23 && sizeof(SOCKADDR_IN6) == 28 && sizeof(WSAPOLLFD) == 16
        && offsetof(WSAPOLLFD, events) == 8 && sizeof(WSAPROTOCOL_INFOW) == 628, "mismatch");
  wake_fd = open_wake(); /* Java: WsaPollMechanism.open */
  CHECK("the wake-up socket: UDP on 127.0.0.1 connected to itself", wake_fd != INVALID_SOCKET, "e=%d", WSAGetLastError());
  stream(AF_INET, "tcp4");
  stream(AF_INET6, "tcp6");
  refused(0);
  refused(1);
  wake_up();
  udp();
  share_and_ioctl();
  SOCKET un = weft_socket(AF_UNIX, SOCK_STREAM, 0);
  if (un == INVALID_SOCKET && WSAGetLastError() == WSAEAFNOSUPPORT)
    SKIP("socket(AF_UNIX, SOCK_STREAM)", "WSAEAFNOSUPPORT (Wine 8 has no AF_UNIX; Windows 10 1803+ has): UNIX_STREAM is probed the same way");
  else CHECK("socket(AF_UNIX, SOCK_STREAM)", un != INVALID_SOCKET, "e=%d", WSAGetLastError());
  if (un != INVALID_SOCKET) closesocket(un);
  closesocket(wake_fd);
  WSACleanup();
  printf("%d passed, %d failed, %d skipped\n", passed, failed, skipped);
  return failed ? 1 : 0;
}
