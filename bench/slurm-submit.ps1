param([int] $Count = 40000, [int] $PerProteinCount = 200, [Parameter(Mandatory)] [string] $WorkDirectory, [Parameter(Mandatory)] [string] $ModulePath)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module $ModulePath

function New-BenchConfig([string] $Folder, [int] $MaxConcurrent) {
    New-Item -ItemType Directory -Force $Folder | Out-Null
    $path = Join-Path $Folder 'production.yml'
    @('slurm:', '  memory: 500M', "  max_concurrent_jobs: $MaxConcurrent", "  job_script_dir: $Folder/jobs", '  submit_delay: 0.1',
      'paths:', "  log_dir: $Folder/logs") | Set-Content $path
    $path
}
function Stop-Run([string] $Folder) {
    foreach ($script in Get-ChildItem "$Folder/jobs" -Recurse -Filter job.sh | Select-Object -First 1) {
        $name = (Get-Content $script.FullName | Select-String "job-name='([^']+)'").Matches[0].Groups[1].Value
        & scancel --name $name
    }
}

$batch = New-EcodSyntheticBatch -Path (Join-Path $WorkDirectory 'batches') -ProteinCount $Count -Seed 40000 -BatchCount 10
$tasks = @(Find-EcodProtein -BatchRoot $batch.Root -RepsOnly:$false)

# Arrays: the production default.
$arrays = Join-Path $WorkDirectory 'arrays'
$cfg = New-BenchConfig $arrays 50
$db = Join-Path $arrays 'tracking.db'
$t = [System.Diagnostics.Stopwatch]::StartNew()
$jobs = $tasks | Submit-EcodJob -Executor Slurm -ChunkSize 100 -ReferenceDirectory $batch.ReferenceDirectory -TrackingDatabase $db -WorkDirectory "$arrays/work" -ConfigurationPath $cfg
$submit = $t.Elapsed.TotalSeconds
$sbatch = @(Get-ChildItem "$arrays/jobs" -Recurse -Filter job.sh).Count
$t.Restart()
$polled = @(Get-EcodJobStatus -Refresh -TrackingDatabase $db -ConfigurationPath $cfg)
$poll = $t.Elapsed.TotalSeconds
Stop-Run $arrays

# Per protein: the production design's mode, on a smaller count.
$single = Join-Path $WorkDirectory 'per-protein'
$cfg = New-BenchConfig $single $PerProteinCount
$t.Restart()
$few = $tasks | Select-Object -First $PerProteinCount |
    Submit-EcodJob -Executor Slurm -Mode PerProtein -ReferenceDirectory $batch.ReferenceDirectory -TrackingDatabase (Join-Path $single 'tracking.db') -WorkDirectory "$single/work" -ConfigurationPath $cfg
$perProtein = $t.Elapsed.TotalSeconds
Stop-Run $single
$extrapolated = $perProtein * $Count / $PerProteinCount

'chains                         : {0:N0} ({1:N0} jobs returned, status {2})' -f $tasks.Count, @($jobs).Count, (@($jobs)[0].Status)
'arrays: head-node seconds      : {0:N1} s  (goal < 30 s)' -f $submit
'arrays: sbatch calls           : {0:N0}  ({1:N0} array tasks of 100 chains)' -f $sbatch, [math]::Ceiling($tasks.Count / 100)
'one status poll (-Refresh)     : {0:N2} s over {1:N0} jobs  (goal < 2 s)' -f $poll, $polled.Count
'per-protein: {0:N0} chains       : {1:N1} s, {0:N0} sbatch calls' -f $PerProteinCount, $perProtein
'per-protein: extrapolated      : {0:N0} s for {1:N0} chains ({1:N0} sbatch calls)' -f $extrapolated, $tasks.Count
'ratio per-protein / arrays     : {0:N0}x head-node time, {1:N0}x sbatch calls' -f ($extrapolated / $submit), ($tasks.Count / [math]::Max(1, $sbatch))
