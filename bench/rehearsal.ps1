param([int] $Count = 40000, [Parameter(Mandatory)] [string] $WorkDirectory, [Parameter(Mandatory)] [string] $ModulePath, [int] $ChunkSize = 100)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module $ModulePath
$clock = [System.Diagnostics.Stopwatch]::StartNew()
New-Item -ItemType Directory -Force $WorkDirectory | Out-Null
$work = (Resolve-Path $WorkDirectory).Path

# SLURM's commands through counting wrappers: every call is logged; flag files make them fail or hang on demand.
$bin = Join-Path $work 'bin'
New-Item -ItemType Directory -Force $bin | Out-Null
foreach ($name in 'sbatch', 'squeue', 'sacct', 'scontrol', 'scancel') {
    @"
#!/bin/bash
echo $name >> '$work/calls.log'
if [ '$name' = squeue ] && [ -s '$work/squeue-fail' ]; then n=`$(cat '$work/squeue-fail'); echo `$((n-1)) > '$work/squeue-fail'; [ "`$n" -gt 1 ] || rm -f '$work/squeue-fail'; echo 'slurm_load_jobs error: Socket timed out on send/recv operation' >&2; exit 1; fi
if [ '$name' = sbatch ] && [ -e '$work/hang-sbatch' ] && [[ "`${@: -1}" == */job.sh ]]; then rm -f '$work/hang-sbatch'; /usr/bin/sbatch "`$@"; sleep 600; fi
exec /usr/bin/$name "`$@"
"@ | Set-Content (Join-Path $bin $name)
    & chmod +x (Join-Path $bin $name)
}
$env:PATH = "${bin}:$env:PATH"
function Get-CallCount([string] $Name) { @(Get-Content "$work/calls.log" -ErrorAction SilentlyContinue | Where-Object { $_ -eq $Name }).Count }
function Start-Head([string] $Script) {
    $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in @('pwsh', '-NoProfile', '-NonInteractive', '-Command', "`$ProgressPreference='SilentlyContinue'; Import-Module '$ModulePath'; $Script")) { $psi.ArgumentList.Add($a) }
    $psi.WorkingDirectory = (Resolve-Path "$PSScriptRoot/..").Path
    Start-Captured $psi
}
# Starts a process with its output and errors drained in the background (a full pipe would stall it): .Output, .Errors.
function Start-Captured([System.Diagnostics.ProcessStartInfo] $Info) {
    $Info.RedirectStandardOutput = $true; $Info.RedirectStandardError = $true
    $p = [System.Diagnostics.Process]::Start($Info)
    $p | Add-Member -NotePropertyName Output -NotePropertyValue $p.StandardOutput.ReadToEndAsync()
    $p | Add-Member -NotePropertyName Errors -NotePropertyValue $p.StandardError.ReadToEndAsync() -PassThru
}
# A real service restart in the background (bench/rehearsal-faults.sh), its one-line report read at the end.
function Start-Fault([string[]] $Arguments) {
    $psi = [System.Diagnostics.ProcessStartInfo]::new('bash')
    foreach ($a in @("$PSScriptRoot/rehearsal-faults.sh") + $Arguments) { $psi.ArgumentList.Add($a) }
    Start-Captured $psi
}
function Complete-Fault($Process) {
    $Process.WaitForExit()
    $line = $Process.Output.Result.Trim()
    if ($Process.ExitCode -ne 0) { throw "fault script failed: $line $($Process.Errors.Result)" }
    $line
}
function Wait-Until([scriptblock] $Condition, [int] $Seconds, [string] $What) {
    $deadline = (Get-Date).AddSeconds($Seconds)
    while (-not (& $Condition)) { if ((Get-Date) -gt $deadline) { throw "timed out waiting for $What" }; Start-Sleep -Milliseconds 500 }
}
function Write-Step([string] $Text) { '{0,7:N1} s  {1}' -f $clock.Elapsed.TotalSeconds, $Text }

$cfg = Join-Path $work 'production.yml'
@('slurm:', '  memory: 500M', '  max_concurrent_jobs: 50', '  submit_delay: 0', 'paths:', "  log_dir: $work/logs", "  tracking_db: $work/state/tracking.db",
  'processing:', '  retry_delay: 0', '  skip_existing: false') | Set-Content $cfg
