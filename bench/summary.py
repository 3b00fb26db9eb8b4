#!/usr/bin/env python3
"""Summarises a bench/run.sh results directory as Markdown: weft beside the JDK in the same
run, the C reference, CPU per operation, timeout lateness, sparse echo latency, and how busy
the machine was.

    python3 bench/summary.py bench/results
"""
import json
import os
import re
import sys

MIB = 1 << 20


def load_jmh(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        text = f.read().strip()
    return json.loads(text) if text else []


def load_results(path):
    """RESULT lines (C reference, lateness, sparse echo) as dicts."""
    out = []
    if not os.path.exists(path):
        return out
    with open(path) as f:
        for line in f:
            if not line.startswith("RESULT "):
                continue
            words = line.split()
            d = {"kind": words[1]}
            if words[1] == "c":
                d["mode"] = words[2]
            for w in words[2:]:
                if "=" in w:
                    k, v = w.split("=", 1)
                    d[k] = v
            out.append(d)
    return out


def secondary(r, name):
    m = r.get("secondaryMetrics", {}).get(name)
    return m["score"] if m else None


def percentile(r, p):
    return r["primaryMetric"].get("scorePercentiles", {}).get(p)


# benchmark -> (row label, unit, value(result), higher-is-better, C key or None)
def bench_rows(r):
    name = r["benchmark"].replace("dev.weft.jmh.", "")
    p = r.get("params", {})
    score = r["primaryMetric"]["score"]
    if name == "PingPong.Tcp.roundTrip":
        yield (f"(a) TCP ping-pong {p['bytes']} B", "round trips/s", score, True, ("pingpong", "tcp", p["bytes"]))
    elif name == "PingPong.Unix.roundTrip":
        yield (f"(d) AF_UNIX ping-pong {p['bytes']} B", "round trips/s", score, True, ("pingpong", "unix", p["bytes"]))
    elif name == "Bulk.Tcp.mebibyte":
        yield (f"(c) TCP bulk, {p['buffer']} buffers", "GB/s", score * MIB / 1e9, True, ("bulk", "tcp", "65536"))
    elif name == "Bulk.Unix.mebibyte":
        yield (f"(d) AF_UNIX bulk, {p['buffer']} buffers", "GB/s", score * MIB / 1e9, True, ("bulk", "unix", "65536"))
    elif name == "Echo.message":
        rate = secondary(r, "ops.rate")
        n = f"{int(p.get('connections', 1000)):,}"
        if rate is not None:
            yield (f"(b) echo, {n} connections", "messages/s", rate, True, None)
        # over all connections (the load threads' histogram), not JMH's samples of one connection
        yield (f"(b) echo latency p50, {n} connections", "µs", secondary(r, "lat.p50"), False, None)
        yield (f"(b) echo latency p99, {n} connections", "µs", secondary(r, "lat.p99"), False, None)
    elif name == "Udp.exchange":
        b = int(p["burst"])
        yield (f"(e) UDP 64 B, burst {b}", "datagrams/s", score * 2 * b, True, None)
    elif name == "ConnectAccept.connectAcceptClose":
        yield ("(f) connect+accept+close", "connections/s", score, True, None)
    elif name == "PingPong.Tls.roundTrip":
        yield (f"(t) TLS 1.3 ping-pong {p['bytes']} B, SSLSocket twin", "round trips/s", score, True, None)
    elif name == "Bulk.Tls.mebibyte":
        yield (f"(t) TLS 1.3 bulk, {p['buffer']} buffers, SSLSocket twin", "GB/s", score * MIB / 1e9, True, None)
    elif name == "Outside.BulkIn.mebibyte":
        yield (f"(o) TCP download from another process, {p['buffer']} buffers", "GB/s", score * MIB / 1e9, True, None)
    elif name == "Outside.BulkOut.mebibyte":
        yield (f"(o) TCP upload to another process, {p['buffer']} buffers", "GB/s", score * MIB / 1e9, True, None)
    elif name == "Outside.PingPong.roundTrip":
        yield (f"(o) TCP ping-pong {p['bytes']} B with another process", "round trips/s", score, True, None)
    elif name == "NonBlocking.emptyRecv":
        yield ("(h) non-blocking recv, nothing there", "ns/call", score, False, None)
    elif name == "NonBlocking.emptyChannelRead":
        yield ("(h) non-blocking channel read, nothing there (0 returned on both sides)", "ns/call", score, False, None)
    else:
        yield (name + " " + ",".join(f"{k}={v}" for k, v in sorted(p.items()) if k != "impl"),
               r["primaryMetric"]["scoreUnit"], score, "thrpt" == r["mode"], None)


VARIANTS = {"weft-mmsg": "sendmmsg/recvmmsg"}


def cpu_per_op(r):
    """CPU µs per operation, per the unit the row reports."""
    c = secondary(r, "cpu.ns/op")
    return None if c is None else c / 1000.0


def fmt(v, unit=None):
    if v is None:
        return "–"
    if unit == "GB/s":
        return f"{v:.2f}"
    if abs(v) >= 100000:
        return f"{v/1000:,.0f}k"
    if abs(v) >= 1000:
        return f"{v:,.0f}"
    if abs(v) >= 10:
        return f"{v:.1f}"
    return f"{v:.2f}"


def table(jmh, others):
    rows = {}
    order = []
    twins = {}
    for r in jmh:
        impl = r.get("params", {}).get("impl", "?")
        for label, unit, value, higher, ckey in bench_rows(r):
            if impl.startswith("weft-"):
                # a weft variant (e.g. weft-mmsg) gets its own row, against the same JDK figure
                base = label
                label = f"{label}, weft with {VARIANTS.get(impl, impl)}"
                twins[label] = base
                impl = "weft"
            if label not in rows:
                rows[label] = {"unit": unit, "higher": higher, "ckey": ckey}
                order.append(label)
            rows[label][impl] = value
            # CPU per op belongs to the row that shows the benchmark's own operations
            if "latency" not in label:
                rows[label][impl + "_cpu"] = cpu_per_op(r)
                rows[label][impl + "_busy"] = secondary(r, "cpu.busy")
                rows[label][impl + "_sw"] = secondary(r, "ctxsw/op")
    for label, base in twins.items():
        for k in ("jdk", "jdk_cpu", "jdk_busy", "jdk_sw"):
            if k in rows.get(base, {}):
                rows[label][k] = rows[base][k]
    cref = {}
    for o in others:
        if o["kind"] == "c":
            cref[(o["mode"], o["family"], o["size"])] = o
    lines = ["| benchmark | unit | weft | JDK | weft vs JDK | CPU µs/op weft | CPU µs/op JDK "
             "| switches/op weft / JDK | C | weft vs C |",
             "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for label in order:
        row = rows[label]
        w, j = row.get("weft"), row.get("jdk")
        ratio = None
        if w and j:
            ratio = w / j if row["higher"] else j / w
        c = cref.get(row["ckey"]) if row["ckey"] else None
        cval = None
        if c:
            cval = float(c["gb_per_s"]) if row["unit"] == "GB/s" else float(c["ops_per_s"])
        cratio = (w / cval) if (w and cval) else None
        sw = row.get("weft_sw"), row.get("jdk_sw")
        lines.append("| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |".format(
            label, row["unit"], fmt(w, row["unit"]), fmt(j, row["unit"]),
            f"{ratio:.2f}x" if ratio else "–",
            fmt(row.get("weft_cpu")), fmt(row.get("jdk_cpu")),
            "–" if sw[0] is None and sw[1] is None else
            f"{'–' if sw[0] is None else f'{sw[0]:.1f}'} / {'–' if sw[1] is None else f'{sw[1]:.1f}'}",
            fmt(cval, row["unit"]) + (f" ({float(c['cpu_ns_per_op'])/1000:.1f} µs CPU)" if c else ""),
            f"{cratio:.2f}x" if cratio else "–"))
    return lines


def lateness(others):
    ls = [o for o in others if o["kind"] == "lateness"]
    if not ls:
        return []
    out = ["| impl | threads | timeouts | p50 late | p90 late | p99 late | max late | early "
           "| heap per idle connection | native per idle connection | CPU while all wait | CPU per fired timeout |",
           "|---|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for o in ls:
        heap = int(o.get("heap_per_idle_conn_bytes", "-1"))
        native = int(o.get("native_per_idle_conn_bytes", "-1"))
        idle = float(o.get("idle_cpu_percent", "-1"))
        fired = float(o.get("cpu_us_per_timeout", "-1"))
        out.append(f"| {o['impl']} | {o['threads']} | {o['timeouts_ms']} ms | {float(o['p50_ms']):.3f} ms | "
                   f"{float(o['p90_ms']):.3f} ms | {float(o['p99_ms']):.3f} ms | {float(o['max_ms']):.1f} ms | "
                   f"{o['early']} | {'–' if heap < 0 else f'{heap:,} B'} | {'–' if native < 0 else f'{native:,} B'} | "
                   f"{'–' if idle < 0 else f'{idle:.2f}% of a CPU'} | {'–' if fired < 0 else f'{fired:.1f} µs'} |")
    return out


def sparse(others):
    ss = [o for o in others if o["kind"] == "sparse"]
    if not ss:
        return []
    out = ["| impl | connections | mean gap | exchanges/s | p50 | p90 | p99 | CPU µs per exchange |",
           "|---|--:|--:|--:|--:|--:|--:|--:|"]
    for o in ss:
        out.append(f"| {o['impl']} | {o['connections']} | {o['gap_us']} µs | {float(o['exchanges_per_s']):,.0f} | "
                   f"{float(o['p50_us']):.1f} µs | {float(o['p90_us']):.1f} µs | {float(o['p99_us']):.1f} µs | "
                   f"{float(o['cpu_us_per_exchange']):.1f} |")
    return out


def wrk(others):
    ws = [o for o in others if o["kind"] == "wrk"]
    if not ws:
        return []
    out = ["| server | connections | seconds | requests/s | latency avg | latency p99 | errors | non-2xx | server CPU µs per request |",
           "|---|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for o in ws:
        name = {"weft": "weft StreamServer", "jdk": "JDK ServerSocket twin"}.get(o["impl"], o["impl"])
        out.append(f"| {name} | {o['connections']} | {o['seconds']} | {float(o['requests_per_s']):,.0f} | "
                   f"{o['latency_avg']} | {o.get('latency_p99', '–')} | {o['errors']} | {o['non2xx']} | {float(o['cpu_us_per_request']):.1f} |")
    return out


def load_summary(path):
    if not os.path.exists(path):
        return []
    samples, passes = [], {}
    with open(path) as f:
        for line in f:
            w = line.split()
            if len(w) == 3 and w[2] in ("start", "end"):
                passes.setdefault(w[0], {})[w[2]] = int(w[1])
            elif len(w) == 4:
                samples.append((int(w[0]), float(w[1])))
    out = []
    for name, se in passes.items():
        s = [v for t, v in samples if se.get("start", 0) <= t <= se.get("end", 1 << 62)]
        if s:
            out.append(f"- {name}: 1-minute load average {min(s):.1f} to {max(s):.1f} "
                       f"(mean {sum(s)/len(s):.1f}, {len(s)} samples; the suite itself keeps about 1-2 busy)")
    return out


def experiments(d, pass_):
    rows = []
    for fname, tag in ((f"exp-spin-{pass_}.json", None),
                       (f"exp-pspin-{pass_}.json", "weft, -Dweft.poller.spinMicros=50 (the poller spins)"),
                       (f"exp-pm1-{pass_}.json", "jdk, -Djdk.pollerMode=1")):
        for r in load_jmh(os.path.join(d, fname)):
            impl = r["params"].get("impl")
            label = tag or {"weft": "weft", "weft-spin": "weft-spin (spin ≤ 50 µs, then park)",
                            "jdk": "jdk (default: virtual-thread pollers)"}.get(impl, impl)
            score = r["primaryMetric"]["score"]
            rows.append("| {} | {} | {:.1f} | {} | {} | {} |".format(
                label, fmt(score), 1e6 / score, fmt(cpu_per_op(r)), fmt(secondary(r, "cpu.busy")),
                fmt(secondary(r, "ctxsw/op"))))
    if not rows:
        return []
    return ["| 64 B TCP ping-pong | round trips/s | µs/round trip | CPU µs/round trip | CPUs busy | switches/round trip |",
            "|---|--:|--:|--:|--:|--:|"] + rows


def target_check(d):
    """DESIGN.md's target: weft's unpinned 64 B TCP round trip within 1.5x of pinned C."""
    weft = None
    for r in load_jmh(os.path.join(d, "jmh-unpinned.json")):
        if (r["benchmark"].endswith("PingPong.Tcp.roundTrip") and r["params"].get("impl") == "weft"
                and r["params"].get("bytes") == "64"):
            weft = 1e6 / r["primaryMetric"]["score"]
    c = None
    for o in load_results(os.path.join(d, "other-pinned.txt")):
        if o["kind"] == "c" and o["mode"] == "pingpong" and o["family"] == "tcp" and o["size"] == "64":
            c = float(o["us_per_op"])
    if weft is None or c is None:
        return None
    return (f"**Target** (DESIGN.md: weft's unpinned 64 B TCP round trip within 1.5x of pinned C): "
            f"weft unpinned {weft:.1f} µs, C pinned {c:.1f} µs: {weft / c:.1f}x.")


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else "bench/results"
    print("# weft benchmarks: summary\n")
    mpath = os.path.join(d, "machine.txt")
    if os.path.exists(mpath):
        print("```")
        print(open(mpath).read().rstrip())
        print("```\n")
    print("weft vs JDK > 1 means weft is better (faster, more per second, or less latency).")
    print("CPU µs/op: process CPU time (all threads) per operation: per round trip, per MiB, per message,")
    print("per burst, per connection or per call. switches/op: context switches of the process's threads per")
    print("operation (each sleep and wake-up of a thread is one; blocking C ping-pong needs 2 per round trip).\n")
    for pass_ in ("unpinned", "pinned"):
        jmh = load_jmh(os.path.join(d, f"jmh-{pass_}.json"))
        others = load_results(os.path.join(d, f"other-{pass_}.txt"))
        if not jmh and not others and not experiments(d, pass_):
            continue
        print(f"## {pass_}" + (" (taskset -c 0: every thread on one CPU)" if pass_ == "pinned" else " (2 CPUs)") + "\n")
        if jmh or any(o["kind"] == "c" for o in others):
            print("\n".join(table(jmh, others)) + "\n")
        exp = experiments(d, pass_)
        if exp:
            print("Experiments (BENCH_EXPERIMENTS=1), measured one after another:\n")
            print("\n".join(exp) + "\n")
        lat = lateness(others)
        if lat:
            print("Timeout lateness (g):\n")
            print("\n".join(lat) + "\n")
        sp = sparse(others)
        if sp:
            print("Sparse echo latency (one exchange at a time per connection, random gaps):\n")
            print("\n".join(sp) + "\n")
        wk = wrk(others)
        if wk:
            print("HTTP echo under wrk (-t2, loopback; wrk shares the CPUs):\n")
            print("\n".join(wk) + "\n")
    target = target_check(d)
    if target:
        print(target + "\n")
    noise = load_summary(os.path.join(d, "loadavg.txt"))
    if noise:
        print("## machine load during the run\n")
        print("\n".join(noise) + "\n")


if __name__ == "__main__":
    main()
