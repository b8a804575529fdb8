#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang, ASan and UBSan in build-fuzz, then runs each for
# a bounded time on a seed corpus copied from the DHIS2 fixtures in ../shared/reference/dhis2,
# the Điện Biên configuration and our own entry sheets (fuzz/seeds/xlsx) (into a temporary folder per target; nothing is written to the
# repository). Prints per target the executions and coverage libFuzzer reports; exits 1 if any
# target crashed, hung, ran out of memory or drew a sanitizer report, naming the reproducer.
# Usage: scripts/fuzz.sh [SECONDS]     SECONDS per target, default 30.
# Environment: SOLIEU_SHARED_DIR (default ../shared), FUZZ_JOBS (targets at once, default 2),
# FUZZ_TARGETS (a space-separated subset of the targets; default all), FUZZ_BUILD_DIR (default
# build-fuzz).
# Reproduce a finding: build-fuzz/fuzz/TARGET build-fuzz/fuzz-artifacts/TARGET/crash-...
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-30}"
jobs="${FUZZ_JOBS:-2}"
shared="${SOLIEU_SHARED_DIR:-$PWD/../shared}"
dhis2="$shared/reference/dhis2"
config="config/dien-bien"
build="${FUZZ_BUILD_DIR:-build-fuzz}"

if [ ! -d "$dhis2" ]; then
  echo "fuzz: $dhis2 is missing (set SOLIEU_SHARED_DIR)" >&2
  exit 2
fi

echo "== fuzz build (clang, libFuzzer + ASan + UBSan) in $build"
cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DSOLIEU_BUILD_FUZZ=ON \
  -DSOLIEU_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -gline-tables-only" >/dev/null
# shellcheck disable=SC2086 # FUZZ_TARGETS is a list
cmake --build "$build" --target ${FUZZ_TARGETS:-solieu_fuzz} -j "$jobs"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# One seed file per line of standard input.
seeds_from_lines() {
  local dir="$1" n=0 line
  while IFS= read -r line; do
    [ -n "$line" ] || continue
    n=$((n + 1))
    printf '%s' "$line" >"$dir/line-$n"
  done
}

