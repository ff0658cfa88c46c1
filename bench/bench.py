#!/usr/bin/python3
"""citegraph vs igraph, same graphs, same run: medians and ratios. Driven by bench/run.sh.

For every graph and repetition, the citegraph commands and one igraph worker process run in
turn (the order flips every repetition), so a ratio is taken within one pair of runs and the
median of the per-pair ratios is reported: that holds when the machine's speed drifts.

Times:
  citegraph "alone"       the pass time that `--timings` prints (pagerank, leiden, betweenness, load)
  citegraph "end to end"  wall time of the whole process (start-up, load, projection, pass, output)
  igraph "alone"          perf_counter() around the one igraph call (see igraph_worker.py)
  igraph "end to end"     Read_Ncol + (conversion +) the call, timed inside the process: Python's
                          start-up and `import igraph` are left out, which favours igraph
Peak memory is the process's maximum resident set size, from /usr/bin/time -v when it exists,
else from wait4() (the same kernel figure).
"""
import argparse
import datetime
import json
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
WORKER = os.path.join(HERE, "igraph_worker.py")
PY = "/usr/bin/python3"
TIMING_RE = re.compile(r"^citegraph: timing (.+?) ([0-9.eE+-]+) s$")
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def log(msg):
    print(msg, file=sys.stderr, flush=True)


class RunError(Exception):
    def __init__(self, msg, timed_out=False, passes=None):
        super().__init__(msg)
        self.timed_out = timed_out
        self.passes = passes or {}  # the passes that finished before a run was stopped


def parse_passes(stderr):
    passes = {}
    for line in stderr.splitlines():
        m = TIMING_RE.match(line.strip())
        if m:
            passes[m.group(1)] = float(m.group(2))
    return passes


def run(cmd, timeout, env=None):
    """Runs cmd; returns dict(wall, rss_mb, stdout, stderr, passes). Raises RunError on failure."""
    with tempfile.TemporaryDirectory(prefix="citegraph-bench-") as tmp:
        out_p, err_p, time_p = (os.path.join(tmp, n) for n in ("out", "err", "time"))
        full = ([GNU_TIME, "-v", "-o", time_p] if GNU_TIME else []) + cmd
        with open(out_p, "wb") as fo, open(err_p, "wb") as fe:
            t0 = time.perf_counter()
            # Own process group, so that a run stopped at the bound takes /usr/bin/time's child with it.
            p = subprocess.Popen(full, stdout=fo, stderr=fe, stdin=subprocess.DEVNULL, start_new_session=True,
                                 env=None if env is None else {**os.environ, **env})
            stopped = []

            def kill_group():
                try:
                    os.killpg(p.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass

            def stop():
                stopped.append(True)
                kill_group()

            timer = threading.Timer(timeout, stop)
            timer.start()
            try:
                _, status, ru = os.wait4(p.pid, 0)  # blocking: no polling to disturb the timing
            except BaseException:
                kill_group()
                raise
            finally:
                timer.cancel()
            wall = time.perf_counter() - t0
            p.returncode = os.waitstatus_to_exitcode(status)
        stdout = open(out_p, encoding="utf-8", errors="replace").read()
        stderr = open(err_p, encoding="utf-8", errors="replace").read()
        if stopped:
            raise RunError(f"timed out after {timeout:g} s: {' '.join(cmd)}", timed_out=True, passes=parse_passes(stderr))
        rss_kb = ru.ru_maxrss
        if GNU_TIME and os.path.exists(time_p):
            m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(time_p).read())
            if m:
                rss_kb = int(m.group(1))
            m = re.search(r"Exit status: (\d+)", open(time_p).read())
            if m:
                p.returncode = int(m.group(1))
        if p.returncode != 0:
            raise RunError(f"exit {p.returncode}: {' '.join(cmd)}\n{stderr[-2000:]}")
        return {"wall": wall, "rss_mb": rss_kb / 1024.0, "stdout": stdout, "stderr": stderr,
                "passes": parse_passes(stderr), "complete": True}


def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


