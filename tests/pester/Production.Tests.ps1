BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:gen = New-TestBatchRoot -ProteinCount 240 -Seed 11 -BatchCount 3
    $script:root = $gen.Root
    $script:ref = $gen.ReferenceDirectory
    $script:reps = Get-RepresentativeIds $root
}

Describe 'Find-EcodProtein' {
    It 'finds every chain, and only representatives with -RepsOnly' {
        $all = Find-EcodProtein -BatchRoot $root -RepsOnly:$false -SkipExisting:$false -Summary
        $all.TotalFound | Should -Be 240
        $all.BatchCount | Should -Be 3
        $repsOnly = @(Find-EcodProtein -BatchRoot $root -RepsOnly -SkipExisting:$false)
        $repsOnly.Count | Should -Be $reps.Count
        ($repsOnly.ProteinId | Sort-Object) | Should -Be ($reps | Sort-Object)
    }

    It 'honours -MaxProteins and emits tasks in priority order' {
        $tasks = @(Find-EcodProtein -BatchRoot $root -RepsOnly:$false -SkipExisting:$false -MaxProteins 25)
        $tasks.Count | Should -Be 25
        for ($i = 1; $i -lt $tasks.Count; $i++) { $tasks[$i - 1].Priority | Should -BeGreaterOrEqual $tasks[$i].Priority }
    }

    It 'uses a representative list given with -RepresentativeList' {
        $list = Join-Path $TestDrive 'reps.txt'
        @('# two chains', $reps[0], $reps[1], 'not an id!') | Set-Content $list
        $tasks = @(Find-EcodProtein -BatchRoot $root -RepsOnly -RepresentativeList $list -SkipExisting:$false -WarningVariable w -WarningAction SilentlyContinue)
        $tasks.ProteinId | Sort-Object | Should -Be (@($reps[0], $reps[1]) | Sort-Object)
    }

    It 'stops with a clear error for a missing batch root' {
        { Find-EcodProtein -BatchRoot (Join-Path $TestDrive 'nope') } | Should -Throw -ExpectedMessage '*nope*not found*'
    }

    It 'reads the batch root from the configuration file' {
        $cfg = Join-Path $TestDrive 'production.yml'
        "paths:`n  batch_base_dir: $root`nprocessing:`n  reps_only: true`n  skip_existing: false" | Set-Content $cfg
        @(Find-EcodProtein -ConfigurationPath $cfg).Count | Should -Be $reps.Count
    }
}

Describe 'Find-EcodProtein | Invoke-EcodPartition' {
    It 'binds the tasks by property name (summary, blast, output, batch)' {
        $tasks = @(Find-EcodProtein -BatchRoot $root -RepsOnly -SkipExisting:$false -MaxProteins 5)
        $out = Join-Path $TestDrive 'from-tasks'
        $results = @($tasks | Invoke-EcodPartition -ReferenceDirectory $ref -OutputDirectory $out)
        $results.Count | Should -Be 5
        ($results.ProteinId | Sort-Object) | Should -Be ($tasks.ProteinId | Sort-Object)
        foreach ($r in $results) { $r.BatchId | Should -Be ($tasks | Where-Object ProteinId -eq $r.ProteinId).BatchName }
        @(Get-ChildItem $out).Count | Should -Be 5
    }
}

