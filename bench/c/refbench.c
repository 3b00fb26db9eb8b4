/*
 * The physical reference for weft's benchmarks: the same exchanges with plain blocking
 * system calls and two POSIX threads, no runtime in between.
 *
 *   refbench pingpong tcp|unix SIZE SECONDS   one connection, echo peer thread: round trips/s
 *   refbench bulk     tcp|unix CHUNK SECONDS  one way, sender thread: GB/s
 *   refbench peer     echo|send|sink CHUNK    the far end for the JMH benchmarks whose peer is
 *                                            another process (Outside.java): listens on
 *                                            127.0.0.1, prints "LISTENING <port>", serves one
 *                                            TCP connection until it ends, then exits
 *
 * TCP is loopback with TCP_NODELAY; unix is a socketpair(AF_UNIX, SOCK_STREAM). Each run
 * warms up for half a second, then measures SECONDS. Prints one line
 *   RESULT c <mode> family=... size=... ops_per_s=... us_per_op=... gb_per_s=... cpu_ns_per_op=... cpu_busy=...
 * where cpu is the process's CPU time (both threads) over the measured window. One op is a
 * round trip (pingpong) or one MiB received (bulk), as in the JMH benchmarks.
 *
 * Build: gcc -O2 -pthread -o refbench refbench.c
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MIB (1 << 20)

static void die(const char *what) {
    perror(what);
    exit(2);
}

static double now(clockid_t clock) {
    struct timespec ts;
    clock_gettime(clock, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A TCP listener on 127.0.0.1 at a port the kernel picks; its address in *a. */
static int listen_loopback(struct sockaddr_in *a) {
    int l = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (l < 0) die("socket");
    memset(a, 0, sizeof *a);
    a->sin_family = AF_INET;
    a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof *a;
    if (bind(l, (struct sockaddr *) a, sizeof *a) != 0) die("bind");
    if (listen(l, 1) != 0) die("listen");
    if (getsockname(l, (struct sockaddr *) a, &len) != 0) die("getsockname");
    return l;
}

/* A connected pair: fds[0] for the measuring thread, fds[1] for the peer. */
static void connect_pair(const char *family, int fds[2]) {
    if (strcmp(family, "unix") == 0) {
        if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) die("socketpair");
        return;
    }
    if (strcmp(family, "tcp") != 0) {
        fprintf(stderr, "family must be tcp or unix\n");
        exit(2);
    }
    struct sockaddr_in a;
    int l = listen_loopback(&a);
    int c = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (c < 0) die("socket");
    if (connect(c, (struct sockaddr *) &a, sizeof a) != 0) die("connect");
    int s = accept4(l, NULL, NULL, SOCK_CLOEXEC);
    if (s < 0) die("accept");
    close(l);
    int one = 1;
    setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    fds[0] = c;
    fds[1] = s;
}

static int write_all(int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
        if (w < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        p += w;
        n -= (size_t) w;
    }
    return 0;
}

static int read_full(int fd, char *p, size_t n) {
    while (n > 0) {
        ssize_t r = recv(fd, p, n, 0);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return -1;
        p += r;
        n -= (size_t) r;
    }
    return 0;
}

struct peer {
    int fd;
    size_t size;
};

static void *echo_peer(void *arg) {
    struct peer *p = arg;
    char *b = malloc(64 * 1024);
    for (;;) {
        ssize_t r = recv(p->fd, b, 64 * 1024, 0);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        if (write_all(p->fd, b, (size_t) r) != 0) break;
    }
    free(b);
    return NULL;
}

static void *send_peer(void *arg) {
    struct peer *p = arg;
    char *b = malloc(p->size);
    memset(b, 7, p->size);
    while (write_all(p->fd, b, p->size) == 0) {
    }
    free(b);
    return NULL;
}

/*
 * The far end of one TCP connection, in its own process: echo (what comes in goes back),
 * send (CHUNK-byte writes without pause) or sink (reads CHUNK at a time and drops them).
 * It exits when the connection ends or when its standard input does: the JVM that started it
 * holds that pipe, so a benchmark fork that dies never leaves a peer behind.
 */
static void *stdin_watch(void *arg) {
    (void) arg;
    char c;
    while (read(0, &c, 1) > 0) {
    }
    _exit(0);
}

