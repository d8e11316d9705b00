<#
.SYNOPSIS
    Workflow 3, retry failed jobs: resubmit the chains that failed, timed out or were cancelled, within
    processing.max_retries and processing.retry_delay, and import the ones that now complete.

.DESCRIPTION
    Each round is one pipeline:

        Find-EcodProtein -IncludeFailed | Where-Object IsRetry | Get-EcodJobStatus | Restart-EcodJob |
            Get-EcodJobStatus -Wait | Import-EcodResult -CollisionStrategy Skip

    - Find-EcodProtein -IncludeFailed decides, with the same rule as every submission, which failed chains may run
      again now: a transient error (time limit, memory, node, I/O, lost), fewer than processing.max_retries retries so
      far, and their last attempt ended at least processing.retry_delay x 2^(retries so far) seconds ago. A permanent
      error (bad or missing input) is not retried until its summary is rewritten. Chains still inside their delay are deferred; chains
      out of retries are failed for good (Get-EcodJobStatus -Status failed lists them with their errors;
      Submit-EcodJob -Force runs them anyway).
    - Restart-EcodJob resubmits them where they last ran; a chain that ended TIMEOUT gets more time and one that
      ended OUT_OF_MEMORY more memory (slurm.restart_factor per retry). A completed chain is never resubmitted.
    - Get-EcodJobStatus -Wait follows the resubmitted jobs; Import-EcodResult imports those that completed (quality
      filter, collisions skipped, chains imported before not imported again).

    Without -Wait the runbook runs one round and reports what is deferred. With -Wait it keeps going: it waits out
    the retry delays and runs rounds until every failed chain has either completed or used up its retries.
    A real failure (configuration, SLURM, PostgreSQL, a wait past -WaitTimeout) stops the runbook with its error.

    Emits one summary object (Runbook, Rounds, Retried, Completed, StillFailed, Deferred, Exhausted, Permanent,
    Imported, Import). Retried counts chains (not attempts) and Completed those of them that completed; Permanent
    counts chains whose error is permanent (bad or missing input: not retried until the input is rewritten). Output
    is quiet: one information line per round (6> redirects them) and one warning line per failed chain or error,
    naming the chain and Get-EcodJobLog for its logs.

.PARAMETER ConfigurationPath
    The production configuration (YAML); processing.max_retries and processing.retry_delay set the limits.
    Default: ./config/production.yml.

.PARAMETER Wait
    Wait out retry delays and retry until nothing is left to retry (bounded by processing.max_retries).

.PARAMETER QualityFilter
    Good, Questionable or All: which results are imported. Default: quality.import_quality_threshold.

.PARAMETER PollInterval
    Seconds between SLURM polls, and between looks for retries that became due with -Wait (default 30).

.PARAMETER WaitTimeout
    Longest wait for one round's jobs (default 12 hours).

.EXAMPLE
    ./docs/runbooks/Retry-FailedJob.ps1 -ConfigurationPath ./config/production.yml

    One round: resubmits the failed chains whose retry delay has passed, waits for them, imports what completed.

.EXAMPLE
    ./docs/runbooks/Retry-FailedJob.ps1 -ConfigurationPath ./config/production.yml -Wait 6> retry.log

    Keeps retrying until every failed chain has completed or used up processing.max_retries.
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [string] $ConfigurationPath = './config/production.yml',
    [switch] $Wait,
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
$processing = (Get-EcodConfiguration @config).Configuration.Processing
Write-Information "Retry policy: at most $($processing.MaxRetries) retries, $($processing.RetryDelay) s after a failure, doubled per retry"

$rounds = 0
$retried = @{}          # chains retried (not attempts): "protein|batch" -> its latest job
$imports = [System.Collections.Generic.List[object]]::new()
while ($true) {
    $scan = Find-EcodProtein @config -IncludeFailed -Summary -WarningAction SilentlyContinue
    if ($scan.FailedForRetry -gt 0 -and ($Wait -or $rounds -eq 0)) {
        $rounds++
        Write-Information "Round ${rounds}: retrying $($scan.FailedForRetry) chain(s); $($scan.RetryNotDue) deferred by the retry delay, $($scan.RetriesExhausted) out of retries, $($scan.FailedPermanently) with a permanent error"
        $chainErrors = @()
        $import = $scan.Tasks | Where-Object IsRetry |
            Get-EcodJobStatus @config |
            Restart-EcodJob @config -ErrorAction SilentlyContinue -ErrorVariable +chainErrors -WarningAction SilentlyContinue |
            Get-EcodJobStatus @config -Wait -PollInterval $PollInterval -Timeout $WaitTimeout -ErrorAction SilentlyContinue -ErrorVariable +chainErrors |
            Tee-Object -Variable jobs |
            Import-EcodResult @config @quality -CollisionStrategy Skip -ErrorAction SilentlyContinue -ErrorVariable +chainErrors
        $jobs = @($jobs | Where-Object { $null -ne $_ })
        foreach ($j in $jobs) { $retried["$($j.ProteinId)|$($j.BatchName)"] = $j }
        $done = @($jobs | Where-Object Status -EQ 'completed').Count
        Write-Information "Round ${rounds}: $done completed, $($jobs.Count - $done) failed again; $(if ($import) { $import.Imported } else { 0 }) imported"
        Write-ErrorLine ($chainErrors | Where-Object { $_.FullyQualifiedErrorId -notlike 'EcodJobFailed*' })
        if ($import) { $imports.Add($import) }
        continue
    }
    if (-not $Wait -or $scan.RetryNotDue -eq 0) { break }
    Write-Progress -Activity 'Retrying failed jobs' -Status "$($scan.RetryNotDue) chain(s) waiting for their retry delay; next look in $PollInterval s"
    Start-Sleep -Seconds $PollInterval
}
Write-Progress -Activity 'Retrying failed jobs' -Completed

$failed = @(Get-EcodJobStatus @config -Status failed, timeout, cancelled)
Write-ChainFailure $failed
if ($scan.RetryNotDue -gt 0) { Write-Warning "$($scan.RetryNotDue) failed chain(s) wait for their retry delay: run this runbook again later (or with -Wait)" }
if ($scan.RetriesExhausted -gt 0) {
    Write-Warning "$($scan.RetriesExhausted) chain(s) used up processing.max_retries; Submit-EcodJob -Force runs them again"
}
if ($scan.FailedPermanently -gt 0) {
    Write-Warning "$($scan.FailedPermanently) chain(s) failed with a permanent error (bad or missing input): repair the input and run this runbook again"
}

New-RunbookResult -Display Runbook, Rounds, Retried, Completed, StillFailed, Deferred, Exhausted, Permanent, Imported -Property ([ordered] @{
    Runbook     = 'Retry failed jobs'
    Rounds      = $rounds
    Retried     = $retried.Count
    Completed   = @($retried.Values | Where-Object Status -EQ 'completed').Count
    StillFailed = $failed.Count
    Deferred    = $scan.RetryNotDue
    Exhausted   = $scan.RetriesExhausted
    Permanent   = $scan.FailedPermanently
    Imported    = [int] ($imports | Measure-Object Imported -Sum).Sum
    Import      = $imports.ToArray()
})
