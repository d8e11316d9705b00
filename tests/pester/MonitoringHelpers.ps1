# Helpers for the monitoring tests: a tracked run with known failures, headless Chromium over WebDriver, tmux.

$script:TestResults = Join-Path $script:RepositoryRoot 'out/test-results'
New-Item -ItemType Directory -Force -Path $script:TestResults | Out-Null

# Generates chains, breaks $Broken summaries (truncated XML: one failure cause), runs every chain locally.
function New-MonitoredRun {
    param([int] $ProteinCount = 240, [int] $Broken = 12, [int] $Seed = 19)
    $gen = New-TestBatchRoot -ProteinCount $ProteinCount -Seed $Seed -BatchCount 3
    $summaries = @(Get-ChildItem $gen.Root -Recurse -Filter '*.domain_summary.xml' | Sort-Object FullName | Select-Object -First $Broken)
    foreach ($s in $summaries) { Set-Content -Path $s.FullName -Value '<domain_summary version="1.0"><protein pdb_id=' }
    $dir = Split-Path $gen.Root
    $db = Join-Path $dir 'tracking.db'
    Find-EcodProtein -BatchRoot $gen.Root -RepsOnly:$false -SkipExisting:$false |
        Submit-EcodJob -Executor Local -ReferenceDirectory $gen.ReferenceDirectory -TrackingDatabase $db -WorkDirectory (Join-Path $dir 'work') -ErrorAction SilentlyContinue | Out-Null
    [pscustomobject] @{ Generated = $gen; TrackingDatabase = $db; Folder = $dir; Broken = $summaries.Count }
}

# A service the test needs and cannot find: fails under CI=true, skips loudly elsewhere. Returns $true when missing.
function Test-MissingTool {
    param([Parameter(Mandatory)] [string] $Name)
    if (Get-Command $Name -ErrorAction SilentlyContinue) { return $false }
    if ($env:CI -eq 'true') { throw "$Name is not installed (tools/services/chromium.sh installs it); CI requires it" }
    Set-ItResult -Skipped -Because "$Name is not installed: run tools/services/chromium.sh as root"
    return $true
}

function Get-FreeTcpPort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
    return $port
}

# Starts chromedriver and a headless Chromium session; returns @{ Process; Base; Session }.
function Start-HeadlessBrowser {
    $port = Get-FreeTcpPort
    $log = Join-Path $script:TestResults 'chromedriver.log'
    $process = Start-Process chromedriver -ArgumentList "--port=$port", "--log-path=$log" -PassThru
    $base = "http://127.0.0.1:$port"
    $deadline = [DateTime]::UtcNow.AddSeconds(20)
    while ($true) {
        try { if ((Invoke-RestMethod "$base/status" -TimeoutSec 2).value.ready) { break } } catch { }
        if ([DateTime]::UtcNow -gt $deadline) { $process | Stop-Process -Force; throw "chromedriver did not start on port $port (see $log)" }
        Start-Sleep -Milliseconds 200
    }
    $capabilities = @{ capabilities = @{ alwaysMatch = @{ browserName = 'chrome'; 'goog:chromeOptions' = @{
        binary = (Get-Command chromium).Source
        args = @('--headless', '--no-sandbox', '--disable-gpu', '--window-size=1280,900', '--force-device-scale-factor=1')
    } } } }
    try {
        $session = Invoke-WebDriver -Base $base -Method Post -Path 'session' -Body $capabilities
    } catch { $process | Stop-Process -Force; throw }
    [pscustomobject] @{ Process = $process; Base = $base; Session = $session.sessionId }
}

function Invoke-WebDriver {
    param([string] $Base, [string] $Method = 'Get', [string] $Path, $Body)
    $arguments = @{ Method = $Method; Uri = "$Base/$Path"; TimeoutSec = 60 }
    if ($null -ne $Body) { $arguments.Body = ($Body | ConvertTo-Json -Depth 8 -Compress); $arguments.ContentType = 'application/json' }
    (Invoke-RestMethod @arguments).value
}

function Invoke-BrowserCommand {
    param([Parameter(Mandatory)] $Browser, [string] $Method = 'Post', [Parameter(Mandatory)] [string] $Path, $Body)
    Invoke-WebDriver -Base $Browser.Base -Method $Method -Path "session/$($Browser.Session)/$Path" -Body $Body
}

function Stop-HeadlessBrowser {
    param($Browser)
    if (-not $Browser) { return }
    try { Invoke-WebDriver -Base $Browser.Base -Method Delete -Path "session/$($Browser.Session)" | Out-Null } catch { }
    if (-not $Browser.Process.HasExited) { $Browser.Process | Stop-Process -Force }
}

# The visible screen of a tmux pane (the alternate screen while a full-screen program draws).
function Get-TmuxScreen {
    param([Parameter(Mandatory)] [string] $Session)
    $lines = & tmux capture-pane -t $Session -p
    return @($lines)
}

# Polls a tmux pane until $Condition holds for its screen (an array of lines); returns that screen or throws.
function Wait-TmuxScreen {
    param([Parameter(Mandatory)] [string] $Session, [Parameter(Mandatory)] [scriptblock] $Condition, [int] $TimeoutSeconds = 60, [string] $What = 'the expected screen')
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ($true) {
        $screen = Get-TmuxScreen -Session $Session
        if (& $Condition $screen) { return ,$screen }
        if ([DateTime]::UtcNow -gt $deadline) { throw "tmux: timed out waiting for $What; screen was:`n$($screen -join "`n")" }
        Start-Sleep -Milliseconds 200
    }
}