class Graph:
    def __init__(self, name, path, reps):
        self.name, self.path, self.reps = name, path, reps
        self.samples = {}  # metric -> list of (citegraph, igraph) per repetition, None when missing
        self.extra = {}
        self.timeouts = {}  # metric -> seconds after which citegraph's run was stopped


    def add(self, metric, cg, ig):
        self.samples.setdefault(metric, []).append((cg, ig))


def count_vertices(path):
    """Distinct ids in a two-column tab-separated file (the vertices both tools create); cached
    beside the file, since counting 16M lines in Python takes a while."""
    memo = path + ".vertices"
    if os.path.exists(memo) and os.path.getmtime(memo) >= os.path.getmtime(path):
        return int(open(memo).read())
    n = _count_vertices(path)
    with open(memo, "w") as f:
        f.write(f"{n}\n")
    return n


def _count_vertices(path):
    seen = set()
    with open(path, "rb") as f:
        for line in f:
            a, b = line.split(b"\t", 1)
            seen.add(a)
            seen.add(b.rstrip(b"\r\n"))
    return len(seen)


# ---------- PageRank accuracy: both vectors judged by the same yardstick ----------

def read_edges(path):
    ids, src, dst = {}, [], []
    with open(path, "rb") as f:
        for line in f:
            a, b = line.rstrip(b"\r\n").split(b"\t")
            src.append(ids.setdefault(a.decode(), len(ids)))
            dst.append(ids.setdefault(b.decode(), len(ids)))
    return ids, src, dst


def pagerank_residual(n, src, dst, x, damping=0.85):
    """L1 norm of G(x) - x for the PageRank map G (dangling rank spread uniformly, as igraph and
    networkx do; multi-edges counted with their multiplicity, self-loops kept, as igraph reads
    the file). GAPBS's verifier: one more iteration must change the vector by little."""
    outdeg = [0] * n
    for s in src:
        outdeg[s] += 1
    y = [0.0] * n
    for s, d in zip(src, dst):
        y[d] += x[s] / outdeg[s]
    dangling = sum(x[v] for v in range(n) if outdeg[v] == 0)
    total = sum(x)
    base = (damping * dangling + (1 - damping) * total) / n
    return sum(abs(damping * y[v] + base - x[v]) for v in range(n))


def pagerank_accuracy(args, g, fixed_l1=None):
    """Chooses citegraph's PageRank stopping threshold and reports the accuracy of both vectors.

    igraph's PRPACK has a fixed tolerance, and on a citation graph (mostly acyclic, so solved
    SCC by SCC) it lands far below it. "Same tolerance" is taken as "same accuracy": the
    loosest L1 threshold from the ladder whose citegraph vector has a residual no larger than
    igraph's. With --pr-l1 (or fixed_l1) given, that threshold is used as it is."""
    log(f"[{g.name}] PageRank accuracy: full score vectors from both tools")
    ids, src, dst = read_edges(g.path)
    n = len(ids)
    with tempfile.TemporaryDirectory(prefix="citegraph-bench-") as tmp:
        scores_p = os.path.join(tmp, "ig.tsv")
        run([PY, WORKER, g.path, "--tasks", "pagerank", "--scores", scores_p], args.timeout)
        ig = [0.0] * n
        with open(scores_p) as f:
            for line in f:
                name, s = line.rstrip("\n").split("\t")
                ig[ids[name]] = float(s)
    ig_res = pagerank_residual(n, src, dst, ig)
    fixed = fixed_l1 or args.pr_l1
    ladder = [fixed] if fixed else [1e-10, 1e-11, 1e-12, 1e-13, 1e-14]
    tried = []
    for l1 in ladder:
        r = run([args.citegraph, "rank", "--by", "pagerank", g.path, "--top", "0", "--json", "--timings",
                 "--tolerance", repr(l1 / n)], args.timeout)
        cg = [0.0] * n
        seen = 0
        for row in json.loads(r["stdout"]):
            if row["id"] in ids:
                cg[ids[row["id"]]] = float(row["score"])
                seen += 1
        cg_res = pagerank_residual(n, src, dst, cg)
        tried.append({"l1": l1, "residual": cg_res, "pass_s": r["passes"].get("pagerank"),
                      "warning": "did not converge" in r["stderr"]})
        log(f"[{g.name}]   L1 threshold {l1:g}: citegraph residual {cg_res:.3g} (igraph {ig_res:.3g})")
        if cg_res <= ig_res:
            break
    res = {
        "pr_l1": l1,
        "matched_igraph_residual": cg_res <= ig_res,
        "ladder": tried,
        "vertices": n,
        "citegraph_vertices_matched": seen,
        "max_abs_diff": max(abs(a - b) for a, b in zip(cg, ig)),
        "l1_diff": sum(abs(a - b) for a, b in zip(cg, ig)),
        "citegraph_residual_l1": cg_res,
        "igraph_residual_l1": ig_res,
        "citegraph_sum": sum(cg),
        "igraph_sum": sum(ig),
        "citegraph_warning": "did not converge" in r["stderr"],
    }
    log(f"[{g.name}]   {json.dumps(res)}")
    return res


