# Issue 19 item 5: a local Submit-EcodJob streams each job as it is recorded, and Ctrl+C (SIGINT to the pwsh running
# it, as a terminal sends) leaves one line: "Stopped: N completed, M pending; run the same command again to resume".
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:gen = New-TestBatchRoot -ProteinCount 800 -Seed 51 -BatchCount 1

    # The pwsh (pwsh.dll) under a process started by Start-FreshPwsh (dotnet pwsh runs it two levels down).
    function Get-PwshUnder([int] $Id) {
        foreach ($child in @(& ps -o pid= --ppid $Id)) {
            if (-not $child.Trim()) { continue }
            $pid_ = [int] $child.Trim()
            if ((Get-Content "/proc/$pid_/cmdline" -Raw -ErrorAction SilentlyContinue) -match 'pwsh\.dll') { return $pid_ }
            $found = Get-PwshUnder $pid_
            if ($found) { return $found }
        }
    }
}

Describe 'Submit-EcodJob -Executor Local streams and stops cleanly' {
    It 'hands each job down the pipeline as soon as it is recorded, long before the run ends' {
        $dir = New-TestDirectory
        $db = Join-Path $dir 'tracking.db'
        $arrivals = [System.Collections.Generic.List[datetimeoffset]]::new()
        # Its own batch: a finished chain's output would keep it from the next test's scan.
        $own = New-TestBatchRoot -ProteinCount 800 -Seed 52 -BatchCount 1
        Find-EcodProtein -BatchRoot $own.Root -RepsOnly:$false |
            Submit-EcodJob -Executor Local -ReferenceDirectory $own.ReferenceDirectory -TrackingDatabase $db -WorkDirectory (Join-Path $dir 'work') -ThrottleLimit 1 |
            ForEach-Object { $arrivals.Add([datetimeoffset]::UtcNow) }
        $arrivals.Count | Should -Be 800
        $jobs = Get-EcodJobStatus -TrackingDatabase $db
        $lastEnd = ($jobs | Measure-Object -Property EndTime -Maximum).Maximum
        $firstEnd = ($jobs | Measure-Object -Property EndTime -Minimum).Minimum
        $arrivals[0] | Should -BeLessThan $lastEnd -Because 'the first job reaches the pipeline while later chains still run'
        ($arrivals[0] - $firstEnd).TotalSeconds | Should -BeLessThan (($lastEnd - $firstEnd).TotalSeconds / 2)
    }

    It 'prints "Stopped: N completed, M pending; run the same command again to resume" on Ctrl+C, and the same command resumes' {
        $dir = New-TestDirectory
        $db = Join-Path $dir 'tracking.db'
        $command = "Find-EcodProtein -BatchRoot '$($gen.Root)' -RepsOnly:`$false | Submit-EcodJob -Executor Local -ReferenceDirectory '$($gen.ReferenceDirectory)' " +
            "-TrackingDatabase '$db' -WorkDirectory '$dir/work' -ThrottleLimit 1 | ForEach-Object { 'JOB ' + `$_.ProteinId }"
        $p = Start-FreshPwsh -Script $command
        $errors = $p.StandardError.ReadToEndAsync()
        try {
            $first = $p.StandardOutput.ReadLine()
            if ($null -eq $first) { $p.WaitForExit(60000) | Out-Null; throw "the run printed nothing (exit $($p.ExitCode)): $($errors.Result)" }
            $first | Should -Match '^JOB ' -Because 'jobs stream out while the run goes on'
            $pwsh = Get-PwshUnder $p.Id
            $pwsh | Should -Not -BeNullOrEmpty
            & kill -INT $pwsh
            $rest = $p.StandardOutput.ReadToEnd()
            $p.WaitForExit(60000) | Should -BeTrue
        }
        finally { if (-not $p.HasExited) { $p.Kill($true) } }
        $stopped = @($rest -split '\r?\n' | Where-Object { $_ -like 'Stopped:*' })
        $stopped.Count | Should -Be 1
        $stopped[0] | Should -Match '^Stopped: (\d+) completed, (\d+) pending; run the same command again to resume$'
        $null = $stopped[0] -match '^Stopped: (\d+) completed, (\d+) pending'
        $completed, $pending = [int] $Matches[1], [int] $Matches[2]
        $pending | Should -BeGreaterThan 0
        $tracked = @(Get-EcodJobStatus -TrackingDatabase $db)
        ($completed + $pending) | Should -Be $tracked.Count
        @($tracked | Where-Object Status -EQ completed).Count | Should -Be $completed
        @($tracked | Where-Object Status -EQ pending).Count | Should -Be $pending
        $tracked | Where-Object Status -In 'running', 'submitted' | Should -BeNullOrEmpty

        $again = @(Find-EcodProtein -BatchRoot $gen.Root -RepsOnly:$false -TrackingDatabase $db |
            Submit-EcodJob -Executor Local -ReferenceDirectory $gen.ReferenceDirectory -TrackingDatabase $db -WorkDirectory (Join-Path $dir 'work'))
        $again.Count | Should -Be $pending -Because 'the scan passes on only what is left'
        $again.Status | Sort-Object -Unique | Should -Be 'completed'
        @(Get-EcodJobStatus -TrackingDatabase $db -Status completed).Count | Should -Be $tracked.Count
    }
}