$db = "$work/state/tracking.db"
New-Item -ItemType Directory -Force "$work/state" | Out-Null
$batch = New-EcodSyntheticBatch -Path (Join-Path $work 'batches') -ProteinCount $Count -Seed 18 -BatchCount 10
Write-Step "generated $Count chains in 10 batches"
$submit = "Find-EcodProtein -BatchRoot '$($batch.Root)' -RepsOnly:`$false -TrackingDatabase '$db' -ConfigurationPath '$cfg' | Submit-EcodJob -Executor Slurm -ChunkSize $ChunkSize -ReferenceDirectory '$($batch.ReferenceDirectory)' -TrackingDatabase '$db' -WorkDirectory '$work/work' -ConfigurationPath '$cfg' -WaitForLease | Out-Null"

# Fault 1: kill -9 of the head node mid-submit (its first array accepted, not recorded).
New-Item -ItemType File "$work/hang-sbatch" | Out-Null
$head = Start-Head $submit
try { Wait-Until { -not (Test-Path "$work/hang-sbatch") -and @(& /usr/bin/squeue --noheader --format=%j | Where-Object { $_ -like 'ecod-2*' }).Count -gt 0 } 600 'the first array' }
catch { if ($head.HasExited) { throw "the submission ended early: $($head.Errors.Result)" }; throw }
Start-Sleep -Seconds 1
$head.Kill($true); $head.WaitForExit()
Write-Step 'fault: head node killed (-9) after its first sbatch, before recording it'
$again = Start-Head $submit
$again.WaitForExit()
if ($again.ExitCode -ne 0) { throw "resubmission failed: $($again.Errors.Result)" }
Write-Step 'submitted again: the interrupted array adopted, the rest submitted'

# Fault 2: one running task killed with SIGKILL (while the arrays are surely running: a quiet machine finishes 2,000
# chains in a few minutes).
$victim = $null
Wait-Until {
    $script:victim = Get-ChildItem /proc -Directory -ErrorAction SilentlyContinue | Where-Object Name -match '^\d+$' | Where-Object {
        $cmd = try { [IO.File]::ReadAllText("$($_.FullName)/cmdline") } catch { '' }
        $cmd -like "*Invoke-EcodPartition*$work/*" } | Select-Object -First 1
    $null -ne $script:victim } 900 'a running task'
& kill -9 $victim.Name
Write-Step "fault: task process $($victim.Name) killed with SIGKILL"

# Fault 3: kill -9 of a waiting head node; fault 4: squeue failing for two polls; fault 5: slurmctld restarted during the wait.
$waiter = Start-Head "Get-EcodJobStatus -TrackingDatabase '$db' -Wait -PollInterval 2 -ConfigurationPath '$cfg' | Out-Null"
Start-Sleep -Seconds 8
$waiter.Kill($true); $waiter.WaitForExit()
Write-Step 'fault: waiting head node killed (-9)'
'2' | Set-Content "$work/squeue-fail"
Get-EcodJobStatus -TrackingDatabase $db -Refresh -ConfigurationPath $cfg -WarningAction SilentlyContinue | Out-Null
Get-EcodJobStatus -TrackingDatabase $db -Refresh -ConfigurationPath $cfg -WarningAction SilentlyContinue | Out-Null
Write-Step 'fault: squeue failed for two polls'
$jobNames = @(Get-ChildItem "$work/state/jobs" -Recurse -Filter job.sh | ForEach-Object { (Get-Content $_.FullName | Select-String "job-name='([^']+)'").Matches[0].Groups[1].Value } | Sort-Object -Unique) -join ','
$restart = Start-Fault @('slurmctld', $jobNames, '8')
$outages = @()
Get-EcodJobStatus -TrackingDatabase $db -Wait -PollInterval 5 -ConfigurationPath $cfg -WarningVariable outages -WarningAction SilentlyContinue | Out-Null
Write-Step "fault: $(Complete-Fault $restart); the wait went on ($(@($outages | Where-Object { "$_" -match 'unknown since' }).Count) poll(s) warned SLURM state unknown)"
$failed = @(Get-EcodJobStatus -TrackingDatabase $db -Status failed, timeout -ConfigurationPath $cfg)
if ($failed.Count -gt 0) {
    $failed | Restart-EcodJob -TrackingDatabase $db -ReferenceDirectory $batch.ReferenceDirectory -WorkDirectory "$work/work" -ConfigurationPath $cfg -Confirm:$false | Out-Null
    Get-EcodJobStatus -TrackingDatabase $db -Wait -PollInterval 5 -ConfigurationPath $cfg -WarningAction SilentlyContinue | Out-Null
}
Write-Step "run finished ($($failed.Count) chain(s) of the killed task failed and were restarted)"

