# The module manifest as a gallery sees it: valid, one version everywhere, metadata only where it is real.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:Packaged = Join-Path (Get-EcodModulePath) 'EcodMini.psd1'
    $script:Data = Import-PowerShellDataFile $Packaged
}

Describe 'Module manifest' {
    It 'passes Test-ModuleManifest without errors or warnings' {
        $info = Test-ModuleManifest -Path $Packaged -ErrorVariable problems -WarningVariable warnings -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $problems | Should -BeNullOrEmpty
        $warnings | Should -BeNullOrEmpty
        $info.Name | Should -Be 'EcodMini'
        $info.ExportedCmdlets.Count | Should -Be $Data.CmdletsToExport.Count
    }

    It 'takes its version from one place: the checkout manifest, which every assembly carries too' {
        $source = Import-PowerShellDataFile (Join-Path $RepositoryRoot 'EcodMini.psd1')
        $Data.ModuleVersion | Should -Be $source.ModuleVersion
        $version = [version] $Data.ModuleVersion
        $assemblies = @(Get-ChildItem (Get-EcodModulePath) -Recurse -Filter 'EcodMini*.dll')
        $assemblies.Count | Should -BeGreaterOrEqual 3
        foreach ($dll in $assemblies) {
            $name = [System.Reflection.AssemblyName]::GetAssemblyName($dll.FullName)
            '{0}.{1}.{2}' -f $name.Version.Major, $name.Version.Minor, $name.Version.Build | Should -Be ('{0}.{1}.{2}' -f $version.Major, $version.Minor, [Math]::Max($version.Build, 0)) -Because $dll.Name
        }
        @(Select-String -Path (Join-Path $RepositoryRoot 'Directory.Build.props') -Pattern '<Version>\d').Count | Should -Be 0 -Because 'no second place holds a version number'
    }

    It 'has gallery metadata only where it is real' {
        $psData = $Data.PrivateData.PSData
        $psData.Tags | Should -Contain 'ECOD'
        $psData.Tags | ForEach-Object { $_ | Should -Not -Match '\s' -Because 'gallery tags have no spaces' }
        $psData.ReleaseNotes | Should -Not -BeNullOrEmpty
        $hasLicense = @(Get-ChildItem $RepositoryRoot -File -Filter 'LICENSE*').Count -gt 0
        if (-not $hasLicense) { $psData.Keys | Should -Not -Contain 'LicenseUri' -Because 'the project has no licence file to point at' }
        $psData.Keys | Should -Not -Contain 'ProjectUri' -Because 'the project has no public home yet'
        $psData.Keys | Should -Not -Contain 'IconUri'
    }
}
