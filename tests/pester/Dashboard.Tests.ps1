BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'MonitoringHelpers.ps1')
}

Describe 'Watch-EcodProduction in a real 80x24 terminal' {
    BeforeAll {
        $script:session = "ecodmini-watch-$PID"
        $script:runner = $null
        $script:restore = $null
    }
    AfterAll {
        if ($script:runner -and -not $script:runner.HasExited) { $script:runner.Kill($true) }
        if ($script:restore) { & $script:restore }
        & tmux kill-session -t $script:session 2>$null
    }

    It 'redraws in place for a user who cannot write the tracker while a run progresses, then leaves a clean prompt on Ctrl+C' {
        if (Test-MissingTool tmux) { return }
        $gen = New-TestBatchRoot -ProteinCount 2000 -Seed 23 -BatchCount 4
        $dir = Split-Path $gen.Root
        $db = Join-Path $dir 'tracking.db'
        $work = Join-Path $dir 'work'
        # A first, small run creates the tracker; the watcher then follows the second one as it goes.
        Find-EcodProtein -BatchRoot $gen.Root -RepsOnly:$false -SkipExisting:$false -MaxProteins 100 |
            Submit-EcodJob -Executor Local -ReferenceDirectory $gen.ReferenceDirectory -TrackingDatabase $db -WorkDirectory $work | Out-Null

        # The watcher cannot write the tracker: the file and its folder are read-only, and its shell runs without the
        # capabilities that let root ignore file permissions. The run (full root) writes on regardless.
        chmod 444 $db; chmod 555 $dir
        $script:restore = { chmod 755 $dir; chmod 644 $db }.GetNewClosure()
        $shell = "setpriv --bounding-set=-dac_override,-dac_read_search,-fowner --inh-caps=-all -- dotnet pwsh -NoProfile -NoLogo"
        & tmux new-session -d -s $session -x 80 -y 24 -c $script:RepositoryRoot $shell
        $LASTEXITCODE | Should -Be 0
        $prompt = { param($s) ($s -join "`n").TrimEnd() -match 'PS [^\n]*>$' }
        Wait-TmuxScreen -Session $session -What 'the pwsh prompt' -Condition $prompt | Out-Null
        & tmux send-keys -t $session "Import-Module '$(Get-EcodModulePath)'; Clear-Host" Enter
        Start-Sleep -Milliseconds 500
        Wait-TmuxScreen -Session $session -What 'the module imported' -TimeoutSeconds 60 -Condition $prompt | Out-Null

        $script:runner = Start-FreshPwsh -Script ("Find-EcodProtein -BatchRoot '$($gen.Root)' -RepsOnly:`$false -SkipExisting -TrackingDatabase '$db' | " +
            "Submit-EcodJob -Executor Local -ReferenceDirectory '$($gen.ReferenceDirectory)' -TrackingDatabase '$db' -WorkDirectory '$work' -ThrottleLimit 1 -ChunkSize 20 | Out-Null")
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while (-not (Test-Path "$db-shm") -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
        & tmux send-keys -t $session "Watch-EcodProduction -TrackingDatabase '$db' -RefreshInterval 0.5" Enter
        $progress = { param($s) if ($s[1] -match ' (\d[\d,]*)/2,000$') { [int] ($Matches[1] -replace ',') } else { -1 } }
        $during = Wait-TmuxScreen -Session $session -What 'a frame of the run under way' -TimeoutSeconds 120 -Condition {
            param($s) $n = & $progress $s; $n -gt 100 -and $n -lt 2000 }
        $doneBefore = & $progress $during
        $during[0] | Should -Match '  run on \S+ ' -Because 'the run holds the lease while it works'
        $later = Wait-TmuxScreen -Session $session -What 'a later frame with more jobs finished' -TimeoutSeconds 120 -Condition {
            param($s) (& $progress $s) -gt $doneBefore }
        ($during -join "`n") | Set-Content (Join-Path $script:TestResults 'dashboard-frame-during.txt')
        ($later -join "`n") | Set-Content (Join-Path $script:TestResults 'dashboard-frame-later.txt')

        foreach ($frame in @($during, $later)) {
            $frame | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
            $frame[0] | Should -Match '^EcodMini production tracking\.db  (run on \S+|no run active|[\d,]+ in flight) +\d\d:\d\d:\d\d UTC, every 0\.5s$'
            $frame[1] | Should -Match '^[█░]+ +\d+\.\d%  [\d,]+/2,000$'
            $frame[2] | Should -Match '^Completed +[\d,]+ +\d+\.\d% +Failed +\d+ +\d+\.\d%$'
            $frame[3] | Should -Match '^Running +[\d,]+ +\d+\.\d% +Pending +[\d,]+ +\d+\.\d%$'
            $frame[4] | Should -Match '^Throughput [\d,.]+/h (recent|overall)   ETA '
            $frame[5] | Should -Match '^Overall [\d,.]+/h   Recent \([^)]+\) [\d,.]+/h'
            $frame[6] | Should -Match '^Coverage \d\.\d\d   Domains \d+\.\d   Quality good '
            ($frame -join "`n") | Should -Match '── Batches \(4, \d done\)'
            ($frame -join "`n") | Should -Match 'Recent completions +Recent failures'
            $frame[-1] | Should -BeNullOrEmpty -Because 'the last line stays free so nothing scrolls'
        }
        ($later -join "`n") | Should -Match "(?m)^ ecod_batch_\d{3}_\d{8}_\d{4} [█░]+ +\d+\.\d% +[\d,]+/500"

        # A wider terminal: the next refresh redraws the whole screen at the new size, with nothing left over.
        & tmux resize-window -t $session -x 120 -y 30
        $wide = Wait-TmuxScreen -Session $session -What 'a frame at 120 columns' -Condition { param($s) $s[1].Length -gt 100 }
        ($wide -join "`n") | Set-Content (Join-Path $script:TestResults 'dashboard-frame-120x30.txt')
        $wide | ForEach-Object { $_.Length | Should -BeLessOrEqual 120 }
        $wide[0] | Should -Match '^EcodMini production tracking\.db  (run on \S+|no run active) +\d\d:\d\d:\d\d UTC, every 0\.5s$'
        $wide[2] | Should -Match '^Completed +[\d,]+ +\d+\.\d% +Failed .* Running .* Pending +[\d,]+ +\d+\.\d%$'
        @($wide | Where-Object { $_ -like 'EcodMini production*' }) | Should -HaveCount 1 -Because 'no stale frame remains'

        & tmux send-keys -t $session C-c
        $after = Wait-TmuxScreen -Session $session -What 'the prompt after Ctrl+C' -Condition { param($s) ($s -join "`n").TrimEnd() -match '(?s)EcodMini production at .*\nPS [^\n]*>$' }
        ($after -join "`n") | Set-Content (Join-Path $script:TestResults 'dashboard-after-ctrl-c.txt')
        $text = $after -join "`n"
        $text | Should -Match 'EcodMini production at \d\d:\d\d:\d\d UTC: [\d,]+/2,000 finished \(\d+\.\d%\)'
        $text | Should -Not -Match 'Recent completions' -Because 'the frame was on the alternate screen and is gone'
        $text | Should -Not -Match 'PipelineStopped|Exception'
        # The terminal still works: the next command runs and prints; it shows Spectre.Console was loaded in the
        # module's private load context, not next to pwsh's own assemblies.
        & tmux send-keys -t $session ("[AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'Spectre.Console' } | " +
            "ForEach-Object { 'spectre-in-' + [Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name }") Enter
        Wait-TmuxScreen -Session $session -What 'the next command' -Condition { param($s) $s -contains 'spectre-in-EcodMini.Engine' } | Out-Null
        $script:runner.WaitForExit(120000) | Should -BeTrue -Because 'Ctrl+C ends the display, never the run'
        $script:runner.ExitCode | Should -Be 0
    }
}
