param([int] $Count = 10000, [int] $Seed = 1, [Parameter(Mandatory)] [string] $WorkDirectory, [Parameter(Mandatory)] [string] $ModulePath)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module $ModulePath
$batch = New-EcodSyntheticBatch -Path (Join-Path $WorkDirectory 'set') -ProteinCount $Count -Seed $Seed
$files = @(Get-ChildItem (Join-Path $batch.Root 'ecod_batch_*/domains/*.xml'))
$t = [System.Diagnostics.Stopwatch]::StartNew()
$results = $files | Invoke-EcodPartition -ReferenceDirectory $batch.ReferenceDirectory -OutputDirectory (Join-Path $WorkDirectory 'out')
$seconds = $t.Elapsed.TotalSeconds
$proc = [System.Diagnostics.Process]::GetCurrentProcess(); $proc.Refresh()
'chains            : {0:N0} ({1:N0} results)' -f $files.Count, @($results).Count
'threads           : {0}' -f [Environment]::ProcessorCount
'seconds           : {0:N2}' -f $seconds
'chains/second     : {0:N0}' -f ($files.Count / $seconds)
'peak working set  : {0:N0} MB' -f ($proc.PeakWorkingSet64 / 1MB)
