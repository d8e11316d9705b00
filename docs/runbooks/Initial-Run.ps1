<#
.SYNOPSIS
    Workflow 1, the initial production run: scan, submit a test of 100 chains with 10 at once, watch, statistics,
    import dry run, import, verify.

.DESCRIPTION
    Runs the first production step end to end from one configuration file (config/production.yml):

      1. Scan     Find-EcodProtein: representative chains of the batch folders (paths.batch_base_dir) not yet
                  completed in the tracking database, the first -MaxProteins of them in priority order.
      2. Submit   Submit-EcodJob: on SLURM (one job array, -MaxConcurrent array tasks at once, -ChunkSize chains per
                  task) or on this machine (-Executor Local).
      3. Watch    Get-EcodJobStatus -Wait: polls SLURM and the result files until no job of the run is submitted or
                  running (progress bar), then one plain Watch-EcodProduction line with the run's figures.
      4. Stats    Get-EcodProductionStatistic: completed, failed, throughput, quality distribution, alerts.
      5. Dry run  Import-EcodResult -WhatIf: what would be imported, filtered by quality, or collide; writes nothing.
      6. Import   Import-EcodResult -CollisionStrategy Skip with the quality filter (quality.import_quality_threshold
                  unless -QualityFilter says otherwise); the import is recorded in the tracking database.
      7. Verify   Test-EcodImport: re-reads the imported chains from PostgreSQL and compares them with their
                  partition files; any mismatch stops the runbook.

    Steps 1-3 are one pipeline: Find-EcodProtein | Submit-EcodJob | Get-EcodJobStatus -Wait.
    Chains that fail are reported (Get-EcodJobStatus -Status failed) and left to Retry-FailedJob.ps1; they do not stop
    the run. A real failure (bad configuration, SLURM or PostgreSQL unreachable, a wait past -WaitTimeout, an import
    that does not verify) stops the runbook with its error.

    The runbook emits one summary object (Runbook, Submitted, Completed, Failed, Imported, Filtered, Skipped,
    Mismatches, Statistics, DryRun, Import); the counts are shown, Statistics, DryRun and Import hold the steps'
    objects. Output is quiet: one information line per step (6> redirects them) and one warning line per failed
    chain or error, naming the chain and Get-EcodJobLog for its logs.

.PARAMETER ConfigurationPath
    The production configuration (YAML): database, paths, slurm, processing and quality sections.
    Default: ./config/production.yml.

.PARAMETER MaxProteins
    How many chains the test run takes (default 100).

.PARAMETER MaxConcurrent
    SLURM array tasks running at once for this run (default 10); overrides slurm.max_concurrent_jobs.

.PARAMETER ChunkSize
    Chains per array task (default 10: 100 chains make an array of 10 tasks).

.PARAMETER Executor
    Slurm (default) or Local (this machine's cores, for a trial without a cluster).

.PARAMETER QualityFilter
    Good, Questionable or All: which results are imported. Default: quality.import_quality_threshold.

.PARAMETER PollInterval
    Seconds between SLURM polls while waiting (default 30).

.PARAMETER WaitTimeout
    Longest wait for the run (default 12 hours); past it the runbook stops with an EcodWaitTimeout error and the jobs
    keep running (run Get-EcodJobStatus -Wait again to follow them).

.EXAMPLE
    ./docs/runbooks/Initial-Run.ps1 -ConfigurationPath ./config/production.yml

    The 100-chain test on SLURM, 10 at once, imported with the configured quality filter.

.EXAMPLE
    ./docs/runbooks/Initial-Run.ps1 -ConfigurationPath ./config/production.yml -MaxProteins 1000 -MaxConcurrent 50 -ChunkSize 20 6> initial-run.log

    The staging step of the deployment plan: 1,000 chains, 50 array tasks at once, step messages in a log file.

.EXAMPLE
    ./docs/runbooks/Initial-Run.ps1 -ConfigurationPath ./config/production.yml -Executor Local -MaxProteins 10

    A 10-chain trial on this machine.
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [string] $ConfigurationPath = './config/production.yml',
    [ValidateRange(1, [int]::MaxValue)] [int] $MaxProteins = 100,
    [ValidateRange(1, 1024)] [int] $MaxConcurrent = 10,
    [ValidateRange(1, 100000)] [int] $ChunkSize = 10,
    [ValidateSet('Slurm', 'Local')] [string] $Executor = 'Slurm',
    [ValidateSet('Good', 'Questionable', 'All')] [string] $QualityFilter,
    [ValidateRange(1, 3600)] [int] $PollInterval = 30,
    [timespan] $WaitTimeout = '12:00:00'
)