# ---------- the runs ----------

def citegraph_cmds(args, g, tol, seed):
    b = args.citegraph
    cmds = {
        "pagerank": [b, "rank", "--by", "pagerank", g.path, "--top", "10", "--json", "--timings", "--tolerance", repr(tol)],
        "leiden": [b, "clusters", "--method", "leiden", g.path, "--json", "--timings", "--seed", str(seed),
                   "--iterations", str(args.leiden_iterations)],
    }
    if args.single_thread:
        cmds["pagerank1"] = cmds["pagerank"] + ["--threads", "1"]
    if g.name == args.load_on:
        cmds["stats"] = [b, "stats", g.path]
    if g.name in args.passive_on:
        # libgomp spins between parallel regions; with another process on a core that costs a
        # time slice per region (PageRank opens one per iteration). Shows the kernel without it.
        cmds["pagerank_passive"] = (cmds["pagerank"], {"OMP_WAIT_POLICY": "passive"})
    return cmds


# which metrics a citegraph command feeds (for runs stopped at the time bound)
FEEDS = {
    "pagerank": ["load pass", "pagerank", "pagerank e2e"],
    "pagerank1": ["pagerank 1t", "pagerank 1t e2e"],
    "pagerank_passive": ["pagerank passive", "pagerank passive e2e"],
    "leiden": ["undirected", "leiden", "leiden e2e"],
    "stats": ["load"],
    "betweenness": ["betweenness", "betweenness e2e"],
}


def run_citegraph(args, g, key, cmd, env=None):
    """One citegraph run, or None. A run stopped at --cg-timeout keeps the passes it finished,
    marks the rest of its metrics as '> T s', and is not repeated on this graph."""
    if any(m in g.timeouts for m in FEEDS[key]):
        return None
    try:
        return run(cmd, args.cg_timeout, env)
    except RunError as e:
        log(f"[{g.name}] citegraph {key} failed: {e}")
        if e.timed_out:
            for m in FEEDS[key]:
                g.timeouts[m] = args.cg_timeout
            return {"wall": None, "rss_mb": None, "stdout": "", "stderr": "", "passes": e.passes, "complete": False}
        return None


def warm_page_cache(path):
    with open(path, "rb") as f:
        while f.read(1 << 24):
            pass


