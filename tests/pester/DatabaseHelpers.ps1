# Helpers for tests against the test PostgreSQL server (tools/services/postgres.sh exports ECOD_TEST_PG_*).

function Test-PgConfigured { [bool] $env:ECOD_TEST_PG_HOST }

# Outside CI a missing server skips the PostgreSQL tests (with a warning); under CI=true they run and fail.
function Get-PgSkip {
    if (Test-PgConfigured) { return $false }
    if ($env:CI -eq 'true') { return $false }
    Write-Warning 'PostgreSQL tests SKIPPED: ECOD_TEST_PG_HOST is not set (eval "$(tools/services/postgres.sh)"); under CI=true they fail instead'
    return $true
}

function Assert-PgConfigured {
    if (-not (Test-PgConfigured)) { throw 'No test PostgreSQL server: ECOD_TEST_PG_HOST is not set (tools/services/postgres.sh did not run or failed)' }
}

# Runs SQL with psql as the test role; returns the unaligned, tuples-only output lines.
function Invoke-PgSql {
    param([Parameter(Mandatory)] [string] $Sql, [string] $Database = $env:ECOD_TEST_PG_DATABASE)
    Assert-PgConfigured
    $env:PGPASSWORD = $env:ECOD_TEST_PG_PASSWORD
    try {
        $out = & psql -X -q -v ON_ERROR_STOP=1 -tA -h $env:ECOD_TEST_PG_HOST -p $env:ECOD_TEST_PG_PORT -U $env:ECOD_TEST_PG_USER -d $Database -c $Sql 2>&1
        if ($LASTEXITCODE -ne 0) { throw "psql failed ($LASTEXITCODE): $out" }
        return $out
    }
    finally { Remove-Item Env:PGPASSWORD -ErrorAction SilentlyContinue }
}

function New-PgTestDatabase {
    $name = 'ecodmini_p_' + [guid]::NewGuid().ToString('n').Substring(0, 12)
    Invoke-PgSql -Sql "CREATE DATABASE $name" | Out-Null
    return $name
}

function Remove-PgTestDatabase {
    param([string] $Name)
    if ($Name -and (Test-PgConfigured)) { Invoke-PgSql -Sql "DROP DATABASE IF EXISTS $Name WITH (FORCE)" | Out-Null }
}

# A production.yml for the test database (password from ECOD_TEST_PG_PASSWORD) and the given tracker / batch root.
function New-PgTestConfiguration {
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [string] $Database, [string] $TrackingDb = '',
          [string] $BatchRoot = '', [string] $PasswordEnv = 'ECOD_TEST_PG_PASSWORD', [string] $Threshold = 'good')
    $lines = @(
        'database:'
        "  host: $env:ECOD_TEST_PG_HOST"
        "  port: $env:ECOD_TEST_PG_PORT"
        "  database: $Database"
        "  user: $env:ECOD_TEST_PG_USER"
        "  password_env: $PasswordEnv"
        '  ssl_mode: disable'
        '  connect_timeout: 5'
        'quality:'
        "  import_quality_threshold: $Threshold"
    )
    if ($TrackingDb -or $BatchRoot) { $lines += 'paths:' }
    if ($TrackingDb) { $lines += "  tracking_db: $TrackingDb" }
    if ($BatchRoot) { $lines += "  batch_base_dir: $BatchRoot" }
    $lines | Set-Content -Path $Path
    return $Path
}

# A v1.0 synthetic batch root (summaries carry sequences) whose representatives ran as local jobs: the root, the tracker,
# the completed jobs and their partitions, ready to import.
function New-ImportableRun {
    param([Parameter(Mandatory)] [string] $Directory, [int] $ProteinCount = 120, [int] $Seed = 31)
    $gen = New-TestBatchRoot -ProteinCount $ProteinCount -Seed $Seed -BatchCount 2 -Format V1
    $track = Join-Path $Directory 'readers.db'
    Find-EcodProtein -BatchRoot $gen.Root -RepsOnly -SkipExisting:$false |
        Submit-EcodJob -Executor Local -ReferenceDirectory $gen.ReferenceDirectory -TrackingDatabase $track -WorkDirectory (Join-Path $Directory 'work') | Out-Null
    $jobs = @(Get-EcodJobStatus -TrackingDatabase $track -Status completed)
    [pscustomobject]@{ Gen = $gen; Track = $track; Jobs = $jobs; Parts = @($jobs | ForEach-Object { Get-EcodPartition -Path $_.OutputPath }) }
}
