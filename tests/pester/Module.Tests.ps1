BeforeAll { . (Join-Path $PSScriptRoot 'TestHelpers.ps1') }

Describe 'Packaged module' {
    It 'imports in a fresh pwsh and lists its cmdlets' {
        $r = Invoke-FreshPwsh -Script '(Get-Command -Module EcodMini).Name -join ","'
        $r.ExitCode | Should -Be 0 -Because $r.Error
        $names = $r.Output.Trim() -split ','
        $names | Should -Contain 'Invoke-EcodPartition'
        $names.Count | Should -Be (Import-PowerShellDataFile (Join-Path (Get-EcodModulePath) 'EcodMini.psd1')).CmdletsToExport.Count
    }

    It 'loads the engine and its dependencies in a private load context, not the default one' {
        $r = Invoke-FreshPwsh -Script @'
Get-EcodConfiguration | Out-Null
$alc = [System.Runtime.Loader.AssemblyLoadContext]::All | Where-Object Name -eq 'EcodMini.Engine'
$default = [System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies.GetName().Name
"$($alc.Assemblies.GetName().Name -contains 'EcodMini.Core');$($default -contains 'EcodMini.Core');$($default -contains 'YamlDotNet')"
'@
        $r.ExitCode | Should -Be 0 -Because $r.Error
        $r.Output.Trim() | Should -Be 'True;False;False'
    }

    It 'loads the generator assembly (EcodMini.Synthetic) next to the engine in the private load context' {
        $r = Invoke-FreshPwsh -Script @'
$dir = Join-Path ([IO.Path]::GetTempPath()) ("ecod-synload-" + [guid]::NewGuid().ToString('N'))
try {
    $info = New-EcodSyntheticBatch -Path $dir -ProteinCount 5 -Seed 3
    $alc = [System.Runtime.Loader.AssemblyLoadContext]::All | Where-Object Name -eq 'EcodMini.Engine'
    $default = [System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies.GetName().Name
    "$($info.ProteinCount);$($alc.Assemblies.GetName().Name -contains 'EcodMini.Synthetic');$($default -contains 'EcodMini.Synthetic');$($info.GetType().FullName)"
}
finally { Remove-Item -Recurse -Force $dir -ErrorAction SilentlyContinue }
'@
        $r.ExitCode | Should -Be 0 -Because $r.Error
        $r.Output.Trim() | Should -Be '5;True;False;EcodMini.Synthetic.SyntheticBatchInfo'
    }

    It 'every cmdlet has help with a synopsis, a description of every parameter and examples' {
        foreach ($cmd in Get-Command -Module EcodMini) {
            $help = Get-Help $cmd.Name -Full
            $help.Synopsis | Should -Not -BeNullOrEmpty -Because $cmd.Name
            $help.Synopsis | Should -Not -Match '^\s*\w+-\w+ \[' -Because "$($cmd.Name) needs a written synopsis, not the generated syntax"
            @($help.Examples.Example).Count | Should -BeGreaterThan 0 -Because $cmd.Name
            foreach ($p in @($help.Parameters.Parameter)) {
                ($p.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "$($cmd.Name) -$($p.Name)"
            }
        }
    }

    It 'uses approved verbs, singular nouns and the Ecod prefix' {
        $approved = (Get-Verb).Verb
        foreach ($cmd in Get-Command -Module EcodMini) {
            $approved | Should -Contain $cmd.Verb
            $cmd.Noun | Should -BeLike 'Ecod*'
            $cmd.Noun | Should -Not -Match '(?<![us])s$' -Because "$($cmd.Name) should use a singular noun"
        }
    }
}

Describe 'about_EcodMini' {
    It 'is shown by Get-Help and names every exported cmdlet, and only cmdlets that exist' {
        $r = Invoke-FreshPwsh -Script '(Get-Help about_EcodMini | Out-String -Width 200)'
        $r.ExitCode | Should -Be 0 -Because $r.Error
        $text = $r.Output
        $text | Should -Match 'about_EcodMini'
        $exported = (Import-PowerShellDataFile (Join-Path (Get-EcodModulePath) 'EcodMini.psd1')).CmdletsToExport
        foreach ($name in $exported) { $text | Should -Match "\b$name\b" -Because "$name is exported" }
        $named = [regex]::Matches($text, '\b[A-Z][a-z]+-Ecod[A-Za-z]+\b') | ForEach-Object Value | Sort-Object -Unique
        foreach ($name in $named) { $exported | Should -Contain $name -Because "about_EcodMini names $name" }
    }
}
