BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:gen = New-TestBatchRoot -ProteinCount 120 -Seed 23 -BatchCount 2
    $script:root = $gen.Root
    $script:ref = $gen.ReferenceDirectory

    # Result records written by workers: every line of every archived result file below the work folders.
    function Get-ResultLines([string[]] $WorkDirectory) {
        @($WorkDirectory | Where-Object { Test-Path $_ } | ForEach-Object { Get-ChildItem (Join-Path $_ 'ingested') -Filter '*.results.jsonl' -ErrorAction SilentlyContinue } |
            ForEach-Object { Get-Content $_.FullName } | Where-Object { $_ })
    }
}

Describe 'One run per tracking database' {
    It 'runs every chain exactly once when two pipelines start on one database; the second names the first' {
        $g = New-TestBatchRoot -ProteinCount 3000 -Seed 31 -BatchCount 3
        $db = Join-Path $TestDrive 'shared.db'
        $work1 = Join-Path $TestDrive 'work-1'; $work2 = Join-Path $TestDrive 'work-2'; $work3 = Join-Path $TestDrive 'work-3'
        # keep_work_files: every result file stays in <work>/ingested/, the record of what the workers wrote.
        $keep = Join-Path $TestDrive 'keep.yml'; "execution:`n  keep_work_files: true" | Set-Content $keep
        $pipeline = { param($work, $extra) "Find-EcodProtein -BatchRoot '$($g.Root)' -RepsOnly:`$false -TrackingDatabase '$db' | Submit-EcodJob -ConfigurationPath '$keep' -ReferenceDirectory '$($g.ReferenceDirectory)' -TrackingDatabase '$db' -WorkDirectory '$work' -ThrottleLimit 1 -ChunkSize 50 $extra | Out-Null" }
        $first = Start-FreshPwsh -Script (& $pipeline $work1 '')
        $firstErr = $first.StandardError.ReadToEndAsync()
        $owner = $null
        $deadline = (Get-Date).AddSeconds(120)
        while (-not $owner -and (Get-Date) -lt $deadline -and -not $first.HasExited) {
            Start-Sleep -Milliseconds 100
            if (Test-Path $db) { $owner = try { (Get-EcodProductionStatistic -TrackingDatabase $db).ActiveRun } catch { $null } }
        }
        $owner | Should -Not -BeNullOrEmpty -Because 'the first run must hold the lease while it runs'

        $refused = Invoke-FreshPwsh -Script ('try { ' + (& $pipeline $work2 '') + ' } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }')
        $waiting = Start-FreshPwsh -Script (& $pipeline $work3 '-WaitForLease')
        $waitingErr = $waiting.StandardError.ReadToEndAsync()
        $first.WaitForExit(); $waiting.WaitForExit()

        $refused.ExitCode | Should -Be 0 -Because $refused.Error
        $refused.Output | Should -Match "in use by run $($owner.RunId) \(host $($owner.Host), pid $($owner.ProcessId)"
        $refused.Output | Should -Match 'EcodTrackerInUse,EcodMini.PowerShell.Cmdlets.SubmitEcodJobCommand'
        $first.ExitCode | Should -Be 0 -Because $firstErr.Result
        $waiting.ExitCode | Should -Be 0 -Because $waitingErr.Result
        $chains = (Get-ChildItem (Join-Path $g.Root '*/domains/*.domain_summary.xml')).Count
        $stats = Get-EcodProductionStatistic -TrackingDatabase $db
        ($stats.Total, $stats.Completed) | Should -Be @($chains, $chains)
        $stats.ActiveRun | Should -BeNullOrEmpty
        # Exactly once: the workers of all three runs wrote one record per chain in total.
        (Get-ResultLines $work1, $work2, $work3).Count | Should -Be $chains
        (Get-ResultLines $work2).Count | Should -Be 0
    }
}