def bench_graph(args, g, tol):
    warm_page_cache(g.path)
    for i in range(g.reps):
        seed = args.seed + i
        cg = {}
        ig = None

        def do_citegraph():
            for key, cmd in citegraph_cmds(args, g, tol, seed).items():
                cmd, env = cmd if isinstance(cmd, tuple) else (cmd, None)
                cg[key] = run_citegraph(args, g, key, cmd, env)

        def do_igraph():
            nonlocal ig
            try:
                r = run([PY, WORKER, g.path, "--tasks", "pagerank,leiden", "--seed", str(seed),
                         "--leiden-iterations", str(args.leiden_iterations)], args.timeout)
                ig = json.loads(r["stdout"])
                ig["rss_mb"] = r["rss_mb"]
                ig["wall"] = r["wall"]
            except RunError as e:
                log(f"[{g.name}] igraph failed: {e}")

        order = (do_citegraph, do_igraph) if i % 2 == 0 else (do_igraph, do_citegraph)
        for f in order:
            f()
        t = ig["times"] if ig else {}
        done = {k: r for k, r in cg.items() if r and r["complete"]}

        def cgp(key, p):
            r = cg.get(key)
            return r["passes"].get(p) if r else None

        def cgw(key):
            r = cg.get(key)
            return r["wall"] if r else None

        def igsum(*keys):
            return sum(t[k] for k in keys) if all(k in t for k in keys) else None

        if g.name == args.load_on:
            g.add("load", cgw("stats"), t.get("load"))
        g.add("load pass", cgp("pagerank", "load"), t.get("load"))
        g.add("pagerank", cgp("pagerank", "pagerank"), t.get("pagerank"))
        g.add("pagerank e2e", cgw("pagerank"), igsum("load", "pagerank"))
        if args.single_thread:
            g.add("pagerank 1t", cgp("pagerank1", "pagerank"), t.get("pagerank"))
            g.add("pagerank 1t e2e", cgw("pagerank1"), igsum("load", "pagerank"))
        if g.name in args.passive_on:
            g.add("pagerank passive", cgp("pagerank_passive", "pagerank"), t.get("pagerank"))
            g.add("pagerank passive e2e", cgw("pagerank_passive"), igsum("load", "pagerank"))
        g.add("undirected", cgp("leiden", "undirected view"), t.get("undirected"))
        g.add("leiden", cgp("leiden", "leiden"), t.get("leiden"))
        g.add("leiden e2e", cgw("leiden"), igsum("load", "undirected", "leiden"))
        for key in ("pagerank", "pagerank1", "pagerank_passive"):
            if key in done and "did not converge" in done[key]["stderr"]:
                g.extra["pagerank_not_converged"] = g.extra.get("pagerank_not_converged", 0) + 1
        q_cg = json.loads(done["leiden"]["stdout"]).get("modularity") if "leiden" in done else None
        g.add("modularity", q_cg, ig.get("modularity") if ig else None)
        g.add("peak MB pagerank", done["pagerank"]["rss_mb"] if "pagerank" in done else None, ig["rss_mb"] if ig else None)
        g.add("peak MB leiden", done["leiden"]["rss_mb"] if "leiden" in done else None, None)
        log(f"[{g.name}] rep {i + 1}/{g.reps}: " + ", ".join(
            f"{m} {fmt(v[-1][0])}/{fmt(v[-1][1])}" for m, v in g.samples.items()))


def bench_betweenness(args, g):
    for i in range(args.bc_reps):
        cg = ig = None

        def do_citegraph():
            nonlocal cg
            cg = run_citegraph(args, g, "betweenness",
                               [args.citegraph, "rank", "--by", "betweenness", g.path, "--top", "10", "--json", "--timings"])

        def do_igraph():
            nonlocal ig
            try:
                ig = json.loads(run([PY, WORKER, g.path, "--tasks", "betweenness"], args.timeout)["stdout"])
            except RunError as e:
                log(f"[{g.name}] igraph betweenness failed: {e}")

        for f in ((do_citegraph, do_igraph) if i % 2 == 0 else (do_igraph, do_citegraph)):
            f()
        t = ig["times"] if ig else {}
        if cg and not cg["complete"]:
            cg = None
        g.add("betweenness", cg["passes"].get("betweenness") if cg else None, t.get("betweenness"))
        g.add("betweenness e2e", cg["wall"] if cg else None,
              t["load"] + t["betweenness"] if "betweenness" in t else None)
        if cg and ig:
            top_cg = [r["id"] for r in json.loads(cg["stdout"])]
            g.extra["betweenness_top10_same"] = top_cg == ig["betweenness_top10"]
            g.extra["betweenness_top10_same_set"] = set(top_cg) == set(ig["betweenness_top10"])
        log(f"[{g.name}] betweenness rep {i + 1}/{args.bc_reps}: "
            f"{fmt(g.samples['betweenness'][-1][0])}/{fmt(g.samples['betweenness'][-1][1])}")


# ---------- report ----------

def fmt(x, unit="s"):
    if x is None:
        return "-"
    if unit == "s":
        return f"{x:.3f} s" if x < 10 else f"{x:.1f} s"
    if unit == "x":
        return f"{x:.2f}x"
    return f"{x:.4f}"


