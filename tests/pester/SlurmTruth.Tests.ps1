# SLURM state that never lies, jobs that keep secrets: each finding of issue 18 on the real cluster
# (tools/services/slurm.sh: MaxArraySize=101, 2 CPUs). Outside CI a missing cluster skips these loudly; under CI=true they fail.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'SlurmHelpers.ps1')
    $script:NoCluster = Get-SlurmSkip
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'SlurmHelpers.ps1')

    # Occupies both CPUs of the test node so that a run's tasks stay pending until Stop-Blockers.
    function Start-Blockers { @(foreach ($i in 1..2) { & sbatch --parsable -J ecodtest-truth-blocker --output=/dev/null --wrap 'sleep 900' }) }
    function Stop-Blockers($ids) { if ($ids) { & scancel @ids } }

    # The attempts each chain of a tracker had (sqlite3 shell, read only).
    function Get-AttemptCounts([string] $Db) {
        @(& sqlite3 -readonly $Db 'SELECT j.protein_id, COUNT(a.id) FROM jobs j LEFT JOIN attempts a ON a.job_ref = j.id GROUP BY j.id;')
    }

    # PATH folder with failing squeue and sacct (what an outage looks like to the tools).
    function New-FailingSlurmBin([string] $Folder) {
        $bin = Join-Path $Folder 'failbin'
        New-Item -ItemType Directory -Force $bin | Out-Null
        foreach ($name in 'squeue', 'sacct') {
            "#!/bin/bash`necho 'slurm_load_jobs error: Unable to contact slurm controller (connect failure)' >&2`nexit 1" | Set-Content (Join-Path $bin $name)
            & chmod +x (Join-Path $bin $name)
        }
        $bin
    }

    # -Busy: the blockers hold the node, so the preflight's probe job could not start (Test-EcodCluster is tested apart).
    function Submit-Slurm($Tasks, [string] $Db, [string] $Folder, [string] $Cfg, [int] $ChunkSize = 10, [switch] $Busy) {
        @($Tasks | Submit-EcodJob -Executor Slurm -ReferenceDirectory $script:G.ReferenceDirectory -TrackingDatabase $Db `
            -WorkDirectory (Join-Path $Folder 'work') -ChunkSize $ChunkSize -ConfigurationPath $Cfg -SkipPreflight:$Busy)
    }

    function Wait-QueueEmpty([string] $Folder, [int] $Seconds = 300) {
        $name = Get-JobScriptName (Get-ChildItem (Join-Path $Folder 'jobs') -Recurse -Filter job.sh | Select-Object -First 1).FullName
        $deadline = (Get-Date).AddSeconds($Seconds)
        while ((Get-Date) -lt $deadline -and @(& squeue --noheader --name $name).Count -gt 0) { Start-Sleep -Milliseconds 500 }
        @(& squeue --noheader --name $name).Count | Should -Be 0 -Because 'the run must end on the cluster'
        $name
    }

    $script:G = New-TestBatchRoot -ProteinCount 60 -Seed 18 -BatchCount 1
}

Describe 'SLURM state truth on the real cluster' -Skip:$NoCluster {
    BeforeAll { Assert-SlurmCluster }

    It 'Stop-EcodJob -All after the run finished cancels nothing: finished chains are collected as completed' {
        $case = New-SlurmCase (Join-Path $TestDrive 'stop-after') $G.Root 30
        $folder, $cfg, $db, $tasks = $case.Folder, $case.Config, $case.Db, $case.Tasks
        (Submit-Slurm $tasks $db $folder $cfg).Status | Sort-Object -Unique | Should -Be 'submitted'
        $name = Wait-QueueEmpty $folder
        # The tracker was never refreshed: it still says submitted/running when Stop arrives.
        @(Get-EcodJobStatus -TrackingDatabase $db -ConfigurationPath $cfg | Where-Object Status -in 'submitted', 'running').Count | Should -Be 30

        $report = Stop-EcodJob -TrackingDatabase $db -All -ConfigurationPath $cfg -Confirm:$false
        $report.StoppedCount | Should -Be 0
        $report.Cancelled.Count | Should -Be 0
        $report.AlreadyEnded.Count | Should -Be 30
        (Get-EcodJobStatus -TrackingDatabase $db -ConfigurationPath $cfg).Status | Sort-Object -Unique | Should -Be 'completed'
        $stats = Get-EcodProductionStatistic -TrackingDatabase $db -ConfigurationPath $cfg
        ($stats.Completed, $stats.Cancelled, $stats.Failed) | Should -Be @(30, 0, 0)
        Get-SacctRows $name | ForEach-Object { ($_ -split '\|')[2] } | Sort-Object -Unique | Should -Be 'COMPLETED'
    }

    It 'Get-EcodJobStatus -Refresh repairs chains an older version marked cancelled after they had finished' {
        $case = New-SlurmCase (Join-Path $TestDrive 'repair') $G.Root 20
        $folder, $cfg, $db, $tasks = $case.Folder, $case.Config, $case.Db, $case.Tasks
        Submit-Slurm $tasks $db $folder $cfg | Out-Null
        Wait-QueueEmpty $folder | Out-Null
        # What the old Stop-EcodJob did: every running attempt and its job closed as cancelled, without asking SLURM.
        & sqlite3 $db "UPDATE attempts SET status = 'cancelled', ended_at = '2026-01-01T00:00:00.000Z' WHERE status = 'running'; UPDATE jobs SET status = 'cancelled', error_message = 'cancelled by Stop-EcodJob';"
        (Get-EcodProductionStatistic -TrackingDatabase $db -ConfigurationPath $cfg).Cancelled | Should -Be 20

        $warnings = @()
        $jobs = @(Get-EcodJobStatus -TrackingDatabase $db -Refresh -ConfigurationPath $cfg -WarningVariable warnings)
        ($warnings -join "`n") | Should -Match '20 chain\(s\) left cancelled or lost'
        $jobs.Status | Sort-Object -Unique | Should -Be 'completed'
        (Get-EcodProductionStatistic -TrackingDatabase $db -ConfigurationPath $cfg).Completed | Should -Be 20
    }

    It 'a local run beside a held SLURM run leaves its chunks alone, names the run, and runs only unclaimed chains' {
        $case = New-SlurmCase (Join-Path $TestDrive 'ownership') $G.Root 25
        $folder, $cfg, $db, $all = $case.Folder, $case.Config, $case.Db, $case.Tasks
        $blockers = Start-Blockers
        try {
            Submit-Slurm $all[0..19] $db $folder $cfg -Busy | Out-Null
            $name = Get-RunJobName $folder
            $run = $name -replace '^ecod-', ''
            # The default executor is local: the same chains plus five new ones.
            $warnings = @()
            $local = @($all | Submit-EcodJob -ReferenceDirectory $G.ReferenceDirectory -TrackingDatabase $db -WorkDirectory (Join-Path $folder 'local') `
                -ConfigurationPath $cfg -WarningVariable warnings)
            ($warnings -join "`n") | Should -Match ([regex]::Escape("20 chain(s) are held by SLURM run $run"))
            ($warnings -join "`n") | Should -Match 'Stop-EcodJob -All'
            @($local | Where-Object Status -eq 'completed').Count | Should -Be 5
            @(& squeue --noheader --array --name $name).Count | Should -Be 2 -Because 'the SLURM tasks were neither cancelled nor requeued'
            @(Get-EcodJobStatus -TrackingDatabase $db -ConfigurationPath $cfg | Where-Object Status -eq 'submitted').Count | Should -Be 20
        }
        finally { Stop-Blockers $blockers }
        Get-EcodJobStatus -TrackingDatabase $db -Wait -PollInterval 2 -Timeout 00:05:00 -ConfigurationPath $cfg | Out-Null
        (Get-EcodProductionStatistic -TrackingDatabase $db -ConfigurationPath $cfg).Completed | Should -Be 25
        Get-AttemptCounts $db | ForEach-Object { ($_ -split '\|')[1] } | Sort-Object -Unique | Should -Be '1' -Because 'every chain ran exactly once'
    }

    It 'squeue and sacct failing (a wrapper on PATH) leave states as they were, with a warning dated "unknown since"' {
        $case = New-SlurmCase (Join-Path $TestDrive 'outage') $G.Root 20
        $folder, $cfg, $db, $tasks = $case.Folder, $case.Config, $case.Db, $case.Tasks
        $blockers = Start-Blockers
        try {
            Submit-Slurm $tasks $db $folder $cfg -Busy | Out-Null
            $bin = New-FailingSlurmBin $folder
            foreach ($poll in 1..2) {
                $r = Invoke-FreshPwsh -Script "`$env:PATH = '${bin}:' + `$env:PATH; `$j = @(Get-EcodJobStatus -TrackingDatabase '$db' -Refresh -ConfigurationPath '$cfg' 3>&1); `$j | Where-Object { `$_ -is [System.Management.Automation.WarningRecord] } | ForEach-Object { 'WARN ' + `$_.Message }; (`$j | Where-Object { `$_ -isnot [System.Management.Automation.WarningRecord] }).Status | Sort-Object -Unique"
                $r.ExitCode | Should -Be 0 -Because $r.Error
                $r.Output | Should -Match 'WARN SLURM state unknown since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC'
                ($r.Output -split "`n" | Where-Object { $_ -and $_ -notmatch '^WARN' } | ForEach-Object Trim) | Should -Be 'submitted'
            }
        }
        finally { Stop-Blockers $blockers }
        Get-EcodJobStatus -TrackingDatabase $db -Wait -PollInterval 2 -Timeout 00:05:00 -ConfigurationPath $cfg | Out-Null
        $stats = Get-EcodProductionStatistic -TrackingDatabase $db -ConfigurationPath $cfg
        ($stats.Completed, $stats.Pending) | Should -Be @(20, 0)
        Get-AttemptCounts $db | ForEach-Object { ($_ -split '\|')[1] } | Sort-Object -Unique | Should -Be '1' -Because 'nothing was lost and requeued'
    }

    It 'keeps the database password out of the job environment, the job script and slurmctld (a running worker''s /proc/<pid>/environ)' {
        $case = New-SlurmCase (Join-Path $TestDrive 'secret')
        $folder, $cfg, $db = $case.Folder, $case.Config, $case.Db
        $secret = 'pw-' + [guid]::NewGuid().ToString('n')
        $pipeline = "Find-EcodProtein -BatchRoot '$($G.Root)' -RepsOnly:`$false -TrackingDatabase '$db' -ConfigurationPath '$cfg' | Submit-EcodJob -Executor Slurm -ReferenceDirectory '$($G.ReferenceDirectory)' -TrackingDatabase '$db' -WorkDirectory '$folder/work' -ChunkSize 60 -ConfigurationPath '$cfg' | Out-Null"
        $r = Invoke-FreshPwsh -Script "`$env:ECOD_DB_PASSWORD = '$secret'; `$env:PGPASSWORD = '$secret'; $pipeline"
        $r.ExitCode | Should -Be 0 -Because $r.Error
        $manifest = (Get-ChildItem (Join-Path $folder 'jobs') -Recurse -Filter array.json | Select-Object -First 1).FullName
        $environ = $null
        $deadline = (Get-Date).AddSeconds(120)
        while ((Get-Date) -lt $deadline -and -not $environ) {
            foreach ($proc in Get-ChildItem /proc -Directory -ErrorAction SilentlyContinue | Where-Object Name -match '^\d+$') {
                $cmd = try { [IO.File]::ReadAllText("$($proc.FullName)/cmdline") } catch { '' }
                if ($cmd -like "*Invoke-EcodPartition*$manifest*") {
                    $environ = try { [IO.File]::ReadAllText("$($proc.FullName)/environ") } catch { $null }
                    if ($environ) { break }
                }
            }
            if (-not $environ) { Start-Sleep -Milliseconds 100 }
        }
        $environ | Should -Not -BeNullOrEmpty -Because 'the worker must be caught running'
        $vars = $environ -split "`0" | Where-Object { $_ }
        ($vars | Where-Object { $_ -like 'SLURM_JOB_ID=*' }) | Should -Not -BeNullOrEmpty
        $environ | Should -Not -Match $secret
        $vars | Where-Object { $_ -like 'ECOD_DB_PASSWORD=*' -or $_ -like 'PGPASSWORD=*' } | Should -BeNullOrEmpty
        Get-ChildItem (Join-Path $folder 'jobs') -Recurse -File | ForEach-Object { Get-Content -Raw $_.FullName } | Should -Not -Match $secret
        Get-Content -Raw (Get-ChildItem (Join-Path $folder 'jobs') -Recurse -Filter job.sh)[0].FullName | Should -Match '#SBATCH --export=' -Because 'the script states the list it was submitted with'
        # What slurmctld keeps of each job's environment (StateSaveLocation) never holds it either.
        $state = (& scontrol show config | Select-String 'StateSaveLocation\s*=\s*(\S+)').Matches[0].Groups[1].Value
        @(Get-ChildItem $state -Recurse -File -Filter environment -ErrorAction SilentlyContinue | Select-String -SimpleMatch $secret).Count | Should -Be 0
        Get-EcodJobStatus -TrackingDatabase $db -Wait -PollInterval 2 -Timeout 00:05:00 -ConfigurationPath $cfg | Out-Null
        (Get-EcodProductionStatistic -TrackingDatabase $db -ConfigurationPath $cfg).Completed | Should -Be 60 -Because 'the worker needs nothing more than the list'
    }

    It 'holds one cap per run across arrays split at MaxArraySize: pieces are chained and never run more than max_concurrent_jobs tasks' {
        $case = New-SlurmCase (Join-Path $TestDrive 'cap') -MaxConcurrent 1
        $folder, $cfg, $db = $case.Folder, $case.Config, $case.Db
        $more = New-TestBatchRoot -ProteinCount 110 -Seed 19 -BatchCount 1
        $tasks = @(Find-EcodProtein -BatchRoot $more.Root -RepsOnly:$false -TrackingDatabase $db -ConfigurationPath $cfg)
        $verbose = $tasks | Submit-EcodJob -Executor Slurm -ReferenceDirectory $more.ReferenceDirectory -TrackingDatabase $db -WorkDirectory (Join-Path $folder 'work') `
            -ChunkSize 1 -ConfigurationPath $cfg -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match 'exceed MaxArraySize 101: submitting 2 arrays, each starting after the previous one ends'
        $name = Get-RunJobName $folder
        try {
            $arrays = @(& squeue --noheader --name $name --format='%F' | Sort-Object -Unique)
            $arrays.Count | Should -Be 2
            $second = ($arrays | Sort-Object { [long]$_ })[1]
            (& scontrol show job $second) -join ' ' | Should -Match "Dependency=afterany:$(($arrays | Sort-Object { [long]$_ })[0])"
            # Two CPUs would let two pieces run two tasks at once; the run's cap is 1.
            $most = 0
            $deadline = (Get-Date).AddSeconds(40)
            while ((Get-Date) -lt $deadline) {
                $running = @(& squeue --noheader --array --name $name --states=RUNNING --format='%i').Count
                if ($running -gt $most) { $most = $running }
                Start-Sleep -Milliseconds 250
            }
            $most | Should -Be 1
        }
        finally { & scancel --name $name }
    }

    It 'Stop-EcodJob -ProteinId stops exactly the named chains: a chunk of only them is scancelled, others skip them by stop file' {
        $case = New-SlurmCase (Join-Path $TestDrive 'partial') $G.Root 20
        $folder, $cfg, $db, $tasks = $case.Folder, $case.Config, $case.Db, $case.Tasks
        $blockers = Start-Blockers
        try {
            Submit-Slurm $tasks $db $folder $cfg -Busy | Out-Null
            $chunks = @(Get-EcodJobStatus -TrackingDatabase $db -ConfigurationPath $cfg | Group-Object JobId | Sort-Object Name)
            $chunks.Count | Should -Be 2
            $whole = @($chunks[0].Group.ProteinId)
            $some = @($chunks[1].Group.ProteinId | Select-Object -First 3)
            $report = Stop-EcodJob -TrackingDatabase $db -ProteinId ($whole + $some) -ConfigurationPath $cfg -Confirm:$false
            ($report.StoppedCount, $report.Cancelled.Count, $report.Requested.Count, $report.ExecutorJobs.Count) | Should -Be @(13, 10, 3, 1)
            $report.ExecutorJobs[0] | Should -Be $chunks[0].Name
            $name = Get-RunJobName $folder
            @(& squeue --noheader --array --name $name --format='%i') | Should -Be $chunks[1].Name -Because 'only the task holding nothing but named chains is cancelled'
        }
        finally { Stop-Blockers $blockers }
        $final = @(Get-EcodJobStatus -TrackingDatabase $db -Wait -PollInterval 2 -Timeout 00:05:00 -ConfigurationPath $cfg)
        @($final | Where-Object Status -eq 'cancelled' | ForEach-Object ProteinId | Sort-Object) | Should -Be @(($whole + $some) | Sort-Object)
        @($final | Where-Object Status -eq 'completed').Count | Should -Be 7
        $stats = Get-EcodProductionStatistic -TrackingDatabase $db -ConfigurationPath $cfg
        ($stats.Completed, $stats.Failed, $stats.Cancelled) | Should -Be @(7, 0, 13) -Because 'a cancellation is never a failure'
        @(Get-EcodProductionAlert -TrackingDatabase $db -ConfigurationPath $cfg | Where-Object Kind -eq 'HighFailureRate').Count | Should -Be 0
    }

    It 'Stop-EcodJob -All on a local run owned by another session: that run skips the chains at its next chain and records them cancelled' {
        $case = New-SlurmCase (Join-Path $TestDrive 'localstop')
        $folder, $cfg, $db = $case.Folder, $case.Config, $case.Db
        $big = New-TestBatchRoot -ProteinCount 1000 -Seed 21 -BatchCount 1
        $p = Start-FreshPwsh -Script "Find-EcodProtein -BatchRoot '$($big.Root)' -RepsOnly:`$false -TrackingDatabase '$db' -ConfigurationPath '$cfg' | Submit-EcodJob -ReferenceDirectory '$($big.ReferenceDirectory)' -TrackingDatabase '$db' -WorkDirectory '$folder/work' -ChunkSize 1000 -ThrottleLimit 1 -ConfigurationPath '$cfg' | Out-Null"
        try {
            $deadline = (Get-Date).AddSeconds(120)
            while ((Get-Date) -lt $deadline -and -not (Test-Path $db -PathType Leaf)) { Start-Sleep -Milliseconds 200 }
            $running = 0
            while ((Get-Date) -lt $deadline -and $running -eq 0) {
                Start-Sleep -Milliseconds 300
                $running = [int](& sqlite3 -readonly $db "SELECT COUNT(*) FROM jobs WHERE status = 'running';" 2>$null)
            }
            $running | Should -BeGreaterThan 0 -Because 'the local run must have started'
            $warnings = @()
            $report = Stop-EcodJob -TrackingDatabase $db -All -ConfigurationPath $cfg -Confirm:$false -WarningVariable warnings
            # The partitions written when the request was made (one worker: at most one chain more may be mid-way).
            $startedAtStop = @(Get-ChildItem $big.Root, $folder -Recurse -Filter *.mini.domains.xml).Count + 1
            $report.Owner | Should -Not -BeNullOrEmpty
            $report.Requested.Count | Should -BeGreaterThan 0
            ($warnings -join "`n") | Should -Match 'owned by .*asked to stop through the stop file'
            $p.WaitForExit(120000) | Should -BeTrue -Because 'the owner stops cleanly at its next chain'
        }
        finally { if (-not $p.HasExited) { $p.Kill($true) } }
        $stats = Get-EcodProductionStatistic -TrackingDatabase $db -ConfigurationPath $cfg
        $stats.Failed | Should -Be 0
        $stats.Completed | Should -BeLessOrEqual $startedAtStop -Because 'no chain started after the owner saw the request'
        ($stats.Cancelled + $stats.Pending) | Should -BeGreaterOrEqual (1000 - $startedAtStop) -Because 'the run skipped every chain it had not started (the running chunk cancelled them, later chunks never started)'
        $stats.Cancelled | Should -BeGreaterThan 0
        ($stats.Completed + $stats.Cancelled + $stats.Pending) | Should -Be 1000
    }

    It 'Ctrl+C (SIGINT) during sbatch says what was submitted; the next command adopts the job and every chain runs once' {
        $case = New-SlurmCase (Join-Path $TestDrive 'sigint')
        $folder, $cfg, $db = $case.Folder, $case.Config, $case.Db
        $bin = Join-Path $folder 'bin'
        New-Item -ItemType Directory -Force $bin | Out-Null
        # sbatch that submits for real, then hangs: the submitter is interrupted before it can record the job id.
        "#!/bin/bash`n/usr/bin/sbatch `"`$@`"`nsleep 600" | Set-Content (Join-Path $bin 'sbatch')
        & chmod +x (Join-Path $bin 'sbatch')
        $pipeline = "Find-EcodProtein -BatchRoot '$($G.Root)' -RepsOnly:`$false -TrackingDatabase '$db' -ConfigurationPath '$cfg' | Select-Object -First 30 | Submit-EcodJob -Executor Slurm -ReferenceDirectory '$($G.ReferenceDirectory)' -TrackingDatabase '$db' -WorkDirectory '$folder/work' -ChunkSize 10 -ConfigurationPath '$cfg' -SkipPreflight | Out-Null"
        # SIGINT at its default disposition (a process started in the background inherits it ignored, as a terminal's is not).
        $psi = [System.Diagnostics.ProcessStartInfo]::new('env')
        foreach ($a in @('--default-signal=INT', 'dotnet', 'pwsh', '-NoProfile', '-NonInteractive', '-Command',
                "`$PSStyle.OutputRendering='PlainText'; Import-Module '$(Get-EcodModulePath)'; `$env:PATH = '${bin}:' + `$env:PATH; $pipeline")) { $psi.ArgumentList.Add($a) }
        $psi.WorkingDirectory = $script:RepositoryRoot
        $psi.RedirectStandardOutput = $true; $psi.RedirectStandardError = $true
        $p = [System.Diagnostics.Process]::Start($psi)
        $stdout = $p.StandardOutput.ReadToEndAsync(); $stderr = $p.StandardError.ReadToEndAsync()
        $deadline = (Get-Date).AddSeconds(120)
        $queued = @()
        while ((Get-Date) -lt $deadline -and $queued.Count -eq 0) {
            Start-Sleep -Milliseconds 300
            if (Test-Path "$folder/jobs") {
                $script = Get-ChildItem "$folder/jobs" -Recurse -Filter job.sh | Select-Object -First 1
                if ($script) { $queued = @(& squeue --noheader --name (Get-JobScriptName $script.FullName) --format='%i') }
            }
        }
        $queued.Count | Should -BeGreaterThan 0 -Because 'the job must be accepted before the interrupt'
        # Ctrl+C in a terminal reaches the whole foreground group; here pwsh runs as the child of the dotnet tool host.
        # The oldest match: while pwsh starts squeue or sbatch, its forked child briefly carries the same command line.
        $pwsh = @(& pgrep -o -f "pwsh.dll -NoProfile -NonInteractive -Command .*$([regex]::Escape($folder))")
        $pwsh.Count | Should -Be 1
        & kill -INT $pwsh[0]
        $p.WaitForExit(60000) | Should -BeTrue -Because 'Ctrl+C stops the submission'
        ($stdout.Result + $stderr.Result) | Should -Match 'stopped during submission'
        ($stdout.Result + $stderr.Result) | Should -Match 'adopts them'

        $r = Invoke-FreshPwsh -Script ($pipeline -replace '\| Out-Null$', '-WaitForLease | Out-Null')
        $r.ExitCode | Should -Be 0 -Because $r.Error
        Get-EcodJobStatus -TrackingDatabase $db -Wait -PollInterval 2 -Timeout 00:05:00 -ConfigurationPath $cfg | Out-Null
        (Get-EcodProductionStatistic -TrackingDatabase $db -ConfigurationPath $cfg).Completed | Should -Be 30
        @(Get-ChildItem "$folder/jobs" -Recurse -Filter job.sh).Count | Should -Be 1 -Because 'the rerun adopted the interrupted submission instead of submitting again'
        Get-AttemptCounts $db | ForEach-Object { ($_ -split '\|')[1] } | Sort-Object -Unique | Should -Be '1'
    }
}

Describe 'Test-EcodCluster on the real cluster' -Skip:$NoCluster {
    BeforeAll { Assert-SlurmCluster }

    It 'passes every check with one typed result each; the default job_script_dir is a jobs folder beside the tracker' {
        $folder = Join-Path $TestDrive 'preflight'
        New-Item -ItemType Directory -Force $folder | Out-Null
        $cfg = Join-Path $folder 'production.yml'
        @('slurm:', '  time: "0:10:00"', '  memory: 500M', 'paths:', "  log_dir: $folder/logs") | Set-Content $cfg
        $db = Join-Path $folder 'state/tracking.db'
        New-Item -ItemType Directory -Force (Split-Path $db) | Out-Null
        $results = @(Test-EcodCluster -TrackingDatabase $db -ConfigurationPath $cfg)
        $results.Count | Should -Be 7
        $results | ForEach-Object { $_.GetType().FullName } | Sort-Object -Unique | Should -Be 'EcodMini.Core.Slurm.Preflight.ClusterCheckResult'
        $results.Status | Sort-Object -Unique | Should -Be 'Passed'
        ($results | Where-Object Check -eq 'worker module on a compute node').Detail | Should -Match "version $([regex]::Escape((Get-Module EcodMini).Version.ToString()))"
        ($results | Where-Object Check -eq 'folders visible from a compute node').Detail | Should -Match 'read the head node''s token in every folder'
        ($results | Where-Object Check -eq 'folders writable here').Detail | Should -Match ([regex]::Escape((Join-Path $folder 'state/jobs')))
        @(Get-ChildItem (Join-Path $folder 'state') -Recurse -Force -Filter '.ecod-preflight-*').Count | Should -Be 0 -Because 'the token files are removed'
    }

    It 'a failed check names its fix, and Submit-EcodJob -Executor Slurm refuses before any sbatch' {
        $folder = Join-Path $TestDrive 'preflight-bad'
        New-Item -ItemType Directory -Force $folder | Out-Null
        $cfg = Join-Path $folder 'production.yml'
        @('slurm:', '  partition: nosuchpartition', '  time: "0:10:00"', '  memory: 500M', "  job_script_dir: $folder/jobs",
          'paths:', "  log_dir: $folder/logs", 'processing:', '  skip_existing: false') | Set-Content $cfg
        $db = Join-Path $folder 'tracking.db'
        $errors = @()
        $results = @(Test-EcodCluster -TrackingDatabase $db -ConfigurationPath $cfg -ProbeTimeoutSeconds 20 -ErrorVariable errors -ErrorAction SilentlyContinue)
        $partition = $results | Where-Object Check -eq 'partition is up'
        $partition.Status | Should -Be 'Failed'
        $partition.Detail | Should -Match "partition 'nosuchpartition' does not exist"
        $partition.Fix | Should -Match 'set slurm.partition to one of: .*debug'
        ($errors | Where-Object { $_.FullyQualifiedErrorId -like 'EcodClusterCheckFailed*' }).Count | Should -BeGreaterThan 0

        $tasks = @(Find-EcodProtein -BatchRoot $G.Root -RepsOnly:$false -TrackingDatabase $db -ConfigurationPath $cfg | Select-Object -First 3)
        { $tasks | Submit-EcodJob -Executor Slurm -ReferenceDirectory $G.ReferenceDirectory -TrackingDatabase $db -WorkDirectory (Join-Path $folder 'work') -ConfigurationPath $cfg -ErrorAction Stop } |
            Should -Throw -ErrorId 'EcodClusterPreflightFailed*'
        @(Get-ChildItem (Join-Path $folder 'jobs') -Recurse -Filter job.sh -ErrorAction SilentlyContinue).Count | Should -Be 0
    }
}

Describe 'The rehearsal (bench/rehearsal) on the real cluster' -Skip:$NoCluster {
    BeforeAll { Assert-SlurmCluster }

    It 'runs 2,000 chains through submit, wait and import with faults injected: every chain completed once, none lost, no duplicated row, no mismatch' {
        $work = Join-Path $TestDrive 'rehearsal'
        $script = Join-Path $script:RepositoryRoot 'bench/rehearsal.ps1'
        $r = Invoke-FreshPwsh -Script "& '$script' -Count 2000 -WorkDirectory '$work' -ModulePath '$(Get-EcodModulePath)'"
        $r.ExitCode | Should -Be 0 -Because $r.Error
        $r.Output | Should -Match 'fault: head node killed \(-9\) after its first sbatch'
        $r.Output | Should -Match 'fault: task process \d+ killed with SIGKILL'
        $r.Output | Should -Match 'fault: waiting head node killed \(-9\)'
        $r.Output | Should -Match 'fault: squeue failed for two polls'
        $r.Output | Should -Match 'fault: slurmctld restarted: down \d+ s with [1-9]\d* task\(s\) queued or running; the wait went on'
        $r.Output | Should -Match 'completed\s+: 2,000 of 2,000 \(failed 0, cancelled 0, pending 0, running 0\)'
        $r.Output | Should -Match 'chains completed twice\s+: 0'
        $r.Output | Should -Match 'attempts settled lost\s+: 0 lost, \d+ not launched'
        $r.Output | Should -Match 'wall time\s+: [\d.,]+ s'
        $r.Output | Should -Match 'sbatch / squeue / sacct calls\s+: \d+ / \d+ / \d+'
        & sinfo --noheader --format=%t | Should -Match 'idle|mix|alloc|comp' -Because 'the restarted controller runs the cluster again'
        # Under CI the import part must run (the suite starts PostgreSQL); outside CI it runs when ECOD_TEST_PG_* name a server.
        if ($env:ECOD_TEST_PG_HOST -or $env:CI -eq 'true') {
            # The restart comes once rows are in and before the import's last batch: the import waited it out.
            $restart = [regex]::Match("$($r.Output)", 'fault: postgres restarted after (\d+) chain\(s\) were in: down about \d+ s; the import reconnected \([1-9]\d* lost connection')
            $restart.Success | Should -BeTrue -Because $r.Output
            [int]$restart.Groups[1].Value | Should -BeLessThan 2000
            $r.Output | Should -Match 'import\s+: 0 mismatches over 2000 completed chains; 2000 protein rows, 0 duplicated'
        }
    }
}
