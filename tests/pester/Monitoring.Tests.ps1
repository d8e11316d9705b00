BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'MonitoringHelpers.ps1')
    $script:run = New-MonitoredRun -ProteinCount 240 -Broken 12
    $script:db = $run.TrackingDatabase
    $script:total = (Get-EcodProductionStatistic -TrackingDatabase $db -WarningAction SilentlyContinue).Total
}

Describe 'Get-EcodProductionAlert' {
    It 'emits no alert when every limit holds, and each alert once its limit is crossed' {
        $stats = Get-EcodProductionStatistic -TrackingDatabase $db -WarningAction SilentlyContinue
        $stats.Failed | Should -Be $run.Broken
        $failureRate = $stats.Failed / ($stats.Completed + $stats.Failed)
        $loose = @{ MaxFailureRate = $failureRate + 0.001; MaxPoorFraction = 1; MinFreeSpaceMB = 1 }
        @(Get-EcodProductionAlert -TrackingDatabase $db -Threshold $loose) | Should -HaveCount 0

        $strict = $loose.Clone(); $strict.MaxFailureRate = $failureRate - 0.001
        $alert = @(Get-EcodProductionAlert -TrackingDatabase $db -Threshold $strict)
        $alert | Should -HaveCount 1
        $alert[0].Kind.ToString() | Should -Be 'HighFailureRate'
        $alert[0].Value | Should -BeGreaterThan $alert[0].Threshold
        $alert[0].Message | Should -Match "\($($run.Broken) of $($stats.Completed + $stats.Failed) finished\)"
    }

    It 'watches free space where the outputs go' {
        $alerts = @(Get-EcodProductionAlert -TrackingDatabase $db -Threshold @{ MinFreeSpaceMB = 1e12; MaxFailureRate = 1; MaxPoorFraction = 1 })
        $disk = $alerts | Where-Object { $_.Kind.ToString() -eq 'LowDiskSpace' }
        @($disk).Count | Should -BeGreaterOrEqual 1
        $disk[0].Severity.ToString() | Should -Be 'Critical'
    }

    It 'takes limits from the configuration file' {
        $cfg = Join-Path $TestDrive 'production.yml'
        "monitoring:`n  max_failure_rate: 0.01`n  max_poor_fraction: 1`n  min_free_space_mb: 1" | Set-Content $cfg
        (@(Get-EcodProductionAlert -TrackingDatabase $db -ConfigurationPath $cfg).Kind | ForEach-Object ToString) | Should -Be @('HighFailureRate')
    }

    It 'refuses an unknown limit with a clear error' {
        { Get-EcodProductionAlert -TrackingDatabase $db -Threshold @{ MaxFailures = 3 } -ErrorAction Stop } |
            Should -Throw -ErrorId 'EcodInvalidThreshold,EcodMini.PowerShell.Cmdlets.GetEcodProductionAlertCommand'
    }
}

Describe 'Get-EcodProductionStatistic alerts' {
    It 'writes active alerts as warnings and still emits the statistics' {
        $stats = Get-EcodProductionStatistic -TrackingDatabase $db -Threshold @{ MaxFailureRate = 0.001 } -WarningVariable warnings -WarningAction SilentlyContinue
        $stats.Total | Should -Be $total
        @($warnings).Count | Should -BeGreaterOrEqual 1
        "$($warnings[0])" | Should -BeLike 'HighFailureRate: failure rate*'
    }
}

