#!/usr/bin/env python3
"""Times clerk against the tools a secretariat would pick instead, on N papers like the seed.

clerk (one process for all papers), pandoc (Markdown -> standalone HTML, one process a
paper), pandoc -> WeasyPrint (HTML -> PDF, one process each a paper) and Typst (the `typst`
Python package, one compile a paper, from pandoc-made Typst source). Prints per-paper
times, totals, peak memory (largest process) and the ratios against clerk.

Usage: bench/compare.sh [N] [PDF_N]   (see that script for the installs it needs)
"""
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED = ROOT / "papers/policing-performance/2021-09-01-hmics-progress-review.md"


def run(cmd, cwd=None):
    """Runs cmd, returns (seconds, peak RSS in KiB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        err = proc.stderr.read().decode(errors="replace")[:400]
        sys.exit(f"failed: {' '.join(map(str, cmd))}\n{err}")
    return elapsed, usage.ru_maxrss


def generate(dir_, n):
    papers = dir_ / "papers"
    papers.mkdir(parents=True)
    text = SEED.read_text()
    for i in range(n):
        (papers / f"paper-{i:04}.md").write_text(
            text.replace("title: HMICS Progress Review", f"title: HMICS Progress Review {i}")
        )
    return sorted(papers.glob("*.md"))


def per_paper(label, files, make_cmd):
    total, peak = 0.0, 0
    for f in files:
        t, rss = run(make_cmd(f))
        total += t
        peak = max(peak, rss)
    return label, len(files), total, peak


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    pdf_n = int(sys.argv[2]) if len(sys.argv) > 2 else min(n, 20)
    clerk = ROOT / "target/release/clerk"
    pandoc = shutil.which("pandoc")
    pandoc3 = os.environ.get("PANDOC3") or pandoc
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        files = generate(tmp, n)
        out = tmp / "other"
        out.mkdir()
        results = []
        help_text = subprocess.run([clerk, "build", "--help"], capture_output=True, text=True).stdout
        formats = "html,pdf" if "pdf" in help_text else "html"
        t, rss = run([clerk, "--root", tmp, "build", "--quiet", "--format", formats])
        results.append((f"clerk ({formats}, one process)", n, t, rss))
        if formats != "html":
            shutil.rmtree(tmp / "out")
            t, rss = run([clerk, "--root", tmp, "build", "--quiet", "--format", "html"])
            results.append(("clerk (html, one process)", n, t, rss))
        results.append(per_paper("pandoc -> HTML", files, lambda f: [pandoc, "-s", f, "-o", out / (f.stem + ".html")]))
        pdf_files = files[:pdf_n]
        if shutil.which("weasyprint"):
            def pandoc_weasy(f):
                html = out / (f.stem + ".html")
                return ["sh", "-c", f'"{pandoc}" -s "{f}" -o "{html}" && weasyprint "{html}" "{out / (f.stem + ".w.pdf")}"']
            results.append(per_paper("pandoc -> WeasyPrint PDF", pdf_files, pandoc_weasy))
        try:
            import typst  # noqa: F401
            typ_files = []
            for f in pdf_files:
                typ = out / (f.stem + ".typ")
                # pandoc's Typst writer mangles a YAML flow list of keywords; leave them out.
                plain = out / (f.stem + ".nokw.md")
                plain.write_text("".join(l for l in f.read_text().splitlines(True) if not l.startswith("keywords:")))
                subprocess.run([pandoc3, "-s", "-t", "typst", plain, "-o", typ], check=True, capture_output=True)
                typ_files.append(typ)
            code = "import sys, typst; typst.compile(sys.argv[1], output=sys.argv[2])"
            results.append(per_paper("Typst PDF (from ready .typ)", typ_files,
                                     lambda f: [sys.executable, "-c", code, f, f.with_suffix(".t.pdf")]))
        except (ImportError, subprocess.CalledProcessError) as e:
            print(f"(Typst skipped: {e})")
        base = results[0][2] / results[0][1]
        print(f"{'tool':38} {'papers':>6} {'total s':>9} {'ms/paper':>9} {'peak MiB':>9} {'x clerk':>8}")
        for label, count, total, peak in results:
            each = total / count
            print(f"{label:38} {count:6} {total:9.2f} {each * 1000:9.1f} {peak / 1024:9.1f} {each / base:8.1f}")


if __name__ == "__main__":
    main()
