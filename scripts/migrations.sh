#!/usr/bin/env bash
# Regenerates a module's EF Core migrations for both providers (SQLite and PostgreSQL).
#   scripts/migrations.sh <Module> [MigrationName]
# Module: Platform, Identity, SchoolLife, … (the DbContexts are <Module>SqliteDbContext and <Module>PostgresDbContext).
# Without a name, the module's migrations are rebuilt as one InitialCreate: allowed only before the first
# release (docs/decisions/0002-migrations-per-provider.md). With a name, a new migration is added.
set -euo pipefail
cd "$(dirname "$0")/.."
module="${1:?usage: scripts/migrations.sh <Module> [MigrationName]}"
name="${2:-}"
if [ "$module" = "Platform" ]; then project="src/Platform"; else project="src/Modules/$module"; fi
[ -d "$project" ] || { echo "No project at $project" >&2; exit 1; }
migration="${name:-InitialCreate}"
if [ -z "$name" ]; then rm -rf "$project/Data/Migrations/Sqlite" "$project/Data/Migrations/Postgres"; fi
dotnet tool restore >/dev/null
dotnet build src/Web -v q -nologo | grep -E " error " && exit 1
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$migration" --no-build --project "$project" --startup-project src/Web \
    --context "${module}${provider}DbContext" --output-dir "Data/Migrations/$provider" | grep -v "^Build\|^Done\|older than" || true
  echo "$module: $provider migration $migration written to $project/Data/Migrations/$provider"
done
rm -f src/Web/design-time.db
