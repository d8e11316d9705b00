#!/usr/bin/env bash
# Bootstrap: a fresh machine needs only the .NET SDK. Restores pwsh (dotnet tool manifest) and runs build.ps1.
#   ./build.sh Demo    generate a batch and run the production job on this machine
#   ./build.sh Test    build, package, run every xUnit and Pester test, print "Tests: N passed, N failed"
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet tool restore >/dev/null
task="${1:-Build}"
shift || true
exec dotnet pwsh -NoProfile -NonInteractive -ExecutionPolicy Bypass -File ./build.ps1 -Task "$task" "$@"
