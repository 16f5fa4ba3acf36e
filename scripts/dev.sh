#!/usr/bin/env bash
# ccsim set-up on Debian in one command: installs what is missing (apt-get), builds in
# Release, then either runs the flagship scenario or the whole test suite.
#
#   scripts/dev.sh demo    set up, build, run the flagship comparison: the same centre run the
#                          Taylorist way, the Taylorist way with every HR measure, and the
#                          autonomous way, each staffed to 80% within 20 s (results in
#                          out/flagship)
#   scripts/dev.sh test    set up, build, run every test through ctest; then the same suite
#                          under ASan + UBSan (the asan preset, slow statistical tests left
#                          out) and each fuzz target for FUZZ_SECONDS (docs/testing.md)
#   scripts/dev.sh build   set up and build only
#
# Environment: BUILD_DIR (default build), JOBS (default: all cores), WITH_MPI (default ON:
# the build can run under mpirun; OFF builds without Open MPI), SANITIZERS (default ON;
# OFF: `test` stops after the Release suite), FUZZ_SECONDS (default 15, per fuzz target).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
mode="${1:-demo}"
build_dir="${BUILD_DIR:-build}"
jobs="${JOBS:-$(nproc 2>/dev/null || echo 2)}"

packages=(g++ make cmake git libboost-dev libcli11-dev nlohmann-json3-dev libspdlog-dev catch2
          libboost-mpi-dev openmpi-bin clang-14 libclang-rt-14-dev libglpk-dev chromium ccache)

install_missing_packages() {
  local missing=()
  for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  # npm fetches the report's charting libraries (web/); Debian's Node only where none is
  # installed (the CI machine has its own Node 20).
  if ! command -v npm >/dev/null 2>&1; then missing+=(nodejs npm); fi
  if ((${#missing[@]} == 0)); then
    return
  fi
  echo "ccsim: installing missing packages: ${missing[*]}" >&2
  local sudo=""
  if [[ "$(id -u)" != 0 ]]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# The report's charting libraries and the browser test's driver, at the versions of
# web/package-lock.json (docs/report.md). Skipped when node_modules was installed from this
# very lock file.
install_web_packages() {
  if cmp -s web/package-lock.json web/node_modules/.ccsim-installed-lock 2>/dev/null; then
    return
  fi
  npm ci --prefix web --no-audit --no-fund
  cp web/package-lock.json web/node_modules/.ccsim-installed-lock
}

# Compiler cache: a rebuild, or a build of another clone of the same sources (CI's fresh
# clone), compiles only what changed. CMake takes the launcher from the environment for a
# new build folder, the asan preset's included; paths are made relative to the checkout so
# that clones in other folders share the cache.
use_compiler_cache() {
  if command -v ccache >/dev/null 2>&1; then
    export CMAKE_CXX_COMPILER_LAUNCHER=ccache CMAKE_C_COMPILER_LAUNCHER=ccache
    export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}"
    # The asan build has line tables (-gline-tables-only), for which ccache by default hashes
    # the working directory too, so no other clone could reuse its objects; their debug
    # info then names the folder of the clone that compiled them, with the same relative paths.
    export CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"
  fi
}

build() {
  use_compiler_cache
  install_web_packages
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DCCSIM_WITH_MPI="${WITH_MPI:-ON}"
  cmake --build "$build_dir" -j "$jobs"
}

# The fuzz targets of the asan build (tests/fuzz/CMakeLists.txt).
fuzz_targets=(scenario csv shard check)

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer (CMakePresets.json,
# preset asan: clang 14, no MPI, no benchmarks), without the tests labelled slow: the
# statistical validations are about ten times slower there and exercise no code the rest
# does not; nor the "scenarios: X runs" tests, since every example also runs there in its
# identity test (tests/identity/cases.cmake), and they would repeat that work (a minute).
sanitizer_suite() {
  cmake --preset asan
  cmake --build --preset asan -j "$jobs"
  ctest --preset asan -LE slow -E '^scenarios: .* runs$' -j "$jobs"
}

# Each fuzz target for a bounded time, from the seed corpus the build made. The corpus a
# run grows stays in the build folder; a crash stops CI, with the input written under
# build-asan/fuzz-findings/ (docs/testing.md says where it goes next).
fuzz_briefly() {
  local seconds="${FUZZ_SECONDS:-15}" fuzz_dir=build-asan/tests/fuzz
  mkdir -p build-asan/fuzz-findings
  for target in "${fuzz_targets[@]}"; do
    local corpus="build-asan/fuzz-corpus/$target"
    mkdir -p "$corpus"
    echo "ccsim: fuzzing $target for ${seconds}s" >&2
    "$fuzz_dir/fuzz_$target" "$corpus" "$fuzz_dir/seeds/$target" -dict="$fuzz_dir/seeds/scenario.dict" \
      -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
      -artifact_prefix="build-asan/fuzz-findings/$target-" 2>"build-asan/fuzz-$target.log" ||
      { tail -n 60 "build-asan/fuzz-$target.log" >&2; echo "ccsim: fuzz_$target found a failure" >&2; return 1; }
    grep -E "^(#[0-9]+.*DONE|stat::number_of_executed_units)" "build-asan/fuzz-$target.log" >&2 || true
  done
}

case "$mode" in
  demo)
    install_missing_packages
    build
    "$build_dir/src/cli/ccsim" compare --staff-to 0.8 scenarios/centre-taylorist.json \
      scenarios/centre-taylorist-hr.json scenarios/centre-autonomous.json -o out/flagship
    "$build_dir/src/cli/ccsim" report out/flagship -o out/flagship/report.html
    echo "ccsim: results in out/flagship (compare.json, compare.csv, one summary.json per scenario, report.html)" >&2
    ;;
  test)
    install_missing_packages
    build
    ctest --test-dir "$build_dir" --output-on-failure -j "$jobs"
    if [[ "${SANITIZERS:-ON}" != OFF ]]; then
      sanitizer_suite
      fuzz_briefly
    fi
    ;;
  build)
    install_missing_packages
    build
    ;;
  *)
    echo "usage: scripts/dev.sh demo|test|build" >&2
    exit 2
    ;;
esac
