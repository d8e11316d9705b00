# The SLURM cluster check shared by test files that need the real cluster (tools/services/slurm.sh starts it).

# Outside CI a missing or unusable cluster skips the caller's SLURM tests (with a warning); under CI=true they run and fail.
function Get-SlurmSkip([string] $What) {
    $reason = $null
    if (-not (Get-Command sinfo -ErrorAction SilentlyContinue)) { $reason = 'sinfo not found' }
    elseif (((& sinfo --noheader --format=%t 2>&1) -join ',') -notmatch 'idle|mix|alloc|comp') { $reason = 'no usable node' }
    if (-not $reason -or $env:CI -eq 'true') { return $false }
    Write-Warning "$What SKIPPED: $reason (run tools/services/slurm.sh as root; under CI=true they fail)"
    return $true
}

function Assert-SlurmCluster {
    & sinfo --noheader --format=%t *> $null
    if ($LASTEXITCODE -ne 0) { throw 'SLURM cluster required (CI=true) but sinfo fails: run tools/services/slurm.sh' }
}
