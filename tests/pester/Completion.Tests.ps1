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
}