def ratio_med(pairs):
    rs = [ig / cg for cg, ig in pairs if cg and ig]
    return statistics.median(rs) if rs else None


# metric -> (label, target text, predicate on the ratio, applies to graph names or None = all)
TARGETS = {
    "load": ("load (citegraph stats, whole process; igraph Read_Ncol call)", ">= 3x", lambda r: r >= 3, {"cit-HepPh"}),
    "load pass": ("load (citegraph load pass; igraph Read_Ncol call)", ">= 3x", lambda r: r >= 3, {"cit-HepPh"}),
    "pagerank": ("PageRank alone", ">= 4x", lambda r: r >= 4, None),
    "pagerank e2e": ("PageRank end to end", ">= 4x", lambda r: r >= 4, None),
    "pagerank 1t": ("PageRank alone, citegraph --threads 1", "", None, None),
    "pagerank 1t e2e": ("PageRank end to end, citegraph --threads 1", "", None, None),
    "pagerank passive": ("PageRank alone, citegraph with OMP_WAIT_POLICY=passive", "", None, None),
    "pagerank passive e2e": ("PageRank end to end, citegraph with OMP_WAIT_POLICY=passive", "", None, None),
    "undirected": ("undirected simple view (before Leiden)", "", None, None),
    "leiden": ("Leiden alone", ">= 2x", lambda r: r >= 2, None),
    "leiden e2e": ("Leiden end to end", ">= 2x", lambda r: r >= 2, None),
    "betweenness": ("exact betweenness alone", ">= 2x", lambda r: r >= 2, None),
    "betweenness e2e": ("exact betweenness end to end", ">= 2x", lambda r: r >= 2, None),
}


