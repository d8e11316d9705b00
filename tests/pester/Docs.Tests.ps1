# The documentation's PowerShell blocks are run as written, as a user would: a fresh pwsh, a new folder outside
# the checkout, `Import-Module EcodMini` by name (the packaged module is put on PSModulePath as ./build.sh Install
# does), nothing edited.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    function Get-PowerShellBlocks([string] $Path) {
        $blocks = [System.Collections.Generic.List[string]]::new()
        $current = $null
        foreach ($line in Get-Content $Path) {
            if ($null -eq $current -and $line -match '^```powershell\s*$') { $current = [System.Text.StringBuilder]::new(); continue }
            if ($null -ne $current -and $line -match '^```\s*$') { $blocks.Add($current.ToString()); $current = $null; continue }
            if ($null -ne $current) { [void] $current.AppendLine($line) }
        }
        return $blocks
    }
    function Invoke-AsUser([string] $Script, [string] $Folder) {
        $moduleParent = Split-Path (Get-EcodModulePath)
        $full = "`$ErrorActionPreference='Stop'; `$PSStyle.OutputRendering='PlainText'; `$env:PSModulePath = '$moduleParent' + [IO.Path]::PathSeparator + `$env:PSModulePath; Set-Location -LiteralPath '$Folder'`n$Script"
        $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($a in @('pwsh', '-NoProfile', '-NonInteractive', '-Command', $full)) { $psi.ArgumentList.Add($a) }
        $psi.WorkingDirectory = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
        $psi.RedirectStandardOutput = $true; $psi.RedirectStandardError = $true
        $p = [System.Diagnostics.Process]::Start($psi)
        $out = $p.StandardOutput.ReadToEndAsync(); $err = $p.StandardError.ReadToEndAsync()
        $p.WaitForExit()
        [pscustomobject] @{ ExitCode = $p.ExitCode; Output = $out.Result; Error = $err.Result }
    }
}

Describe 'docs/getting-started.md' {
    It 'runs as written in a new folder outside the checkout and ends with a statistics table' {
        $doc = Join-Path $PSScriptRoot '../../docs/getting-started.md'
        $blocks = Get-PowerShellBlocks $doc
        $blocks.Count | Should -BeGreaterOrEqual 2
        $folder = New-TestDirectory
        try {
            $r = Invoke-AsUser -Script ($blocks -join "`n") -Folder $folder
            $r.ExitCode | Should -Be 0 -Because $r.Error
            $r.Error | Should -BeNullOrEmpty
            $r.Output | Should -Match 'Completed\s+:\s+\d+'
            # the statistics keep their own view after the job table (OutOfBand), not a dump of every property
            $r.Output | Should -Match 'Quality\s+:\s+good \d+, questionable \d+, poor \d+'
            $r.Output | Should -Not -Match 'RecentCompletions'
            $r.Output | Should -Match 'DomainCountAccuracy'
            (Get-ChildItem $folder -Recurse -Filter *.mini.domains.xml).Count | Should -BeGreaterThan 200
        }
        finally { Remove-Item -Recurse -Force $folder -ErrorAction SilentlyContinue }
    }
}
