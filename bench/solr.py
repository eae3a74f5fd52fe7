#!/usr/bin/env python3
"""The solr phase's helpers (bench/run.sh --phases solr, issue 17): the same passages and the same queries for
the project and the Solr peer, and the report.

  solr.py export URL OUT.jsonl
      every passage the project's server at URL lists (/api/documents, then /api/documents/{id}), as one Solr
      document each: {id, doc_id, title, section (the headings above it, joined by " / "), text, tags}
  solr.py lists URL NAME OUTDIR QUERIES.jsonl[:FIELD] ... [--tags]
      the queries (field "text" unless :FIELD; duplicates dropped), crossed with every searchable tag of the
      server at URL when --tags, in one fixed shuffled order; writes OUTDIR/project-NAME.txt (/api/search
      paths) and OUTDIR/solr-NAME.txt (/solr/passages/select paths, the peer README's fair request), line n
      of one the same search as line n of the other
  solr.py keep NAME OUTDIR CODES_PROJECT CODES_SOLR
      drops from both lists the lines either engine did not answer 200 (codes one a line, in list order)
  solr.py report RAW.jsonl OUT.md
      the tables: per corpus, cache and connections, each round's figures, ratios and the median ratio
"""
import http.client
import json
import random
import re
import statistics
import sys
import urllib.parse

# The peer's escaping (solr_beir.py esc()): query syntax is escaped, so a question ending in " ?" is not a
# wildcard, and AND/OR/NOT are plain words.
SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')


def esc(q):
    q = SPECIAL.sub(r"\\\1", q)
    return re.sub(r"\b(AND|OR|NOT)\b", lambda m: m.group(1).lower(), q)


class Server:
    """One keep-alive connection to the project's server."""

    def __init__(self, url):
        u = urllib.parse.urlsplit(url)
        self.conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)

    def get(self, path):
        self.conn.request("GET", path)
        r = self.conn.getresponse()
        body = r.read()
        if r.status != 200:
            raise SystemExit(f"GET {path}: HTTP {r.status}: {body[:200]!r}")
        return json.loads(body)


def pages(server, path, key):
    offset = 0
    while True:
        page = server.get(f"{path}?offset={offset}&limit=100")
        yield from page[key]
        offset += 100
        if offset >= page["total"]:
            return


def export(url, out):
    server = Server(url)
    docs = passages = 0
    with open(out, "w", encoding="utf-8") as f:
        for d in list(pages(server, "/api/documents", "documents")):
            source = d["source"]
            docs += 1
            path = "/api/documents/" + urllib.parse.quote(source["id"], safe="")
            for p in pages(server, path, "passages"):
                section = " / ".join(p.get("headings") or []) or (p.get("section") or "")
                f.write(json.dumps({"id": p["id"], "doc_id": source["id"], "title": source.get("title") or "",
                                    "section": section, "text": p["text"], "tags": p.get("tags") or []},
                                   ensure_ascii=False) + "\n")
                passages += 1
    status = server.get("/api/index")
    print(f"exported {passages} passages of {docs} documents (the index serves {status.get('passages')}) -> {out}",
          file=sys.stderr)


def searchable_tags(url):
    groups = Server(url).get("/api/tags")["groups"]
    return [t["id"] for g in groups if not g.get("setAside") for t in g["tags"]]