def report(args, graphs, accuracy, machine, machine_end):
    lines = []
    w = lines.append
    w(f"machine: {machine['cpu']}, {machine['nproc']} cores, {machine['mem']}; {machine['date']}; "
      f"load average {' '.join(machine['loadavg'])} at start, {' '.join(machine_end['loadavg'])} at end")
    w(f"citegraph: {args.citegraph} (all cores unless --threads 1); igraph {machine['igraph']} (single-threaded), Python {machine['python']}")
    w(f"Leiden: the same number of passes on both sides: igraph n_iterations={args.leiden_iterations}, "
      f"citegraph --iterations {args.leiden_iterations}")
    w("times are medians; ratio = igraph / citegraph, median of the per-repetition ratios (higher is better for citegraph)")
    w("")
    w("| graph | task | runs | citegraph | igraph | ratio | target | met |")
    w("|---|---|---:|---:|---:|---:|---|---|")
    for g in graphs:
        for metric, (label, target, pred, only) in TARGETS.items():
            pairs = g.samples.get(metric)
            if not pairs:
                continue
            cg = med([p[0] for p in pairs])
            ig = med([p[1] for p in pairs])
            r = ratio_med(pairs)
            n = sum(1 for p in pairs if p[0] is not None and p[1] is not None)
            applies = pred is not None and (only is None or g.name in only)
            cg_s, r_s = fmt(cg), fmt(r, "x")
            met = ("yes" if pred(r) else "NO") if applies and r is not None else ("-" if applies else "")
            if cg is None and metric in g.timeouts:
                bound = g.timeouts[metric]
                cg_s = f"> {bound:g} s (stopped)"
                if ig is not None:
                    r_s = f"< {ig / bound:.2f}x"
                    met = "NO" if applies and not pred(ig / bound) else ("?" if applies else "")
            w(f"| {g.name} | {label} | {n} | {cg_s} | {fmt(ig)} | {r_s} | {target if applies else ''} | {met} |")
    w("")
    for g in graphs:
        qs = g.samples.get("modularity", [])
        qcg = [p[0] for p in qs if p[0] is not None]
        qig = [p[1] for p in qs if p[1] is not None]
        if qcg or qig:
            mc, mi = med(qcg), med(qig)
            ok = "yes" if mc is not None and mi is not None and mc >= mi - 0.005 else ("NO" if mc is not None else "-")
            w(f"- {g.name} Leiden modularity Q (median; seed i = {args.seed}.. for both tools): citegraph "
              f"{fmt(mc, 'q')} [{fmt(min(qcg), 'q') if qcg else '-'} .. {fmt(max(qcg), 'q') if qcg else '-'}] in {len(qcg)} runs, igraph "
              f"{fmt(mi, 'q')} [{fmt(min(qig), 'q') if qig else '-'} .. {fmt(max(qig), 'q') if qig else '-'}] in {len(qig)} runs; "
              f"target citegraph >= igraph - 0.005: {ok}")
        mem = g.samples.get("peak MB pagerank", [])
        if mem:
            def mx(vals):
                vals = [v for v in vals if v is not None]
                return f"{max(vals):.0f} MB" if vals else "-"
            cgm = [p[0] for p in mem if p[0] is not None]
            tgt = ""
            if g.name.startswith("R-MAT") and cgm:
                tgt = f" (target <= 400 MB: {'yes' if max(cgm) <= 400 else 'NO'})"
            w(f"- {g.name} peak memory (max RSS, largest over runs): citegraph rank --by pagerank {mx(cgm)}{tgt}; "
              f"citegraph clusters --method leiden {mx(p[0] for p in g.samples.get('peak MB leiden', []))}; "
              f"igraph worker process (Python, load, PageRank, Leiden) {mx(p[1] for p in mem)}")
        if "tolerance" in g.extra:
            nc = g.extra.get("pagerank_not_converged", 0)
            w(f"- {g.name} citegraph PageRank --tolerance {g.extra['tolerance']:.3g} "
              f"(= L1 threshold {g.extra['pr_l1']:g} / {g.extra['vertices']} vertices; citegraph stops when the L1 change < n * tol); "
              + (f"it warned that it did NOT converge in {nc} timed run(s)" if nc else "converged in every timed run"))
        if "betweenness_top10_same" in g.extra:
            w(f"- {g.name} betweenness top 10: same order as igraph: {'yes' if g.extra['betweenness_top10_same'] else 'no'}, "
              f"same set: {'yes' if g.extra['betweenness_top10_same_set'] else 'no'}")
    for name, a in accuracy.items():
        ladder = ", ".join(f"{t['l1']:g} -> {t['residual']:.2g} ({fmt(t['pass_s'])})" for t in a["ladder"])
        w(f"- {name} PageRank accuracy at L1 threshold {a['pr_l1']:g}: max |citegraph - igraph| = {a['max_abs_diff']:.3g}, "
          f"L1 difference {a['l1_diff']:.3g}; residual ||G(x) - x||_1 after one more power step: citegraph "
          f"{a['citegraph_residual_l1']:.3g}, igraph (PRPACK) {a['igraph_residual_l1']:.3g}"
          f" (ratio {a['citegraph_residual_l1'] / a['igraph_residual_l1']:.2f}"
          f"{'' if a['matched_igraph_residual'] else '; no threshold on the ladder went lower'}); "
          f"sums {a['citegraph_sum']:.15f} / {a['igraph_sum']:.15f}; ladder tried (threshold -> citegraph residual (pagerank pass, one run)): {ladder}"
          + ("; citegraph warned it did not converge" if a["citegraph_warning"] else ""))
    return "\n".join(lines)


