# Helpers for tests against the test SLURM cluster (tools/services/slurm.sh; ./build.sh Test starts it).

# Why the cluster cannot be used, or $null when sinfo shows a usable node.
function Get-SlurmSkipReason {
    if (-not (Get-Command sinfo -ErrorAction SilentlyContinue)) { return 'sinfo not found' }
    $state = (& sinfo --noheader --format=%t 2>&1) -join ','
    if ($LASTEXITCODE -ne 0 -or $state -notmatch 'idle|mix|alloc|comp') { return "no usable node ($state)" }
    return $null
}

# Outside CI a missing cluster skips the SLURM tests (with a warning); under CI=true they run and fail.
function Get-SlurmSkip([string] $What = 'SLURM tests') {
    $reason = Get-SlurmSkipReason
    if (-not $reason -or $env:CI -eq 'true') { return $false }
    Write-Warning "$What SKIPPED: $reason (run tools/services/slurm.sh as root; under CI=true they fail)"
    return $true
}

function Assert-SlurmCluster {
    & sinfo --noheader --format=%t *> $null
    if ($LASTEXITCODE -ne 0) { throw 'SLURM cluster required (CI=true) but sinfo fails: run tools/services/slurm.sh' }
}

# The slurm: section for the test cluster: default partition, job scripts in the given folder.
function Get-SlurmConfigLines([string] $Folder, [string] $Time = '0:10:00', [string] $EnvSetup, [int] $MaxConcurrent = 4) {
    $slurm = @('slurm:', "  time: `"$Time`"", '  memory: 500M', "  max_concurrent_jobs: $MaxConcurrent", "  job_script_dir: $Folder/jobs", '  submit_delay: 0')
    if ($EnvSetup) { $slurm += "  env_setup_script: $EnvSetup" }
    $slurm
}

# A configuration for the test cluster: scripts and logs in the test's folder, retries without delay.
function New-SlurmConfig([string] $Folder, [string] $Time = '0:10:00', [string] $EnvSetup) {
    New-Item -ItemType Directory -Force -Path $Folder | Out-Null
    $path = Join-Path $Folder 'production.yml'
    (Get-SlurmConfigLines $Folder $Time $EnvSetup) + @('paths:', "  log_dir: $Folder/logs", 'processing:', '  retry_delay: 0', '  max_retries: 3') | Set-Content $path
    $path
}

# The job name (ecod-<run>) of the first job script under a folder.
function Get-JobScriptName([string] $JobScriptPath) {
    (Get-Content $JobScriptPath | Select-String "job-name='([^']+)'").Matches[0].Groups[1].Value
}

function Get-SacctRows([string] $JobName) {
    @(& sacct -X --parsable2 --noheader --name $JobName --starttime now-1days --format=JobIdRaw,JobID,State | Where-Object { $_ })
}

# The first job script's job name under a test folder's jobs/ (the run's ecod-<run>).
function Get-RunJobName([string] $Folder) {
    Get-JobScriptName (Get-ChildItem (Join-Path $Folder 'jobs') -Recurse -Filter job.sh | Select-Object -First 1).FullName
}

# A configuration for tests that run chains again in every test (skip_existing: false: outputs of an earlier test do not count).
function New-SlurmRunConfig([string] $Folder, [int] $MaxConcurrent = 4) {
    New-Item -ItemType Directory -Force -Path $Folder | Out-Null
    $path = Join-Path $Folder 'production.yml'
    (Get-SlurmConfigLines $Folder -MaxConcurrent $MaxConcurrent) + @('paths:', "  log_dir: $Folder/logs", 'processing:', '  retry_delay: 0', '  skip_existing: false') | Set-Content $path
    $path
}

# One test's case on the cluster: its folder, configuration (New-SlurmRunConfig), tracker, and the first $Count chains
# of the batch root found into that tracker (none when $Count is 0). Returns Folder, Config, Db, Tasks.
function New-SlurmCase([string] $Folder, [string] $BatchRoot, [int] $Count = 0, [int] $MaxConcurrent = 4) {
    $cfg = New-SlurmRunConfig $Folder -MaxConcurrent $MaxConcurrent
    $db = Join-Path $Folder 'tracking.db'
    $tasks = if ($Count -gt 0) { @(Find-EcodProtein -BatchRoot $BatchRoot -RepsOnly:$false -TrackingDatabase $db -ConfigurationPath $cfg | Select-Object -First $Count) } else { @() }
    [pscustomobject]@{ Folder = $Folder; Config = $cfg; Db = $db; Tasks = $tasks }
}