$ErrorActionPreference = 'Stop'
# Step lines are shown unless the caller chose otherwise (-InformationAction, or 6> to redirect them).
if (-not $PSBoundParameters.ContainsKey('InformationAction')) { $InformationPreference = 'Continue' }
. (Join-Path $PSScriptRoot 'lib/Import-EcodMini.ps1')
$config = @{ ConfigurationPath = $ConfigurationPath }
$quality = if ($QualityFilter) { @{ QualityFilter = $QualityFilter } } else { @{} }

Write-Information "1-3/7 Scan, submit $MaxProteins chain(s) ($Executor, $MaxConcurrent at once, $ChunkSize per task) and wait"
$chainErrors = @()
$jobs = @(Find-EcodProtein @config -RepsOnly -SkipExisting -MaxProteins $MaxProteins -WarningAction SilentlyContinue |
    Submit-EcodJob @config -Executor $Executor -ThrottleLimit $MaxConcurrent -ChunkSize $ChunkSize -ErrorAction SilentlyContinue -ErrorVariable +chainErrors -WarningAction SilentlyContinue |
    Get-EcodJobStatus @config -Wait -PollInterval $PollInterval -Timeout $WaitTimeout -ErrorAction SilentlyContinue -ErrorVariable +chainErrors)
Write-ErrorLine ($chainErrors | Where-Object { $_.FullyQualifiedErrorId -notlike 'EcodJobFailed*' })
if ($jobs.Count -eq 0 -and $WhatIfPreference) {
    Write-Information '-WhatIf: the scan and the sbatch commands above are what would run; nothing was submitted'
    return
}
if ($jobs.Count -eq 0) {
    Write-Warning 'Nothing to run: every representative chain is completed already, or failed (Retry-FailedJob.ps1); Find-EcodProtein -Summary -Verbose tells more'
    return New-RunbookResult -Display Runbook, Submitted, Completed, Failed, Imported -Property ([ordered] @{
        Runbook = 'Initial run'; Submitted = 0; Completed = 0; Failed = 0; Imported = 0; Filtered = 0; Skipped = 0; Mismatches = 0
        Statistics = $null; DryRun = $null; Import = $null })
}
Watch-EcodProduction @config -Plain -Count 1 | Out-Null

Write-Information '4/7 Statistics'
$statistics = Get-EcodProductionStatistic @config
$completed = @($jobs | Where-Object Status -EQ 'completed')
$failed = @($jobs | Where-Object Status -NE 'completed')
Write-ChainFailure $failed
if ($failed.Count -gt 0) { Write-Warning "$($failed.Count) chain(s) did not complete; Retry-FailedJob.ps1 retries them" }

Write-Information "5/7 Import dry run of $($completed.Count) completed chain(s)"
$dryRun = $completed | Import-EcodResult @config @quality -CollisionStrategy Skip -WhatIf
if ($dryRun -and $dryRun.Collisions -gt 0) { Write-Warning "$($dryRun.Collisions) chain(s) are already in the database under another version: they are skipped" }

Write-Information '6/7 Import (collisions skipped)'
$import = $completed | Import-EcodResult @config @quality -CollisionStrategy Skip -ErrorAction SilentlyContinue -ErrorVariable importErrors
Write-ErrorLine $importErrors

Write-Information '7/7 Verify the imported chains against their partition files'
$mismatches = @(if ($import -and $import.Imported -gt 0) { Test-EcodImport @config -Count $MaxProteins })
if ($mismatches.Count -gt 0) {
    $mismatches
    throw "Test-EcodImport found $($mismatches.Count) mismatch(es) between the database and the partition files"
}

New-RunbookResult -Display Runbook, Submitted, Completed, Failed, Imported, Filtered, Skipped, Mismatches -Property ([ordered] @{
    Runbook    = 'Initial run'
    Submitted  = $jobs.Count
    Completed  = $completed.Count
    Failed     = $failed.Count
    Imported   = if ($import) { $import.Imported } else { 0 }
    Filtered   = if ($import) { $import.Filtered } else { 0 }
    Skipped    = if ($import) { $import.Skipped } else { 0 }
    Mismatches = $mismatches.Count
    Statistics = $statistics
    DryRun     = $dryRun
    Import     = $import
})