# The seed corpus of target $1 into folder $2.
seed() {
  local target="$1" dir="$2"
  mkdir -p "$dir"
  case "$target" in
    fuzz_json_data_values) cp "$dhis2"/e2e/dataValues*.json "$dir" ;;
    fuzz_xml_data_values) cp "$dhis2"/datavalueset/*.xml "$dir" ;;
    fuzz_csv_data_values) cp "$dhis2"/datavalueset/*.csv "$dir" ;;
    fuzz_adx_data_values) cp "$dhis2"/adx/*.xml "$dir" ;;
    fuzz_dhis2_metadata) cp "$dhis2"/e2e/*metadata.json "$dir" ;;
    fuzz_csv_reader) cp "$config"/*.csv "$config"/reports/*.csv "$dhis2"/datavalueset/*.csv "$dir" ;;
    fuzz_expression)
      # The indicators' numerators and denominators: the configuration's and the DHIS2 package's.
      {
        awk -F, 'NR > 1 { print $4; print $5 }' "$config/indicators.csv"
        grep -ohE '"(numerator|denominator|leftSide|expression)" *: *"[^"]*"' \
          "$dhis2"/e2e/*metadata.json | sed -E 's/^"[a-zA-Z]+" *: *"//; s/"$//'
      } | sort -u | seeds_from_lines "$dir"
      ;;
    fuzz_period)
      {
        grep -ohE 'period="[^"]*"' "$dhis2"/adx/*.xml "$dhis2"/datavalueset/*.xml |
          sed -E 's/period="//; s/"$//'
        printf '%s\n' 2021 2021Q1 2021S2 202101 2021W5 2021W05 2020W53 20210315 \
          2021-01-01/P6M 2021-01-04/P1W 2021-02-01/P3M 2021-01-01/P1Y 2021-01-01/P1D
      } | sort -u | seeds_from_lines "$dir"
      ;;
    fuzz_vn_number)
      printf '%s\n' 1.250 65,7 1.250,5 21.372,1 -7,19 05 0,4 "  1.047 " | seeds_from_lines "$dir"
      ;;
    fuzz_xlsx_data_values)
      # Our own entry sheets as they are, and each as the "parts" input the target zips itself
      # (fuzz/fuzz_xlsx_data_values.cc), so that mutations reach the XML past inflate.
      local xlsx part
      for xlsx in fuzz/seeds/xlsx/*.xlsx; do
        cp "$xlsx" "$dir"
        {
          printf 'XLSXPARTS\n'
          for part in xl/workbook.xml xl/_rels/workbook.xml.rels xl/sharedStrings.xml \
            xl/worksheets/sheet1.xml xl/worksheets/sheet2.xml; do
            [ "$part" = xl/workbook.xml ] || printf '\n--part--\n'
            unzip -p "$xlsx" "$part" 2>/dev/null || true
          done
        } >"$dir/parts-$(basename "$xlsx" .xlsx)"
      done
      ;;
  esac
}

dict_of() {
  case "$1" in
    fuzz_json_data_values) echo json ;;
    fuzz_xml_data_values) echo xml ;;
    fuzz_csv_data_values | fuzz_csv_reader) echo csv ;;
    fuzz_adx_data_values) echo adx ;;
    fuzz_dhis2_metadata) echo metadata ;;
    fuzz_expression) echo expression ;;
    fuzz_period) echo period ;;
    fuzz_vn_number) echo vn_number ;;
    fuzz_xlsx_data_values) echo xlsx ;;
  esac
}

targets=(fuzz_json_data_values fuzz_xml_data_values fuzz_csv_data_values fuzz_adx_data_values
  fuzz_dhis2_metadata fuzz_csv_reader fuzz_expression fuzz_period fuzz_vn_number
  fuzz_xlsx_data_values)

run() {
  local target="$1" artifacts="$build/fuzz-artifacts/$1" extra=()
  # The streamed reader gains nothing from 70 KB inputs but many more runs from 16 KB ones; the
  # metadata reader parses a whole document first, so its inputs stay whole.
  if [ "$target" = fuzz_json_data_values ]; then extra=(-max_len=16384); fi
  mkdir -p "$artifacts"
  seed "$target" "$work/$target"
  set +e
  UBSAN_OPTIONS=print_stacktrace=1 "$build/fuzz/$target" -max_total_time="$seconds" \
    -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 -dict="fuzz/dicts/$(dict_of "$target").dict" \
    -artifact_prefix="$artifacts/" "${extra[@]}" "$work/$target" >"$work/$target.log" 2>&1
  echo $? >"$work/$target.rc"
}

if [ -n "${FUZZ_TARGETS:-}" ]; then read -r -a targets <<<"$FUZZ_TARGETS"; fi

echo "== fuzzing ${#targets[@]} targets, ${seconds}s each, $jobs at a time"
for target in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
  run "$target" &
done
wait

failed=0
for target in "${targets[@]}"; do
  log="$work/$target.log"
  rc="$(cat "$work/$target.rc")"
  if [ "$rc" -eq 0 ] && grep -q 'SKIPPED:' "$log"; then
    printf '%-24s skipped: %s\n' "$target" "$(grep -o 'SKIPPED: .*' "$log" | head -1)"
    continue
  fi
  execs="$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' || true)"
  last="$(grep -E '^#[0-9]+' "$log" | tail -1 || true)"
  cov="$(grep -oE 'cov: [0-9]+' <<<"$last" | grep -oE '[0-9]+' || true)"
  ft="$(grep -oE 'ft: [0-9]+' <<<"$last" | grep -oE '[0-9]+' || true)"
  corp="$(grep -oE 'corp: [0-9]+/[0-9]+[a-zA-Z]*' <<<"$last" | cut -d' ' -f2 || true)"
  if [ "$rc" -eq 0 ]; then
    printf '%-24s ok: %s execs, cov %s, ft %s, corpus %s\n' "$target" "${execs:-?}" "${cov:-?}" \
      "${ft:-?}" "${corp:-?}"
  else
    failed=1
    artifact="$(grep -oE 'Test unit written to .*' "$log" | sed 's/Test unit written to //' |
      tail -1 || true)"
    printf '%-24s FAILED (exit %s) after %s execs; reproducer: %s\n' "$target" "$rc" \
      "${execs:-?}" "${artifact:-none written}"
    echo "---- $target: the end of libFuzzer's output"
    grep -vE '^#[0-9]+' "$log" | tail -60
    echo "---- reproduce: $build/fuzz/$target ${artifact:-}"
  fi
done
exit "$failed"
