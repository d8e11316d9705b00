# Jobs, history and stored results export cleanly (issue 12 item 4): a real local run, then Export-Csv and
# ConvertTo-Json, read back with Import-Csv and ConvertFrom-Json.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:g = New-TestBatchRoot -ProteinCount 12 -Seed 5 -BatchCount 1
    $broken = Get-ChildItem (Join-Path $g.Root '*/domains/*.domain_summary.xml') | Select-Object -First 1
    Set-Content -Path $broken.FullName -Value '<domain_summary><broken'
    $script:brokenId = ($broken.Name -split '\.')[0]
    $script:db = Join-Path $TestDrive 'export.db'
    $script:submitted = @(Find-EcodProtein -BatchRoot $g.Root -RepsOnly:$false -TrackingDatabase $db |
        Submit-EcodJob -ReferenceDirectory $g.ReferenceDirectory -TrackingDatabase $db -WorkDirectory (Join-Path $TestDrive 'work') -ErrorAction SilentlyContinue)
    $script:jobs = @(Get-EcodJobStatus -TrackingDatabase $db)
    $script:completedId = ($jobs | Where-Object Status -eq 'completed' | Select-Object -First 1).ProteinId
    $script:iso = '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$'
    $script:jobColumns = @('Id', 'JobId', 'ProteinId', 'Pdb', 'Chain', 'BatchName', 'Status', 'SubmitTime', 'StartTime', 'EndTime',
        'ExitCode', 'RetryCount', 'ParentJobId', 'DomainCount', 'Coverage', 'OutputPath', 'Error', 'ErrorClass', 'AttemptCount', 'CurrentAttemptId',
        'SummaryPath', 'BlastPath')

    function Assert-Clean([string] $Text) {
        $Text | Should -Not -Match 'System\.|EcodMini\.Core|@\{|\{ Id = '
    }
}

Describe 'Job objects export cleanly' {
    It 'ran for real: 12 jobs, one failed with its error on the object' {
        $jobs.Count | Should -Be 12
        $submitted.Count | Should -Be 12
        $failed = $jobs | Where-Object ProteinId -eq $brokenId
        $failed.Status | Should -Be 'failed'
        $failed.Error | Should -Match 'malformed XML'
    }

    It 'Export-Csv of Get-EcodJobStatus and Submit-EcodJob output: the record columns, times to the second, values that round-trip' {
        foreach ($set in @(@{ Name = 'status'; Objects = $jobs }, @{ Name = 'submit'; Objects = $submitted })) {
            $csv = Join-Path $TestDrive "$($set.Name).csv"
            $set.Objects | Export-Csv -Path $csv
            $text = Get-Content -Raw $csv
            Assert-Clean $text
            $text | Should -Not -Match '^#TYPE'
            $back = @(Import-Csv $csv)
            $back[0].PSObject.Properties.Name | Should -Be $jobColumns
            $back.Count | Should -Be $set.Objects.Count
            foreach ($row in $back) {
                $job = $set.Objects | Where-Object ProteinId -eq $row.ProteinId
                $row.Status | Should -Be $job.Status
                $row.BatchName | Should -Be $job.BatchName
                [int] $row.Id | Should -Be $job.Id
                $row.Error | Should -Be "$($job.Error)"
                $row.OutputPath | Should -Be "$($job.OutputPath)"
                foreach ($t in 'SubmitTime', 'StartTime', 'EndTime') {
                    $job.$t | Should -BeOfType [datetimeoffset]
                    [math]::Abs(([datetimeoffset] $row.$t - $job.$t).TotalSeconds) | Should -BeLessThan 1
                }
            }
        }
    }

    It 'ConvertTo-Json of jobs: flat values, ISO time strings, status as its name; ConvertFrom-Json gives the same values' {
        $json = $jobs | ConvertTo-Json -WarningAction Stop
        Assert-Clean $json
        $json | Should -Match '"EndTime": "\d{4}-\d\d-\d\dT'
        $json | Should -Match '"Status": "(completed|failed)"'
        $back = @($json | ConvertFrom-Json -DateKind String)
        $back.Count | Should -Be $jobs.Count
        $back[0].PSObject.Properties.Name | Should -Be $jobColumns
        foreach ($row in $back) {
            $job = $jobs | Where-Object ProteinId -eq $row.ProteinId
            $row.Status | Should -Be $job.Status
            $row.Coverage | Should -Be $job.Coverage
            $row.DomainCount | Should -Be $job.DomainCount
            $row.Error | Should -Be $job.Error
            $row.EndTime | Should -Match $iso
            [datetimeoffset] $row.EndTime | Should -Be ([datetimeoffset] $job.EndTime)
        }
    }

    It 'history (-History) exports with ISO times and the error text as the failed event''s detail' {
        $history = @(Get-EcodJobStatus -TrackingDatabase $db -ProteinId $brokenId -History)
        $history.ToStatus | Should -Contain 'failed'
        $csv = Join-Path $TestDrive 'history.csv'
        $history | Export-Csv $csv
        Assert-Clean (Get-Content -Raw $csv)
        $rows = @(Import-Csv $csv)
        $rows[0].PSObject.Properties.Name | Should -Be @('Id', 'ProteinId', 'BatchName', 'JobId', 'FromStatus', 'ToStatus', 'Time', 'RetryCount', 'Detail', 'AttemptId')
        $rows.Time | ForEach-Object { [datetimeoffset] $_ | Should -BeOfType [datetimeoffset] }
        ($rows | Where-Object ToStatus -eq 'failed').Detail | Should -Match 'malformed XML'
        $json = $history | ConvertTo-Json
        Assert-Clean $json
        $back = @($json | ConvertFrom-Json -DateKind String)
        $back.ToStatus | Should -Be $history.ToStatus
        $back.Time | ForEach-Object { $_ | Should -Match $iso }
    }

    It 'results (-Result) export with quality flags as names, not a type name' {
        $results = @(Get-EcodJobStatus -TrackingDatabase $db -ProteinId $completedId -Result)
        $results.Count | Should -BeGreaterThan 0
        "$($results[0].QualityFlags)" | Should -Not -Match 'System\.|EcodMini'
        $csv = Join-Path $TestDrive 'results.csv'
        $results | Export-Csv $csv
        Assert-Clean (Get-Content -Raw $csv)
        $row = @(Import-Csv $csv)[0]
        [math]::Abs(([datetimeoffset] $row.FinishedAt - $results[0].FinishedAt).TotalSeconds) | Should -BeLessThan 1
        [int] $row.DomainCount | Should -Be $results[0].DomainCount
        $row.QualityFlags | Should -Be (($results[0].QualityFlags | ForEach-Object FlagType) -join ';')
        $json = $results | ConvertTo-Json -WarningAction Stop
        Assert-Clean $json
        (@($json | ConvertFrom-Json -DateKind String))[0].FinishedAt | Should -Match $iso
    }

    It 'the objects are still jobs: they bind to -Job and keep their view' {
        $jobs[0].PSObject.TypeNames[0] | Should -Be 'EcodMini.Core.Tracking.JobRecord'
        $jobs[0].PSObject.BaseObject.GetType().Name | Should -Be 'JobRecord'
        $stopped = @($jobs | Where-Object Status -eq 'failed' | Stop-EcodJob -TrackingDatabase $db -WhatIf -ErrorVariable bindErrors)
        $bindErrors.Count | Should -Be 0 -Because 'the piped job binds to -Job as a JobRecord'
        $stopped.Count | Should -Be 0
    }
}
