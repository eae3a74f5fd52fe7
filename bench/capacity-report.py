"""The capacity table from bench/capacity.sh's capacity.jsonl (one JSON record a line), as Markdown."""
import json
import statistics
import sys

rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
runs = [r for r in rows if r["type"] == "run"]
ends = [r for r in rows if r["type"] == "end"]
run = runs[0]
end = ends[0] if ends else {}
empty = next((r for r in rows if r["type"] == "cluster-empty"), None)
index = {(r["engine"], r["size"]): r for r in rows if r["type"] == "index"}
loads = [r for r in rows if r["type"] == "load"]
MB = 1024 * 1024


def med(xs):
    return statistics.median(xs) if xs else float("nan")


def of(engine, size):
    return [r for r in loads if r["engine"] == engine and r["size"] == size]


seed = of("lucene-seed", 0)
seed_rss = med([r["server_rss_kb"] for r in seed])
seed_anon = med([r["server_anon_kb"] for r in seed])
seed_file = med([r["server_file_kb"] for r in seed])
sizes = sorted({r["size"] for r in loads if r["size"] > 0})

print(f"Measured {run['date']} (to {end.get('date', '?')}), commit `{run['commit']}`, {run['cores']} cores, "
      f"{run['mem_kb'] // 1024 // 1024} GB; load average at the start {run['loadavg']}, at the end {end.get('loadavg', '?')}. "
      f"`bench/capacity.sh --sizes \"{run['sizes']}\"`: {run['rounds']} rounds of {run['duration_s']} s at 4 connections "
      f"per engine and size, engines alternating, the median shown; answer cache off; cluster JVM heap {run['os_heap']} "
      "for its three nodes.")
for later, later_end in zip(runs[1:], ends[1:] + [{}] * len(runs)):
    print(f"Added {later['date']} (to {later_end.get('date', '?')}), `--sizes \"{later['sizes']}\" --append`, "
          f"load average at the start {later['loadavg']}, at the end {later_end.get('loadavg', '?')}.")
print()
print("| size | engine | passages | on disk | bytes / passage | searches/s | cores used (server + cluster) "
      "| searches/s per core | p50 ms | p99 ms | passage-search RSS MB (anon / file) | cluster RSS MB, heap used MB | load average |")
print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |")
for size in sizes:
    for engine in ("lucene", "opensearch"):
        rs = of(engine, size)
        if not rs:
            continue
        ix = index.get((engine, size), {})
        n = rs[0]["passages"]
        if engine == "lucene":
            disk = f"{ix.get('bytes', 0) / MB:.0f} MB"
            per = f"{ix.get('bytes', 0) / n:,.0f}"
        else:
            disk = f"{ix.get('pri_bytes', 0) / MB:.0f} MB primaries, {ix.get('total_bytes', 0) / MB:.0f} MB total"
            per = f"{ix.get('pri_bytes', 0) / n:,.0f} / {ix.get('total_bytes', 0) / n:,.0f}"
        # The cluster runs beside the embedded server too (idle); only the engine's own processes count.
        def used(r):
            return r["server_cores"] + (r["cluster_cores"] if engine == "opensearch" else 0)
        cores = [used(r) for r in rs]
        per_core = med([r["rps"] / used(r) for r in rs])
        split = f"{med([r['server_cores'] for r in rs]):.2f} + {med([r['cluster_cores'] for r in rs]):.2f}" if engine == "opensearch" else "server"
        rss = f"{med([r['server_rss_kb'] for r in rs]) / 1024:.0f} ({med([r['server_anon_kb'] for r in rs]) / 1024:.0f} / {med([r['server_file_kb'] for r in rs]) / 1024:.0f})"
        cl = ""
        if engine == "opensearch":
            cl = f"{med([r['cluster_rss_kb'] for r in rs]) / 1024:.0f}, {med([r['cluster_heap_used'] for r in rs]) / MB:.0f}"
        loadavg = "; ".join(r["loadavg"].split()[0] for r in rs)
        print(f"| {size}x | {engine} | {n:,} | {disk} | {per} | {med([r['rps'] for r in rs]):,.0f} | {med(cores):.2f} ({split}) "
              f"| {per_core:,.0f} | {med([r['p50_ms'] for r in rs]):.1f} | {med([r['p99_ms'] for r in rs]):.1f} | {rss} | {cl} | {loadavg} |")
if seed:
    print(f"| seed (77 passages, the near-empty baseline) | lucene | 77 | | | {med([r['rps'] for r in seed]):,.0f} | "
          f"{med([r['server_cores'] for r in seed]):.2f} | | {med([r['p50_ms'] for r in seed]):.1f} | {med([r['p99_ms'] for r in seed]):.1f} "
          f"| {seed_rss / 1024:.0f} ({seed_anon / 1024:.0f} / {seed_file / 1024:.0f}) | | "
          f"{'; '.join(r['loadavg'].split()[0] for r in seed)} |")
print()
print("Memory per passage (resident memory above the baseline, divided by the passages):")
print()
for size in sizes:
    rs = of("lucene", size)
    if rs and seed:
        n = rs[0]["passages"]
        d = med([r["server_rss_kb"] for r in rs]) - seed_rss
        da = med([r["server_anon_kb"] for r in rs]) - seed_anon
        dfile = med([r["server_file_kb"] for r in rs]) - seed_file
        print(f"- embedded {size}x: {d / 1024:.0f} MB above the seed server ({d * 1024 / n:,.0f} bytes a passage; "
              f"anonymous {da / 1024:+.0f} MB, file-backed {dfile / 1024:+.0f} MB)")
    rs = of("opensearch", size)
    if rs and empty:
        n = rs[0]["passages"]
        d = med([r["cluster_rss_kb"] for r in rs]) - empty["rss_kb"]
        h = med([r["cluster_heap_used"] for r in rs]) - empty["heap_used"]
        dfile = med([r["cluster_file_kb"] for r in rs]) - empty["file_kb"]
        print(f"- cluster {size}x: JVM resident {d / 1024:+.0f} MB above the empty cluster ({d * 1024 / n:,.0f} bytes a passage; "
              f"file-backed {dfile / 1024:+.0f} MB), heap used {h / MB:+.0f} MB (a sample, after the run; GC makes it noisy); "
              f"passage-search beside it {med([r['server_rss_kb'] for r in rs]) / 1024:.0f} MB")
if empty:
    print(f"- empty cluster (three nodes, one JVM): {empty['rss_kb'] / 1024:.0f} MB resident, heap used {empty['heap_used'] / MB:.0f} MB")