$imported = 'skipped (no ECOD_TEST_PG_HOST: no PostgreSQL to import into)'
if ($env:ECOD_TEST_PG_HOST) {
    # A database of its own (created and dropped here), so the rehearsal's rows are the only ones it checks.
    $dbName = "ecodmini_rehearsal_$([guid]::NewGuid().ToString('n').Substring(0, 8))"
    $port = if ($env:ECOD_TEST_PG_PORT) { $env:ECOD_TEST_PG_PORT } else { 5432 }
    function Invoke-Psql([string] $Sql, [string] $Database = $env:ECOD_TEST_PG_DATABASE) {
        $env:PGPASSWORD = $env:ECOD_TEST_PG_PASSWORD
        try { & psql -X -q -v ON_ERROR_STOP=1 -tA -h $env:ECOD_TEST_PG_HOST -p $port -U $env:ECOD_TEST_PG_USER -d $Database -c $Sql }
        finally { Remove-Item Env:PGPASSWORD -ErrorAction SilentlyContinue }
        if ($LASTEXITCODE -ne 0) { throw "psql failed: $Sql" }
    }
    Invoke-Psql "CREATE DATABASE $dbName" | Out-Null
    try {
        Add-Content $cfg @('database:', "  host: $env:ECOD_TEST_PG_HOST", "  port: $port",
            "  database: $dbName", "  user: $env:ECOD_TEST_PG_USER", '  password_env: ECOD_TEST_PG_PASSWORD', '  ssl_mode: disable')
        Initialize-EcodDatabase -ConfigurationPath $cfg -Confirm:$false | Out-Null
        $rows = @(Get-EcodJobStatus -TrackingDatabase $db -Status completed -ConfigurationPath $cfg)
        # Fault 6: PostgreSQL restarted during the import (once the first rows are in).
        $pgRestart = Start-Fault @('postgres', $dbName)
        $dropped = @()
        $rows | Import-EcodResult -TrackingDatabase $db -ConfigurationPath $cfg -CollisionStrategy Skip -QualityFilter All -BatchSize 250 -Confirm:$false `
            -WarningVariable dropped -WarningAction SilentlyContinue | Out-Null
        Write-Step "fault: $(Complete-Fault $pgRestart); the import reconnected ($(@($dropped | Where-Object { "$_" -match 'connection to .* lost' }).Count) lost connection(s) waited out)"
        $mismatches = @(Test-EcodImport -All -TrackingDatabase $db -ConfigurationPath $cfg)
        $mismatches | Export-Csv -NoTypeInformation (Join-Path $work 'mismatches.csv')
        $stored = Invoke-Psql "SELECT count(*), count(DISTINCT (pdb_id, chain_id, batch_id)) FROM pdb_analysis.partition_proteins" $dbName
        $total, $distinct = "$stored".Trim() -split '\|'
        $imported = "$($mismatches.Count) mismatches over $($rows.Count) completed chains; $total protein rows, $([int]$total - [int]$distinct) duplicated (database $dbName, dropped after)"
    }
    finally { Invoke-Psql "DROP DATABASE IF EXISTS $dbName WITH (FORCE)" | Out-Null }
}

$stats = Get-EcodProductionStatistic -TrackingDatabase $db -ConfigurationPath $cfg
$once = & sqlite3 -readonly $db "SELECT COUNT(*) FROM (SELECT job_id FROM results WHERE status = 'completed' GROUP BY job_id HAVING COUNT(*) > 1);"
# An attempt the killed head recorded but never handed to sbatch is settled as not_launched (and requeued): counted apart.
$lost = & sqlite3 -readonly $db "SELECT COUNT(*) FILTER (WHERE status = 'lost'), COUNT(*) FILTER (WHERE status = 'not_launched') FROM attempts;"
$launchedLost, $neverLaunched = "$lost".Trim() -split '\|'
''
'rehearsal: {0:N0} chains, chunks of {1}' -f $Count, $ChunkSize
'wall time                      : {0:N1} s' -f $clock.Elapsed.TotalSeconds
'sbatch / squeue / sacct calls  : {0} / {1} / {2}' -f (Get-CallCount sbatch), (Get-CallCount squeue), (Get-CallCount sacct)
'completed                      : {0:N0} of {1:N0} (failed {2}, cancelled {3}, pending {4}, running {5})' -f $stats.Completed, $stats.Total, $stats.Failed, $stats.Cancelled, $stats.Pending, $stats.Running
'chains completed twice         : {0}' -f $once
'attempts settled lost          : {0} lost, {1} not launched (recorded before the killed head''s sbatch; requeued, never run twice)' -f $launchedLost, $neverLaunched
'job scripts (sbatch accepted)  : {0}' -f @(Get-ChildItem "$work/state/jobs" -Recurse -Filter job.sh -ErrorAction SilentlyContinue).Count
'import                         : {0}' -f $imported
