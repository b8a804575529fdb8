#!/usr/bin/env bash
# Side by side in one run: R `surveillance` (the reference implementation) and `solieu detect` on
# the same series: the two reference series (salmonella.agona, shadar) each copied COPIES times,
# Farrington flexible (Noufaily configuration) over the last 52 weeks and EARS C1 over weeks
# 12..295. Prints series-weeks per second for each and the ratio. Installs R from Debian if needed.
# Usage: bench/surveillance_vs_r.sh [COPIES]   (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
copies="${1:-20}"
shared="${SOLIEU_SHARED_DIR:-../shared}"
if ! Rscript -e 'suppressPackageStartupMessages(library(surveillance))' >/dev/null 2>&1; then
  echo "installing r-cran-surveillance (Debian) ..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq r-cran-surveillance >/dev/null
fi
[ -x build-bench/solieu ] || bash scripts/build.sh build-bench -DCMAKE_BUILD_TYPE=Release -DSOLIEU_BUILD_TESTS=OFF -DSOLIEU_BUILD_BENCH=ON
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The first 295 weeks of both series (shadar has 295), COPIES units of each.
awk -F, -v copies="$copies" 'NR == 1 { print "unit,idx,observed"; next }
  ($1 == "salmonella.agona" || $1 == "shadar") && $3 <= 295 {
    for (k = 1; k <= copies; ++k) print $1 "_" k "," $3 "," $6 }' \
  "$shared/reference/surveillance/input_series.csv" > "$work/input.csv"
units=$((2 * copies))
echo "machine: $(nproc) cores, $(uname -m); date: $(date -u +%F); series: $units x 295 weeks"

cat > "$work/bench.R" <<'RSCRIPT'
suppressPackageStartupMessages(library(surveillance))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
units <- unique(d$unit)
make_sts <- function(u) new("sts", observed = matrix(d$observed[d$unit == u], ncol = 1),
                            epoch = seq_len(sum(d$unit == u)), freq = 52, start = c(2000, 1))
series <- lapply(units, make_sts)
far <- list(range = 244:295, noPeriods = 10, b = 4, w = 3, reweight = TRUE,
            weightsThreshold = 2.58, pastWeeksNotIncluded = 26, trend = TRUE,
            pThresholdTrend = 1, alpha = 0.05, limit54 = c(5, 4), powertrans = "2/3",
            thresholdMethod = "nbPlugin")
t_far <- system.time(for (s in series) farringtonFlexible(s, control = far))[["elapsed"]]
ears <- list(range = 12:295, method = "C1", baseline = 7, alpha = 0.001)
t_ears <- system.time(for (s in series) earsC(s, control = ears))[["elapsed"]]
cat(sprintf("R farringtonFlexible %.3f s\nR earsC-C1 %.3f s\n", t_far, t_ears))
RSCRIPT
r_out=$(Rscript "$work/bench.R" "$work/input.csv")
r_far=$(echo "$r_out" | awk '/farringtonFlexible/ {print $3}')
r_ears=$(echo "$r_out" | awk '/earsC-C1/ {print $3}')

seconds() { local start end; start=$(date +%s.%N); "$@" > /dev/null; end=$(date +%s.%N); echo "$end - $start" | bc -l; }
s_far=$(seconds ./build-bench/solieu detect --method farrington-flexible --input "$work/input.csv" --range 244:295)
s_ears=$(seconds ./build-bench/solieu detect --method ears-c1 --input "$work/input.csv" --range 12:295)

far_weeks=$((units * 52))
ears_weeks=$((units * 284))
printf "%-22s %10s %10s %14s %14s %8s\n" method "R s" "solieu s" "R sw/s" "solieu sw/s" ratio
printf "%-22s %10.3f %10.3f %14.0f %14.0f %8.1f\n" farrington-flexible "$r_far" "$s_far" \
  "$(echo "$far_weeks / $r_far" | bc -l)" "$(echo "$far_weeks / $s_far" | bc -l)" "$(echo "$r_far / $s_far" | bc -l)"
printf "%-22s %10.3f %10.3f %14.0f %14.0f %8.1f\n" ears-c1 "$r_ears" "$s_ears" \
  "$(echo "$ears_weeks / $r_ears" | bc -l)" "$(echo "$ears_weeks / $s_ears" | bc -l)" "$(echo "$r_ears / $s_ears" | bc -l)"
echo "(solieu times include process start and CSV reading; sw/s = series-weeks per second)"
