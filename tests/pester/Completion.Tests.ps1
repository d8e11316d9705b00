BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    function Get-Completion([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches
    }
}

Describe 'Argument completion' {
    It 'offers every algorithm setting for -Option as a hashtable with its default value' {
        $all = @(Get-Completion 'Invoke-EcodPartition x y -Option ')
        $all.Count | Should -BeGreaterThan 20
        $all.CompletionText | Should -Contain '@{ MinDomainSize = 25 }'
        $all.ToolTip | Should -Contain 'MinDomainSize (Int32, default 25)'
    }

    It 'filters -Option settings by the typed prefix, on Submit-EcodJob too' {
        $min = @(Get-Completion 'Submit-EcodJob -Option Min')
        $min.ListItemText | Should -Be @('MinConfidence', 'MinDomainSize', 'MinMappedPositions')
        $completed = $min | Where-Object ListItemText -eq 'MinDomainSize'
        $value = Invoke-Expression $completed.CompletionText
        $value.MinDomainSize | Should -Be 25
    }

    It 'offers a setting that may be unset with $null and says so, and binds $true, $false and $null to it' {
        $scale = @(Get-Completion 'Invoke-EcodPartition x y -Option ProbabilityScale')
        $scale.CompletionText | Should -Be '@{ ProbabilityScaleByChain = $null }'
        $scale.ToolTip | Should -Be 'ProbabilityScaleByChain (Boolean or $null, default $null)'
        $g = New-TestBatchRoot -ProteinCount 3 -Seed 61 -BatchCount 1
        $summaries = Get-ChildItem (Join-Path $g.Root 'ecod_batch_*/domains/*.domain_summary.xml')
        foreach ($value in $true, $false, $null) {
            $out = Join-Path $TestDrive "scale-$value"
            @($summaries | Invoke-EcodPartition -ReferenceDirectory $g.ReferenceDirectory -OutputDirectory $out -Option @{ ProbabilityScaleByChain = $value }).Count |
                Should -Be 3
        }
        { $summaries | Invoke-EcodPartition -ReferenceDirectory $g.ReferenceDirectory -OutputDirectory (Join-Path $TestDrive 'bad') -Option @{ ProbabilityScaleByChain = 'sometimes' } } |
            Should -Throw -ExpectedMessage "*Setting 'ProbabilityScaleByChain' expects Boolean or `$null*"
    }

    It 'reads the text false as false for a Boolean setting (PowerShell alone would make any non-empty text $true)' {
        $g = New-TestBatchRoot -ProteinCount 2 -Seed 62 -BatchCount 1
        $summaries = Get-ChildItem (Join-Path $g.Root 'ecod_batch_*/domains/*.domain_summary.xml')
        $verbose = $summaries | Invoke-EcodPartition -ReferenceDirectory $g.ReferenceDirectory -OutputDirectory (Join-Path $TestDrive 'text') -Option @{ WeakHitVotes = 'false'; OrderBySupport = 'False' } -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        $verbose | Should -Contain 'Algorithm setting changed from its default: WeakHitVotes=False'
        $verbose | Should -Contain 'Algorithm setting changed from its default: OrderBySupport=False'
        { $summaries | Invoke-EcodPartition -ReferenceDirectory $g.ReferenceDirectory -OutputDirectory (Join-Path $TestDrive 'text2') -Option @{ WeakHitVotes = 'no' } } |
            Should -Throw -ExpectedMessage "*Setting 'WeakHitVotes' expects Boolean*'no' is not true or false*"
    }
}

