#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: LLMProxy contributors
"""Turn the measurements of bench/run.sh into the results section of docs/PERFORMANCE.md.

The section between the BEGIN/END markers is replaced; the rest of the file is left alone.
"""

import argparse
import json
import sys

BEGIN = "<!-- bench/run.sh results: BEGIN (generated, do not edit by hand) -->"
END = "<!-- bench/run.sh results: END -->"

TARGETS = {
    "throughput_vs_nginx": 0.6,     # LLMProxy req/s >= 0.6 x nginx
    "throughput_vs_direct": 0.3,    # LLMProxy req/s >= 0.3 x direct
    "added_p50_us": 150.0,          # added p50 at one connection <= 0.15 ms
    "idle_rss_mib": 30.0,           # headless, after start-up and one request
    "streams_extra_mib": 60.0,      # 1,000 idle streams
}

LABELS = {"direct": "Direct to mock", "nginx": "nginx reverse proxy", "llmproxy": "LLMProxy",
          "llmproxy-off": "LLMProxy, security pipeline off"}
PATHS = ("direct", "nginx", "llmproxy", "llmproxy-off")


def ms(us):
    # Sub-millisecond figures keep microsecond resolution: the latency target is 0.15 ms.
    return f"{us / 1000:.3f} ms" if abs(us) < 1000 else f"{us / 1000:.2f} ms"


def mib(kib):
    return kib / 1024.0


def verdict(ok):
    return "met" if ok else "**missed**"


def other(rs):
    return " / ".join(f"{r.get('other_cpu_pct', 0)}%" for r in rs)


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def runs(results, target, connections):
    return sorted((r for r in results if r["kind"] == "wrk" and r["target"] == target and r["connections"] == connections),
                  key=lambda r: r["rep"])