static int peer_main(const char *mode, size_t size) {
    struct sockaddr_in a;
    int l = listen_loopback(&a);
    pthread_t w;
    if (pthread_create(&w, NULL, stdin_watch, NULL) != 0) die("pthread_create");
    printf("LISTENING %d\n", ntohs(a.sin_port));
    fflush(stdout);
    int s = accept4(l, NULL, NULL, SOCK_CLOEXEC);
    if (s < 0) die("accept");
    close(l);
    int one = 1;
    setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    struct peer p = {s, size};
    if (strcmp(mode, "echo") == 0) {
        echo_peer(&p);
    } else if (strcmp(mode, "send") == 0) {
        send_peer(&p);
    } else if (strcmp(mode, "sink") == 0) {
        char *b = malloc(size);
        for (;;) {
            ssize_t r = recv(s, b, size, 0);
            if (r < 0 && errno == EINTR) continue;
            if (r <= 0) break;
        }
        free(b);
    } else {
        fprintf(stderr, "peer mode must be echo, send or sink\n");
        return 2;
    }
    close(s);
    return 0;
}

int main(int argc, char **argv) {
    if (argc == 4 && strcmp(argv[1], "peer") == 0) {
        long size = atol(argv[3]);
        if (size <= 0) {
            fprintf(stderr, "CHUNK must be positive\n");
            return 2;
        }
        return peer_main(argv[2], (size_t) size);
    }
    if (argc != 5) {
        fprintf(stderr, "usage: %s pingpong|bulk tcp|unix SIZE SECONDS\n       %s peer echo|send|sink CHUNK\n", argv[0], argv[0]);
        return 2;
    }
    const char *mode = argv[1];
    const char *family = argv[2];
    size_t size = (size_t) atol(argv[3]);
    double seconds = atof(argv[4]);
    int bulk = strcmp(mode, "bulk") == 0;
    if (!bulk && strcmp(mode, "pingpong") != 0) {
        fprintf(stderr, "mode must be pingpong or bulk\n");
        return 2;
    }
    int fds[2];
    connect_pair(family, fds);
    struct peer peer = {fds[1], size};
    pthread_t t;
    if (pthread_create(&t, NULL, bulk ? send_peer : echo_peer, &peer) != 0) die("pthread_create");

    char *buf = malloc(size > MIB ? size : MIB);
    memset(buf, 1, size);
    long ops = 0;
    double start = now(CLOCK_MONOTONIC), cpu0 = 0, t0 = 0;
    int measuring = 0;
    for (;;) {
        if (bulk) {
            size_t got = 0;
            while (got < MIB) {
                size_t want = MIB - got < size ? MIB - got : size;
                ssize_t r = recv(fds[0], buf, want, 0);
                if (r < 0 && errno == EINTR) continue;
                if (r <= 0) die("recv");
                got += (size_t) r;
            }
        } else {
            if (write_all(fds[0], buf, size) != 0) die("send");
            if (read_full(fds[0], buf, size) != 0) die("recv");
        }
        ops++;
        if ((ops & 15) == 0 || bulk) {
            double n = now(CLOCK_MONOTONIC);
            if (!measuring && n - start >= 0.5) {
                measuring = 1;
                ops = 0;
                t0 = n;
                cpu0 = now(CLOCK_PROCESS_CPUTIME_ID);
            } else if (measuring && n - t0 >= seconds) {
                break;
            }
        }
    }
    double wall = now(CLOCK_MONOTONIC) - t0;
    double cpu = now(CLOCK_PROCESS_CPUTIME_ID) - cpu0;
    /* close, not shutdown: unread data makes TCP reset, so a blocked sender wakes too */
    close(fds[0]);
    pthread_join(t, NULL);
    close(fds[1]);
    double rate = ops / wall;
    cpu_set_t allowed;
    long cpus = sched_getaffinity(0, sizeof allowed, &allowed) == 0 ? CPU_COUNT(&allowed) : -1;
    printf("RESULT c %s family=%s size=%zu ops_per_s=%.1f us_per_op=%.3f gb_per_s=%.3f cpu_ns_per_op=%.1f cpu_busy=%.3f cpus=%ld\n",
           mode, family, size, rate, 1e6 / rate, bulk ? rate * MIB / 1e9 : 0.0, cpu * 1e9 / ops, cpu / wall,
           cpus);
    return 0;
}
