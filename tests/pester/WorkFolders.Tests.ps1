# Where Submit-EcodJob keeps its state (issue 12 item 3): never in the current folder unasked (no configuration file:
# the per-user state folder; a file: its paths), and what a run leaves behind (logs, failed chunks) and cleans up.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'SlurmHelpers.ps1')
    $script:NoCluster = Get-SlurmSkip 'WorkFolders SLURM test'
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:gen = New-TestBatchRoot -ProteinCount 12 -Seed 51 -BatchCount 1

    # Files below a folder, the work folder's lock file aside (it stays for the next run).
    function Get-LeftFiles([string] $Folder) {
        @(Get-ChildItem $Folder -Recurse -File -ErrorAction SilentlyContinue | Where-Object Name -ne 'executor.lock')
    }
}

Describe 'Submit-EcodJob without a configuration file' {
    It 'leaves the current folder empty: tracker, logs and work files go to the per-user state folder' {
        $cwd = Join-Path $TestDrive 'empty-cwd'; New-Item -ItemType Directory $cwd | Out-Null
        $state = Join-Path $TestDrive 'state-home'
        $saved = $env:XDG_STATE_HOME; $savedConfig = $env:ECOD_MINI_CONFIG
        $env:XDG_STATE_HOME = $state; Remove-Item Env:ECOD_MINI_CONFIG -ErrorAction SilentlyContinue
        try {
            $r = Invoke-FreshPwsh -WorkingDirectory $cwd -Script ("Find-EcodProtein -BatchRoot '$($gen.Root)' -RepsOnly:`$false -MaxProteins 5 | " +
                "Submit-EcodJob -ReferenceDirectory '$($gen.ReferenceDirectory)' | Out-Null; (Get-EcodProductionStatistic).Completed")
        }
        finally { $env:XDG_STATE_HOME = $saved; if ($savedConfig) { $env:ECOD_MINI_CONFIG = $savedConfig } }
        $r.ExitCode | Should -Be 0 -Because $r.Error
        @($r.Output -split "`n" | Where-Object { $_.Trim() })[-1].Trim() | Should -Be '5'
        @(Get-ChildItem $cwd -Force) | Should -HaveCount 0
        Join-Path $state 'ecod-mini/tracking.db' | Should -Exist
        @(Get-ChildItem (Join-Path $state 'ecod-mini/logs') -Filter '*.log') | Should -HaveCount 1
        Get-LeftFiles (Join-Path $state 'ecod-mini/work') | Should -HaveCount 0
    }
}