Describe 'Retry policy' {
    It 'runs a chain that always fails three times with max_retries 2, respecting the doubling delay, then never again' {
        $g = New-TestBatchRoot -ProteinCount 20 -Seed 41 -BatchCount 1
        $broken = Get-ChildItem (Join-Path $g.Root '*/domains/*.domain_summary.xml') | Select-Object -First 1
        $id = ($broken.Name -split '\.')[0]
        # A transient failure (a bad summary is permanent and never retried): a folder where the output file goes.
        New-Item -ItemType Directory -Path (Join-Path $broken.Directory.Parent.FullName "mini_domains/$id.mini.domains.xml") | Out-Null
        $cfg = Join-Path $TestDrive 'retry.yml'
        "processing:`n  max_retries: 2`n  retry_delay: 1`n  reps_only: false" | Set-Content $cfg
        $db = Join-Path $TestDrive 'retry.db'
        $tasks = @(Find-EcodProtein -ConfigurationPath $cfg -BatchRoot $g.Root -SkipExisting:$false | Where-Object ProteinId -eq $id)
        $runs = foreach ($i in 1..5) {
            $r = $tasks | Submit-EcodJob -ConfigurationPath $cfg -ReferenceDirectory $g.ReferenceDirectory -TrackingDatabase $db `
                -WorkDirectory (Join-Path $TestDrive 'retry-work') -ErrorAction SilentlyContinue -WarningVariable w -WarningAction SilentlyContinue
            [pscustomobject] @{ Run = $i; Attempts = $r.AttemptCount; Warning = ($w -join ' ') }
            Start-Sleep -Milliseconds 1500
        }
        $job = Get-EcodJobStatus -TrackingDatabase $db -ProteinId $id
        ($job.Status, $job.AttemptCount, $job.RetryCount, $job.ErrorClass) | Should -Be @('failed', 3, 2, 'Transient')
        ($runs.Warning -join "`n") | Should -Match 'failed for good'
        $history = @(Get-EcodJobStatus -TrackingDatabase $db -ProteinId $id -History)
        $starts = @($history | Where-Object ToStatus -eq 'running')
        $ends = @($history | Where-Object ToStatus -eq 'failed')
        $starts.Count | Should -Be 3
        # The second attempt waits >= 1 s after the first failure, the third >= 2 s after the second.
        ([datetimeoffset]$starts[1].Time - [datetimeoffset]$ends[0].Time).TotalSeconds | Should -BeGreaterOrEqual 1
        ([datetimeoffset]$starts[2].Time - [datetimeoffset]$ends[1].Time).TotalSeconds | Should -BeGreaterOrEqual 2
        $scan = Find-EcodProtein -ConfigurationPath $cfg -BatchRoot $g.Root -SkipExisting:$false -IncludeFailed -TrackingDatabase $db -Summary -WarningAction SilentlyContinue
        $scan.RetriesExhausted | Should -Be 1
        $scan.Tasks.ProteinId | Should -Not -Contain $id
    }

    It 'defers a retry whose delay has not passed and counts it; -Force runs it and completed chains again' {
        $g = New-TestBatchRoot -ProteinCount 10 -Seed 43 -BatchCount 1
        $broken = Get-ChildItem (Join-Path $g.Root '*/domains/*.domain_summary.xml') | Select-Object -First 1
        $blocked = Join-Path $broken.Directory.Parent.FullName "mini_domains/$(($broken.Name -split '\.')[0]).mini.domains.xml"
        New-Item -ItemType Directory -Path $blocked | Out-Null  # a transient failure: the output cannot be written
        $cfg = Join-Path $TestDrive 'defer.yml'
        "processing:`n  max_retries: 5`n  retry_delay: 3600`n  reps_only: false" | Set-Content $cfg
        $db = Join-Path $TestDrive 'defer.db'; $work = Join-Path $TestDrive 'defer-work'
        $tasks = @(Find-EcodProtein -ConfigurationPath $cfg -BatchRoot $g.Root -SkipExisting:$false)
        $tasks | Submit-EcodJob -ConfigurationPath $cfg -ReferenceDirectory $g.ReferenceDirectory -TrackingDatabase $db -WorkDirectory $work -ErrorAction SilentlyContinue | Out-Null
        $scan = Find-EcodProtein -ConfigurationPath $cfg -BatchRoot $g.Root -SkipExisting:$false -IncludeFailed -TrackingDatabase $db -Summary
        $scan.RetryNotDue | Should -Be 1
        $v = $tasks | Submit-EcodJob -ConfigurationPath $cfg -ReferenceDirectory $g.ReferenceDirectory -TrackingDatabase $db -WorkDirectory $work -Verbose -ErrorAction SilentlyContinue -WarningAction SilentlyContinue 4>&1
        (($v | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n") | Should -Match '9 already completed \(not run again\), 1 deferred'
        $forced = @(Get-EcodJobStatus -TrackingDatabase $db | Submit-EcodJob -ConfigurationPath $cfg -Force -ReferenceDirectory $g.ReferenceDirectory -TrackingDatabase $db -WorkDirectory $work -ErrorAction SilentlyContinue)
        $forced.Count | Should -Be 10
        @($forced | Where-Object AttemptCount -eq 2).Count | Should -Be 10
        @(Get-EcodJobStatus -TrackingDatabase $db -ProteinId $forced[1].ProteinId -Result | Where-Object IsCurrent).Count | Should -Be 1
    }
}

Describe 'Readers that only read' {
    It 'reads status, statistics and scans from a database in a read-only folder as an ordinary user' {
        $dir = Join-Path $TestDrive 'ro'
        $db = Join-Path $dir 'tracking.db'
        Find-EcodProtein -BatchRoot $root -RepsOnly:$false -SkipExisting:$false | Submit-EcodJob -ReferenceDirectory $ref -TrackingDatabase $db -WorkDirectory (Join-Path $TestDrive 'ro-work') | Out-Null
        chmod 555 $dir; chmod 444 $db
        try {
            $r = Invoke-FreshPwsh -AsOrdinaryUser -Script @"
(Get-EcodJobStatus -TrackingDatabase '$db' | Measure-Object).Count
(Get-EcodProductionStatistic -TrackingDatabase '$db').Completed
(Get-EcodProductionStatistic -TrackingDatabase '$db' -ByBatch | Measure-Object).Count
(Find-EcodProtein -BatchRoot '$root' -RepsOnly:`$false -SkipExisting:`$false -IncludeFailed -TrackingDatabase '$db' | Measure-Object).Count
try { New-Item -ItemType File '$dir/probe' -ErrorAction Stop | Out-Null; 'writable' } catch { 'not writable' }
"@
            $r.ExitCode | Should -Be 0 -Because $r.Error
            ($r.Output.Trim() -split "\r?\n") | Should -Be @('120', '120', '2', '120', 'not writable')
            @(Get-ChildItem $dir).Name | Should -Be @('tracking.db')
        }
        finally { chmod 755 $dir; chmod 644 $db }
    }
}

Describe 'Errors the user can cause' {
    It 'refuses a writer on a read-only tracking database with EcodTrackerReadOnly, and a read-only work folder with EcodWorkDirectoryNotWritable' {
        $dir = Join-Path $TestDrive 'rw'; $db = Join-Path $dir 'tracking.db'; $work = Join-Path $TestDrive 'ro-work-folder'
        Find-EcodProtein -BatchRoot $root -RepsOnly:$false -SkipExisting:$false -MaxProteins 3 | Submit-EcodJob -ReferenceDirectory $ref -TrackingDatabase $db -WorkDirectory (Join-Path $TestDrive 'w0') | Out-Null
        New-Item -ItemType Directory $work | Out-Null
        chmod 444 $db; chmod 555 $work
        try {
            $r = Invoke-FreshPwsh -AsOrdinaryUser -Script @"
`$t = @(Find-EcodProtein -BatchRoot '$root' -RepsOnly:`$false -SkipExisting:`$false -MaxProteins 3)
try { `$t | Submit-EcodJob -ReferenceDirectory '$ref' -TrackingDatabase '$db' -WorkDirectory '$(Join-Path $TestDrive 'w1')' } catch { `$_.FullyQualifiedErrorId; `$_.TargetObject; `$_.Exception.Message }
try { `$t | Submit-EcodJob -ReferenceDirectory '$ref' -TrackingDatabase '$(Join-Path $TestDrive 'fresh.db')' -WorkDirectory '$work' } catch { `$_.FullyQualifiedErrorId; `$_.Exception.Message }
"@
            $r.ExitCode | Should -Be 0 -Because $r.Error
            $lines = $r.Output.Trim() -split "\r?\n"
            $lines[0] | Should -Be 'EcodTrackerReadOnly,EcodMini.PowerShell.Cmdlets.SubmitEcodJobCommand'
            $lines[1] | Should -Be $db
            $lines[2] | Should -Match ([regex]::Escape($db))
            $lines[3] | Should -Be 'EcodWorkDirectoryNotWritable,EcodMini.PowerShell.Cmdlets.SubmitEcodJobCommand'
            $lines[4] | Should -Match ([regex]::Escape($work))
            $r.Output | Should -Not -Match '   at '
            Join-Path $TestDrive 'fresh.db' | Should -Not -Exist
        }
        finally { chmod 644 $db; chmod 755 $work }
    }

    It 'checks the reference data before marking anything (EcodReferenceDataInvalid), the tracker unchanged' {
        $db = Join-Path $TestDrive 'noref.db'
        $empty = Join-Path $TestDrive 'empty-reference'; New-Item -ItemType Directory $empty | Out-Null
        $err = { Find-EcodProtein -BatchRoot $root -RepsOnly:$false -SkipExisting:$false -MaxProteins 3 | Submit-EcodJob -ReferenceDirectory $empty -TrackingDatabase $db -WorkDirectory (Join-Path $TestDrive 'nr') } |
            Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Be 'EcodReferenceDataInvalid,EcodMini.PowerShell.Cmdlets.SubmitEcodJobCommand'
        $err.Exception.Message | Should -Match 'domain_definitions.csv|reference'
        $db | Should -Not -Exist
    }

    It 'refuses an unrelated SQLite file as tracking database and leaves it untouched' {
        $other = Join-Path $TestDrive 'other.db'
        & sqlite3 $other 'CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL); INSERT INTO invoices (amount) VALUES (1.5);'
        $LASTEXITCODE | Should -Be 0
        $hash = (Get-FileHash $other).Hash
        $err = { Find-EcodProtein -BatchRoot $root -SkipExisting:$false -MaxProteins 2 | Submit-EcodJob -ReferenceDirectory $ref -TrackingDatabase $other -WorkDirectory (Join-Path $TestDrive 'ow') } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Be 'EcodTrackerNotTrackingDatabase,EcodMini.PowerShell.Cmdlets.SubmitEcodJobCommand'
        $err.TargetObject | Should -Be $other
        $err2 = { Get-EcodJobStatus -TrackingDatabase $other } | Should -Throw -PassThru
        $err2.FullyQualifiedErrorId | Should -Be 'EcodTrackerNotTrackingDatabase,EcodMini.PowerShell.Cmdlets.GetEcodJobStatusCommand'
        (Get-FileHash $other).Hash | Should -Be $hash
        (& sqlite3 $other "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table';") | Should -Be 1
    }

    It 'reports a comparison reference folder without partitions with EcodComparisonInputInvalid' {
        $folder = Join-Path $TestDrive 'no-partitions'; New-Item -ItemType Directory $folder | Out-Null
        $err = { Compare-EcodPartition -Reference $folder -Partition $folder } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Be 'EcodComparisonInputInvalid,EcodMini.PowerShell.Cmdlets.CompareEcodPartitionCommand'
        $err.Exception.Message | Should -Match ([regex]::Escape($folder))
    }

    It 'binds a job object piped into Invoke-EcodPartition by its SummaryPath, and reports an object without one per item' {
        $db = Join-Path $TestDrive 'bind.db'
        Find-EcodProtein -BatchRoot $root -RepsOnly:$false -SkipExisting:$false -MaxProteins 2 | Submit-EcodJob -ReferenceDirectory $ref -TrackingDatabase $db -WorkDirectory (Join-Path $TestDrive 'bw') | Out-Null
        $out = Join-Path $TestDrive 'from-jobs'
        $results = @(Get-EcodJobStatus -TrackingDatabase $db | Invoke-EcodPartition -ReferenceDirectory $ref -OutputDirectory $out)
        $results.Count | Should -Be 2
        $events = @(Get-EcodJobStatus -TrackingDatabase $db -ProteinId $results[0].ProteinId -History)
        $events[0] | Invoke-EcodPartition -ReferenceDirectory $ref -OutputDirectory $out -ErrorVariable bad -ErrorAction SilentlyContinue
        $bad.Count | Should -Be 1
        $bad[0].FullyQualifiedErrorId | Should -Be 'EcodInvalidSummaryPath,EcodMini.PowerShell.Cmdlets.InvokeEcodPartitionCommand'
    }
}

Describe 'Configuration paths and sections' {
    It 'takes relative paths from the configuration file folder, wherever the run starts' {
        $project = Join-Path $TestDrive 'project'
        New-Item -ItemType Directory (Join-Path $project 'config'), (Join-Path $TestDrive 'elsewhere') -Force | Out-Null
        "paths:`n  tracking_db: ../state/tracking.db`n  batch_base_dir: $root`n  reference_dir: $ref`n  work_dir: ../state/work`nprocessing:`n  reps_only: false`n  skip_existing: false`ndatabase:`n  host: dione" |
            Set-Content (Join-Path $project 'config/production.yml')
        $r = Invoke-FreshPwsh -WorkingDirectory (Join-Path $TestDrive 'elsewhere') -Script "Find-EcodProtein -ConfigurationPath '$project/config/production.yml' -MaxProteins 4 | Submit-EcodJob -ConfigurationPath '$project/config/production.yml' | Out-Null; (Get-EcodConfiguration -ConfigurationPath '$project/config/production.yml').Configuration.Database.Database"
        $r.ExitCode | Should -Be 0 -Because $r.Error
        $r.Output.Trim() | Should -Be 'ecod_protein'
        Join-Path $project 'state/tracking.db' | Should -Exist
        (Get-EcodProductionStatistic -TrackingDatabase (Join-Path $project 'state/tracking.db')).Completed | Should -Be 4
        Join-Path $TestDrive 'elsewhere/ecod-mini' | Should -Not -Exist
    }
}
