# Publish task for build.ps1 (dot-sourced after BuildTasks.ps1): packs the packaged module (out/EcodMini) as a
# .nupkg into a PSResourceGet repository, by default a folder registered with Register-PSResourceRepository.
# Uses Microsoft.PowerShell.PSResourceGet, which ships with pwsh 7.4 and later; needs no network for a folder.

# The registered repository named $Name, registering $Path under that name when it is not registered yet.
# A name already registered for another location is an error (never silently re-pointed).
function Register-EcodRepository {
    param(
        [Parameter(Mandatory)] [string] $Name,
        [string] $Path = ''
    )
    $existing = Get-PSResourceRepository -Name $Name -ErrorAction SilentlyContinue
    if ($existing) {
        if ($Path) {
            $wanted = [IO.Path]::GetFullPath($Path).TrimEnd('/')
            $registered = $existing.Uri.LocalPath.TrimEnd('/')
            if ($existing.Uri.IsFile -eq $false -or $registered -ne $wanted) {
                throw "Publish: the repository '$Name' is already registered for $($existing.Uri), not $wanted; give another -Repository name, or Unregister-PSResourceRepository -Name $Name first"
            }
        }
        return $existing
    }
    if (-not $Path) { $Path = Join-Path $script:OutDir 'repository' }
    $full = [IO.Path]::GetFullPath($Path)
    New-Item -ItemType Directory -Force -Path $full | Out-Null
    Write-Host "==> Register-PSResourceRepository -Name $Name -Uri $full -Trusted"
    Register-PSResourceRepository -Name $Name -Uri $full -Trusted
    return Get-PSResourceRepository -Name $Name
}

# Build, package, then publish out/EcodMini to the repository. A version already in the repository is refused:
# raise ModuleVersion in EcodMini.psd1 (the one place it is set) and publish again.
function Invoke-Publish {
    param(
        [string] $Configuration = 'Release',
        [string] $Repository = 'EcodMini',
        [string] $RepositoryPath = ''
    )
    Invoke-Build -Configuration $Configuration
    $module = Invoke-Package -Configuration $Configuration
    Publish-EcodModule -ModulePath $module -Repository $Repository -RepositoryPath $RepositoryPath
}

# Publishes an assembled module folder (the folder must be named after the module) and returns the .nupkg file.
function Publish-EcodModule {
    param(
        [Parameter(Mandatory)] [string] $ModulePath,
        [string] $Repository = 'EcodMini',
        [string] $RepositoryPath = ''
    )
    $manifest = Join-Path $ModulePath 'EcodMini.psd1'
    $info = Test-ModuleManifest -Path $manifest -ErrorAction Stop
    $version = $info.Version.ToString()
    $repo = Register-EcodRepository -Name $Repository -Path $RepositoryPath
    if (Find-PSResource -Name EcodMini -Version $version -Repository $Repository -ErrorAction SilentlyContinue) {
        throw "Publish: EcodMini $version is already in repository '$Repository' ($($repo.Uri)); raise ModuleVersion in EcodMini.psd1 and publish again"
    }
    Write-Host "==> Publish EcodMini $version -> $Repository ($($repo.Uri))"
    Publish-PSResource -Path $ModulePath -Repository $Repository -ErrorAction Stop
    $package = Join-Path $repo.Uri.LocalPath "EcodMini.$version.nupkg"
    if (-not (Test-Path $package)) { throw "Publish: $package was not written" }
    $size = (Get-Item $package).Length
    Write-Host ('Published: {0} ({1:N1} MB). Install with: Install-PSResource EcodMini -Repository {2}' -f $package, ($size / 1MB), $Repository)
    return Get-Item $package
}
