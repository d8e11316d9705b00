# Real-cluster tests: the single-node SLURM 22.05 + slurmdbd that tools/services/slurm.sh starts (./build.sh Test runs it).
# Outside CI a missing cluster skips these loudly; under CI=true they fail instead.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'SlurmHelpers.ps1')
    $script:NoCluster = Get-SlurmSkip
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'SlurmHelpers.ps1')
    $script:Services = Join-Path $script:RepositoryRoot 'tools/services/slurm.sh'
}

Describe 'Submit-EcodJob -Executor Slurm on the real cluster' -Skip:$NoCluster {
    BeforeAll { Assert-SlurmCluster }

    It 'runs 2,000 chains as one array to completion; the bad input fails with its error' {
        $folder = Join-Path $TestDrive 'big'
        $cfg = New-SlurmConfig $folder
        $g = New-TestBatchRoot -ProteinCount 2000 -Seed 8 -BatchCount 2
        $db = Join-Path $folder 'tracking.db'
        $tasks = @(Find-EcodProtein -BatchRoot $g.Root -RepsOnly:$false -TrackingDatabase $db -ConfigurationPath $cfg)
        $tasks.Count | Should -Be 2000
        $bad = $tasks[17]
        Set-Content -Path $bad.SummaryPath -Value '<domain_summary version="1.0"><protein'

        $jobs = @($tasks | Submit-EcodJob -Executor Slurm -ReferenceDirectory $g.ReferenceDirectory -TrackingDatabase $db `
            -WorkDirectory (Join-Path $folder 'work') -ChunkSize 100 -ConfigurationPath $cfg)
        $jobs.Count | Should -Be 2000
        $jobs.Status | Sort-Object -Unique | Should -Be 'submitted'
        @(Get-ChildItem (Join-Path $folder 'jobs') -Recurse -Filter job.sh).Count | Should -Be 1 -Because 'one sbatch per array'

        $final = @(Get-EcodJobStatus -TrackingDatabase $db -Wait -PollInterval 2 -Timeout 00:12:00 -ConfigurationPath $cfg)
        $final.Count | Should -Be 2000
        $stats = Get-EcodProductionStatistic -TrackingDatabase $db -ConfigurationPath $cfg
        $stats.Completed | Should -Be 1999
        $stats.Failed | Should -Be 1
        $failed = Get-EcodJobStatus -TrackingDatabase $db -Status failed -ConfigurationPath $cfg
        $failed.ProteinId | Should -Be $bad.ProteinId
        $failed.Error | Should -Match ([regex]::Escape($bad.SummaryPath))
        @(Get-ChildItem (Join-Path $g.Root 'ecod_batch_*/mini_domains/*.xml')).Count | Should -Be 1999

        $name = (Get-Content (Get-ChildItem (Join-Path $folder 'jobs') -Recurse -Filter job.sh | Select-Object -First 1).FullName |
            Select-String "job-name='([^']+)'").Matches[0].Groups[1].Value
        $rows = Get-SacctRows $name
        $rows.Count | Should -Be 20
        @($rows | ForEach-Object { ($_ -split '\|')[1].Split('_')[0] } | Sort-Object -Unique).Count | Should -Be 1
        $rows | ForEach-Object { ($_ -split '\|')[2] } | Sort-Object -Unique | Should -Be 'COMPLETED'
    }

    It 'ends a job past its time limit TIMEOUT, and Restart-EcodJob resubmits it with more time until it completes' {
        $folder = Join-Path $TestDrive 'timeout'
        $marker = Join-Path $folder 'slow'
        New-Item -ItemType Directory -Force $folder | Out-Null
        New-Item -ItemType File $marker | Out-Null
        # Sourced by the job script before pwsh: sleeps past the 1-minute limit while the marker exists.
        $envScript = Join-Path $folder 'env.sh'
        "if [ -e '$marker' ]; then trap 'echo warned' USR1; sleep 150; fi" | Set-Content $envScript
        $cfg = New-SlurmConfig $folder -Time '1' -EnvSetup $envScript
        $g = New-TestBatchRoot -ProteinCount 30 -Seed 9 -BatchCount 1
        $db = Join-Path $folder 'tracking.db'
        Find-EcodProtein -BatchRoot $g.Root -RepsOnly:$false -TrackingDatabase $db -ConfigurationPath $cfg |
            Submit-EcodJob -Executor Slurm -ReferenceDirectory $g.ReferenceDirectory -TrackingDatabase $db -WorkDirectory (Join-Path $folder 'work') -ChunkSize 100 -ConfigurationPath $cfg | Out-Null
        $timedOut = @(Get-EcodJobStatus -TrackingDatabase $db -Wait -PollInterval 2 -Timeout 00:05:00 -ConfigurationPath $cfg)
        $timedOut.Status | Sort-Object -Unique | Should -Be 'timeout'
        $timedOut[0].Error | Should -Match 'TIMEOUT'

        Remove-Item $marker
        $restarted = @(Get-EcodJobStatus -TrackingDatabase $db -Status timeout -ConfigurationPath $cfg |
            Restart-EcodJob -TrackingDatabase $db -ReferenceDirectory $g.ReferenceDirectory -WorkDirectory (Join-Path $folder 'work') -ConfigurationPath $cfg -Confirm:$false)
        $restarted.Count | Should -Be $timedOut.Count
        $script = Get-ChildItem (Join-Path $folder 'jobs') -Recurse -Filter job.sh | Sort-Object LastWriteTime | Select-Object -Last 1
        Get-Content -Raw $script.FullName | Should -Match "--time='0:02:00'"
        $final = @(Get-EcodJobStatus -TrackingDatabase $db -Wait -PollInterval 2 -Timeout 00:05:00 -ConfigurationPath $cfg)
        $final.Status | Sort-Object -Unique | Should -Be 'completed'
        # Never resubmits a success.
        @(Get-EcodJobStatus -TrackingDatabase $db -ConfigurationPath $cfg | Restart-EcodJob -TrackingDatabase $db -ReferenceDirectory $g.ReferenceDirectory -WorkDirectory (Join-Path $folder 'work') -ConfigurationPath $cfg -Confirm:$false).Count | Should -Be 0
    }

    It 'splits a run past MaxArraySize into several arrays, and Stop-EcodJob cancels them while pending' {
        $folder = Join-Path $TestDrive 'stop'
        $cfg = New-SlurmConfig $folder
        # Keep both CPUs busy so the arrays stay pending.
        $blockers = foreach ($i in 1..2) { & sbatch --parsable -J ecodtest-blocker --output=/dev/null --wrap 'sleep 600' }
        try {
            $g = New-TestBatchRoot -ProteinCount 150 -Seed 10 -BatchCount 1
            $db = Join-Path $folder 'tracking.db'
            $verbose = Find-EcodProtein -BatchRoot $g.Root -RepsOnly:$false -TrackingDatabase $db -ConfigurationPath $cfg |
                Submit-EcodJob -Executor Slurm -ReferenceDirectory $g.ReferenceDirectory -TrackingDatabase $db -WorkDirectory (Join-Path $folder 'work') -ChunkSize 1 -ConfigurationPath $cfg -SkipPreflight -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
            ($verbose.Message -join "`n") | Should -Match 'exceed MaxArraySize 101: submitting 2 arrays'
            $scripts = @(Get-ChildItem (Join-Path $folder 'jobs') -Recurse -Filter job.sh)
            $scripts.Count | Should -Be 2
            $name = (Get-Content $scripts[0].FullName | Select-String "job-name='([^']+)'").Matches[0].Groups[1].Value
            $queued = @(& squeue --noheader --array --name $name --format='%i|%T')
            $queued.Count | Should -Be 150
            @($queued | ForEach-Object { $_.Split('_')[0] } | Sort-Object -Unique).Count | Should -Be 2

            Get-EcodJobStatus -TrackingDatabase $db -Status submitted -ConfigurationPath $cfg | Stop-EcodJob -TrackingDatabase $db -ConfigurationPath $cfg -Confirm:$false
            @(& squeue --noheader --name $name).Count | Should -Be 0
            (Get-EcodJobStatus -TrackingDatabase $db -ConfigurationPath $cfg).Status | Sort-Object -Unique | Should -Be 'cancelled'
        }
        finally { & scancel @blockers }
    }

    It 'never submits twice when the submitter is killed after sbatch and the run is repeated' {
        $folder = Join-Path $TestDrive 'kill'
        $cfg = New-SlurmConfig $folder
        $bin = Join-Path $folder 'bin'
        New-Item -ItemType Directory -Force $bin | Out-Null
        # sbatch that submits for real, then hangs: the submitter dies before it can record the job id.
        "#!/bin/bash`n/usr/bin/sbatch `"`$@`"`nsleep 600" | Set-Content (Join-Path $bin 'sbatch')
        & chmod +x (Join-Path $bin 'sbatch')
        $g = New-TestBatchRoot -ProteinCount 30 -Seed 11 -BatchCount 1
        $db = Join-Path $folder 'tracking.db'
        $pipeline = "Find-EcodProtein -BatchRoot '$($g.Root)' -RepsOnly:`$false -TrackingDatabase '$db' -ConfigurationPath '$cfg' | Submit-EcodJob -Executor Slurm -ReferenceDirectory '$($g.ReferenceDirectory)' -TrackingDatabase '$db' -WorkDirectory '$folder/work' -ChunkSize 10 -ConfigurationPath '$cfg' -SkipPreflight | Out-Null"
        $p = Start-FreshPwsh -Script "`$env:PATH = '${bin}:' + `$env:PATH; $pipeline"
        $deadline = (Get-Date).AddSeconds(120)
        $submitted = $null
        while ((Get-Date) -lt $deadline -and -not $submitted) {
            Start-Sleep -Milliseconds 500
            $submitted = @(& squeue --noheader --format='%j' | Where-Object { $_ -like 'ecod-*' -and (Test-Path "$folder/jobs") })
            if ($submitted.Count -eq 0) { $submitted = $null }
        }
        $submitted | Should -Not -BeNullOrEmpty -Because 'the job must be accepted before the kill'
        $p.Kill($true); $p.WaitForExit()

        # The killed run's lease is taken over once its process is gone (-WaitForLease covers the moment it takes to reap it).
        $r = Invoke-FreshPwsh -Script ($pipeline -replace '\| Out-Null$', '-WaitForLease | Out-Null')
        $r.ExitCode | Should -Be 0 -Because $r.Error
        Get-EcodJobStatus -TrackingDatabase $db -Wait -PollInterval 2 -Timeout 00:05:00 -ConfigurationPath $cfg | Out-Null
        (Get-EcodProductionStatistic -TrackingDatabase $db -ConfigurationPath $cfg).Completed | Should -Be 30
        @(Get-ChildItem "$folder/jobs" -Recurse -Filter job.sh).Count | Should -Be 1 -Because 'the rerun reconciled with SLURM instead of submitting again'
        $name = (Get-Content (Get-ChildItem "$folder/jobs" -Recurse -Filter job.sh)[0].FullName | Select-String "job-name='([^']+)'").Matches[0].Groups[1].Value
        @(Get-SacctRows $name | ForEach-Object { ($_ -split '\|')[1].Split('_')[0] } | Sort-Object -Unique).Count | Should -Be 1
    }

    It 'runs to completion with slurmdbd stopped, from squeue, scontrol and the result files' {
        $folder = Join-Path $TestDrive 'nodbd'
        $cfg = New-SlurmConfig $folder
        $g = New-TestBatchRoot -ProteinCount 30 -Seed 12 -BatchCount 1
        $db = Join-Path $folder 'tracking.db'
        & bash $Services dbd-stop
        try {
            Find-EcodProtein -BatchRoot $g.Root -RepsOnly:$false -TrackingDatabase $db -ConfigurationPath $cfg |
                Submit-EcodJob -Executor Slurm -ReferenceDirectory $g.ReferenceDirectory -TrackingDatabase $db -WorkDirectory (Join-Path $folder 'work') -ChunkSize 10 -ConfigurationPath $cfg | Out-Null
            $verbose = Get-EcodJobStatus -TrackingDatabase $db -Wait -PollInterval 2 -Timeout 00:05:00 -ConfigurationPath $cfg -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
            ($verbose.Message -join "`n") | Should -Match 'sacct cannot answer.*squeue and scontrol'
            (Get-EcodProductionStatistic -TrackingDatabase $db -ConfigurationPath $cfg).Completed | Should -Be 30
        }
        finally { & bash $Services dbd-start }
    }
}
