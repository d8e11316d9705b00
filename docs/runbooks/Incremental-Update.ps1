<#
.SYNOPSIS
    Workflow 2, an incremental update: process and import only the representative chains that are new since the last
    run (a new batch folder, chains added to a batch), skipping everything completed or imported already.

.DESCRIPTION
    One pipeline from scan to import:

        Find-EcodProtein -RepsOnly -SkipExisting | Submit-EcodJob | Get-EcodJobStatus -Wait | Import-EcodResult -CollisionStrategy Skip

    - Find-EcodProtein takes representative chains only (representatives.txt of the batch root, or the database's
      representative flags) and skips every chain the tracking database records as completed; chains that failed
      before are left to Retry-FailedJob.ps1.
    - Submit-EcodJob runs them on SLURM (-MaxConcurrent, or slurm.max_concurrent_jobs, array tasks at once) or on this machine (-Executor Local);
      a chain completed in the meantime is never run twice.
    - Get-EcodJobStatus -Wait follows exactly the submitted jobs until they end (progress bar).
    - Import-EcodResult imports the completed ones with the quality filter; chains the tracking database records as
      imported into this database are not imported again, and collisions with other versions are skipped.

    Run it again at any time: with nothing new it submits and imports nothing. Chains that fail are reported and
    left for Retry-FailedJob.ps1. A real failure (configuration, SLURM, PostgreSQL, a wait past -WaitTimeout) stops
    the runbook with its error.

    Emits one summary object (Runbook, ToProcess, SkippedDone, Submitted, Completed, Failed, Imported, Filtered,
    Skipped, Scan, Import); the counts are shown, Scan and Import hold the steps' objects. Output is quiet: one
    information line per step (6> redirects them) and one warning line per failed chain or error, naming the chain
    and Get-EcodJobLog for its logs.

.PARAMETER ConfigurationPath
    The production configuration (YAML). Default: ./config/production.yml.

.PARAMETER MaxConcurrent
    SLURM array tasks (or local chunks) running at once. Default: slurm.max_concurrent_jobs (local runs:
    execution.throttle_limit).

.PARAMETER ChunkSize
    Chains per array task. Default: execution.chunk_size.

.PARAMETER MaxProteins
    Take at most this many new chains (default: all of them).

.PARAMETER Executor
    Slurm (default) or Local.

.PARAMETER QualityFilter
    Good, Questionable or All: which results are imported. Default: quality.import_quality_threshold.

.PARAMETER PollInterval
    Seconds between SLURM polls while waiting (default 30).

.PARAMETER WaitTimeout
    Longest wait (default 24 hours); past it the runbook stops with an EcodWaitTimeout error, the jobs keep running.

.EXAMPLE
    ./docs/runbooks/Incremental-Update.ps1 -ConfigurationPath ./config/production.yml

    Processes and imports the representative chains of new batches, slurm.max_concurrent_jobs array tasks at once.

.EXAMPLE
    ./docs/runbooks/Incremental-Update.ps1 -ConfigurationPath ./config/production.yml -MaxConcurrent 20 -QualityFilter Questionable 6> update.log

    Fewer tasks at once; imports good and questionable results; step messages in update.log.
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [string] $ConfigurationPath = './config/production.yml',
    [ValidateRange(1, 1024)] [int] $MaxConcurrent,
    [ValidateRange(1, 100000)] [int] $ChunkSize,
    [ValidateRange(1, [int]::MaxValue)] [int] $MaxProteins,
    [ValidateSet('Slurm', 'Local')] [string] $Executor = 'Slurm',
    [ValidateSet('Good', 'Questionable', 'All')] [string] $QualityFilter,
    [ValidateRange(1, 3600)] [int] $PollInterval = 30,
    [timespan] $WaitTimeout = '1.00:00:00'
)

$ErrorActionPreference = 'Stop'
# Step lines are shown unless the caller chose otherwise (-InformationAction, or 6> to redirect them).
if (-not $PSBoundParameters.ContainsKey('InformationAction')) { $InformationPreference = 'Continue' }
. (Join-Path $PSScriptRoot 'lib/Import-EcodMini.ps1')
$config = @{ ConfigurationPath = $ConfigurationPath }
$scanOptions = @{ RepsOnly = $true; SkipExisting = $true }
if ($MaxProteins) { $scanOptions.MaxProteins = $MaxProteins }
$chunking = if ($ChunkSize) { @{ ChunkSize = $ChunkSize } } else { @{} }
$quality = if ($QualityFilter) { @{ QualityFilter = $QualityFilter } } else { @{} }
$throttle = if ($MaxConcurrent) { @{ ThrottleLimit = $MaxConcurrent } } else { @{} }

$scan = Find-EcodProtein @config @scanOptions -Summary
Write-Information ("Scan: $($scan.ToProcess) new representative chain(s) to process; $($scan.SkippedDone) completed already, " +
    "$($scan.SkippedFailed + $scan.FailedForRetry + $scan.RetryNotDue + $scan.RetriesExhausted) failed before (Retry-FailedJob.ps1 handles those)")

Write-Information "Submit ($Executor, $(if ($MaxConcurrent) { $MaxConcurrent } else { 'the configured number of' }) at once), wait, import"
$chainErrors = @()
$import = Find-EcodProtein @config @scanOptions -WarningAction SilentlyContinue |
    Submit-EcodJob @config @chunking @throttle -Executor $Executor -ErrorAction SilentlyContinue -ErrorVariable +chainErrors -WarningAction SilentlyContinue |
    Get-EcodJobStatus @config -Wait -PollInterval $PollInterval -Timeout $WaitTimeout -ErrorAction SilentlyContinue -ErrorVariable +chainErrors |
    Tee-Object -Variable jobs |
    Import-EcodResult @config @quality -CollisionStrategy Skip -ErrorAction SilentlyContinue -ErrorVariable +chainErrors
Write-ErrorLine ($chainErrors | Where-Object { $_.FullyQualifiedErrorId -notlike 'EcodJobFailed*' })
$jobs = @($jobs | Where-Object { $null -ne $_ })
$failed = @($jobs | Where-Object Status -NE 'completed')
Write-ChainFailure $failed
if ($failed.Count -gt 0) { Write-Warning "$($failed.Count) chain(s) did not complete and were not imported; Retry-FailedJob.ps1 retries them" }
if ($import) {
    Write-Information "Import: $($import.Imported) imported, $($import.Filtered) filtered by quality, $($import.Skipped) skipped (imported before or colliding)"
}

New-RunbookResult -Display Runbook, ToProcess, SkippedDone, Submitted, Completed, Failed, Imported, Filtered, Skipped -Property ([ordered] @{
    Runbook     = 'Incremental update'
    ToProcess   = $scan.ToProcess
    SkippedDone = $scan.SkippedDone
    Submitted   = $jobs.Count
    Completed   = $jobs.Count - $failed.Count
    Failed      = $failed.Count
    Imported    = if ($import) { $import.Imported } else { 0 }
    Filtered    = if ($import) { $import.Filtered } else { 0 }
    Skipped     = if ($import) { $import.Skipped } else { 0 }
    Scan        = $scan
    Import      = $import
})