Describe 'Submit-EcodJob -Executor Local' {
    BeforeAll {
        $script:db = Join-Path $TestDrive 'tracking.db'
        $script:work = Join-Path $TestDrive 'work'
    }

    It 'records nothing with -WhatIf' {
        Find-EcodProtein -BatchRoot $root -RepsOnly -MaxProteins 5 | Submit-EcodJob -ReferenceDirectory $ref -TrackingDatabase $db -WorkDirectory $work -WhatIf
        $db | Should -Not -Exist
    }

    It 'runs every representative, tracks it, writes every output' {
        $jobs = @(Find-EcodProtein -BatchRoot $root -RepsOnly -SkipExisting -TrackingDatabase $db |
            Submit-EcodJob -Executor Local -ReferenceDirectory $ref -TrackingDatabase $db -WorkDirectory $work -ErrorVariable failures)
        $jobs.Count | Should -Be $reps.Count
        @($jobs | Where-Object Status -ne 'completed').Count | Should -Be $failures.Count
        $failures.Count | Should -Be 0 -Because (($failures | ForEach-Object { $_.Exception.Message }) -join '; ')
        $outputs = Get-ChildItem (Join-Path $root 'ecod_batch_*/mini_domains/*.mini.domains.xml')
        $outputs.Count | Should -Be $reps.Count
        $stats = Get-EcodProductionStatistic -TrackingDatabase $db
        $stats.Completed | Should -Be $reps.Count
        $stats.Total | Should -Be $reps.Count
        $stats.SuccessRate | Should -Be 1
        ($stats.Quality.Good + $stats.Quality.Questionable + $stats.Quality.Poor) | Should -Be $reps.Count
    }

    It 'finds nothing left to do afterwards, and a rerun of all chains does none twice' {
        @(Find-EcodProtein -BatchRoot $root -RepsOnly -SkipExisting -TrackingDatabase $db).Count | Should -Be 0
        $again = @(Find-EcodProtein -BatchRoot $root -RepsOnly -SkipExisting:$false -TrackingDatabase $db |
            Submit-EcodJob -ReferenceDirectory $ref -TrackingDatabase $db -WorkDirectory $work -Verbose 4>&1)
        $verbose = $again | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match "$($reps.Count) already completed \(not run again\), .*, 0 run;"
        $one = $reps[0]
        @(Get-EcodJobStatus -TrackingDatabase $db -ProteinId $one -Result).Count | Should -Be 1
    }

    It 'reports jobs by status, batch and protein' {
        @(Get-EcodJobStatus -TrackingDatabase $db -Status completed).Count | Should -Be $reps.Count
        @(Get-EcodJobStatus -TrackingDatabase $db -Status failed).Count | Should -Be 0
        $batchName = (Get-EcodJobStatus -TrackingDatabase $db -First 1).BatchName
        @(Get-EcodJobStatus -TrackingDatabase $db -BatchName $batchName) | ForEach-Object { $_.BatchName | Should -Be $batchName }
        $h = @(Get-EcodJobStatus -TrackingDatabase $db -ProteinId $reps[0] -History)
        $h.ToStatus | Should -Contain 'running'
        $h.ToStatus | Should -Contain 'completed'
    }

    It 'says with -Verbose which journal mode the tracker uses and why' {
        $v = @(Get-EcodJobStatus -TrackingDatabase $db -First 1 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        ($v.Message -join "`n") | Should -Match 'schema v\d+, journal wal \(.+\)'
    }

    It 'shows readable default tables' {
        (Get-EcodJobStatus -TrackingDatabase $db -First 3 | Out-String) | Should -Match 'ProteinId\s+Batch\s+Status'
        (Get-EcodProductionStatistic -TrackingDatabase $db | Out-String) | Should -Match 'SuccessRate\s*:\s*100'
    }
}

Describe 'Resume after kill -9' {
    It 'loses no protein, runs none twice, and the counts are exact' {
        $g = New-TestBatchRoot -ProteinCount 4000 -Seed 99 -BatchCount 4
        $db = Join-Path $TestDrive 'resume.db'
        $work = Join-Path $TestDrive 'resume-work'
        $expected = (Get-RepresentativeIds $g.Root).Count
        # keep_work_files: every result file stays in <work>/ingested/, the record of what the workers wrote.
        $keep = Join-Path $TestDrive 'keep.yml'; "execution:`n  keep_work_files: true" | Set-Content $keep
        $pipeline = "Find-EcodProtein -BatchRoot '$($g.Root)' -RepsOnly -TrackingDatabase '$db' | Submit-EcodJob -ConfigurationPath '$keep' -ReferenceDirectory '$($g.ReferenceDirectory)' -TrackingDatabase '$db' -WorkDirectory '$work' -ThrottleLimit 1 -ChunkSize 25 | Out-Null"

        $p = Start-FreshPwsh -Script $pipeline
        $deadline = (Get-Date).AddSeconds(120)
        $completedAtKill = 0
        $reads = 0
        while ((Get-Date) -lt $deadline -and -not $p.HasExited) {
            Start-Sleep -Milliseconds 100
            if (-not (Test-Path $db)) { continue }
            # Reading statistics while the executor writes must work: any error fails the test, except that the file
            # may exist a moment before its schema does (EcodTrackerSchemaOutdated, retried) until a first read succeeds.
            $s = try { Get-EcodProductionStatistic -TrackingDatabase $db -ErrorAction Stop; $reads++ }
            catch {
                if ($reads -eq 0 -and $_.FullyQualifiedErrorId -like 'EcodTrackerSchemaOutdated,*') { $null }
                else { $p.Kill($true); throw }
            }
            if ($s -and $s.Completed -ge 200) { $completedAtKill = $s.Completed; break }
        }
        $p.HasExited | Should -BeFalse -Because 'the run must still be going when it is killed'
        # SIGKILL to the launcher and the pwsh it started (no clean-up code can run).
        $p.Kill($true)
        $p.WaitForExit()
        $completedAtKill | Should -BeGreaterThan 0
        $completedAtKill | Should -BeLessThan $expected

        $r = Invoke-FreshPwsh -Script $pipeline
        $r.ExitCode | Should -Be 0 -Because $r.Error

        $stats = Get-EcodProductionStatistic -TrackingDatabase $db
        Write-Host "    resume: killed with $completedAtKill of $expected completed; after the rerun $($stats.Completed) completed, $($stats.Failed) failed, $($stats.Pending + $stats.Running) unfinished"
        $stats.Completed | Should -Be $expected
        $stats.Total | Should -Be $expected
        ($stats.Pending + $stats.Running + $stats.Failed) | Should -Be 0
        (Get-ChildItem (Join-Path $g.Root 'ecod_batch_*/mini_domains/*.xml')).Count | Should -Be $expected
        Get-ChildItem (Join-Path $g.Root 'ecod_batch_*/mini_domains') -Force | Where-Object Name -like '*.tmp*' | Should -BeNullOrEmpty
        (Get-EcodProductionStatistic -TrackingDatabase $db).ActiveRun | Should -BeNullOrEmpty
        # None done twice, no record lost: every chain has exactly one completion in its history and one current
        # result, and every record its workers wrote (archived result files) is stored.
        $lines = Get-ChildItem (Join-Path $work 'ingested') -Filter '*.results.jsonl' | ForEach-Object { Get-Content $_.FullName } |
            Where-Object { $_.EndsWith('}') } | ForEach-Object { ($_ | ConvertFrom-Json).protein_id } | Group-Object -AsHashTable
        $sample = Get-RepresentativeIds $g.Root | Select-Object -First 60
        foreach ($id in $sample) {
            @(Get-EcodJobStatus -TrackingDatabase $db -ProteinId $id -History | Where-Object ToStatus -eq 'completed').Count | Should -Be 1 -Because $id
            $results = @(Get-EcodJobStatus -TrackingDatabase $db -ProteinId $id -Result)
            @($results | Where-Object IsCurrent).Count | Should -Be 1 -Because $id
            $results.Count | Should -Be $lines[$id].Count -Because "$id has one stored result per record written"
        }
    }
}

Describe 'Configuration' {
    It 'writes a commented template that reads back as the defaults, and refuses to overwrite it' {
        $path = Join-Path $TestDrive 'cfg/production.yml'
        (New-EcodConfiguration -Path $path).FullName | Should -Be $path
        (Get-Content -Raw $path) | Should -Match '#'
        $c = Get-EcodConfiguration -ConfigurationPath $path
        $c.Source | Should -Be 'ExplicitPath'
        $c.Configuration.Processing.MaxRetries | Should -Be 2
        { New-EcodConfiguration -Path $path } | Should -Throw -ExpectedMessage '*-Force*'
        New-EcodConfiguration -Path $path -Force | Should -Not -BeNullOrEmpty
    }

    It 'names the bad key: unknown key, wrong type' {
        $path = Join-Path $TestDrive 'bad.yml'
        "databse:`n  host: x`nslurm:`n  max_concurrent_jobs: lots" | Set-Content $path
        $err = { Get-EcodConfiguration -ConfigurationPath $path } | Should -Throw -PassThru
        $err.Exception.Message | Should -Match 'databse'
        $err.Exception.Message | Should -Match 'max_concurrent_jobs'
    }

    It 'follows the lookup order: ECOD_MINI_CONFIG, then ./config/production.yml, then defaults' {
        $dir = Join-Path $TestDrive 'lookup'
        New-Item -ItemType Directory -Force (Join-Path $dir 'config') | Out-Null
        "processing:`n  max_retries: 5" | Set-Content (Join-Path $dir 'config/production.yml')
        "processing:`n  max_retries: 7" | Set-Content (Join-Path $dir 'env.yml')
        $r = Invoke-FreshPwsh -WorkingDirectory $dir -Script '(Get-EcodConfiguration).Configuration.Processing.MaxRetries; $env:ECOD_MINI_CONFIG = "./env.yml"; (Get-EcodConfiguration).Configuration.Processing.MaxRetries; Remove-Item -Recurse ./config; $env:ECOD_MINI_CONFIG = $null; (Get-EcodConfiguration).Source'
        $r.ExitCode | Should -Be 0 -Because $r.Error
        ($r.Output.Trim() -split "\r?\n") | Should -Be @('5', '7', 'BuiltInDefaults')
    }

    It 'never shows the database password' {
        $env:ECODMINI_TEST_PW = 'S3cret-Value'
        try {
            $path = Join-Path $TestDrive 'pw.yml'
            "database:`n  host: dione`n  database: ecod_protein`n  user: ecod`n  password_env: ECODMINI_TEST_PW" | Set-Content $path
            $text = Get-EcodConfiguration -ConfigurationPath $path | Format-List * | Out-String
            $text += Get-EcodConfiguration -ConfigurationPath $path | ConvertTo-Json -Depth 5
            $text | Should -Not -Match 'S3cret'
            $text | Should -Match 'ECODMINI_TEST_PW'
        }
        finally { Remove-Item Env:ECODMINI_TEST_PW }
    }
}
