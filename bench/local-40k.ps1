param([int] $Count = 40000, [Parameter(Mandatory)] [string] $WorkDirectory, [Parameter(Mandatory)] [string] $ModulePath)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module $ModulePath
$root = Join-Path $WorkDirectory 'batches'
$db = Join-Path $WorkDirectory 'tracking.db'
if (Test-Path $root) { Remove-Item -Recurse -Force $root }
if (Test-Path $db) { Remove-Item -Force $db }

$t = [System.Diagnostics.Stopwatch]::StartNew()
$batch = New-EcodSyntheticBatch -Path $root -ProteinCount $Count -Seed 40000 -BatchCount 10
$generate = $t.Elapsed.TotalSeconds

$t.Restart()
# Every generated chain (not only representatives), so the job is the full 40,000.
$tasks = @(Find-EcodProtein -BatchRoot $root -RepsOnly:$false -SkipExisting -TrackingDatabase $db)
$find = $t.Elapsed.TotalSeconds

$t.Restart()
$jobs = $tasks | Submit-EcodJob -Executor Local -ReferenceDirectory $batch.ReferenceDirectory -TrackingDatabase $db -WorkDirectory (Join-Path $WorkDirectory 'work')
$submit = $t.Elapsed.TotalSeconds
$stats = Get-EcodProductionStatistic -TrackingDatabase $db

$proc = [System.Diagnostics.Process]::GetCurrentProcess()
$proc.Refresh()
$total = $find + $submit
'generated chains        : {0:N0} in {1:N1} s (not part of the production job)' -f $batch.ProteinCount, $generate
'chains found to process : {0:N0} in {1:N2} s' -f $tasks.Count, $find
'submitted + ingested    : {0:N0} jobs in {1:N1} s' -f @($jobs).Count, $submit
'completed / failed      : {0:N0} / {1:N0}' -f $stats.Completed, $stats.Failed
'find+submit+ingest wall : {0:N1} s  (goal < 600 s)' -f $total
'chains/second           : {0:N0}' -f ($tasks.Count / $total)
'peak working set        : {0:N0} MB  (goal < 1024 MB)' -f ($proc.PeakWorkingSet64 / 1MB)
