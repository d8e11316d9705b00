# Change detection, run comparison and the SLURM cost preview, through the packaged module.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:gen = New-TestBatchRoot -ProteinCount 40 -Seed 41 -BatchCount 2
    $script:db = Join-Path $TestDrive 'prov.db'
    $script:common = @{ TrackingDatabase = $db; ReferenceDirectory = $gen.ReferenceDirectory }
    function Find-Changed { @(Find-EcodProtein -BatchRoot $gen.Root -RepsOnly:$false -SkipExisting @common) }
    function Invoke-Run([hashtable] $Extra = @{}) {
        @(Find-EcodProtein -BatchRoot $gen.Root -RepsOnly:$false -SkipExisting:$false @common |
            Submit-EcodJob -Executor Local @common -WorkDirectory (Join-Path $TestDrive 'work') -Force @Extra)
    }
    function Get-RunIds { @(& sqlite3 $db 'SELECT run_id FROM attempts GROUP BY run_id ORDER BY MIN(id);') }
}

Describe 'Find-EcodProtein change detection' {
    It 'queues nothing for a finished batch, then exactly the chain whose summary changed, as InputChanged' {
        $first = @(Find-EcodProtein -BatchRoot $gen.Root -RepsOnly:$false @common)
        $first.Count | Should -Be 40
        $first.Reason | Sort-Object -Unique | Should -Be 'New'
        $jobs = @($first | Submit-EcodJob -Executor Local @common -WorkDirectory (Join-Path $TestDrive 'work'))
        ($jobs | Where-Object Status -eq 'completed').Count | Should -BeGreaterThan 30
        $completed = @($jobs | Where-Object Status -eq 'completed')

        @(Find-Changed | Where-Object PreviousStatus -eq 'completed').Count | Should -Be 0

        $target = $first | Where-Object ProteinId -eq $completed[3].ProteinId | Select-Object -First 1
        Add-Content -LiteralPath $target.SummaryPath -Value '<!-- HHsearch re-run -->'
        $changed = @(Find-Changed | Where-Object PreviousStatus -eq 'completed')
        $changed.Count | Should -Be 1
        $changed[0].ProteinId | Should -Be $target.ProteinId
        $changed[0].Reason | Should -Be 'InputChanged'

        $rerun = @($changed | Submit-EcodJob -Executor Local @common -WorkDirectory (Join-Path $TestDrive 'work'))
        $rerun[0].AttemptCount | Should -Be 2 -Because 'a changed completed chain runs again without -Force'
        @(Find-Changed | Where-Object PreviousStatus -eq 'completed').Count | Should -Be 0
    }
}

Describe 'Compare-EcodRun' {
    It 'finds no change between a run and an identical rerun, and the chains other options changed' {
        Invoke-Run | Out-Null
        Invoke-Run | Out-Null
        Invoke-Run @{ Option = @{ MinDomainSize = 120 } } | Out-Null
        $runs = Get-RunIds
        $same = Compare-EcodRun -BeforeRun $runs[-3] -AfterRun $runs[-2] -TrackingDatabase $db -Summary
        $same.Changed | Should -Be 0
        $same.ChainsBefore | Should -Be 40

        $changes = @(Compare-EcodRun -BeforeRun $runs[-2] -AfterRun $runs[-1] -TrackingDatabase $db)
        $changes.Count | Should -BeGreaterThan 0
        $before = @(& sqlite3 $db "SELECT r.protein_id || '=' || r.domain_count FROM results r JOIN attempts a ON a.id = r.attempt_id WHERE a.run_id = '$($runs[-2])';")
        $after = @(& sqlite3 $db "SELECT r.protein_id || '=' || r.domain_count FROM results r JOIN attempts a ON a.id = r.attempt_id WHERE a.run_id = '$($runs[-1])';")
        $countChanged = @(Compare-Object $before $after | ForEach-Object { ($_.InputObject -split '=')[0] } | Sort-Object -Unique)
        @($changes | Where-Object Kind -eq 'DomainCountChanged' | ForEach-Object ProteinId | Sort-Object) | Should -Be $countChanged
        $changes | ForEach-Object { $_.Changes.Count | Should -BeGreaterThan 0 }
    }

    It 'refuses a side given twice or not at all' {
        { Compare-EcodRun -BeforeRun a -BeforeProcessVersion b -AfterRun c -TrackingDatabase $db } |
            Should -Throw -ErrorId 'EcodCompareSidesInvalid,EcodMini.PowerShell.Cmdlets.CompareEcodRunCommand'
    }
}

Describe 'Submit-EcodJob -Executor Slurm -WhatIf cost preview' {
    It 'shows chains, tasks, core-hours and wall time from the tracker history, and the default model without one' {
        $empty = Join-Path $TestDrive 'empty.db'
        $find = "`$t = @(Find-EcodProtein -BatchRoot '$($gen.Root)' -RepsOnly:`$false -SkipExisting:`$false -TrackingDatabase '$empty'); "
        $d = Invoke-FreshPwsh -Script ($find + "`$t | Submit-EcodJob -Executor Slurm -ChunkSize 10 -ThrottleLimit 2 -TrackingDatabase '$empty' -WhatIf")
        $timed = Join-Path $TestDrive 'timed.db'
        $h = Invoke-FreshPwsh -Script ($find + "`$null = `$t | Submit-EcodJob -Executor Local -TrackingDatabase '$timed' -ReferenceDirectory '$($gen.ReferenceDirectory)' -WorkDirectory '$TestDrive/timed-work'; " +
            "`$t | Submit-EcodJob -Executor Slurm -ChunkSize 10 -ThrottleLimit 2 -TrackingDatabase '$timed' -Force -WhatIf")
        $d.ExitCode | Should -Be 0 -Because $d.Error
        $h.ExitCode | Should -Be 0 -Because $h.Error
        $default, $history = $d.Output, $h.Output
        $default | Should -Match 'Estimated cost: 40 chain\(s\) in 4 task\(s\) of \d+ cpu\(s\), 2 at once: about [\d.]+ core-hour\(s\), wall time about'
        $default | Should -Match 'default model'
        $history | Should -Match 'Estimated cost: 40 chain\(s\) in 4 task\(s\)'
        $history | Should -Match 'tracker history of \d+ timed chain'
    }
}