Describe 'Completion of -BatchName and -ProteinId from the tracker' {
    BeforeAll {
        $script:g = New-TestBatchRoot -ProteinCount 230 -Seed 17 -BatchCount 2
        $script:work = New-TestDirectory
        $script:db = Join-Path $work 'tracking.db'
        $script:jobs = @(Find-EcodProtein -BatchRoot $g.Root -RepsOnly:$false -TrackingDatabase $db |
            Submit-EcodJob -ReferenceDirectory $g.ReferenceDirectory -TrackingDatabase $db -WorkDirectory (Join-Path $work 'work') -ErrorAction SilentlyContinue)
        $script:batches = @($jobs.BatchName | Sort-Object -Unique -CaseSensitive)
        $script:proteins = @($jobs.ProteinId | Sort-Object -Unique -CaseSensitive | ForEach-Object { $_ })
        [Array]::Sort($script:proteins, [StringComparer]::Ordinal)
    }
    AfterAll { Remove-Item -Recurse -Force $work, (Split-Path $g.Root) -ErrorAction SilentlyContinue }

    It 'offers every tracked batch name for Get-EcodJobStatus -BatchName, in order, with its job count' {
        $batches.Count | Should -Be 2
        $all = @(Get-Completion "Get-EcodJobStatus -TrackingDatabase '$db' -BatchName ")
        $all.CompletionText | Should -Be $batches
        $all[0].ToolTip | Should -Match "^batch $($batches[0]): \d+ tracked job\(s\)$"
        [int] [regex]::Match($all[0].ToolTip, ': (\d+) tracked').Groups[1].Value | Should -Be (@($jobs | Where-Object BatchName -eq $batches[0]).Count)
    }

    It 'filters protein ids by the typed prefix, case ignored, and caps the list at 200 distinct ids' {
        $jobs.Count | Should -BeGreaterThan 200
        $all = @(Get-Completion "Get-EcodJobStatus -TrackingDatabase '$db' -ProteinId ")
        $all.Count | Should -Be 200
        $all.CompletionText | Should -Be @($proteins | Select-Object -First 200)
        $sample = $proteins[150]
        $prefix = $sample.Substring(0, 2).ToUpperInvariant()
        $expected = @($proteins | Where-Object { $_.StartsWith($prefix, [StringComparison]::OrdinalIgnoreCase) })
        $some = @(Get-Completion "Get-EcodJobStatus -TrackingDatabase '$db' -ProteinId $prefix")
        $some.CompletionText | Should -Be $expected
        $some.CompletionText | Should -Contain $sample
    }

    It 'limits protein ids to the typed -BatchName, and completes the positional protein id too' {
        $inFirst = @($jobs | Where-Object BatchName -eq $batches[0] | ForEach-Object ProteinId)
        $first = @(Get-Completion "Get-EcodJobStatus -TrackingDatabase '$db' -BatchName $($batches[0]) -ProteinId ")
        $first.Count | Should -Be ([Math]::Min(200, $inFirst.Count))
        $first.CompletionText | ForEach-Object { $_ | Should -BeIn $inFirst }
        $sample = $proteins[3]
        @(Get-Completion "Get-EcodJobStatus -TrackingDatabase '$db' $($sample.Substring(0, 4))").CompletionText | Should -Contain $sample
    }

    It 'completes Import-EcodResult -BatchName, reading the tracker named by -ConfigurationPath or -TrackingDatabase' {
        $cfg = Join-Path $work 'completion.yml'
        "paths:`n  tracking_db: '$db'" | Set-Content $cfg
        @(Get-Completion "Import-EcodResult -ConfigurationPath '$cfg' -BatchName ").CompletionText | Should -Be $batches
        @(Get-Completion "Import-EcodResult -TrackingDatabase '$db' -BatchName $($batches[1].Substring(0, 12).ToUpperInvariant())").CompletionText |
            Should -Be @($batches | Where-Object { $_.StartsWith($batches[1].Substring(0, 12), [StringComparison]::OrdinalIgnoreCase) })
    }

    It 'reads the default configuration''s tracker (./config/production.yml of the current folder) when nothing names one' {
        $here = New-TestDirectory
        New-Item -ItemType Directory (Join-Path $here 'config') | Out-Null
        "paths:`n  tracking_db: '$db'" | Set-Content (Join-Path $here 'config/production.yml')
        Push-Location $here
        try {
            @(Get-Completion 'Get-EcodJobStatus -BatchName ').CompletionText | Should -Be $batches
            @(Get-Completion 'Invoke-EcodPartition x y -BatchName ').CompletionText | Should -Be $batches
            @(Get-Completion "Get-EcodJobStatus -TrackingDatabase ./missing.db -BatchName ").CompletionText | Where-Object { $_ -in $batches } | Should -BeNullOrEmpty
        }
        finally { Pop-Location; Remove-Item -Recurse -Force $here }
    }

    It 'gives no names and no error for a missing tracker, a file that is not a tracker, or a bad configuration' {
        $completer = [EcodMini.PowerShell.Infrastructure.TrackedBatchNameCompleter]::new()
        $garbage = Join-Path $work 'garbage.db'; 'not sqlite' | Set-Content $garbage
        $badCfg = Join-Path $work 'bad.yml'; "paths: [unclosed" | Set-Content $badCfg
        foreach ($bound in @(@{ TrackingDatabase = (Join-Path $work 'missing.db') }, @{ TrackingDatabase = $garbage }, @{ ConfigurationPath = $badCfg }, @{ TrackingDatabase = $work })) {
            $result = @($completer.CompleteArgument('Get-EcodJobStatus', 'BatchName', '', $null, $bound))
            $result.Count | Should -Be 0
        }
        $Error.Clear()
        $tab = @(Get-Completion "Get-EcodJobStatus -TrackingDatabase '$garbage' -BatchName ecod")
        $tab.CompletionText | Where-Object { $_ -in $batches } | Should -BeNullOrEmpty
        $Error.Count | Should -Be 0
    }

    It 'quotes a name only when PowerShell would not read it back as that plain word' {
        $q = [EcodMini.PowerShell.Infrastructure.TrackerNameCompleter]
        $q::Quote('1abc_A') | Should -Be '1abc_A'
        $q::Quote('ecod_batch_001_20230915_1938') | Should -Be 'ecod_batch_001_20230915_1938'
        $q::Quote('batch one') | Should -Be "'batch one'"
        $q::Quote("o'brien") | Should -Be "'o''brien'"
        $q::Quote('1e5') | Should -Be "'1e5'"
        $q::Quote('a[1]') | Should -Be "'a[1]'"
        $q::Quote('$x') | Should -Be "'`$x'"
    }
}
