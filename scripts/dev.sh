#!/usr/bin/env bash
# ccsim set-up on Debian in one command: installs what is missing (apt-get), builds in
# Release, then either runs the flagship scenario or the whole test suite.
#
#   scripts/dev.sh demo    set up, build, run the flagship comparison: the same centre run the
#                          Taylorist and the autonomous way (results in out/flagship)
#   scripts/dev.sh test    set up, build, run every test through ctest
#   scripts/dev.sh build   set up and build only
#
# Environment: BUILD_DIR (default build), JOBS (default: all cores), WITH_MPI (default ON:
# the build can run under mpirun; OFF builds without Open MPI).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
mode="${1:-demo}"
build_dir="${BUILD_DIR:-build}"
jobs="${JOBS:-$(nproc 2>/dev/null || echo 2)}"

packages=(g++ make cmake git libboost-dev libcli11-dev nlohmann-json3-dev libspdlog-dev catch2
          libboost-mpi-dev openmpi-bin)

install_missing_packages() {
  local missing=()
  for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  if ((${#missing[@]} == 0)); then
    return
  fi
  echo "ccsim: installing missing packages: ${missing[*]}" >&2
  local sudo=""
  if [[ "$(id -u)" != 0 ]]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DCCSIM_WITH_MPI="${WITH_MPI:-ON}"
  cmake --build "$build_dir" -j "$jobs"
}

case "$mode" in
  demo)
    install_missing_packages
    build
    "$build_dir/src/cli/ccsim" compare scenarios/centre-taylorist.json scenarios/centre-autonomous.json \
      -o out/flagship
    echo "ccsim: results in out/flagship (compare.json, compare.csv, one summary.json per scenario)" >&2
    ;;
  test)
    install_missing_packages
    build
    ctest --test-dir "$build_dir" --output-on-failure -j "$jobs"
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
