#!/usr/bin/env bash
# Measures what a first visit downloads: every file of dist/, raw, gzip -9 (the figure the
# budget is kept in) and brotli (the .br the build writes beside each file), with the first
# load's total: what the page needs before its figures (the page, its style, its start script
# and the first figures' module), and the app's, loaded right after them. The export worker
# (when a document is asked for), the service worker and the manifest come later still.
# `make measure` lists the files a first visit actually requests before the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d dist ] || { echo "dist/ absent : lancer make build" >&2; exit 2; }
total_raw=0; total_gz=0; total_br=0; first_gz=0; first_br=0; app_gz=0; app_br=0
printf '%-50s %10s %10s %10s\n' fichier octets gzip brotli
for f in dist/*; do
  [ -f "$f" ] || continue
  case "$f" in *.gz|*.br) continue ;; esac
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  if [ -f "$f.br" ]; then br=$(wc -c <"$f.br"); else br=0; fi
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
  case "$(basename "$f")" in
    index.html|start-*.js|style-*.css|laclasse-sim-figures-*) first_gz=$((first_gz + gz)); first_br=$((first_br + br)) ;;
    laclasse-sim-web-*) app_gz=$((app_gz + gz)); app_br=$((app_br + br)) ;;
  esac
  printf '%-50s %10d %10d %10d\n' "$(basename "$f")" "$raw" "$gz" "$br"
done
printf '%-50s %10d %10d %10d\n' TOTAL "$total_raw" "$total_gz" "$total_br"
printf '%-50s %10s %10d %10d\n' "PREMIER CHARGEMENT (avant les chiffres)" "" "$first_gz" "$first_br"
printf '%-50s %10s %10d %10d\n' "APPLICATION (chargée après les chiffres)" "" "$app_gz" "$app_br"
