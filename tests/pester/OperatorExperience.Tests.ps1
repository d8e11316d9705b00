# Issue 19 (the run explains itself): the review's steps on the packaged module, as a new user on a head node would
# take them. Items 1, 2, 7, 9, 10 and 11; a real local HTTP listener receives the notifications.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
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
