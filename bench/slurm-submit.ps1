param([int] $Count = 40000, [int] $PerProteinCount = 200, [int] $PollTaskCount = 40000, [int] $PollChunkSize = 100, [int] $PollRepeat = 3, [switch] $PollOnly, [Parameter(Mandatory)] [string] $WorkDirectory, [Parameter(Mandatory)] [string] $ModulePath)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module $ModulePath

function New-BenchConfig([string] $Folder, [int] $MaxConcurrent, [string[]] $Slurm = @()) {
    New-Item -ItemType Directory -Force $Folder | Out-Null
    $path = Join-Path $Folder 'production.yml'
    @('slurm:', '  memory: 500M', "  max_concurrent_jobs: $MaxConcurrent", "  job_script_dir: $Folder/jobs", '  submit_delay: 0.1') + $Slurm + @(
      'paths:', "  log_dir: $Folder/logs") | Set-Content $path
    $path
}
function Get-RunJobName([string] $Folder) {
    foreach ($script in Get-ChildItem "$Folder/jobs" -Recurse -Filter job.sh | Select-Object -First 1) {
        (Get-Content $script.FullName | Select-String "job-name='([^']+)'").Matches[0].Groups[1].Value
    }
}
function Stop-Run([string] $Folder) {
    foreach ($name in Get-RunJobName $Folder) { & scancel --name $name }
}
function Get-Median([double[]] $Values) { $sorted = @($Values | Sort-Object); $sorted[[int][math]::Floor(($sorted.Count - 1) / 2)] }

# A work folder of an earlier run of this bench keeps its generated batches (same count and seed): they are reused.
$batchPath = Join-Path $WorkDirectory 'batches'
$batch = if (Test-Path (Join-Path $batchPath 'generated.txt')) { [pscustomobject]@{ Root = $batchPath; ReferenceDirectory = Get-Content (Join-Path $batchPath 'generated.txt') } }
         else { New-EcodSyntheticBatch -Path $batchPath -ProteinCount $Count -Seed 40000 -BatchCount 10 }
$batch.ReferenceDirectory | Set-Content (Join-Path $batchPath 'generated.txt')
$tasks = @(Find-EcodProtein -BatchRoot $batch.Root -RepsOnly:$false)
$t = [System.Diagnostics.Stopwatch]::new()

if (-not $PollOnly) {
    # Arrays: the production default.
    $arrays = Join-Path $WorkDirectory 'arrays'
    $cfg = New-BenchConfig $arrays 50
    $db = Join-Path $arrays 'tracking.db'
    $t.Restart()
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

}

# Steady-state poll of a run of $PollTaskCount tasks (the chains Find-EcodProtein found, in array tasks of $PollChunkSize
# chains as above), against one raw sacct call listing the same run's jobs. So that this small shared cluster does not
# start hundreds of workers, the run goes to the test cluster's 'short' partition (MaxTime 1 minute) asking for 2 hours:
# SLURM accepts the jobs (EnforcePartLimits=NO) and keeps every array task PENDING (PartitionTimeLimit), so each poll
# sees the whole run as SLURM reports it. (One SLURM job per chain would not fit: MaxJobCount is 10,000, shared.)
# -SkipPreflight, since a probe job there would never start. The first refresh is not counted.
if ($PollTaskCount -gt 0) {
    $pollRun = Join-Path $WorkDirectory 'poll'
    $cfg = New-BenchConfig $pollRun 50 @('  partition: short', '  time: "2:00:00"')
    $db = Join-Path $pollRun 'tracking.db'
    $pollTasks = @($tasks | Select-Object -First $PollTaskCount)
    $since = [datetime]::Now.AddMinutes(-1).ToString('yyyy-MM-ddTHH:mm:ss')
    $t.Restart()
    $null = $pollTasks | Submit-EcodJob -Executor Slurm -ChunkSize $PollChunkSize -SkipPreflight -ReferenceDirectory $batch.ReferenceDirectory -TrackingDatabase $db -WorkDirectory "$pollRun/work" -ConfigurationPath $cfg
    $pollSubmit = $t.Elapsed.TotalSeconds
    $name = Get-RunJobName $pollRun
    try {
        $null = Get-EcodJobStatus -Refresh -First 1 -TrackingDatabase $db -ConfigurationPath $cfg
        # The run's jobs by id (sacct by --name leaves out pending jobs: they have no start time to match the window).
        $runJobs = (@(& sqlite3 -readonly $db 'SELECT DISTINCT executor_job_id FROM attempts WHERE executor_job_id IS NOT NULL;') |
            ForEach-Object { ($_ -split '_')[0] } | Sort-Object -Unique) -join ','
        $rawTimes = @(); $pollTimes = @(); $rawLines = 0
        for ($i = 0; $i -lt $PollRepeat; $i++) {
            $t.Restart()
            $raw = @(& sacct -X --parsable2 --noheader --jobs $runJobs --starttime $since '--format=JobIdRaw,JobID,State,ExitCode,Start,End,Elapsed,MaxRSS')
            $rawTimes += $t.Elapsed.TotalSeconds
            $rawLines = $raw.Count
            $t.Restart()
            $null = Get-EcodJobStatus -Refresh -First 1 -TrackingDatabase $db -ConfigurationPath $cfg
            $pollTimes += $t.Elapsed.TotalSeconds
        }
        $open = @(Get-EcodJobStatus -Status Submitted, Running -TrackingDatabase $db).Count
        # The coordinator's steady-state poll (open tasks in memory, as in a running submission), by the engine itself.
        $engine = Join-Path $PSScriptRoot 'EcodMini.Bench.Poll/bin/Release/net10.0/EcodMini.Bench.Poll.dll'
        $steady = if (Test-Path $engine) { @(& dotnet $engine $db $PollRepeat) } else { @("(not built: dotnet build -c Release bench/EcodMini.Bench.Poll)") }
    }
    finally { & scancel --name $name }
    $rawMedian = Get-Median $rawTimes
    $pollMedian = Get-Median $pollTimes
    ''
    '== steady-state poll of a {0:N0}-task run ({1:N0} array tasks of {2} chains, kept pending on the short partition and cancelled after; submit took {3:N1} s)' -f $pollTasks.Count, [math]::Ceiling($pollTasks.Count / $PollChunkSize), $PollChunkSize, $pollSubmit
    'open chains in the tracker     : {0:N0}; raw sacct (the run''s job ids) lists {1:N0} lines (a pending array is one line)' -f $open, $rawLines
    'raw sacct, one call            : {0:N3} s median of {1} ({2})' -f $rawMedian, $PollRepeat, (($rawTimes | ForEach-Object { $_.ToString('N3') }) -join ', ')
    'one-shot refresh (Get-EcodJobStatus -Refresh -First 1, a new process''s view: lease, open tasks read, poll, ingest): {0:N3} s median of {1} ({2})' -f $pollMedian, $PollRepeat, (($pollTimes | ForEach-Object { $_.ToString('N3') }) -join ', ')
    'one-shot refresh / raw sacct   : {0:N2}x' -f ($pollMedian / $rawMedian)
    $steady
}
