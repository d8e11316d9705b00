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

    function Submit-Slurm($Tasks, [string] $Db, [string] $Folder, [string] $Cfg, [int] $ChunkSize = 10) {
        @($Tasks | Submit-EcodJob -Executor Slurm -ReferenceDirectory $script:G.ReferenceDirectory -TrackingDatabase $Db `
            -WorkDirectory (Join-Path $Folder 'work') -ChunkSize $ChunkSize -ConfigurationPath $Cfg)
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
        $folder = Join-Path $TestDrive 'stop-after'
        $cfg = New-SlurmConfig $folder
        $db = Join-Path $folder 'tracking.db'
        $tasks = @(Find-EcodProtein -BatchRoot $G.Root -RepsOnly:$false -TrackingDatabase $db -ConfigurationPath $cfg | Select-Object -First 30)
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
        $folder = Join-Path $TestDrive 'repair'
        $cfg = New-SlurmConfig $folder
        $db = Join-Path $folder 'tracking.db'
        $tasks = @(Find-EcodProtein -BatchRoot $G.Root -RepsOnly:$false -TrackingDatabase $db -ConfigurationPath $cfg | Select-Object -First 20)
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
        $folder = Join-Path $TestDrive 'ownership'
        $cfg = New-SlurmConfig $folder
        $db = Join-Path $folder 'tracking.db'
        $all = @(Find-EcodProtein -BatchRoot $G.Root -RepsOnly:$false -TrackingDatabase $db -ConfigurationPath $cfg | Select-Object -First 25)
        $blockers = Start-Blockers
        try {
            Submit-Slurm $all[0..19] $db $folder $cfg | Out-Null
            $name = Get-JobScriptName (Get-ChildItem (Join-Path $folder 'jobs') -Recurse -Filter job.sh | Select-Object -First 1).FullName
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
        $folder = Join-Path $TestDrive 'outage'
        $cfg = New-SlurmConfig $folder
        $db = Join-Path $folder 'tracking.db'
        $tasks = @(Find-EcodProtein -BatchRoot $G.Root -RepsOnly:$false -TrackingDatabase $db -ConfigurationPath $cfg | Select-Object -First 20)
        $blockers = Start-Blockers
        try {
            Submit-Slurm $tasks $db $folder $cfg | Out-Null
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
        $folder = Join-Path $TestDrive 'secret'
        $cfg = New-SlurmConfig $folder
        $db = Join-Path $folder 'tracking.db'
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
        $folder = Join-Path $TestDrive 'cap'
        New-Item -ItemType Directory -Force $folder | Out-Null
        $cfg = Join-Path $folder 'production.yml'
        (Get-SlurmConfigLines $folder -MaxConcurrent 1) + @('paths:', "  log_dir: $folder/logs", 'processing:', '  retry_delay: 0') | Set-Content $cfg
        $db = Join-Path $folder 'tracking.db'
        $more = New-TestBatchRoot -ProteinCount 110 -Seed 19 -BatchCount 1
        $tasks = @(Find-EcodProtein -BatchRoot $more.Root -RepsOnly:$false -TrackingDatabase $db -ConfigurationPath $cfg)
        $verbose = $tasks | Submit-EcodJob -Executor Slurm -ReferenceDirectory $more.ReferenceDirectory -TrackingDatabase $db -WorkDirectory (Join-Path $folder 'work') `
            -ChunkSize 1 -ConfigurationPath $cfg -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match 'exceed MaxArraySize 101: submitting 2 arrays, each starting after the previous one ends'
        $name = Get-JobScriptName (Get-ChildItem (Join-Path $folder 'jobs') -Recurse -Filter job.sh | Select-Object -First 1).FullName
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
}
