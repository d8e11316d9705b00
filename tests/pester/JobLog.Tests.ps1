# Issue 19 items 4 and 6: error classes (a permanent failure gets exactly one attempt) and Get-EcodJobLog, locally and
# on a failed chain of a real SLURM run (tools/services/slurm.sh; outside CI a missing cluster skips those loudly).
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'SlurmHelpers.ps1')
    $script:NoCluster = Get-SlurmSkip 'Get-EcodJobLog SLURM tests'
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'SlurmHelpers.ps1')
    $script:Esc = [string][char]27
    $script:Stamp = '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z '
}

Describe 'A permanent failure under max_retries: 2' {
    It 'gets exactly one attempt, whatever reruns it; a transient one is retried; -Force runs it again' {
        $folder = Join-Path $TestDrive 'permanent'
        New-Item -ItemType Directory -Path $folder | Out-Null
        $cfg = Join-Path $folder 'production.yml'
        @('paths:', "  log_dir: $folder/logs", 'processing:', '  max_retries: 2', '  retry_delay: 0') | Set-Content $cfg
        $g = New-TestBatchRoot -ProteinCount 6 -Seed 41 -BatchCount 1
        $db = Join-Path $folder 'tracking.db'
        $common = @{ ConfigurationPath = $cfg; TrackingDatabase = $db; ReferenceDirectory = $g.ReferenceDirectory; WorkDirectory = (Join-Path $folder 'work') }
        $tasks = @(Find-EcodProtein -BatchRoot $g.Root -RepsOnly:$false -TrackingDatabase $db -ConfigurationPath $cfg)
        $bad = $tasks[2]
        Set-Content -Path $bad.SummaryPath -Value '<domain_summary version="1.0"><protein'

        $jobs = @($tasks | Submit-EcodJob -Executor Local @common -ErrorAction SilentlyContinue -ErrorVariable failures)
        $failed = $jobs | Where-Object ProteinId -EQ $bad.ProteinId
        $failed.Status | Should -Be 'failed'
        $failed.ErrorClass | Should -Be 'Permanent'
        $failures.Count | Should -Be 1

        # Every way a failed chain runs again leaves it alone.
        $tasks | Submit-EcodJob -Executor Local @common -WarningVariable warned -WarningAction SilentlyContinue -ErrorAction SilentlyContinue | Out-Null
        $warned -join "`n" | Should -Match '1 chain\(s\) failed with a permanent error'
        $scan = Find-EcodProtein -BatchRoot $g.Root -RepsOnly:$false -TrackingDatabase $db -ConfigurationPath $cfg -IncludeFailed -Summary -WarningAction SilentlyContinue
        $scan.FailedPermanently | Should -Be 1
        $scan.FailedForRetry | Should -Be 0
        Get-EcodJobStatus -TrackingDatabase $db -Status failed -ConfigurationPath $cfg | Restart-EcodJob -Executor Local @common -WarningAction SilentlyContinue -ErrorAction SilentlyContinue | Out-Null
        $after = Get-EcodJobStatus -TrackingDatabase $db -ProteinId $bad.ProteinId -ConfigurationPath $cfg
        $after.AttemptCount | Should -Be 1
        $after.RetryCount | Should -Be 0
        $after.ErrorClass | Should -Be 'Permanent'
        $stats = Get-EcodProductionStatistic -TrackingDatabase $db -ConfigurationPath $cfg
        $stats.FailedPermanent | Should -Be 1
        $stats.FailedTransient | Should -Be 0

        # -Force (after fixing the input) runs it once more.
        $tasks | Where-Object ProteinId -EQ $bad.ProteinId | Submit-EcodJob -Executor Local @common -Force -ErrorAction SilentlyContinue | Out-Null
        (Get-EcodJobStatus -TrackingDatabase $db -ProteinId $bad.ProteinId -ConfigurationPath $cfg).AttemptCount | Should -Be 2
    }
}

