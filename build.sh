#!/usr/bin/env bash
# actielijst quick start.
#
#   ./build.sh report   build, then write the steering-group report of the bundled
#                       Limburg action list (HTML and Markdown) and print where it is
#   ./build.sh test     build and run every test: the dev and asan workflows, then
#                       bounded libFuzzer runs (the fuzz workflow, clang)
#
# Missing Debian packages are installed when run as root; otherwise the exact
# apt-get line is printed and the script stops.
set -euo pipefail

cd "$(dirname "$0")"

# Build tools and the libraries the project links (all Debian 12 packages).
packages=(
  cmake g++ make pkg-config binutils
  libsqlite3-dev libsqlitecpp-dev nlohmann-json3-dev libcli11-dev doctest-dev libboost-serialization-dev
  libxlsxwriter-dev libminizip-dev libexpat1-dev
  python3 python3-jsonschema python3-venv
  abigail-tools dpkg-dev doxygen
  # the Debian packages' checks (tests/packaging)
  lintian
  clang libclang-rt-14-dev
  valgrind
  chromium poppler-utils fonts-liberation fonts-dejavu-core
  # the forms' round trip through LibreOffice (tests/forms), with its Python bridge
  libreoffice-calc-nogui python3-uno
)

usage() {
  sed -n '2,11s/^# \{0,1\}//p' "$0"
  exit 2
}

ensure_packages() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "actielijst needs these Debian packages; install them as root with:" >&2
    echo "  apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing ${missing[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

report() {
  cmake --preset release >/dev/null
  cmake --build --preset release --target stuurgroep-rapport
  mkdir -p out
  # A fresh store each time, so the report shows exactly the bundled data.
  rm -f out/limburg.db out/limburg.db-wal out/limburg.db-shm
  ./build/release/examples/stuurgroep-rapport/stuurgroep-rapport \
    --data examples/data/limburg.json --db out/limburg.db \
    --out out/stuurgroep-rapport.html --out out/stuurgroep-rapport.md
}

tests() {
  # The print test needs the browser this script installs: never skip it here.
  export ACTIELIJST_REQUIRE_BROWSER=1
  # Nor the forms' round trip through LibreOffice (soffice and python3-uno).
  export ACTIELIJST_REQUIRE_OFFICE=1
  # Nor lintian on the Debian packages, nor installing them with apt (as root).
  export ACTIELIJST_REQUIRE_LINTIAN=1
  export ACTIELIJST_REQUIRE_APT=1
  cmake --workflow --preset dev
  cmake --workflow --preset asan
  cmake --workflow --preset fuzz
}

[ $# -eq 1 ] || usage
case "$1" in
  report) ensure_packages; report ;;
  test) ensure_packages; tests ;;
  *) usage ;;
esac
