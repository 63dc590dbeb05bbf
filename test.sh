#!/usr/bin/env bash
# Runs every test suite of Préau (DESIGN.md, Tests), after installing what they need when missing:
# PostgreSQL server binaries and Chromium (apt), maildev (npm, tests/tools), dotnet-ef (local tool).
#   unit         rules and calculations, architecture, translations, model snapshots
#   integration  the app over HTTP, on SQLite and then on a real PostgreSQL started by the fixture
#   browser      user journeys in headless Chromium with axe-core, on the real app on a loopback port
set -uo pipefail
cd "$(dirname "$0")"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} with apt…"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null || { echo "apt-get install ${missing[*]} failed" >&2; exit 1; }
fi
npm ci --prefix tests/tools --no-audit --no-fund --silent || { echo "npm ci --prefix tests/tools failed" >&2; exit 1; }
dotnet tool restore >/dev/null || exit 1
dotnet build Preau.slnx -c Release -nologo -v q || exit 1

status=0
# Each suite has a time limit, several times its usual length: a run that hangs stops there and says
# which suite hung, and the others still run (CI stops everything at 90 minutes, saying nothing).
suite() {
  local name="$1" minutes="$2"; shift 2
  echo "== $name"
  timeout --kill-after=30s "${minutes}m" "$@"
  local code=$?
  if [ $code -eq 124 ] || [ $code -eq 137 ]; then echo "!! $name did not finish within $minutes minutes"; status=1
  elif [ $code -ne 0 ]; then echo "!! $name failed"; status=1; fi
}
suite "unit" 5 dotnet test --project tests/UnitTests -c Release --no-build
suite "integration (SQLite)" 15 env PREAU_TEST_DATABASE=sqlite dotnet test --project tests/IntegrationTests -c Release --no-build
suite "integration (PostgreSQL)" 15 env PREAU_TEST_DATABASE=postgres dotnet test --project tests/IntegrationTests -c Release --no-build
suite "browser (Chromium + axe-core)" 25 dotnet test --project tests/BrowserTests -c Release --no-build
[ $status -eq 0 ] && echo "All suites passed." || echo "Some suites failed."
exit $status
