#!/usr/bin/env bash
# Rebuilds a run's daily claims report from its JSON outputs alone (no pipeline run):
#
#   scripts/report.sh --input=OUTPUT_DIR [--output=FILE] [--topClaims=N] [--screenshot=PNG]
#
# --input defaults to out/ in the repository; --output to OUTPUT_DIR/report.html. With
# --screenshot=PNG it also renders the report in headless Chromium into PNG (1280x1600), as used
# for docs/report.png.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib.sh"

args=()
screenshot=""
output=""
for arg in "$@"; do
  case "$arg" in
    --screenshot=*) screenshot="${arg#--screenshot=}" ;;
    --output=*) output="${arg#--output=}"; args+=("$arg") ;;
    *) args+=("$arg") ;;
  esac
done
has_option "--input" "${args[@]+"${args[@]}"}" || args+=("--input=$root/out")

jar="$(ensure_shaded_jar "$root")"
java ${CLAIMWATCH_JAVA_OPTS:--Xmx2g} -cp "$jar" io.claimwatch.report.ClaimsReport "${args[@]}"

if [[ -n "$screenshot" ]]; then
  if [[ -z "$output" ]]; then
    for arg in "${args[@]}"; do
      [[ "$arg" == --input=* ]] && output="${arg#--input=}/report.html"
    done
  fi
  browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
  if [[ -z "$browser" ]]; then
    echo "--screenshot needs chromium (apt-get install -y chromium)" >&2
    exit 1
  fi
  profile="$(mktemp -d)"
  trap 'rm -rf "$profile"' EXIT
  "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$profile" \
    --screenshot="$(realpath -m "$screenshot")" --window-size=1280,1600 "file://$(realpath "$output")" 2>/dev/null
  echo "Screenshot written to $screenshot"
fi
