# Helpers for the install tests: a pwsh that cannot see the checkout (its own HOME, so its own empty user module
# path and PSResourceGet repository list; no PSModulePath or ECODMINI_MODULE_PATH inherited), started from a folder
# outside the checkout. pwsh itself is this process's pwsh (the repository's tool manifest has no say outside it).

# A home folder for one isolated pwsh; .local/share must exist for .NET to place per-user data under it.
function New-IsolatedHome {
    param([Parameter(Mandatory)] [string] $Path)
    New-Item -ItemType Directory -Force -Path (Join-Path $Path '.local/share') | Out-Null
    return $Path
}

# Runs $Script in an isolated pwsh; returns exit code, stdout and stderr. Stops on the first error ($ErrorActionPreference).
function Invoke-IsolatedPwsh {
    param(
        [Parameter(Mandatory)] [string] $Script,
        [Parameter(Mandatory)] [string] $HomeDirectory,
        [string] $WorkingDirectory = $HomeDirectory
    )
    $full = "`$ErrorActionPreference = 'Stop'; `$PSStyle.OutputRendering = 'PlainText'; $Script"
    $pwsh = Join-Path $PSHOME 'pwsh.dll'
    $psi = if (Test-Path $pwsh) { [System.Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath) } else { [System.Diagnostics.ProcessStartInfo]::new((Join-Path $PSHOME 'pwsh')) }
    if (Test-Path $pwsh) { $psi.ArgumentList.Add($pwsh) }
    foreach ($a in @('-NoProfile', '-NonInteractive', '-Command', $full)) { $psi.ArgumentList.Add($a) }
    $psi.WorkingDirectory = $WorkingDirectory
    foreach ($name in @('PSModulePath', 'ECODMINI_MODULE_PATH', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME')) { $psi.Environment.Remove($name) | Out-Null }
    $psi.Environment['HOME'] = $HomeDirectory
    $psi.RedirectStandardOutput = $true; $psi.RedirectStandardError = $true
    $p = [System.Diagnostics.Process]::Start($psi)
    $stdout = $p.StandardOutput.ReadToEndAsync(); $stderr = $p.StandardError.ReadToEndAsync()
    $p.WaitForExit()
    [pscustomobject] @{ ExitCode = $p.ExitCode; Output = $stdout.Result; Error = $stderr.Result }
}

# Publishes a module folder (named EcodMini) with the build's Publish code, from an isolated publisher home.
function Publish-TestModule {
    param([Parameter(Mandatory)] [string] $ModulePath, [Parameter(Mandatory)] [string] $Repository, [Parameter(Mandatory)] [string] $HomeDirectory)
    $build = Join-Path $script:RepositoryRoot 'tools/build'
    Invoke-IsolatedPwsh -HomeDirectory $HomeDirectory -Script (". '$build/BuildTasks.ps1'; . '$build/PublishTasks.ps1'; " +
        "(Publish-EcodModule -ModulePath '$ModulePath' -Repository EcodTest -RepositoryPath '$Repository').FullName")
}

# A copy of the packaged module whose manifest says $Version (what a later release looks like to PSResourceGet and to
# the workers' check); the copy's folder is named EcodMini, as Publish-PSResource wants.
function New-VersionedModuleCopy {
    param([Parameter(Mandatory)] [string] $ModulePath, [Parameter(Mandatory)] [string] $Version, [Parameter(Mandatory)] [string] $Destination)
    $target = Join-Path $Destination 'EcodMini'
    New-Item -ItemType Directory -Force -Path $target | Out-Null
    Copy-Item -Recurse -Path (Join-Path $ModulePath '*') -Destination $target
    Set-ModuleVersion -ManifestPath (Join-Path $target 'EcodMini.psd1') -Version $Version
    return $target
}

function Set-ModuleVersion {
    param([Parameter(Mandatory)] [string] $ManifestPath, [Parameter(Mandatory)] [string] $Version)
    $text = Get-Content -Raw $ManifestPath
    ($text -replace "(?m)^(\s*ModuleVersion\s*=\s*)'[^']*'", "`${1}'$Version'") | Set-Content -NoNewline $ManifestPath
}

# Adds "  key: value" to the slurm: section of a configuration file.
function Add-SlurmSetting {
    param([Parameter(Mandatory)] [string] $ConfigPath, [Parameter(Mandatory)] [string] $Key, [Parameter(Mandatory)] [string] $Value)
    $lines = [System.Collections.Generic.List[string]] (Get-Content $ConfigPath)
    $at = $lines.IndexOf('slurm:')
    if ($at -lt 0) { throw "$ConfigPath has no slurm: section" }
    $lines.Insert($at + 1, "  ${Key}: $Value")
    $lines | Set-Content $ConfigPath
}
