#!/usr/bin/env bash
# Measures what a first visit downloads: every file of dist/, raw and gzip -9.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d dist ] || { echo "dist/ absent : lancer make build" >&2; exit 2; }
total_raw=0; total_gz=0
printf '%-50s %10s %10s\n' fichier octets gzip
for f in dist/*; do
  [ -f "$f" ] || continue
  raw=$(wc -c <"$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-50s %10d %10d\n' "$(basename "$f")" "$raw" "$gz"
done
printf '%-50s %10d %10d\n' TOTAL "$total_raw" "$total_gz"
