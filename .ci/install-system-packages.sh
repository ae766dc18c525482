#!/usr/bin/env bash
# System packages the report tests need (issue 13), from Debian with apt-get (CI runs as root):
#   chromium            headless browser for report.pdf and the report.html test (driven by puppeteer-core)
#   texlive-xetex       xelatex, to compile every LaTeX table (pulls texlive-latex-extra: booktabs, caption)
#   texlive-lang-chinese xeCJK and the Fandol fonts (via texlive-lang-cjk) for the Chinese tables
#   fonts-noto-cjk      Noto Sans/Serif CJK SC: Chinese text in figures, the HTML/PDF report and LaTeX
#   poppler-utils       pdftotext/pdfinfo, to check the PDF's pages and Unicode text
# --no-install-recommends keeps it to about 60 packages (~300 MB download; about 2 minutes on a
# fresh machine). Idempotent: when every package is already installed nothing is downloaded and the
# step takes under a second.
set -euo pipefail
PACKAGES=(chromium texlive-xetex texlive-lang-chinese fonts-noto-cjk poppler-utils)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present (${PACKAGES[*]})"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "system packages missing: ${missing[*]}; run as root (CI) or: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 0
fi
echo "system packages: installing ${missing[*]}"
start=$(date +%s)
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "system packages: installed in $(( $(date +%s) - start )) s"
