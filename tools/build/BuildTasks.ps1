# Build tasks for build.ps1. Dot-sourced; every function takes what it needs as parameters.

$script:Root = Resolve-Path (Join-Path $PSScriptRoot '../..')
$script:OutDir = Join-Path $script:Root 'out'
$script:ModuleDir = Join-Path $script:OutDir 'EcodMini'
$script:RequiredDependencies = @(
    'EcodMini.Core.dll', 'EcodMini.Synthetic.dll', 'Microsoft.Data.Sqlite.dll', 'SQLitePCLRaw.core.dll', 'SQLitePCLRaw.batteries_v2.dll',
    'Npgsql.dll', 'YamlDotNet.dll', 'Spectre.Console.dll', 'Spectre.Console.Ansi.dll', 'runtimes/linux-x64/native/libe_sqlite3.so')

function Invoke-Dotnet {
    param([string[]] $Arguments)
    & dotnet @Arguments | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

function Invoke-Clean {
    if (Test-Path $script:OutDir) { Remove-Item -Recurse -Force $script:OutDir }
    Get-ChildItem $script:Root -Recurse -Directory -Include bin, obj | Remove-Item -Recurse -Force
}

function Invoke-Build {
    param([string] $Configuration = 'Release')
    Write-Host "==> Build ($Configuration)"
    Invoke-Dotnet @('build', (Join-Path $script:Root 'EcodMini.PowerShell.sln'), '-c', $Configuration, '--nologo', '-v', 'quiet', '-clp:ErrorsOnly')
}

function Invoke-Package {
    param([string] $Configuration = 'Release')
    Write-Host "==> Package -> $script:ModuleDir"
    $staging = Join-Path $script:OutDir 'staging/core'
    if (Test-Path $script:ModuleDir) { Remove-Item -Recurse -Force $script:ModuleDir }
    if (Test-Path $staging) { Remove-Item -Recurse -Force $staging }
    # The generator's project publishes the engine and every engine dependency with it.
    Invoke-Dotnet @('publish', (Join-Path $script:Root 'src/EcodMini.Synthetic/EcodMini.Synthetic.csproj'), '-c', $Configuration, '--no-build', '-o', $staging, '--nologo', '-v', 'quiet')

    $deps = Join-Path $script:ModuleDir 'Dependencies'
    New-Item -ItemType Directory -Force -Path $deps, (Join-Path $script:ModuleDir 'en-US') | Out-Null
    Copy-Item -Recurse -Path (Join-Path $staging '*') -Destination $deps -Exclude '*.deps.json'
    foreach ($rel in $script:RequiredDependencies) {
        if (-not (Test-Path (Join-Path $deps $rel))) { throw "Package: expected dependency '$rel' is missing from $deps" }
    }

    $cmdletBin = Join-Path $script:Root "src/EcodMini.PowerShell/bin/$Configuration/net10.0"
    $loaderBin = Join-Path $script:Root "src/EcodMini.PowerShell.Loader/bin/$Configuration/net10.0"
    Copy-Item (Join-Path $cmdletBin 'EcodMini.PowerShell.dll'), (Join-Path $cmdletBin 'EcodMini.PowerShell.pdb') $script:ModuleDir
    Copy-Item (Join-Path $loaderBin 'EcodMini.PowerShell.Loader.dll'), (Join-Path $loaderBin 'EcodMini.PowerShell.Loader.pdb') $script:ModuleDir
    Copy-Item (Join-Path $script:Root 'EcodMini.psd1') $script:ModuleDir
    Copy-Item (Join-Path $script:Root 'module/*.ps1xml') $script:ModuleDir
    Copy-Item (Join-Path $script:Root 'docs/about_EcodMini.help.txt') (Join-Path $script:ModuleDir 'en-US')
    $helpSource = Join-Path $script:Root 'docs/cmdlets'
    if (Test-Path $helpSource) {
        & (Join-Path $PSScriptRoot 'New-MamlHelp.ps1') -ModulePath $script:ModuleDir -MarkdownPath $helpSource `
            -OutputPath (Join-Path $script:ModuleDir 'en-US/EcodMini.PowerShell.dll-Help.xml') | Out-Host
        if (-not $?) { throw 'Package: help generation failed' }
    }
    return $script:ModuleDir
}

function Get-NuGetPackageRoot {
    $line = & dotnet nuget locals global-packages --list | Select-Object -First 1
    return ($line -replace '^global-packages:\s*', '').Trim()
}

function Get-PesterModulePath {
    Invoke-Dotnet @('restore', (Join-Path $script:Root 'tools/pester/pester.proj'), '--nologo', '-v', 'quiet')
    $path = Join-Path (Get-NuGetPackageRoot) 'pester/5.7.1/tools/Pester.psd1'
    if (-not (Test-Path $path)) { throw "Pester 5.7.1 not found at $path after restore" }
    return $path
}

function Read-TrxCounts {
    param([string] $Directory)
    $passed = 0; $failed = 0; $skipped = 0
    foreach ($trx in Get-ChildItem $Directory -Filter *.trx -Recurse) {
        [xml] $doc = Get-Content -Raw $trx.FullName
        $c = $doc.TestRun.ResultSummary.Counters
        $passed += [int] $c.passed
        $failed += [int] $c.failed + [int] $c.error + [int] $c.timeout + [int] $c.aborted
        $skipped += [int] $c.notExecuted
    }
    [pscustomobject] @{ Passed = $passed; Failed = $failed; Skipped = $skipped }
}

function Invoke-UnitTests {
    param([string] $Configuration)
    Write-Host '==> xUnit'
    $results = Join-Path $script:OutDir 'test-results/xunit'
    if (Test-Path $results) { Remove-Item -Recurse -Force $results }
    & dotnet test (Join-Path $script:Root 'tests/EcodMini.Core.Tests/EcodMini.Core.Tests.csproj') -c $Configuration --no-build `
        --nologo --logger 'trx;LogFileName=xunit.trx' --logger 'console;verbosity=minimal' --results-directory $results | Out-Host
    $counts = Read-TrxCounts -Directory $results
    if ($LASTEXITCODE -ne 0 -and $counts.Failed -eq 0) {
        # The runner itself failed (crash, build error): count it as a failure, never as a pass.
        $counts.Failed = 1
    }
    return $counts
}

function Invoke-PesterTests {
    param([string] $ModulePath, [string] $Filter = '')
    Write-Host '==> Pester (fresh pwsh, packaged module)'
    $pester = Get-PesterModulePath
    $summary = Join-Path $script:OutDir 'test-results/pester-summary.json'
    New-Item -ItemType Directory -Force -Path (Split-Path $summary) | Out-Null
    if (Test-Path $summary) { Remove-Item $summary }
    $runner = Join-Path $script:Root 'tests/pester/Invoke-PesterSuite.ps1'
    $arguments = @('pwsh', '-NoProfile', '-NonInteractive', '-File', $runner, '-PesterPath', $pester, '-ModulePath', $ModulePath,
        '-TestPath', (Join-Path $script:Root 'tests/pester'), '-SummaryPath', $summary)
    if ($Filter) { $arguments += @('-Filter', $Filter) }
    & dotnet @arguments | Out-Host
    if (-not (Test-Path $summary)) { return [pscustomobject] @{ Passed = 0; Failed = 1; Skipped = 0 } }
    $s = Get-Content -Raw $summary | ConvertFrom-Json
    return [pscustomobject] @{ Passed = [int] $s.Passed; Failed = [int] $s.Failed; Skipped = [int] $s.Skipped }
}

# Runs tools/services/<Name>.sh and puts the "export NAME='value'" lines it prints into this process's environment
# (the test processes inherit them). A service that cannot start is reported; its tests then fail under CI=true.
function Start-TestService {
    param([Parameter(Mandatory)] [string] $Name)
    $script = Join-Path $script:Root "tools/services/$Name.sh"
    Write-Host "==> Service: $Name"
    $lines = & bash $script
    if ($LASTEXITCODE -ne 0) { Write-Host "Service $Name did not start (exit code $LASTEXITCODE); its tests will report it" -ForegroundColor Yellow; return }
    foreach ($line in $lines) {
        if ($line -match "^export (\w+)='(.*)'$") { [Environment]::SetEnvironmentVariable($Matches[1], $Matches[2]) }
    }
}

function Invoke-AllTests {
    param([string] $Configuration, [string] $PesterFilter = '', [switch] $SkipUnit)
    $unit = [pscustomobject] @{ Passed = 0; Failed = 0; Skipped = 0 }
    $pesterCounts = [pscustomobject] @{ Passed = 0; Failed = 0; Skipped = 0 }
    try {
        Invoke-Build -Configuration $Configuration
        $module = Invoke-Package -Configuration $Configuration
        Start-TestService -Name chromium
        Start-TestService -Name postgres
        Start-TestService -Name slurm
        if (-not $SkipUnit) { $unit = Invoke-UnitTests -Configuration $Configuration }
        $pesterCounts = Invoke-PesterTests -ModulePath $module -Filter $PesterFilter
    }
    catch {
        Write-Host "Test run aborted: $($_.Exception.Message)" -ForegroundColor Red
        $unit.Failed += 1
    }
    $passed = $unit.Passed + $pesterCounts.Passed
    $failed = $unit.Failed + $pesterCounts.Failed
    $skipped = $unit.Skipped + $pesterCounts.Skipped
    Write-Host "xUnit: $($unit.Passed) passed, $($unit.Failed) failed; Pester: $($pesterCounts.Passed) passed, $($pesterCounts.Failed) failed"
    Write-Host "Tests: $passed passed, $failed failed, $skipped skipped"
    if ($failed -gt 0 -or $passed -eq 0) { return 1 }
    return 0
}

function Get-UserModuleRoot {
    # The first PSModulePath entry under the user's home is where Import-Module looks for the user's modules
    # (~/.local/share/powershell/Modules on Linux).
    $homeDir = [Environment]::GetFolderPath('UserProfile')
    $userRoot = $env:PSModulePath -split [IO.Path]::PathSeparator | Where-Object { $_ -and $_.StartsWith($homeDir) } | Select-Object -First 1
    if ($userRoot) { return $userRoot }
    return Join-Path $homeDir '.local/share/powershell/Modules'
}

function Install-PwshCommand {
    # Users outside the checkout need a `pwsh` on PATH; the tool manifest only serves `dotnet pwsh` inside it.
    # pwsh puts its own folder ($PSHOME) on PATH, and `dotnet pwsh` runs from the NuGet cache: neither counts.
    $onPath = Get-Command pwsh -CommandType Application -All -ErrorAction SilentlyContinue |
        Where-Object { (Split-Path $_.Source) -ne $PSHOME -and $_.Source -notlike '*/.dotnet/tools/*' -and $_.Source -notlike '*/.nuget/packages/*' } |
        Select-Object -First 1
    if ($onPath) { Write-Host "pwsh: $($onPath.Source) (already on PATH)"; return $onPath.Source }
    $toolDir = Join-Path ([Environment]::GetFolderPath('UserProfile')) '.dotnet/tools'
    $tool = Join-Path $toolDir 'pwsh'
    if (-not (Test-Path $tool)) {
        Write-Host '==> Installing PowerShell 7.6.9 as a dotnet global tool'
        Invoke-Dotnet @('tool', 'install', '--global', 'powershell', '--version', '7.6.9')
    }
    $binDir = if ([Environment]::UserName -eq 'root') { '/usr/local/bin' } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.local/bin' }
    New-Item -ItemType Directory -Force -Path $binDir | Out-Null
    $link = Join-Path $binDir 'pwsh'
    if (-not (Test-Path $link)) { New-Item -ItemType SymbolicLink -Path $link -Target $tool | Out-Null }
    Write-Host "pwsh: $link -> $tool"
    if (($env:PATH -split ':') -notcontains $binDir) { Write-Host "Note: add $binDir to PATH to run pwsh by name" -ForegroundColor Yellow }
    return $link
}

function Invoke-Install {
    param([string] $Configuration = 'Release', [string] $Destination = '')
    Invoke-Build -Configuration $Configuration
    $module = Invoke-Package -Configuration $Configuration
    $version = (Import-PowerShellDataFile (Join-Path $module 'EcodMini.psd1')).ModuleVersion
    $root = if ($Destination) { $Destination } else { Get-UserModuleRoot }
    $target = Join-Path $root "EcodMini/$version"
    Write-Host "==> Install EcodMini $version -> $target"
    if (Test-Path $target) { Remove-Item -Recurse -Force $target }
    New-Item -ItemType Directory -Force -Path $target | Out-Null
    Copy-Item -Recurse -Path (Join-Path $module '*') -Destination $target
    $pwsh = Install-PwshCommand
    # Prove it from outside the checkout, in a fresh process, as a user would.
    $check = & $pwsh -NoProfile -NonInteractive -WorkingDirectory ([IO.Path]::GetTempPath()) -Command `
        "Import-Module EcodMini -RequiredVersion $version -ErrorAction Stop; (Get-Module EcodMini).ModuleBase"
    if ($LASTEXITCODE -ne 0) { throw "Install: Import-Module EcodMini failed outside the checkout" }
    Write-Host "Installed: Import-Module EcodMini works anywhere (loaded from $check)"
}
