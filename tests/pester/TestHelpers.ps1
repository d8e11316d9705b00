# Shared helpers for the Pester suite. Tests run against the PACKAGED module (ECODMINI_MODULE_PATH).

$script:ModulePath = $env:ECODMINI_MODULE_PATH
if (-not $script:ModulePath) { $script:ModulePath = Join-Path $PSScriptRoot '../../out/EcodMini' }
if (-not (Test-Path $script:ModulePath)) { throw "Packaged module not found at $script:ModulePath: run ./build.sh Package first" }
Import-Module $script:ModulePath -Force

$script:RepositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path

function Get-EcodModulePath { $script:ModulePath }

# Starts a pipeline in a fresh pwsh without waiting (for crash tests); the caller owns the process.
function Start-FreshPwsh {
    param([Parameter(Mandatory)] [string] $Script)
    $Script = "`$PSStyle.OutputRendering='PlainText'; $Script"
    $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in @('pwsh', '-NoProfile', '-NonInteractive', '-Command', "Import-Module '$script:ModulePath'; $Script")) { $psi.ArgumentList.Add($a) }
    $psi.WorkingDirectory = $script:RepositoryRoot
    $psi.RedirectStandardOutput = $true; $psi.RedirectStandardError = $true
    [System.Diagnostics.Process]::Start($psi)
}

function New-TestDirectory {
    $dir = Join-Path ([System.IO.Path]::GetTempPath()) ("ecodmini-test-" + [guid]::NewGuid().ToString('n').Substring(0, 12))
    New-Item -ItemType Directory -Path $dir | Out-Null
    return $dir
}

# Runs a script block's text in a fresh pwsh with the packaged module imported; returns stdout lines and exit code.
# -AsOrdinaryUser drops the capabilities that let root ignore file permissions (setpriv), so read-only files and
# folders are read-only to the child as they are to any user.
function Invoke-FreshPwsh {
    param([Parameter(Mandatory)] [string] $Script, [string] $WorkingDirectory = (Get-Location).Path, [switch] $AsOrdinaryUser)
    # pwsh comes from the repository's dotnet tool manifest, so the process starts in the repository and then moves.
    $full = "`$ErrorActionPreference='Stop'; `$PSStyle.OutputRendering='PlainText'; Set-Location -LiteralPath '$WorkingDirectory'; Import-Module '$script:ModulePath'; $Script"
    $command = @('dotnet', 'pwsh', '-NoProfile', '-NonInteractive', '-Command', $full)
    if ($AsOrdinaryUser) { $command = @('setpriv', '--bounding-set=-dac_override,-dac_read_search,-fowner', '--inh-caps=-all', '--') + $command }
    $psi = [System.Diagnostics.ProcessStartInfo]::new($command[0])
    foreach ($a in $command[1..($command.Count - 1)]) { $psi.ArgumentList.Add($a) }
    $psi.WorkingDirectory = $script:RepositoryRoot
    $psi.RedirectStandardOutput = $true; $psi.RedirectStandardError = $true
    $p = [System.Diagnostics.Process]::Start($psi)
    $stdout = $p.StandardOutput.ReadToEndAsync(); $stderr = $p.StandardError.ReadToEndAsync()
    $p.WaitForExit()
    [pscustomobject] @{ ExitCode = $p.ExitCode; Output = $stdout.Result; Error = $stderr.Result }
}

# A tiny reference library: a two-domain chain (2ia4 A), a one-domain chain (6dgv A), a blacklisted chain.
function New-TestReference {
    param([Parameter(Mandatory)] [string] $Path)
    New-Item -ItemType Directory -Force -Path $Path | Out-Null
    @(
        'domain_id,pdb_id,chain_id,range,length,t_group,h_group'
        'e2ia4A1,2ia4,A,2-248,247,7.1.1,7.1'
        'e2ia4A2,2ia4,A,249-300,52,7.2.1,7.2'
        'e6dgvA1,6dgv,A,1-240,240,1.1.1,1.1'
        'e9zzzA1,9zzz,A,1-200,200,3.3.3,3.3'
    ) | Set-Content (Join-Path $Path 'domain_definitions.csv')
    @('domain_id,length', 'e2ia4A1,247', 'e2ia4A2,52', 'e6dgvA1,240', 'e9zzzA1,200') | Set-Content (Join-Path $Path 'domain_lengths.csv')
    @('pdb_id,chain_id,length', '2ia4,A,300', '6dgv,A,240', '9zzz,A,200') | Set-Content (Join-Path $Path 'protein_lengths.csv')
    @('pdb_id,chain_id,reason,date_added,added_by', '9zzz,A,obsolete,2025-01-01,ecod') | Set-Content (Join-Path $Path 'reference_blacklist.csv')
}

# A valid v1.0 summary with one good domain BLAST hit covering 10-249 of a 260-residue chain.
function New-TestSummary {
    param([Parameter(Mandatory)] [string] $Path, [string] $Pdb = '1abc', [string] $Chain = 'A')
    $xml = @"
<domain_summary version="1.0">
  <protein pdb_id="$Pdb" chain_id="$Chain" length="260"><sequence></sequence></protein>
  <evidence>
    <hit type="domain_blast" target="e6dgvA1" evalue="1e-40" query_range="10-249" target_range="1-240"/>
  </evidence>
  <metadata><batch_id>test</batch_id></metadata>
</domain_summary>
"@
    New-Item -ItemType Directory -Force -Path (Split-Path $Path) | Out-Null
    Set-Content -Path $Path -Value $xml
}

# A generated batch root (cached per test file run): reference library, batch folders, representatives, truth.
function New-TestBatchRoot {
    param([int] $ProteinCount = 200, [int] $Seed = 7, [int] $BatchCount = 2, [string] $Format = 'Legacy')
    $root = Join-Path (New-TestDirectory) 'batches'
    New-EcodSyntheticBatch -Path $root -ProteinCount $ProteinCount -Seed $Seed -BatchCount $BatchCount -Format $Format
}

function Get-RepresentativeIds([string] $Root) {
    @(Get-Content (Join-Path $Root 'representatives.txt') | Where-Object { $_ -and -not $_.StartsWith('#') } | ForEach-Object Trim)
}
