#!/usr/bin/env bash
# Benchmark clerk against pandoc, pandoc -> WeasyPrint and Typst on N papers like the seed.
#   bench/compare.sh [N=100] [PDF_N=20]
# Installs (once, as root): Debian's pandoc and weasyprint; PyPI's typst and
# pypandoc_binary (a pandoc 3 binary, for its Typst writer). Not part of CI's tests.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v pandoc >/dev/null || ! command -v weasyprint >/dev/null; then
  apt-get update -qq && apt-get install -y -qq pandoc weasyprint >/dev/null
fi
python3 -c "import typst" 2>/dev/null || pip install -q typst
python3 -c "import pypandoc" 2>/dev/null || pip install -q pypandoc_binary
PANDOC3=$(python3 -c "import pypandoc; print(pypandoc.get_pandoc_path())")
export PANDOC3
cargo build --release --quiet
python3 bench/compare.py "$@"