Describe 'Get-EcodJobLog on a local run' {
    It 'shows the failed chain with its error class and the run log lines naming it, by pipe, -ProteinId and -JobId' {
        $folder = Join-Path $TestDrive 'local'
        New-Item -ItemType Directory -Path $folder | Out-Null
        $cfg = Join-Path $folder 'production.yml'
        @('paths:', "  log_dir: $folder/logs") | Set-Content $cfg
        $g = New-TestBatchRoot -ProteinCount 4 -Seed 43 -BatchCount 1
        $db = Join-Path $folder 'tracking.db'
        $tasks = @(Find-EcodProtein -BatchRoot $g.Root -RepsOnly:$false -TrackingDatabase $db -ConfigurationPath $cfg)
        Remove-Item $tasks[1].SummaryPath
        $jobs = @($tasks | Submit-EcodJob -Executor Local -ConfigurationPath $cfg -TrackingDatabase $db -ReferenceDirectory $g.ReferenceDirectory `
            -WorkDirectory (Join-Path $folder 'work') -ErrorAction SilentlyContinue)

        $log = $jobs | Where-Object Status -EQ failed | Get-EcodJobLog -ConfigurationPath $cfg -TrackingDatabase $db
        $log.PSObject.TypeNames[0] | Should -Be 'EcodMini.Core.JobLogs.JobLog'
        $log.ProteinId | Should -Be $tasks[1].ProteinId
        $log.ErrorClass | Should -Be 'Permanent'
        $log.Executor | Should -Be 'local'
        $log.AttemptNumber | Should -Be 1
        $log.SlurmJobId | Should -BeNullOrEmpty
        $log.RunLogPath | Should -Exist
        $log.EngineLog.Count | Should -BeGreaterThan 0
        $log.EngineLog | ForEach-Object { $_ | Should -Match $Stamp }
        ($log.EngineLog -join "`n") | Should -Match ([regex]::Escape("failed $($tasks[1].ProteinId)"))

        (Get-EcodJobLog -ProteinId $tasks[1].ProteinId -ConfigurationPath $cfg -TrackingDatabase $db).JobId | Should -Be $log.JobId
        @(Get-EcodJobLog -JobId $log.JobId -ConfigurationPath $cfg -TrackingDatabase $db).ProteinId | Should -Contain $tasks[1].ProteinId
        ($log | Out-String -Width 120) | Should -Match 'Ran as\s*: local'

        Get-EcodJobLog -ProteinId 9zzz_Q -ConfigurationPath $cfg -TrackingDatabase $db -ErrorAction SilentlyContinue -ErrorVariable missing
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'EcodJobNotFound*'
    }
}

Describe 'Get-EcodJobLog on a real SLURM run' -Skip:$NoCluster {
    BeforeAll { Assert-SlurmCluster }

    It 'shows a failed chain: array task id, node, exit code, its plain stdout/stderr and its own timestamped lines' {
        $folder = Join-Path $TestDrive 'slurm'
        $cfg = New-SlurmConfig $folder
        $g = New-TestBatchRoot -ProteinCount 6 -Seed 45 -BatchCount 1
        $db = Join-Path $folder 'tracking.db'
        $tasks = @(Find-EcodProtein -BatchRoot $g.Root -RepsOnly:$false -TrackingDatabase $db -ConfigurationPath $cfg)
        $bad = $tasks[3]
        Set-Content -Path $bad.SummaryPath -Value '<domain_summary version="1.0"><protein'
        $tasks | Submit-EcodJob -Executor Slurm -ReferenceDirectory $g.ReferenceDirectory -TrackingDatabase $db `
            -WorkDirectory (Join-Path $folder 'work') -ChunkSize 3 -ConfigurationPath $cfg | Out-Null
        $final = @(Get-EcodJobStatus -TrackingDatabase $db -Wait -PollInterval 2 -Timeout 00:08:00 -ConfigurationPath $cfg)
        $final.Count | Should -Be 6

        $log = Get-EcodJobStatus -TrackingDatabase $db -Status failed -ConfigurationPath $cfg | Get-EcodJobLog -ConfigurationPath $cfg -TrackingDatabase $db -Tail 50
        $log.ProteinId | Should -Be $bad.ProteinId
        $log.ErrorClass | Should -Be 'Permanent'
        $log.Executor | Should -Be 'slurm'
        $log.SlurmJobId | Should -Match '^\d+_\d+$'
        $log.Node | Should -Not -BeNullOrEmpty
        $log.ExitCode | Should -Be 0 -Because 'the worker ran to its end; the chain failed on its input'
        $log.SlurmState | Should -Be 'COMPLETED'
        $log.StdoutPath | Should -Exist
        $log.StderrPath | Should -Exist
        $log.Stderr | Should -Match ([regex]::Escape("$($bad.ProteinId) $($bad.BatchName) failed (Permanent): $($bad.SummaryPath)"))
        $log.Stdout | Should -Match 'chunk .*: 3 chain\(s\) from'
        (Get-Content -Raw $log.StderrPath) + (Get-Content -Raw $log.StdoutPath) | Should -Not -Match ([regex]::Escape($Esc)) -Because 'workers write plain text'
        $own = @($log.EngineLog | Where-Object { $_ -match "failed \(Permanent\)" })
        $own.Count | Should -Be 1
        $own[0] | Should -Match ($Stamp + [regex]::Escape($bad.ProteinId))
        $log.EngineLog | ForEach-Object { $_ | Should -Match $Stamp }
        $log.EngineLog | Where-Object { $_ -match 'completed:' } | Should -BeNullOrEmpty -Because 'the other chains of the task are not this chain'
    }

    It 'shows the exit code, state and stderr of a task that failed before any chain ran' {
        $folder = Join-Path $TestDrive 'broken'
        New-Item -ItemType Directory -Force -Path $folder | Out-Null
        $setup = Join-Path $folder 'env.sh'
        "echo 'environment setup broke on purpose' >&2`nexit 3" | Set-Content $setup
        $cfg = New-SlurmConfig $folder -EnvSetup $setup
        $g = New-TestBatchRoot -ProteinCount 2 -Seed 47 -BatchCount 1
        $db = Join-Path $folder 'tracking.db'
        $tasks = @(Find-EcodProtein -BatchRoot $g.Root -RepsOnly:$false -TrackingDatabase $db -ConfigurationPath $cfg)
        $tasks | Submit-EcodJob -Executor Slurm -ReferenceDirectory $g.ReferenceDirectory -TrackingDatabase $db `
            -WorkDirectory (Join-Path $folder 'work') -ChunkSize 2 -ConfigurationPath $cfg | Out-Null
        Get-EcodJobStatus -TrackingDatabase $db -Wait -PollInterval 2 -Timeout 00:08:00 -ConfigurationPath $cfg -ErrorAction SilentlyContinue | Out-Null

        $job = (Get-EcodJobStatus -TrackingDatabase $db -ConfigurationPath $cfg)[0]
        $job.Status | Should -Be 'failed'
        $job.ErrorClass | Should -Be 'Transient'
        $logs = @(Get-EcodJobLog -JobId $job.JobId.Split('_')[0] -ConfigurationPath $cfg -TrackingDatabase $db)
        $logs.Count | Should -Be 2
        $logs[0].ExitCode | Should -Be 3
        $logs[0].SlurmState | Should -Be 'FAILED'
        $logs[0].Node | Should -Not -BeNullOrEmpty
        $logs[0].Stderr | Should -Match 'environment setup broke on purpose'
    }
}
