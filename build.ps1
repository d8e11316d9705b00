<#
.SYNOPSIS
    Build, package, test and demo EcodMini.
.DESCRIPTION
    Tasks:
      Build    compile the solution (Release)
      Package  assemble the module into out/EcodMini (cmdlets at the top, engine and dependencies in Dependencies/)
      Test     Build + Package, then every xUnit test and every Pester test (against the packaged module,
               in a fresh pwsh), then one line: "Tests: N passed, N failed, N skipped"; non-zero exit on failure
      Demo     Package, then run the production job on a generated batch on this machine
      Publish  Package, then pack the module as a .nupkg into a PSResourceGet repository (-Repository, default
               'EcodMini'; registered with Register-PSResourceRepository at -RepositoryPath, default out/repository,
               when not registered yet); users then run Install-PSResource EcodMini -Repository <name>
      Install  Package, then copy the module into the user's PowerShell module path (Import-Module EcodMini works
               anywhere) and make `pwsh` available on PATH (PowerShell 7.6.9 as a dotnet global tool if missing)
.EXAMPLE
    ./build.sh Test
.EXAMPLE
    ./build.sh Publish -Repository EcodShared -RepositoryPath /shared/psrepo
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Package', 'Test', 'Demo', 'Clean', 'Install', 'Publish')]
    [string] $Task = 'Build',
    [string] $Configuration = 'Release',
    # Run only Pester files whose names match (e.g. 'Partition').
    [string] $PesterFilter = '',
    # Skip the xUnit suite (quick Pester iterations).
    [switch] $SkipUnit,
    [string] $DemoPath = (Join-Path $PSScriptRoot 'demo-output'),
    [int] $DemoProteinCount = 2000,
    # Publish: the PSResourceGet repository's name, and the folder to register under that name if it is not registered.
    [string] $Repository = 'EcodMini',
    [string] $RepositoryPath = ''
)

$ErrorActionPreference = 'Stop'
if ($PSStyle) { $PSStyle.OutputRendering = 'PlainText' }
Set-StrictMode -Version Latest
. (Join-Path $PSScriptRoot 'tools/build/BuildTasks.ps1')
. (Join-Path $PSScriptRoot 'tools/build/PublishTasks.ps1')

switch ($Task) {
    'Clean'   { Invoke-Clean }
    'Build'   { Invoke-Build -Configuration $Configuration }
    'Package' { Invoke-Build -Configuration $Configuration; Invoke-Package -Configuration $Configuration | Out-Null }
    'Demo'    {
        Invoke-Build -Configuration $Configuration
        $module = Invoke-Package -Configuration $Configuration
        & (Join-Path $PSScriptRoot 'tools/demo.ps1') -ModulePath $module -Path $DemoPath -ProteinCount $DemoProteinCount
        if (-not $?) { exit 1 }
    }
    'Install' { Invoke-Install -Configuration $Configuration }
    'Publish' { Invoke-Publish -Configuration $Configuration -Repository $Repository -RepositoryPath $RepositoryPath | Out-Null }
    'Test'    {
        $exit = Invoke-AllTests -Configuration $Configuration -PesterFilter $PesterFilter -SkipUnit:$SkipUnit
        exit $exit
    }
}