Describe 'Export-EcodReport' {
    It 'writes a JSON report with every section' {
        $path = Join-Path $TestDrive 'report.json'
        Export-EcodReport -Path $path -TrackingDatabase $db
        $report = Get-Content -Raw $path | ConvertFrom-Json
        $report.format | Should -Be 'ecodmini-production-report/1'
        @($report.PSObject.Properties.Name) | Should -Be @('format', 'generatedAt', 'trackingDatabase', 'statistics', 'timing', 'coverage',
            'domainCount', 'failures', 'retries', 'throughput', 'alerts', 'resources', 'costs', 'comparison', 'comparisonChanges', 'failureRate')
        $report.statistics.total | Should -Be $total
        $report.timing.count | Should -Be $report.statistics.completed
        $report.timing.p95Seconds | Should -BeGreaterOrEqual $report.timing.p50Seconds
        ($report.coverage.bins | ForEach-Object { $_.count } | Measure-Object -Sum).Sum | Should -Be $report.statistics.completed
        @($report.statistics.batches).Count | Should -Be 3
        $report.failures[0].count | Should -Be $run.Broken
        ($report.throughput.points | ForEach-Object { $_.completed + $_.failed } | Measure-Object -Sum).Sum | Should -Be $total
    }

    It 'changes nothing with -WhatIf and refuses to replace a file without -Force' {
        $path = Join-Path $TestDrive 'whatif.html'
        Export-EcodReport -Path $path -TrackingDatabase $db -WhatIf
        $path | Should -Not -Exist
        Set-Content $path 'keep me'
        { Export-EcodReport -Path $path -TrackingDatabase $db -ErrorAction Stop } |
            Should -Throw -ErrorId 'EcodReportExists,EcodMini.PowerShell.Cmdlets.ExportEcodReportCommand'
        Get-Content $path | Should -Be 'keep me'
        (Export-EcodReport -Path $path -TrackingDatabase $db -Force -PassThru).Length | Should -BeGreaterThan 1000
    }

    It 'names the formats it knows for any other extension' {
        { Export-EcodReport -Path (Join-Path $TestDrive 'r.pdf') -TrackingDatabase $db -ErrorAction Stop } |
            Should -Throw -ErrorId 'EcodReportFormatUnknown,EcodMini.PowerShell.Cmdlets.ExportEcodReportCommand'
    }

    It 'writes an HTML report that headless Chromium renders with every chart drawn (screenshot and PDF kept)' {
        if (Test-MissingTool chromedriver) { return }
        $html = Join-Path $TestDrive 'report.html'
        Export-EcodReport -Path $html -TrackingDatabase $db
        $browser = Start-HeadlessBrowser
        try {
            Invoke-BrowserCommand $browser -Path 'url' -Body @{ url = 'file://' + $html } | Out-Null
            $charts = Invoke-BrowserCommand $browser -Path 'execute/sync' -Body @{ args = @(); script = @'
return Array.from(document.querySelectorAll('svg.chart-svg')).map(svg => {
  const box = svg.getBoundingClientRect();
  const marks = Array.from(svg.querySelectorAll('rect, polyline, polygon, circle'))
    .filter(m => { const b = m.getBoundingClientRect(); return b.width > 0 && b.height > 0; }).length;
  return { chart: svg.dataset.chart, width: Math.round(box.width), height: Math.round(box.height), marks: marks };
});
'@ }
            @($charts.chart) | Should -Be @('status', 'throughput', 'quality', 'coverage', 'domains', 'failures', 'batches')
            foreach ($c in $charts) {
                $c.width | Should -BeGreaterThan 200 -Because "chart $($c.chart) is laid out"
                $c.height | Should -BeGreaterThan 20 -Because "chart $($c.chart) is laid out"
                $c.marks | Should -BeGreaterOrEqual 1 -Because "chart $($c.chart) draws its bars or line"
            }
            $requests = Invoke-BrowserCommand $browser -Path 'execute/sync' -Body @{ args = @(); script = "return performance.getEntriesByType('resource').length;" }
            $requests | Should -Be 0 -Because 'the report is self-contained'

            $height = Invoke-BrowserCommand $browser -Path 'execute/sync' -Body @{ args = @(); script = 'return document.documentElement.scrollHeight;' }
            Invoke-BrowserCommand $browser -Path 'window/rect' -Body @{ width = 1280; height = [int] $height + 120 } | Out-Null
            $png = Join-Path $script:TestResults 'report-chromium.png'
            [IO.File]::WriteAllBytes($png, [Convert]::FromBase64String((Invoke-BrowserCommand $browser -Method Get -Path 'screenshot')))
            (Get-Item $png).Length | Should -BeGreaterThan 20000
            $pdf = Join-Path $script:TestResults 'report-print.pdf'
            [IO.File]::WriteAllBytes($pdf, [Convert]::FromBase64String((Invoke-BrowserCommand $browser -Path 'print' -Body @{ background = $true })))
            [Text.Encoding]::ASCII.GetString([IO.File]::ReadAllBytes($pdf), 0, 5) | Should -Be '%PDF-'
            Copy-Item $html (Join-Path $script:TestResults 'report.html') -Force
        }
        finally { Stop-HeadlessBrowser $browser }
    }
}

Describe 'Monitoring a tracker the user cannot write' {
    It 'watches, alerts and reports from a database in a read-only folder as an ordinary user, changing nothing' {
        $dir = Join-Path $TestDrive 'ro'
        New-Item -ItemType Directory $dir | Out-Null
        Copy-Item $db (Join-Path $dir 'tracking.db')
        $rodb = Join-Path $dir 'tracking.db'
        $out = Join-Path $TestDrive 'ro-report.json'
        $before = (Get-FileHash $rodb).Hash
        chmod 555 $dir; chmod 444 $rodb
        try {
            $r = Invoke-FreshPwsh -AsOrdinaryUser -Script @"
(Watch-EcodProduction -TrackingDatabase '$rodb' -Count 1 -WarningAction SilentlyContinue).Total
@(Get-EcodProductionAlert -TrackingDatabase '$rodb' -Threshold @{ MaxFailureRate = 0.001 }).Count
Export-EcodReport -Path '$out' -TrackingDatabase '$rodb'
try { New-Item -ItemType File '$dir/probe' -ErrorAction Stop | Out-Null; 'writable' } catch { 'not writable' }
"@
            $r.ExitCode | Should -Be 0 -Because $r.Error
            $lines = @($r.Output.Trim() -split "\r?\n" | Where-Object { $_ -notmatch '^\d{4}-\d\d-\d\dT' })
            $lines | Should -Be @("$total", '1', 'not writable')
            (Get-Content -Raw $out | ConvertFrom-Json).statistics.total | Should -Be $total
            @(Get-ChildItem $dir).Name | Should -Be @('tracking.db')
            (Get-FileHash $rodb).Hash | Should -Be $before
        }
        finally { chmod 755 $dir; chmod 644 $rodb }
    }
}

Describe 'Watch-EcodProduction without a terminal' {
    It 'writes one plain line per refresh when redirected, with no escape codes, then the last snapshot' {
        $r = Invoke-FreshPwsh -Script "Watch-EcodProduction -TrackingDatabase '$db' -Count 2 -RefreshInterval 0.2 -WarningAction SilentlyContinue | Select-Object Total, Completed | ConvertTo-Json -Compress"
        $r.ExitCode | Should -Be 0 -Because $r.Error
        $r.Output | Should -Not -Match "`e\["
        $lines = @($r.Output -split "`n" | Where-Object { $_ -match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ ' })
        $lines | Should -HaveCount 2
        $lines[0] | Should -Match " $total/$total 100\.0% completed=\d+ failed=$($run.Broken) running=0 pending=0 rate="
        ($r.Output -split "`n" | Where-Object { $_ -like '{*' } | ConvertFrom-Json).Total | Should -Be $total
    }

    It 'stops by itself with -UntilDone once nothing is left' {
        $r = Invoke-FreshPwsh -Script "(Watch-EcodProduction -TrackingDatabase '$db' -UntilDone -RefreshInterval 0.2 -WarningAction SilentlyContinue).IsDone"
        $r.ExitCode | Should -Be 0 -Because $r.Error
        ($r.Output -split "`n")[-2].Trim() | Should -Be 'True'
    }
}
