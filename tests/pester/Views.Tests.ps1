# Default table views fit an 80-column terminal (issue 12 item 5): every table view in EcodMini.format.ps1xml,
# rendered with long ids, paths and multi-line errors, keeps every line within 80 characters.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:long = 'x' * 120
    $script:path = '/very/long/cluster/scratch/folder/for/the/ecod/production/run/' + ('deeper/' * 8) + 'ecod_batch_001_20230915_1938'
    $script:error3 = "/data/ecod/batches/ecod_batch_001_20230915_1938/domains/1abc_A.develop291.domain_summary.xml: malformed XML at line 1: Unexpected end of file has occurred.`nsecond line of the error`nthird line"
    $script:batch = 'ecod_batch_001_20230915_1938_with_a_much_longer_suffix'
    $script:when = '2026-12-01T02:50:48.570Z'
    function New-Sample([string] $Type, [hashtable] $Values) {
        $o = [pscustomobject] $Values
        $o.PSObject.TypeNames.Insert(0, $Type)
        $o
    }
    $range = [pscustomobject] @{ Text = '10-120,300-340' } | Add-Member -MemberType ScriptMethod -Name ToString -Value { $this.Text } -Force -PassThru
    $quality = [pscustomobject] @{ Good = 12345; Questionable = 2345; Poor = 345 }
    $script:samples = @{
        'EcodMini.Core.Slurm.Preflight.ClusterCheckResult'  = New-Sample 'EcodMini.Core.Slurm.Preflight.ClusterCheckResult' @{ Check = 'folders visible from a compute node'; Status = 'Warning'; Detail = $error3; Fix = $error3 }
        'EcodMini.Core.Execution.StopReport'                = New-Sample 'EcodMini.Core.Execution.StopReport' @{ StoppedCount = 40000; Cancelled = @(1..3); Requested = @(1..3); AlreadyEnded = @(1..3); NotRunning = @(1..3); ExecutorJobs = @('123_4') }
        'EcodMini.Core.RunComparison.ChainChange'           = New-Sample 'EcodMini.Core.RunComparison.ChainChange' @{ ProteinId = $long; BatchName = $batch; Kind = 'ClassificationChanged'; DomainsBefore = 12; DomainsAfter = 13; LargestShift = 1234; QualityBefore = 'questionable'; QualityAfter = 'good'; Changes = @('DomainCountChanged', 'BoundaryShift') }
        'EcodMini.Core.Costs.RunCost'                       = New-Sample 'EcodMini.Core.Costs.RunCost' @{ RunId = '20261206T233706-6203c5ef'; Estimate = [pscustomobject] @{ Chains = 40000; CoreHours = 1234.5; WallTime = [timespan]::FromHours(30) }; ChainsFinished = 40000; ActualCoreHours = 1234.5; ActualWallTime = [timespan]::FromHours(31); ActualSource = 'sacct' }
        'EcodMini.Core.Model.PartitionResult'               = New-Sample 'EcodMini.Core.Model.PartitionResult' @{ ProteinId = $long; SequenceLength = 123456; DomainCount = 12345; Coverage = 0.987; Domains = @(1..9 | ForEach-Object { [pscustomobject] @{ Range = $range } }); ElapsedMs = 98765.4; Success = $true }
        'EcodMini.Core.Model.PartitionDomain'               = New-Sample 'EcodMini.Core.Model.PartitionDomain' @{ Id = $long; Range = $range; Size = 12345; EcodDomainId = $long; TGroup = '1234.5.6.7'; Source = 'chain_blast_decomposed'; Confidence = 0.95 }
        'EcodMini.Core.Scanning.ProteinTask'                = New-Sample 'EcodMini.Core.Scanning.ProteinTask' @{ ProteinId = $long; BatchName = $batch; Priority = 12345678; RetryCount = 3; PreviousStatus = 'cancelled'; IsRepresentative = $true; BlastPath = $path; SummaryPath = $path }
        'EcodMini.Core.Tracking.JobRecord'                  = New-Sample 'EcodMini.Core.Tracking.JobRecord' @{ ProteinId = $long; BatchName = $batch; Status = 'completed'; RetryCount = 12; DomainCount = 123; Coverage = 1.0; EndTime = $when; Error = $error3 }
        'EcodMini.Core.Monitoring.BatchStatistics'          = New-Sample 'EcodMini.Core.Monitoring.BatchStatistics' @{ BatchName = $batch; Total = 40000; Pending = 40000; Running = 40000; Completed = 40000; Failed = 40000; PercentDone = 100; MeanCoverage = 0.9; Quality = $quality }
        'EcodMini.Core.Tracking.JobEvent'                   = New-Sample 'EcodMini.Core.Tracking.JobEvent' @{ Time = $when; ProteinId = $long; BatchName = $batch; FromStatus = 'submitted'; ToStatus = 'cancelled'; RetryCount = 12; Detail = $error3 }
        'EcodMini.Core.Tracking.StoredResult'               = New-Sample 'EcodMini.Core.Tracking.StoredResult' @{ ProteinId = $long; BatchName = $batch; Status = 'completed'; DomainCount = 123; Coverage = 1.0; ProcessingSeconds = 123.456; QualityFlags = @(1..5 | ForEach-Object { [pscustomobject] @{ FlagType = 'length_estimated' } }) }
        'EcodMini.Core.Evaluation.ChainComparison'          = New-Sample 'EcodMini.Core.Evaluation.ChainComparison' @{ ProteinId = $long; Status = 'unparseable'; Category = 'discontinuous_multi'; ReferenceDomains = 12; PredictedDomains = 12; DomainsFound = 12; BoundaryAccuracy = 1.0; PredictedCoverage = 1.0; OverSplit = $false; UnderSplit = $true }
        'EcodMini.Synthetic.SyntheticBatchInfo'        = New-Sample 'EcodMini.Synthetic.SyntheticBatchInfo' @{ ProteinCount = 1234567; RepresentativeCount = 1234567; BatchDirectories = @(1..3); Elapsed = [timespan]::FromSeconds(12345.6); Root = $path }
        'EcodMini.Core.Monitoring.Alerts.ProductionAlert'   = New-Sample 'EcodMini.Core.Monitoring.Alerts.ProductionAlert' @{ Severity = 'critical'; Kind = 'FailureRateHighAndMore'; Message = $error3 }
        'EcodMini.Core.Monitoring.Dashboard.DashboardSnapshot' = New-Sample 'EcodMini.Core.Monitoring.Dashboard.DashboardSnapshot' @{ TakenAt = [datetimeoffset] $when; FinishedFraction = 1.0; Total = 40000; Completed = 40000; Failed = 40000; Running = 40000; Pending = 40000; ThroughputPerHour = 1234567; Alerts = @(1..4 | ForEach-Object { [pscustomobject] @{ Kind = 'FailureRateHigh' } }) }
        'EcodMini.Core.Database.ImportSummary'              = New-Sample 'EcodMini.Core.Database.ImportSummary' @{ Attempted = 40000; Imported = 40000; Skipped = 40000; Filtered = 40000; Failed = 40000; Collisions = 40000; Domains = 123456; Seconds = 1234.5; CollisionCheckOnly = $false; DryRun = $true; CollisionStrategy = 'Replace'; Database = $long }
        'EcodMini.Core.Database.ProteinImportRecord'        = New-Sample 'EcodMini.Core.Database.ProteinImportRecord' @{ ProteinId = $long; BatchName = $batch; DryRun = $true; Action = 'AlreadyImported'; QualityGrade = 'questionable'; DomainCount = 12; ProcessVersion = 'mini_1.2.3'; PartitionProteinId = 1234567; Message = $error3 }
        'EcodMini.Core.Database.ImportMismatch'             = New-Sample 'EcodMini.Core.Database.ImportMismatch' @{ ProteinId = $long; BatchName = $batch; Table = 'partition_proteins'; DomainNumber = 123; Field = 'coverage_fraction_of_chain'; Expected = $error3; Actual = $long }
    }
    [xml] $format = Get-Content -Raw (Join-Path (Get-EcodModulePath) 'EcodMini.format.ps1xml')
    $script:tableTypes = @($format.Configuration.ViewDefinitions.View | Where-Object { $_.TableControl } | ForEach-Object { $_.ViewSelectedBy.TypeName })
}

