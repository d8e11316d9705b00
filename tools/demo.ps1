<#
.SYNOPSIS
    The README's demo: the production job on a generated batch, on this one machine.
.DESCRIPTION
    generate -> find -> submit locally (tracked in SQLite) -> production statistics -> accuracy against the truth.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $Path,
    [int] $ProteinCount = 2000,
    [ulong] $Seed = 2026
)
$ErrorActionPreference = 'Stop'
if ($PSStyle) { $PSStyle.OutputRendering = 'PlainText' }
Import-Module $ModulePath -Force

if (Test-Path $Path) { Remove-Item -Recurse -Force $Path }
New-Item -ItemType Directory -Path $Path | Out-Null
$batches = Join-Path $Path 'batches'
$tracking = Join-Path $Path 'tracking.db'
$work = Join-Path $Path 'work'

Write-Host "`n== 1. Generate $ProteinCount chains in 4 batch folders (seed $Seed)" -ForegroundColor Cyan
$clock = [System.Diagnostics.Stopwatch]::StartNew()
$gen = New-EcodSyntheticBatch -Path $batches -ProteinCount $ProteinCount -Seed $Seed -BatchCount 4
Write-Host ("   {0} chains, {1} representatives, reference library at {2} ({3:N1} s)" -f $gen.ProteinCount, $gen.RepresentativeCount, $gen.ReferenceDirectory, $clock.Elapsed.TotalSeconds)

Write-Host "`n== 2. Find the representative chains still to process" -ForegroundColor Cyan
Find-EcodProtein -BatchRoot $batches -RepsOnly -SkipExisting -TrackingDatabase $tracking -Summary | Format-List | Out-Host

Write-Host "== 3. Run them on this machine's cores, tracked in $tracking" -ForegroundColor Cyan
$clock.Restart()
$jobs = Find-EcodProtein -BatchRoot $batches -RepsOnly -SkipExisting -TrackingDatabase $tracking |
    Submit-EcodJob -Executor Local -ReferenceDirectory $gen.ReferenceDirectory -TrackingDatabase $tracking -WorkDirectory $work
$seconds = $clock.Elapsed.TotalSeconds
Write-Host ("   {0} jobs in {1:N1} s ({2:N0} chains/s)" -f @($jobs).Count, $seconds, (@($jobs).Count / [Math]::Max($seconds, 0.001)))
$jobs | Select-Object -First 5 | Format-Table | Out-Host

Write-Host "== 4. Production statistics" -ForegroundColor Cyan
Get-EcodProductionStatistic -TrackingDatabase $tracking | Format-List | Out-Host

Write-Host "== 5. Accuracy of the representatives against the known right answers (boundary tolerance +/-5)" -ForegroundColor Cyan
$outputs = Get-ChildItem $batches -Directory -Filter 'ecod_batch_*' | ForEach-Object { Join-Path $_.FullName 'mini_domains' }
$summaries = Compare-EcodPartition -Partition $outputs -Reference $gen.TruthPath -Summary -ByCategory -ExcludeMissing -CsvPath (Join-Path $Path 'accuracy.csv')
$summaries | Where-Object Category | Format-Table Category, Chains, DomainCountAccuracy, BoundaryAccuracy, OverSplit, UnderSplit | Out-Host
$summaries | Where-Object { -not $_.Category } | Format-List | Out-Host
Write-Host "Per-chain comparison: $(Join-Path $Path 'accuracy.csv')"
