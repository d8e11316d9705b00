# Static analysis of the runbooks and scripts (tools/lint/Test-EcodScript.ps1: the PSScriptAnalyzer rules that matter
# for scripts people run, on PowerShell's parser; PSScriptAnalyzer itself is not served by the package registry).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:Lint = Join-Path $RepositoryRoot 'tools/lint/Test-EcodScript.ps1'
}

Describe 'Script analysis' {
    It 'finds nothing in the runbooks, the build, the tools and the benchmarks' {
        $paths = @('docs/runbooks', 'tools', 'bench', 'build.ps1') | ForEach-Object { Join-Path $RepositoryRoot $_ }
        $findings = @(& $Lint -Path $paths)
        $findings | ForEach-Object { "$($_.Rule) $($_.Path):$($_.Line): $($_.Message)" } | Should -BeNullOrEmpty
    }

    It 'reports each rule it checks on a script that breaks them' {
        $bad = Join-Path $TestDrive 'bad.ps1'
        @(
            'function Fetch-Thing { param([string] $Password) $global:last = $Password }'
            'Get-ChildItem | % { $_ }'
            'Invoke-Expression "Get-Date"'
            'try { Get-Date } catch { }'
            'Get-EcodJobStatus ./tracking.db'
            'Get-EcodJobStatus -TrackingDatabase ./tracking.db -Wait @splat'
        ) | Set-Content $bad
        $broken = Join-Path $TestDrive 'broken.ps1'
        'function Get-It { if ($true) { ' | Set-Content $broken

        $findings = @(& $Lint -Path $bad, $broken)
        $findings.Rule | Sort-Object -Unique | Should -Be @(
            'ParseError', 'PSAvoidGlobalVars', 'PSAvoidUsingCmdletAliases', 'PSAvoidUsingEmptyCatchBlock', 'PSAvoidUsingInvokeExpression',
            'PSAvoidUsingPlainTextForPassword', 'PSAvoidUsingPositionalParameters', 'PSUseApprovedVerbs')
        @($findings | Where-Object Rule -eq 'PSAvoidUsingPositionalParameters').Line | Should -Be 5 -Because 'named and splatted parameters are fine'
        ($findings | Where-Object Rule -eq 'PSAvoidUsingCmdletAliases').Message | Should -Match "'%' is an alias of ForEach-Object"
    }
}
