# Issue 19 item 8: every property a runbook's help promises exists on its summary object; output lines are one per
# failed chain or error and point to Get-EcodJobLog. (The runbooks' end-to-end runs are in Runbooks.Tests.ps1, which
# checks the promised properties on each real result with Assert-PromisedProperty.)
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'RunbookHelpers.ps1')
    $script:Runbooks = Join-Path $script:RepositoryRoot 'docs/runbooks'
    . (Join-Path $Runbooks 'lib/RunbookOutput.ps1')
}

Describe 'Runbook help and output' {
    It 'every runbook''s help names its summary properties, Completed and Retried among the retry runbook''s' {
        foreach ($name in 'Initial-Run.ps1', 'Incremental-Update.ps1', 'Retry-FailedJob.ps1') {
            $promised = Get-PromisedProperty (Join-Path $Runbooks $name)
            $promised.Count | Should -BeGreaterThan 5 -Because "$name says what it emits"
        }
        Get-PromisedProperty (Join-Path $Runbooks 'Retry-FailedJob.ps1') | Should -Contain 'Completed'
    }

    It 'writes one line per failed chain and per error, each naming Get-EcodJobLog' {
        $jobs = @(
            [pscustomobject] @{ ProteinId = '1abc_A'; BatchName = 'b1'; Status = 'failed'; ErrorClass = 'Permanent'; Error = "x.xml: malformed XML`nsecond line" }
            [pscustomobject] @{ ProteinId = '1abc_B'; BatchName = 'b1'; Status = 'completed'; ErrorClass = $null; Error = $null }
        )
        $lines = @(Write-ChainFailure $jobs 3>&1)
        $lines.Count | Should -Be 1
        "$($lines[0])" | Should -Be '1abc_A [b1] failed (Permanent): x.xml: malformed XML -- Get-EcodJobLog 1abc_A'
        $record = [System.Management.Automation.ErrorRecord]::new([System.IO.InvalidDataException]::new("bad`nmore"), 'E', 'InvalidData', $jobs[0])
        "$(@(Write-ErrorLine @($record) 3>&1)[0])" | Should -Be 'bad -- Get-EcodJobLog 1abc_A'
    }

    It 'shows only the counts of a summary object by default, and keeps every property' {
        $r = New-RunbookResult -Display Runbook, Retried -Property ([ordered] @{ Runbook = 'x'; Retried = 2; Import = @(1, 2, 3) })
        $r.PSObject.TypeNames[0] | Should -Be 'EcodMini.RunbookResult'
        $r.Import.Count | Should -Be 3
        ($r | Out-String) | Should -Not -Match 'Import'
    }
}