Describe 'Table views at 80 columns' {
    It 'has a long-value sample for every table view of the module' {
        $tableTypes.Count | Should -BeGreaterOrEqual 14
        @($tableTypes | Where-Object { -not $samples.ContainsKey($_) }) | Should -BeNullOrEmpty
    }

    It 'keeps every line of <_> within 80 characters, every column shown' -ForEach @(
        'EcodMini.Core.Model.PartitionResult', 'EcodMini.Core.Model.PartitionDomain', 'EcodMini.Core.Scanning.ProteinTask',
        'EcodMini.Core.Tracking.JobRecord', 'EcodMini.Core.Monitoring.BatchStatistics', 'EcodMini.Core.Tracking.JobEvent',
        'EcodMini.Core.Tracking.StoredResult', 'EcodMini.Core.Evaluation.ChainComparison', 'EcodMini.Synthetic.SyntheticBatchInfo',
        'EcodMini.Core.Monitoring.Alerts.ProductionAlert', 'EcodMini.Core.Monitoring.Dashboard.DashboardSnapshot',
        'EcodMini.Core.Database.ImportSummary', 'EcodMini.Core.Database.ProteinImportRecord', 'EcodMini.Core.Database.ImportMismatch') {
        $type = $_
        $type | Should -BeIn $tableTypes
        $text = @($samples[$type], $samples[$type]) | Format-Table | Out-String -Width 80
        $lines = @($text -split "`r?`n" | Where-Object { $_.Trim() })
        $lines.Count | Should -Be 4 -Because "a header, its underline and one line per object (no wrapped or extra lines):`n$text"
        $text | Should -Not -Match '…\d' -Because "numbers are never cut:`n$text"
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 -Because "line '$_' of $type" }
        [xml] $format = Get-Content -Raw (Join-Path (Get-EcodModulePath) 'EcodMini.format.ps1xml')
        $view = $format.Configuration.ViewDefinitions.View | Where-Object { $_.ViewSelectedBy.TypeName -eq $type }
        foreach ($label in $view.TableControl.TableHeaders.TableColumnHeader.Label) { $lines[0] | Should -Match "\b$([regex]::Escape($label))\b" }
    }

    It 'shows the first line of a long job error, cut with an ellipsis, under an Error header; the object keeps the full text' {
        $job = $samples['EcodMini.Core.Tracking.JobRecord']
        $text = $job | Format-Table | Out-String -Width 80
        $lines = @($text -split "`r?`n" | Where-Object { $_.Trim() })
        $lines[0] | Should -Match 'Error\s*$'
        $lines[2] | Should -Match 'malformed XML.*…$'
        $text | Should -Not -Match 'second line'
        $job.Error | Should -Match 'third line'
    }

    It 'renders real jobs of a local run within 80 columns, the error column included' {
        $g = New-TestBatchRoot -ProteinCount 6 -Seed 9 -BatchCount 1
        $broken = Get-ChildItem (Join-Path $g.Root '*/domains/*.domain_summary.xml') | Select-Object -First 1
        Set-Content -Path $broken.FullName -Value '<domain_summary><broken'
        $db = Join-Path $TestDrive 'views.db'
        $null = Find-EcodProtein -BatchRoot $g.Root -RepsOnly:$false -TrackingDatabase $db |
            Submit-EcodJob -ReferenceDirectory $g.ReferenceDirectory -TrackingDatabase $db -WorkDirectory (Join-Path $TestDrive 'work') -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $jobs = @(Get-EcodJobStatus -TrackingDatabase $db)
        $text = $jobs | Format-Table | Out-String -Width 80
        $lines = @($text -split "`r?`n" | Where-Object { $_.Trim() })
        $lines.Count | Should -Be ($jobs.Count + 2)
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        $text | Should -Not -Match '…\d' -Because "no number is cut:`n$text"
        $lines[0] | Should -Match '^ProteinId\s+Batch\s+Status\s+Att\s+Dom\s+Cov\s+Class\s+Error\s*$'
        ($lines | Where-Object { $_ -match '\bfailed\b' }) | Should -Match 'malformed XML'
        $history = Get-EcodJobStatus -TrackingDatabase $db -ProteinId ($broken.Name -split '\.')[0] -History | Format-Table | Out-String -Width 80
        $history -split "`r?`n" | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        $history | Should -Match 'Detail'
    }
}
