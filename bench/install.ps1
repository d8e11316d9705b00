<#
.SYNOPSIS
    Package size, publish time and Install-PSResource time of the packaged module, with a folder repository.
.DESCRIPTION
    Runs in a child pwsh with its own HOME (its own PSResourceGet repository list and an empty user module path):
    registers a temporary folder as a repository, publishes out/EcodMini into it (Publish-PSResource), then installs
    it $Repeat times (Install-PSResource, -Reinstall after the first) and imports it. Prints the figures.
.EXAMPLE
    ./build.sh Package; dotnet pwsh bench/install.ps1
#>
param([string] $ModulePath = (Join-Path $PSScriptRoot '../out/EcodMini'), [int] $Repeat = 3)
$ErrorActionPreference = 'Stop'
$module = (Resolve-Path $ModulePath).Path
$root = Join-Path ([IO.Path]::GetTempPath()) ('ecodmini-bench-install-' + [guid]::NewGuid().ToString('n').Substring(0, 8))
New-Item -ItemType Directory -Force -Path (Join-Path $root 'home/.local/share'), (Join-Path $root 'repo') | Out-Null
$script = @"
`$ErrorActionPreference = 'Stop'; `$ProgressPreference = 'SilentlyContinue'
Register-PSResourceRepository -Name EcodBench -Uri '$root/repo' -Trusted
`$publish = Measure-Command { Publish-PSResource -Path '$module' -Repository EcodBench }
`$package = Get-ChildItem '$root/repo' -Filter *.nupkg | Select-Object -First 1
'package: {0}, {1:N1} MB ({2:N0} bytes)' -f `$package.Name, (`$package.Length / 1MB), `$package.Length
'publish: {0:N1} s' -f `$publish.TotalSeconds
foreach (`$i in 1..$Repeat) {
    `$t = Measure-Command { Install-PSResource EcodMini -Repository EcodBench -Reinstall:(`$i -gt 1) }
    'install {0}: {1:N1} s' -f `$i, `$t.TotalSeconds
}
`$t = Measure-Command { Import-Module EcodMini }
'import: {0:N1} s from {1}' -f `$t.TotalSeconds, (Get-Module EcodMini).ModuleBase
'installed size: {0:N1} MB' -f ((Get-ChildItem (Get-Module EcodMini).ModuleBase -Recurse -File | Measure-Object Length -Sum).Sum / 1MB)
"@
$pwshDll = Join-Path $PSHOME 'pwsh.dll'
$psi = if (Test-Path $pwshDll) { [Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath) } else { [Diagnostics.ProcessStartInfo]::new((Join-Path $PSHOME 'pwsh')) }
if (Test-Path $pwshDll) { $psi.ArgumentList.Add($pwshDll) }
foreach ($a in @('-NoProfile', '-NonInteractive', '-Command', $script)) { $psi.ArgumentList.Add($a) }
foreach ($name in @('PSModulePath', 'ECODMINI_MODULE_PATH', 'XDG_DATA_HOME')) { $psi.Environment.Remove($name) | Out-Null }
$psi.Environment['HOME'] = Join-Path $root 'home'
$psi.WorkingDirectory = $root
"machine: $([Environment]::ProcessorCount) cores, load $((Get-Content /proc/loadavg -ErrorAction SilentlyContinue) -split ' ' | Select-Object -First 1)"
try {
    $p = [Diagnostics.Process]::Start($psi)
    $p.WaitForExit()
    if ($p.ExitCode -ne 0) { throw "the install benchmark failed (exit code $($p.ExitCode))" }
}
finally { Remove-Item -Recurse -Force $root -ErrorAction SilentlyContinue }