def render(results, facts):
    out = []
    add = out.append
    conns = int(facts["connections"])
    by_kind = {r["kind"]: r for r in results if r["kind"] != "wrk"}

    add(f"Measured on {facts['date']} with `{facts['command'].strip()}`.")
    add("")
    add("| Machine and versions | |")
    add("|---|---|")
    add(f"| CPU | {facts['cpu']}, `nproc` = {facts['nproc']}, {facts['memory']} RAM |")
    add(f"| OS | {facts['os']}, kernel {facts['kernel']} |")
    add(f"| LLMProxy | {facts['llmproxy'] or 'unknown'} ({facts['build_type']} build, tree at {facts['commit']}), "
        f"workers: {facts['workers']} |")
    add(f"| Libraries | Qt {facts['qt']}, libcurl {facts['libcurl']} |")
    add(f"| Load tools | wrk {facts['wrk']}, nginx {facts['nginx']} |")
    add(f"| Other work on the machine | {facts['background_before']}% of all CPU busy just before the wrk runs, "
        f"{facts['background_after']}% just after; load average {facts['load_before']} before, {facts['load_after']} after; "
        f"wrk runs measured again because other work took more than {facts['max_other']}% of the CPU during them: "
        f"{facts['retried']} |")
    add("")
    add("wrk, the mock upstream, nginx and LLMProxy all run on the same "
        f"{facts['nproc']} cores, so every proxy competes with its own load generator and upstream for CPU.")
    add("")

    # Throughput at the configured concurrency.
    add(f"### Throughput: wrk -t{facts['threads']} -c{conns} -d{facts['duration']}, "
        f"best of {facts['repeats']} interleaved runs")
    add("")
    add("| Path | req/s (each run) | req/s best | p50 | p99 | server CPU per request | errors | other load (each run) |")
    add("|---|---|---|---|---|---|---|---|")
    best = {}
    for target in PATHS:
        rs = runs(results, target, conns)
        if not rs:
            continue
        top = max(rs, key=lambda r: r["rps"])
        best[target] = top
        each = " / ".join(f"{r['rps']:,.0f}" for r in rs)
        cpu = f"{top['cpu_s'] / top['requests'] * 1e6:.0f} µs" if top["requests"] else "n/a"
        errors = sum(r["non2xx"] + r["socket_errors"] for r in rs)
        add(f"| {LABELS[target]} | {each} | **{top['rps']:,.0f}** | {ms(top['p50_us'])} | {ms(top['p99_us'])} "
            f"| {cpu} | {errors} | {other(rs)} |")
    add("")
    add("Server CPU is the CPU time of the process(es) being measured (the mock for the direct path; nginx's master "
        "and workers; llmproxy) divided by the requests served; the mock's own share is not included for nginx "
        "and LLMProxy. Errors are non-2xx responses plus socket errors, summed over all runs. Other load is the "
        "share of the whole machine's CPU used during the run by processes outside the benchmark "
        "(should be near 0%).")
    add("")

    # Latency at one connection.
    add(f"### Latency at one connection: wrk -t1 -c1 -d{facts['duration']}, best p50 of {facts['repeats']} runs")
    add("")
    add("| Path | p50 (each run) | p50 best | p99 of that run | added p50 vs direct | other load (each run) |")
    add("|---|---|---|---|---|---|")
    c1 = {}
    for target in PATHS:
        rs = runs(results, target, 1)
        if not rs:
            continue
        top = min(rs, key=lambda r: r["p50_us"])
        c1[target] = top
        each = " / ".join(ms(r["p50_us"]) for r in rs)
        added = "—" if target == "direct" or "direct" not in c1 else ms(top["p50_us"] - c1["direct"]["p50_us"])
        add(f"| {LABELS[target]} | {each} | **{ms(top['p50_us'])}** | {ms(top['p99_us'])} | {added} | {other(rs)} |")
    add("")

    # Memory.
    add("### Memory of headless llmproxy")
    add("")
    add("| Measurement | VmRSS | detail |")
    add("|---|---|---|")
    idle = by_kind.get("idle")
    if idle:
        add(f"| Idle, after start-up and one proxied request | **{mib(idle['rss_kib']):.1f} MiB** | "
            f"RssAnon {mib(idle['rss_anon_kib']):.1f} MiB, RssFile {mib(idle['rss_file_kib']):.1f} MiB, "
            f"{idle['threads']} threads |")
    loaded = by_kind.get("loaded")
    if loaded:
        add(f"| After all wrk runs | {mib(loaded['rss_kib']):.1f} MiB | peak (VmHWM) {mib(loaded['hwm_kib']):.1f} MiB |")
    streams = by_kind.get("streams")
    if streams:
        extra = streams["rss_held_kib"] - streams["rss_before_kib"]
        per = extra / streams["held"] if streams["held"] else 0
        add(f"| {streams['held']:,} of {streams['requested']:,} streams held open "
            f"({streams['still_open']:,} verified idle and open at the reading) | "
            f"{mib(streams['rss_held_kib']):.1f} MiB, **+{mib(extra):.1f} MiB** | "
            f"{per:.1f} KiB per stream; baseline {mib(streams['rss_before_kib']):.1f} MiB; "
            f"{streams['upstream_connections_open']} upstream connections open; "
            f"{mib(streams['rss_after_close_kib']):.1f} MiB after the clients closed |")
    add("")

    # Targets.
    add("### Against the targets")
    add("")
    add("| Target | Goal | Reached | |")
    add("|---|---|---|---|")
    if {"llmproxy", "nginx"} <= best.keys():
        r = best["llmproxy"]["rps"] / best["nginx"]["rps"]
        goal = TARGETS["throughput_vs_nginx"]
        add(f"| Throughput vs nginx | ≥ {goal} × | {r:.2f} × | {verdict(r >= goal)}"
            f"{'' if r >= goal else f', {(goal - r) / goal:.0%} short ({goal / r:.2f}× the throughput needed)'} |")
    if {"llmproxy", "direct"} <= best.keys():
        r = best["llmproxy"]["rps"] / best["direct"]["rps"]
        goal = TARGETS["throughput_vs_direct"]
        add(f"| Throughput vs direct | ≥ {goal} × | {r:.2f} × | {verdict(r >= goal)}"
            f"{'' if r >= goal else f', {(goal - r) / goal:.0%} short ({goal / r:.2f}× the throughput needed)'} |")
    if {"llmproxy", "llmproxy-off"} <= best.keys():
        r = best["llmproxy"]["rps"] / best["llmproxy-off"]["rps"]
        with_off = best["llmproxy-off"]["rps"] / best["nginx"]["rps"] if "nginx" in best else None
        add(f"| Throughput with the security pipeline vs without | (measured) | {r:.2f} × | "
            f"without it: {with_off:.2f} × nginx |" if with_off else
            f"| Throughput with the security pipeline vs without | (measured) | {r:.2f} × | |")
    if {"llmproxy", "direct"} <= c1.keys():
        added = c1["llmproxy"]["p50_us"] - c1["direct"]["p50_us"]
        goal = TARGETS["added_p50_us"]
        add(f"| Added p50 at 1 connection | ≤ {ms(goal)} | {ms(added)} | {verdict(added <= goal)}"
            f"{'' if added <= goal else f', {ms(added - goal)} over'} |")
    if idle:
        v = mib(idle["rss_kib"])
        goal = TARGETS["idle_rss_mib"]
        add(f"| Idle RSS, headless | ≤ {goal:.0f} MiB | {v:.1f} MiB | {verdict(v <= goal)}"
            f"{'' if v <= goal else f', {v - goal:.1f} MiB over'} |")
    if streams:
        v = mib(streams["rss_held_kib"] - streams["rss_before_kib"])
        goal = TARGETS["streams_extra_mib"]
        complete = streams["held"] == streams["requested"] == streams["still_open"]
        ok = complete and v <= goal
        note = "" if complete else f", only {streams['still_open']} of {streams['requested']} streams held"
        add(f"| Extra RSS, {streams['requested']:,} idle streams | ≤ {goal:.0f} MiB | {v:.1f} MiB | {verdict(ok)}"
            f"{'' if v <= goal else f', {v - goal:.1f} MiB over'}{note} |")
    add("")
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", required=True)
    parser.add_argument("--facts", required=True)
    parser.add_argument("--output", required=True, help='markdown file to update, or "-" for stdout')
    args = parser.parse_args()

    with open(args.facts, encoding="utf-8") as f:
        facts = json.load(f)
    section = f"{BEGIN}\n{render(load(args.results), facts)}\n{END}"
    if args.output == "-":
        print(section)
        return 0
    try:
        with open(args.output, encoding="utf-8") as f:
            text = f.read()
    except FileNotFoundError:
        text = f"# Performance\n\n{BEGIN}\n{END}\n"
    if BEGIN not in text or END not in text:
        text = text.rstrip("\n") + f"\n\n{BEGIN}\n{END}\n"
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(head + section + tail)
    return 0


if __name__ == "__main__":
    sys.exit(main())