Describe 'What a run leaves behind' {
    It 'a finished run leaves no per-run work files, only its log' {
        $dir = Join-Path $TestDrive 'clean'; New-Item -ItemType Directory $dir | Out-Null
        $cfg = Join-Path $dir 'production.yml'
        "paths:`n  batch_base_dir: $($gen.Root)`n  reference_dir: $($gen.ReferenceDirectory)`nprocessing:`n  reps_only: false`n  skip_existing: false`nexecution:`n  chunk_size: 3" | Set-Content $cfg
        $jobs = @(Find-EcodProtein -ConfigurationPath $cfg | Submit-EcodJob -ConfigurationPath $cfg)
        $jobs.Count | Should -Be 12
        $jobs.Status | Sort-Object -Unique | Should -Be 'completed'
        Get-LeftFiles (Join-Path $dir 'ecod-mini/work') | Should -HaveCount 0
        @(Get-ChildItem (Join-Path $dir 'ecod-mini/logs') -Filter '*.log') | Should -HaveCount 1
    }

    It 'a failed run keeps its log and the failed chunk, and Restart-EcodJob reruns the chain from them' {
        $g = New-TestBatchRoot -ProteinCount 8 -Seed 52 -BatchCount 1
        $dir = Join-Path $TestDrive 'failed'; New-Item -ItemType Directory $dir | Out-Null
        $cfg = Join-Path $dir 'production.yml'
        "paths:`n  batch_base_dir: $($g.Root)`n  reference_dir: $($g.ReferenceDirectory)`nprocessing:`n  reps_only: false`n  skip_existing: false`n  retry_delay: 0`nexecution:`n  chunk_size: 2`n  throttle_limit: 1" | Set-Content $cfg
        $tasks = @(Find-EcodProtein -ConfigurationPath $cfg)
        $broken = $tasks[3]
        $original = Get-Content -Raw $broken.SummaryPath
        Set-Content $broken.SummaryPath '<domain_summary version="1.0"><protein'
        $jobs = @($tasks | Submit-EcodJob -ConfigurationPath $cfg -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
        ($jobs | Where-Object Status -eq 'failed').ProteinId | Should -Be $broken.ProteinId

        $kept = Get-LeftFiles (Join-Path $dir 'ecod-mini/work')
        $kept | Should -HaveCount 2 -Because 'the failed chunk''s manifest and result file stay; the three clean chunks are gone'
        $kept | ForEach-Object { Split-Path (Split-Path $_.FullName) -Leaf } | Sort-Object -Unique | Should -Be 'ingested'
        ($kept | Where-Object Name -like '*.results.jsonl' | Get-Content -Raw) | Should -Match ([regex]::Escape($broken.ProteinId))
        $log = Get-Content (Get-ChildItem (Join-Path $dir 'ecod-mini/logs') -Filter '*.log').FullName
        ($log -match "failed $([regex]::Escape($broken.ProteinId)) ") | Should -HaveCount 1

        Set-Content $broken.SummaryPath $original -NoNewline
        $restarted = @(Restart-EcodJob -Status failed -ConfigurationPath $cfg)
        $restarted.ProteinId | Should -Be $broken.ProteinId
        $restarted.Status | Should -Be 'completed'
        (Get-EcodProductionStatistic -ConfigurationPath $cfg).Completed | Should -Be 8
        Get-LeftFiles (Join-Path $dir 'ecod-mini/work') | Should -HaveCount 2 -Because 'the rerun''s clean chunk is deleted, the failed one stays as the record'
        @(Get-ChildItem (Join-Path $dir 'ecod-mini/logs') -Filter '*.log') | Should -HaveCount 2
    }
}

Describe 'What a SLURM run leaves behind' -Skip:$NoCluster {
    It 'deletes its completed chunks'' files once Get-EcodJobStatus -Wait collects them, and notes them in the run log' {
        . (Join-Path $PSScriptRoot 'SlurmHelpers.ps1')
        Assert-SlurmCluster
        $dir = Join-Path $TestDrive 'slurm'; New-Item -ItemType Directory $dir | Out-Null
        $cfg = Join-Path $dir 'production.yml'
        ("paths:`n  batch_base_dir: $($gen.Root)`n  reference_dir: $($gen.ReferenceDirectory)`nslurm:`n  time: `"0:10:00`"`n  memory: 500M`n" +
         "  job_script_dir: $dir/jobs`nprocessing:`n  reps_only: false`n  skip_existing: false`nexecution:`n  chunk_size: 4") | Set-Content $cfg
        $jobs = @(Find-EcodProtein -ConfigurationPath $cfg -MaxProteins 8 | Submit-EcodJob -Executor Slurm -ConfigurationPath $cfg)
        $jobs.Status | Sort-Object -Unique | Should -Be 'submitted'
        Get-EcodJobStatus -ConfigurationPath $cfg -Wait -PollInterval 2 -Timeout 00:05:00 | Out-Null
        (Get-EcodProductionStatistic -ConfigurationPath $cfg).Completed | Should -Be 8
        Get-LeftFiles (Join-Path $dir 'ecod-mini/work') | Should -HaveCount 0
        $log = Get-Content (Get-ChildItem (Join-Path $dir 'ecod-mini/logs') -Filter '2*.log').FullName
        ($log -match 'submitted in .*8 chain\(s\) launched') | Should -HaveCount 1
        ($log -match 'ended finished: 4 completed, 0 failed.*files were deleted') | Should -HaveCount 2
        @(Get-ChildItem (Join-Path $dir 'ecod-mini/logs') -Filter '*.out').Count | Should -Be 2 -Because 'the array tasks write their output to paths.log_dir'
    }
}