def lists(url, name, outdir, sources, with_tags):
    queries = []
    for source in sources:
        path, _, field = source.partition(":")
        for line in open(path, encoding="utf-8"):
            if line.strip():
                queries.append(json.loads(line)[field or "text"].strip())
    queries = list(dict.fromkeys(q for q in queries if q))
    tags = [None] + (searchable_tags(url) if with_tags else [])
    searches = [(q, t) for q in queries for t in tags]
    # A fixed order, shuffled: a run that uses only part of a list still sees every kind of query.
    random.Random(17).shuffle(searches)
    fair = [("defType", "edismax"), ("qf", "text title section"), ("rows", "10"), ("hl", "true"), ("hl.fl", "text"),
            ("hl.method", "unified"), ("hl.snippets", "2"), ("facet", "true"), ("facet.field", "tags"),
            ("facet.field", "doc_id"), ("facet.limit", "20"), ("wt", "json")]
    with open(f"{outdir}/project-{name}.txt", "w") as p, open(f"{outdir}/solr-{name}.txt", "w") as s:
        for q, t in searches:
            # The project's defaults are the same page: 10 hits, snippets, facets on tags and documents.
            p.write("/api/search?" + urllib.parse.urlencode([("q", q), ("limit", "10")] + ([("tag", t)] if t else [])) + "\n")
            s.write("/solr/passages/select?" + urllib.parse.urlencode(
                [("q", esc(q))] + fair + ([("fq", "{!term f=tags}" + t)] if t else [])) + "\n")
    crossed = f" x {len(tags)} filters (none, and each of {len(tags) - 1} searchable tags)" if with_tags else ""
    print(f"{name}: {len(searches)} searches ({len(queries)} distinct queries{crossed})"
          f" -> {outdir}/project-{name}.txt, solr-{name}.txt", file=sys.stderr)


def keep(name, outdir, codes_project, codes_solr):
    files = [f"{outdir}/project-{name}.txt", f"{outdir}/solr-{name}.txt"]
    lines = [open(f).read().splitlines() for f in files]
    codes = [open(c).read().split() for c in (codes_project, codes_solr)]
    ok = [i for i in range(len(lines[0])) if codes[0][i:i + 1] == ["200"] and codes[1][i:i + 1] == ["200"]]
    for f, ls in zip(files, lines):
        with open(f, "w") as out:
            out.write("".join(ls[i] + "\n" for i in ok))
    print(len(lines[0]) - len(ok))


def med(xs):
    return statistics.median(xs) if xs else float("nan")


