# Issue 19 (the run explains itself): the review's steps on the packaged module, as a new user on a head node would
# take them. Items 1, 2, 7, 9, 10 and 11; a real local HTTP listener receives the notifications.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'DatabaseHelpers.ps1')
    $script:pgSkip = Get-PgSkip
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'DatabaseHelpers.ps1')
    . (Join-Path $PSScriptRoot 'NotifyHelpers.ps1')
    $script:savedXdg = $env:XDG_STATE_HOME
    $env:XDG_STATE_HOME = Join-Path $TestDrive 'xdg-state'
}

AfterAll { $env:XDG_STATE_HOME = $script:savedXdg }

Describe 'Item 1: a finished run keeps its throughput' {
    BeforeAll {
        $script:gen = New-TestBatchRoot -ProteinCount 30 -Seed 19 -BatchCount 1
        $script:db = Join-Path $TestDrive 'throughput.db'
        $script:jobs = @(Find-EcodProtein -BatchRoot $gen.Root -TrackingDatabase $db |
            Submit-EcodJob -Executor Local -ReferenceDirectory $gen.ReferenceDirectory -TrackingDatabase $db -WorkDirectory (Join-Path $TestDrive 'w1') -Confirm:$false)
    }

    It 'is completed / (last completion - first start), to the millisecond, and does not decay afterwards' {
        $done = @(Get-EcodJobStatus -TrackingDatabase $db -Status completed)
        $done.Count | Should -BeGreaterThan 0
        $first = ($done | Measure-Object -Property StartTime -Minimum).Minimum
        $last = ($done | Measure-Object -Property EndTime -Maximum).Maximum
        $expected = $done.Count / ([datetimeoffset] $last - [datetimeoffset] $first).TotalHours
        $stats = Get-EcodProductionStatistic -TrackingDatabase $db -WarningAction SilentlyContinue
        $stats.IsFinished | Should -BeTrue
        $stats.ThroughputPerHour | Should -BeGreaterThan 0
        [math]::Abs($stats.ThroughputPerHour - $expected) / $expected | Should -BeLessThan 0.001
        $stats.OverallThroughputPerHour | Should -Be $stats.ThroughputPerHour
        Start-Sleep -Seconds 2
        (Get-EcodProductionStatistic -TrackingDatabase $db -WarningAction SilentlyContinue).ThroughputPerHour | Should -Be $stats.ThroughputPerHour
    }

    It 'shows overall and recent in the statistics view and on the dashboard line' {
        $text = Get-EcodProductionStatistic -TrackingDatabase $db -WarningAction SilentlyContinue | Out-String -Width 120
        $text | Should -Match 'ThroughputPerHour\s+:\s+[\d,.]+ \(finished run: overall\)'
        $text | Should -Match 'OverallThroughputPerHour\s+:'
        $text | Should -Match 'RecentThroughputPerHour\s+:'
        $line = Watch-EcodProduction -TrackingDatabase $db -Count 1 -Plain -RefreshInterval 0.2 6>&1 -WarningAction SilentlyContinue |
            Where-Object { $_ -is [System.Management.Automation.InformationRecord] } | Select-Object -First 1
        "$line" | Should -Match ' rate=[\d,.]+/h overall=[\d,.]+/h recent=[\d,.]+/h '
        "$line" | Should -Not -Match ' rate=0/h'
    }
}

Describe 'Item 2: a configuration from New-EcodConfiguration works from any folder' {
    It 'config/production.yml names ../batches; Find-EcodProtein and Submit-EcodJob from another folder use the project''s folders' {
        $project = Join-Path $TestDrive 'project'
        New-Item -ItemType Directory -Path $project | Out-Null
        Push-Location $project
        try {
            New-EcodConfiguration | Out-Null
            New-EcodSyntheticBatch -Path ./batches -ProteinCount 12 -Seed 5 -BatchCount 1 | Out-Null
        }
        finally { Pop-Location }
        $cfg = Join-Path $project 'config/production.yml'
        (Get-Content -Raw $cfg) | Should -Match 'batch_base_dir: \.\./batches '
        $elsewhere = Join-Path $TestDrive 'elsewhere'
        New-Item -ItemType Directory -Path $elsewhere | Out-Null
        Push-Location $elsewhere
        try {
            $found = @(Find-EcodProtein -ConfigurationPath $cfg)
            $found.Count | Should -BeGreaterThan 0
            $jobs = @($found | Submit-EcodJob -Executor Local -ConfigurationPath $cfg -Confirm:$false)
            @($jobs | Where-Object Status -eq 'completed').Count | Should -Be $found.Count
            $paths = (Get-EcodConfiguration -ConfigurationPath $cfg).Paths
            ($paths | Where-Object Key -eq 'paths.batch_base_dir').Resolved | Should -Be (Join-Path $project 'batches')
            ($paths | Where-Object Key -eq 'paths.tracking_db').Exists | Should -BeTrue
            ($paths | Where-Object Key -eq 'paths.tracking_db').Resolved | Should -Be (Join-Path $project 'ecod-mini/tracking.db')
            @(Get-ChildItem $elsewhere).Count | Should -Be 0 -Because 'nothing is written in the current folder'
            $view = Get-EcodConfiguration -ConfigurationPath $cfg | Out-String -Width 200
            $view | Should -Match ([regex]::Escape("batch_base_dir = ../batches -> $(Join-Path $project 'batches') (exists)"))
        }
        finally { Pop-Location }
    }
}

