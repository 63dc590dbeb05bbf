#!/usr/bin/env bash
# Runs the benchmark program (bench/Benchmarks) and updates docs/performance.md.
#   scripts/bench.sh [--schools 1000 --pupils 100000 --guardians 150000 --duration 20 --warmup 30 --connections 50 --crowd 200]
# Needs PostgreSQL server binaries and wrk (installed with apt when missing). Takes several minutes at
# département size; a quick run: scripts/bench.sh --schools 50 --pupils 5000 --guardians 7500 --duration 5
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
dotnet build Preau.slnx -c Release -nologo -v q
exec dotnet bench/Benchmarks/bin/Release/net10.0/Preau.Benchmarks.dll "$@"