def machine_info():
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", open("/proc/meminfo").read()).group(1))
        mem = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, AttributeError):
        pass
    ig = subprocess.run([PY, "-c", "import igraph; print(igraph.__version__)"], capture_output=True, text=True).stdout.strip()
    return {"cpu": cpu, "nproc": os.cpu_count(), "mem": mem, "igraph": ig, "python": platform.python_version(),
            "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
            "loadavg": open("/proc/loadavg").read().split()[:3]}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--citegraph", required=True)
    ap.add_argument("--graph", action="append", default=[], metavar="NAME=PATH=REPS",
                    help="a graph: its name, a tab-separated edge list without comments, repetitions")
    ap.add_argument("--betweenness-on", default="cit-HepPh", help="graph name for the exact betweenness runs")
    ap.add_argument("--bc-reps", type=int, default=1)
    ap.add_argument("--accuracy-on", default="cit-HepPh",
                    help="graph name for the PageRank accuracy check that also calibrates the threshold")
    ap.add_argument("--accuracy-also", action="append", default=[], metavar="NAME",
                    help="also check PageRank accuracy on this graph at the calibrated threshold (slow on big graphs)")
    ap.add_argument("--pr-l1", type=float, default=None,
                    help="PageRank stopping threshold on the L1 change per iteration (citegraph --tolerance = this / n); "
                         "default: calibrated on the accuracy graph to igraph's accuracy")
    ap.add_argument("--passive-on", action="append", default=["cit-HepPh"], metavar="NAME",
                    help="also time citegraph PageRank with OMP_WAIT_POLICY=passive on this graph")
    ap.add_argument("--load-on", default="cit-HepPh", help="graph name for the load comparison (citegraph stats)")
    ap.add_argument("--cg-timeout", type=float, default=600,
                    help="bound on one citegraph run; a stopped task is reported as '> T s' and not repeated")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--leiden-iterations", type=int, default=2,
                    help="Leiden passes, the same for both tools (-1: until stable; see main())")
    ap.add_argument("--single-thread", action="store_true", help="also time citegraph PageRank with --threads 1")
    ap.add_argument("--timeout", type=float, default=1800)
    ap.add_argument("--json-out", default=None)
    ap.add_argument("--report-out", default=None)
    args = ap.parse_args()

    machine = machine_info()
    # Leiden: both tools run the same number of passes (--leiden-iterations, default 2 =
    # python-igraph's default). Not "until stable": python-igraph 0.10.2's n_iterations=-1
    # returns after one pass (its membership and Q equal n_iterations=1's on cit-HepPh), while
    # citegraph's --iterations -1 repeats until a pass moves no vertex (~20 passes there), so
    # "-1" on both sides would time different work.
    machine["leiden_iterations"] = args.leiden_iterations
    graphs = []
    for spec in args.graph:
        name, path, reps = spec.rsplit("=", 2)
        graphs.append(Graph(name, path, int(reps)))
    # The accuracy graph goes first: it fixes the PageRank threshold for all graphs.
    graphs.sort(key=lambda g: g.name != args.accuracy_on)
    accuracy = {}
    pr_l1 = args.pr_l1
    started = time.perf_counter()
    for g in graphs:
        n = count_vertices(g.path)
        g.extra["vertices"] = n
        log(f"[{g.name}] {n} vertices, {g.reps} repetitions")
        if g.name == args.accuracy_on:
            try:
                accuracy[g.name] = pagerank_accuracy(args, g)
                pr_l1 = accuracy[g.name]["pr_l1"]
            except RunError as e:
                log(f"[{g.name}] accuracy check failed: {e}")
        if pr_l1 is None:
            pr_l1 = 1e-10
            log(f"[{g.name}] no accuracy calibration: PageRank L1 threshold {pr_l1:g}, PRPACK's nominal tolerance")
        g.extra["pr_l1"] = pr_l1
        g.extra["tolerance"] = pr_l1 / n
        if g.name in args.accuracy_also and g.name != args.accuracy_on:
            try:
                accuracy[g.name] = pagerank_accuracy(args, g, fixed_l1=pr_l1)
            except RunError as e:
                log(f"[{g.name}] accuracy check failed: {e}")
        log(f"[{g.name}] citegraph --tolerance {g.extra['tolerance']:.3g}")
        bench_graph(args, g, g.extra["tolerance"])
        if g.name == args.betweenness_on and args.bc_reps > 0:
            bench_betweenness(args, g)
        log(f"[{g.name}] done at {time.perf_counter() - started:.0f} s")

    text = report(args, graphs, accuracy, machine, machine_info())
    text += f"\n- the whole bench took {time.perf_counter() - started:.0f} s\n"
    print(text)
    if args.report_out:
        with open(args.report_out, "w") as f:
            f.write(text)
    if args.json_out:
        with open(args.json_out, "w") as f:
            json.dump({"machine": machine, "accuracy": accuracy,
                       "graphs": {g.name: {"path": g.path, "reps": g.reps, "samples": g.samples, "extra": g.extra,
                                           "timeouts": g.timeouts}
                                  for g in graphs}}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