Describe 'Item 11: a run tells a real webhook when it finishes' {
    BeforeAll { $script:hook = Start-WebhookSink }
    AfterAll { Stop-Sink $hook }

    It 'Submit-EcodJob POSTs run_finished with the run id, counts, success rate and duration' {
        $gen = New-TestBatchRoot -ProteinCount 8 -Seed 23 -BatchCount 1
        $dir = Join-Path $TestDrive 'notify-run'
        New-Item -ItemType Directory -Path $dir | Out-Null
        $cfg = Join-Path $dir 'production.yml'
        @('paths:', "  batch_base_dir: $($gen.Root)", "  reference_dir: $($gen.ReferenceDirectory)", 'processing:', '  reps_only: false',
          'notify:', "  webhook_url: $($hook.Url)") | Set-Content $cfg
        $jobs = @(Find-EcodProtein -ConfigurationPath $cfg | Submit-EcodJob -Executor Local -ConfigurationPath $cfg -Confirm:$false -Verbose 4>&1)
        ($jobs | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | Out-String) | Should -Match 'Notified \(RunFinished\) by webhook'
        $records = @($jobs | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $json = (Receive-SinkItem $hook).Body | ConvertFrom-Json
        $json.event | Should -Be 'run_finished'
        $json.run_id | Should -Match '\S'
        $json.counts.total | Should -Be $records.Count
        $json.counts.completed | Should -Be @($records | Where-Object Status -eq 'completed').Count
        $json.success_rate | Should -BeGreaterThan 0
        $json.duration_seconds | Should -BeGreaterThan 0
        $json.text | Should -Match 'finished'
        @($json.alerts).Count | Should -BeGreaterOrEqual 0
        Start-Sleep -Milliseconds 500
        @(Receive-SinkItems $hook | Where-Object { ($_.Body | ConvertFrom-Json).event -eq 'run_finished' }).Count | Should -Be 0 -Because 'one message per run end'
    }

    It 'Send-EcodNotification -WhatIf sends nothing' {
        $cfg = Join-Path $TestDrive 'whatif.yml'
        @('notify:', "  webhook_url: $($hook.Url)") | Set-Content $cfg
        Send-EcodNotification -Test -ConfigurationPath $cfg -WhatIf | Should -BeNullOrEmpty
        Start-Sleep -Milliseconds 500
        @(Receive-SinkItems $hook).Count | Should -Be 0
    }

    It 'Send-EcodNotification without a notify: channel is an error naming the section' {
        $cfg = Join-Path $TestDrive 'none.yml'
        'processing:' | Set-Content $cfg
        { Send-EcodNotification -Test -ConfigurationPath $cfg -ErrorAction Stop } | Should -Throw -ExpectedMessage '*notify:*'
    }
}

Describe 'Item 3: views keep their meaning at 80 and 120 columns' {
    BeforeAll {
        $script:gen3 = New-TestBatchRoot -ProteinCount 6 -Seed 31 -BatchCount 1
        $script:broken = Get-ChildItem (Join-Path $gen3.Root '*/domains/*.domain_summary.xml') | Select-Object -First 1
        Set-Content -Path $broken.FullName -Value '<domain_summary><broken'
        $script:db3 = Join-Path $TestDrive 'views3.db'
        $null = Find-EcodProtein -BatchRoot $gen3.Root -RepsOnly:$false -TrackingDatabase $db3 |
            Submit-EcodJob -ReferenceDirectory $gen3.ReferenceDirectory -TrackingDatabase $db3 -WorkDirectory (Join-Path $TestDrive 'w3') -Confirm:$false -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $script:failed = @(Get-EcodJobStatus -TrackingDatabase $db3 -Status failed)
    }

    It 'shows protein, attempts, error class and the error''s first line of a failed job; more of it at 120 columns' {
        $failed.Count | Should -Be 1
        $narrow = ($failed | Format-Table | Out-String -Width 80) -split "`r?`n" | Where-Object { $_.Trim() }
        $narrow[0] | Should -Match '^ProteinId\s+Batch\s+Status\s+Att\s+Dom\s+Cov\s+Class\s+Error'
        $narrow[2] | Should -Match "^$([regex]::Escape($failed[0].ProteinId))\s+\S+\s+failed\s+1\b.*malformed XML"
        $wide = ($failed | Format-Table | Out-String -Width 120) -split "`r?`n" | Where-Object { $_.Trim() }
        $wide | ForEach-Object { $_.Length | Should -BeLessOrEqual 120 }
        $errorAt = $wide[0].IndexOf('Error')
        $wide[2].Substring($errorAt).Trim().Length | Should -BeGreaterThan 40 -Because 'the error column takes the room a wider screen gives'
    }

    It 'shows the whole error, with its file, in the list view' {
        $list = $failed | Format-List | Out-String -Width 200
        $list | Should -Match ([regex]::Escape($broken.FullName))
        $list | Should -Match 'AttemptCount\s+: 1'
        $list | Should -Match 'ErrorClass'
    }
}

Describe 'Item 7: the dashboard before the first submission' {
    It 'says there are no runs yet and how to start one, instead of failing' {
        $missing = Join-Path $TestDrive 'not-yet/tracking.db'
        $records = @(Watch-EcodProduction -TrackingDatabase $missing -Count 2 -Plain -RefreshInterval 0.2 6>&1)
        $lines = @($records | Where-Object { $_ -is [System.Management.Automation.InformationRecord] } | ForEach-Object { "$_" })
        $lines.Count | Should -Be 2
        $lines[0] | Should -Match 'no runs yet in .*not-yet/tracking\.db: start one with Find-EcodProtein -BatchRoot <batches> \| Submit-EcodJob'
        $snapshot = $records | Where-Object { $_ -isnot [System.Management.Automation.InformationRecord] } | Select-Object -Last 1
        $snapshot.NoRunsYet | Should -BeTrue
        Test-Path $missing | Should -BeFalse -Because 'watching never creates the tracker'
    }
}

Describe 'Item 10: each part of finding 10' {
    BeforeAll {
        $script:gen10 = New-TestBatchRoot -ProteinCount 4 -Seed 37 -BatchCount 1
        $script:db10 = Join-Path $TestDrive 'finding10.db'
        $null = Find-EcodProtein -BatchRoot $gen10.Root -RepsOnly:$false -TrackingDatabase $db10 |
            Submit-EcodJob -ReferenceDirectory $gen10.ReferenceDirectory -TrackingDatabase $db10 -WorkDirectory (Join-Path $TestDrive 'w10a') -Confirm:$false
    }

    It '-Threshold takes production.yml''s snake_case names as well as PascalCase, durations in seconds' {
        $db = $db10
        $snake = Get-EcodProductionAlert -TrackingDatabase $db -Threshold @{ max_failure_rate = 0.5; min_sample = 1; max_heartbeat_age = 60 } -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | Out-String
        $snake | Should -Match 'MaxFailureRate=0.5'
        $snake | Should -Match 'MinimumSample=1'
        $snake | Should -Match 'MaxHeartbeatAge=00:01:00'
        $pascal = Get-EcodProductionAlert -TrackingDatabase $db -Threshold @{ MaxFailureRate = 0.5 } -Verbose 4>&1 | Out-String
        $pascal | Should -Match 'MaxFailureRate=0.5'
        { Get-EcodProductionAlert -TrackingDatabase $db -Threshold @{ max_failure = 1 } -ErrorAction Stop } |
            Should -Throw -ExpectedMessage '*max_failure_rate*'
    }

    It 'names the owner and -WaitForLease when the tracker is in use' {
        $db = Join-Path $TestDrive 'leased.db'
        $genL = New-TestBatchRoot -ProteinCount 4 -Seed 43 -BatchCount 1
        $tasks = @(Find-EcodProtein -BatchRoot $genL.Root -RepsOnly:$false -TrackingDatabase $db)
        $tasks.Count | Should -BeGreaterThan 0
        $null = $tasks | Submit-EcodJob -ReferenceDirectory $genL.ReferenceDirectory -TrackingDatabase $db -WorkDirectory (Join-Path $TestDrive 'w10') -Confirm:$false
        $now = [DateTime]::UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'")
        $out = & sqlite3 $db "INSERT OR REPLACE INTO tracker_lease (id, run_id, host, pid, process_start, acquired_at, heartbeat_at) VALUES (1, 'run-holder', '$([Environment]::MachineName)', $PID, NULL, '$now', '$now');" 2>&1
        $LASTEXITCODE | Should -Be 0 -Because "sqlite3: $out"
        $err = { $tasks | Submit-EcodJob -ReferenceDirectory $genL.ReferenceDirectory -TrackingDatabase $db -WorkDirectory (Join-Path $TestDrive 'w10b') -Force -Confirm:$false -ErrorAction Stop } |
            Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Match '^EcodTrackerInUse'
        "$err" | Should -Match 'run-holder'
        "$err" | Should -Match '-WaitForLease'
    }

    It 'warns, naming the file, when a chain''s raw chain BLAST is unusable during a run' {
        $gen11 = New-TestBatchRoot -ProteinCount 4 -Seed 41 -BatchCount 1
        $summary = Get-ChildItem (Join-Path $gen11.Root '*/domains/*.domain_summary.xml') | Select-Object -First 1
        $protein = ($summary.Name -split '\.')[0]
        $blast = Get-ChildItem (Join-Path $gen11.Root '*/blast/*.chain.blast.xml') -ErrorAction SilentlyContinue |
            Where-Object Name -like "$protein*" | Select-Object -First 1
        if (-not $blast) { Set-ItResult -Inconclusive -Because 'the generated batch has no raw chain BLAST file for this chain'; return }
        Set-Content -Path $blast.FullName -Value '<BlastOutput><broken'
        $db = Join-Path $TestDrive 'blastwarn.db'
        $null = Find-EcodProtein -BatchRoot $gen11.Root -RepsOnly:$false -TrackingDatabase $db |
            Submit-EcodJob -ReferenceDirectory $gen11.ReferenceDirectory -TrackingDatabase $db -WorkDirectory (Join-Path $TestDrive 'w11') -Confirm:$false -WarningVariable warnings -WarningAction SilentlyContinue
        @($warnings | Where-Object { "$_" -like "$($protein): *$($blast.Name)*" }).Count | Should -Be 1
    }

    It 'Initialize-EcodDatabase -WhatIf lists exactly the tables the initializer then creates' -Skip:$pgSkip {
        Assert-PgConfigured
        $name = New-PgTestDatabase
        try {
            $cfg = Join-Path $TestDrive 'pg-whatif.yml'
            New-PgTestConfiguration -Path $cfg -Database $name
            # What-if lines go to the host: read them from a fresh pwsh's output.
            $whatIf = (Invoke-FreshPwsh -Script "Initialize-EcodDatabase -ConfigurationPath '$cfg' -WhatIf").Output
            # One "What if" line per change: each table it would create is named on its own line.
            $listed = @([regex]::Matches("$whatIf", 'Create table ([A-Za-z0-9_.]+)') | ForEach-Object { $_.Groups[1].Value })
            $listed.Count | Should -BeGreaterThan 5 -Because "$whatIf"
            Invoke-PgSql -Database $name -Sql "SELECT count(*) FROM information_schema.tables WHERE table_schema IN ('ecod_schema', 'pdb_analysis')" |
                Should -Be '0' -Because '-WhatIf creates nothing'
            $result = Initialize-EcodDatabase -ConfigurationPath $cfg -Confirm:$false
            ($listed | Sort-Object) | Should -Be ($result.CreatedTables | Sort-Object)
            Invoke-PgSql -Database $name -Sql "SELECT count(*) FROM information_schema.tables WHERE table_schema IN ('ecod_schema', 'pdb_analysis') AND table_type = 'BASE TABLE'" |
                Should -Be "$($listed.Count)"
        }
        finally { Remove-PgTestDatabase $name }
    }
}

Describe 'Item 9: help' {
    It 'shows -WhatIf and -Confirm in SYNTAX and real defaults, including configuration ones' {
        $syntax = Get-Help Submit-EcodJob | Out-String -Width 250
        $syntax | Should -Match '\[-WhatIf\]'
        $syntax | Should -Match '\[-Confirm\]'
        (Get-Help Get-EcodProductionStatistic -Parameter TrackingDatabase).defaultValue | Should -Match 'paths\.tracking_db'
        (Get-Help Get-EcodProductionStatistic -Parameter WindowMinutes).defaultValue | Should -Be '15'
        (Get-Help New-EcodConfiguration -Parameter Path).defaultValue | Should -Match 'production\.yml'
        (Get-Help New-EcodConfiguration -Parameter Force).defaultValue | Should -Be 'False'
    }

    It 'renders the -Noise table of New-EcodSyntheticBatch row by row' {
        $text = Get-Help New-EcodSyntheticBatch -Full | Out-String -Width 200
        $text | Should -Match '(?m)^\s+BoundaryNoise\s+3\s+6\s+6\s+largest shift'
        $text | Should -Match '(?m)^\s+LargeBoundaryNoise\s+0\s+18\s+18\s+'
    }
}