def report(raw, out):
    rows = [json.loads(l) for l in open(raw) if '"type":"solr' in l]
    loads = [r for r in rows if r["type"] == "solr-load"]
    md = ["# The project beside Solr (issue 17)", ""]
    notes = [r["text"] for r in rows if r["type"] == "solr-note"]
    setting = next((r for r in rows if r["type"] == "solr-settings"), {})
    md.append(
        f"`bench/run.sh --phases solr`, {setting.get('started', '?')}: the same passages in both engines (exported from "
        f"the project's index), the same searches in the same order; {setting.get('rounds', '?')} interleaved rounds of "
        f"{setting.get('duration_s', '?')} s per point (project first in odd rounds, Solr first in even ones), after "
        f"{setting.get('warmup_s', '?')} s of warm-up per server. The project serves words alone as a words-only "
        f"deployment runs it (its configuration with `semantic.yaml` off: no model loaded), and its hybrid rows from an "
        f"index built with the default configuration; Solr is the peer's stock English chain and BM25 with "
        f"the fair request (10 rows, 2 snippets, facets on tags and documents). Ratio = project / Solr (requests/s: "
        f"above 1 the project is faster; p99: below 1 it is); per core: requests per second of the engine's own CPU "
        f"time (from /proc/PID/stat during the measurement), which is less at the mercy of what else runs. Load average: the 1-minute figure at the end of each "
        f"measurement, project / Solr.")
    md.append("")
    for r in [r for r in rows if r["type"] == "solr-corpus"]:
        md.append(f"- {r['corpus']}: {r['passages']} passages of {r['documents']} documents in both; "
                  f"{r['searches']} searches in the list ({r['dropped']} dropped that an engine did not answer 200)")
    md.append("")
    summary = ["| corpus | mode | cache | connections | project req/s | Solr req/s | ratio (median of rounds) | "
               "project p99 ms | Solr p99 ms | p99 ratio | repeats (project / Solr) | cores used (project / Solr) | "
               "ratio per core | answer KB (project / Solr) | load avg |",
               "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    detail = []
    keys = list(dict.fromkeys((r["corpus"], r["mode"], r["cache"], r["connections"]) for r in loads))
    for corpus, mode, cache, conns in keys:
        sel = [r for r in loads if (r["corpus"], r["mode"], r["cache"], r["connections"]) == (corpus, mode, cache, conns)]
        rounds = sorted(set(r["round"] for r in sel))
        ratios, p99s, per_core, lines = [], [], [], []
        for n in rounds:
            p = next((r for r in sel if r["round"] == n and r["engine"] == "project"), None)
            s = next((r for r in sel if r["round"] == n and r["engine"] == "solr"), None)
            if not p or not s:
                continue
            ratio = p["rps"] / s["rps"] if s["rps"] else float("nan")
            p99 = p["p99_ms"] / s["p99_ms"] if s["p99_ms"] else float("nan")
            ratios.append(ratio)
            p99s.append(p99)
            if p.get("server_cores") and s.get("server_cores"):
                per_core.append(ratio * s["server_cores"] / p["server_cores"])
            lines.append(f"| {n} | {p['rps']:,.0f} | {s['rps']:,.0f} | {ratio:.2f} | {p['p50_ms']:.2f} / {s['p50_ms']:.2f} | "
                         f"{p['p99_ms']:.2f} / {s['p99_ms']:.2f} | {p99:.2f} | {p['non2xx'] + sum(p['socket_errors'].values())} / "
                         f"{s['non2xx'] + sum(s['socket_errors'].values())} | {repeats(p)} / {repeats(s)} | "
                         f"{p.get('loadavg', '?')} / {s.get('loadavg', '?')} |")
        if not lines:
            continue
        eng = {e: [r for r in sel if r["engine"] == e] for e in ("project", "solr")}
        summary.append(
            f"| {corpus} | {mode} | {cache} | {conns} | {med([r['rps'] for r in eng['project']]):,.0f} | "
            f"{med([r['rps'] for r in eng['solr']]):,.0f} | **{med(ratios):.2f}** | {med([r['p99_ms'] for r in eng['project']]):.2f} | "
            f"{med([r['p99_ms'] for r in eng['solr']]):.2f} | {med(p99s):.2f} | {sum(repeats(r) for r in eng['project'])} / "
            f"{sum(repeats(r) for r in eng['solr'])} | {med([r.get('server_cores', 0) for r in eng['project']]):.2f} / "
            f"{med([r.get('server_cores', 0) for r in eng['solr']]):.2f} | {med(per_core):.2f} | {answer_kb(eng['project']):.1f} / "
            f"{answer_kb(eng['solr']):.1f} | {' '.join(r.get('loadavg', '?') for r in sel)} |")
        detail += [f"### {corpus}, {mode}, caches {cache}, {conns} connections", "",
                   "| round | project req/s | Solr req/s | ratio | p50 ms (project / Solr) | p99 ms (project / Solr) | "
                   "p99 ratio | errors | repeats | load avg |", "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"] + lines + [""]
    md += ["## Summary", ""] + summary + [""]
    md.append("Mode hybrid: the project by words and meaning (the default configuration) against the same Solr by words. "
              "Repeats: requests of the row sent again after the server had used up the list since it started (warm-up "
              "included). With caches off a repeat costs what the first search did; with caches on it may be answered "
              "from a cache, which flatters the engine whose cache holds more of the list: the project keeps 1,000 "
              "answers (and at most 16 MB), Solr's queryResultCache 512, both least recently used, so a list walked in "
              "order and longer than the cache never hits it. Solr's filter and document caches help even when nothing repeats.")
    vec = [r for r in loads if r["engine"] == "project" and r["mode"] == "hybrid"]
    asked = sum(r.get("vector_hits", 0) + r.get("vector_misses", 0) for r in vec)
    if asked:
        kept = sum(r.get("vector_hits", 0) for r in vec)
        md.append("")
        md.append(f"Query vectors in the hybrid rows: {100 * kept / asked:.1f}% of the questions read for a meaning "
                  f"({kept:,} of {asked:,}) had their vector kept from an earlier search (the last 1,024 questions, "
                  "whatever their filters or page); the rest cost the model's run. The seed list asks 91 questions, "
                  "each with 57 tag filters; a SciFact or MedQuAD list asks each question once.")
    md.append("")
    mem = [r for r in rows if r["type"] == "solr-memory"]
    if mem:
        md += ["## Resident memory under load", "",
               "Read from /proc/PID/status right after each engine's last measurement at the given point "
               "(VmRSS now, VmHWM the peak since start). The project runs with `bin/jvm.options` (128 MB heap), by "
               "words alone with no model loaded (semantic.yaml off, as a words-only deployment runs it), except in "
               "the rows marked hybrid, which have the embedding model loaded; Solr with the peer's 512 MB heap.", "",
               "| corpus | cache | project VmRSS MB | Solr VmRSS MB | ratio | project VmHWM MB | Solr VmHWM MB | ratio |",
               "|---|---|---:|---:|---:|---:|---:|---:|"]
        for r in mem:
            md.append(f"| {r['corpus']} | {r['cache']} | {r['project_rss_kb'] / 1024:.0f} | {r['solr_rss_kb'] / 1024:.0f} | "
                      f"{r['project_rss_kb'] / r['solr_rss_kb']:.2f} | {r['project_hwm_kb'] / 1024:.0f} | "
                      f"{r['solr_hwm_kb'] / 1024:.0f} | {r['project_hwm_kb'] / r['solr_hwm_kb']:.2f} |")
        md.append("")
    ceil = [r for r in rows if r["type"] == "solr-ceiling"]
    if ceil:
        md += ["## The HTTP ceiling (4 connections)", "",
               "The project's `/health` beside Solr's core ping (`/solr/passages/admin/ping`: a `*:*` query of 10 rows) "
               "and its node health check (`/solr/admin/info/health`: no search), interleaved rounds.", "",
               "| endpoint | requests/s (median) | p99 ms (median) | rounds | /health ÷ this |", "|---|---:|---:|---:|---:|"]
        health = med([r["rps"] for r in ceil if r["endpoint"] == "health"])
        for e in dict.fromkeys(r["endpoint"] for r in ceil):
            sel = [r for r in ceil if r["endpoint"] == e]
            rps = med([r["rps"] for r in sel])
            md.append(f"| {e} | {rps:,.0f} | {med([r['p99_ms'] for r in sel]):.2f} | {len(sel)} | "
                      f"{'' if e == 'health' else f'{health / rps:.2f}'} |")
        md.append("")
    if notes:
        md += ["## Notes", ""] + [f"- {n}" for n in notes] + [""]
    md += ["## Every round", ""] + detail
    with open(out, "w") as f:
        f.write("\n".join(md))
    print("\n".join(md[:md.index("## Every round")]))


def answer_kb(rows):
    """Mean bytes of an answer (headers included) over the rows' requests, in KB."""
    n = sum(r["requests"] for r in rows)
    return sum(r["bytes"] for r in rows) / n / 1024 if n else float("nan")


def repeats(r):
    """Requests of this measurement sent after the list was used up (positions count from the server's start)."""
    if "next" not in r:
        return 0
    return max(0, r["next"] - max(r["from"], r["list"]))


def main(argv):
    if len(argv) < 2:
        raise SystemExit(__doc__)
    cmd, args = argv[1], argv[2:]
    if cmd == "export" and len(args) == 2:
        export(*args)
    elif cmd == "lists" and len(args) >= 4:
        with_tags = "--tags" in args
        args = [a for a in args if a != "--tags"]
        lists(args[0], args[1], args[2], args[3:], with_tags)
    elif cmd == "keep" and len(args) == 4:
        keep(*args)
    elif cmd == "report" and len(args) == 2:
        report(*args)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
