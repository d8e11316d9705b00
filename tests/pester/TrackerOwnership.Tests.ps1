BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'SlurmHelpers.ps1')

    # One value from the tracker, read with the sqlite3 shell (independent of the module under test).
    function Get-TrackerValue([string] $Database, [string] $Sql) { (& sqlite3 -readonly $Database $Sql) -join "`n" }

    # Everything the tracker holds, as text: equal dumps = not one write in between.
    function Get-TrackerDump([string] $Database) { (& sqlite3 -readonly $Database .dump) -join "`n" }

    # Waits until the tracker names an active run (its lease) and returns it.
    function Wait-LeaseOwner([string] $Database, [System.Diagnostics.Process] $Process, [int] $Seconds = 120) {
        $deadline = (Get-Date).AddSeconds($Seconds)
        while ((Get-Date) -lt $deadline -and -not $Process.HasExited) {
            if (Test-Path $Database) {
                $owner = try { (Get-EcodProductionStatistic -TrackingDatabase $Database).ActiveRun } catch { $null }
                if ($owner) { return $owner }
            }
            Start-Sleep -Milliseconds 200
        }
        throw "no run took the lease of $Database within $Seconds s (exited: $($Process.HasExited))"
    }

    # Starts a fresh pwsh without the capabilities that let root ignore file permissions (as Invoke-FreshPwsh -AsOrdinaryUser).
    function Start-OrdinaryPwsh([string] $Script) {
        $full = "`$PSStyle.OutputRendering='PlainText'; Import-Module '$(Get-EcodModulePath)'; $Script"
        $psi = [System.Diagnostics.ProcessStartInfo]::new('setpriv')
        foreach ($a in @('--bounding-set=-dac_override,-dac_read_search,-fowner', '--inh-caps=-all', '--', 'dotnet', 'pwsh', '-NoProfile', '-NonInteractive', '-Command', $full)) { $psi.ArgumentList.Add($a) }
        $psi.WorkingDirectory = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
        $psi.RedirectStandardOutput = $true
        [System.Diagnostics.Process]::Start($psi)
    }

    # Starts a command in a fresh pwsh inside new UTS, PID and mount namespaces whose host name is $HostName:
    # another "machine" with the same short host name as its siblings (login1.a, login1.b).
    function Start-InNamespace([string] $HostName, [string] $Script, [hashtable] $Environment = @{}) {
        $full = "`$ErrorActionPreference='Stop'; `$PSStyle.OutputRendering='PlainText'; Import-Module '$(Get-EcodModulePath)'; $Script"
        $psi = [System.Diagnostics.ProcessStartInfo]::new('unshare')
        foreach ($a in @('--uts', '--pid', '--fork', '--mount-proc', 'sh', '-c', "hostname '$HostName' && exec dotnet pwsh -NoProfile -NonInteractive -Command `"`$0`"", $full)) {
            $psi.ArgumentList.Add($a)
        }
        $psi.WorkingDirectory = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
        foreach ($k in $Environment.Keys) { $psi.Environment[$k] = $Environment[$k] }
        $psi.RedirectStandardOutput = $true; $psi.RedirectStandardError = $true
        [System.Diagnostics.Process]::Start($psi)
    }
}

Describe 'Where the tracker lives' {
    It 'Get-EcodConfiguration -TrackerStorage shows the real path, the mount, the journal mode chosen and why' {
        $real = Join-Path $TestDrive 'real'; New-Item -ItemType Directory $real | Out-Null
        $link = Join-Path $TestDrive 'link'; New-Item -ItemType SymbolicLink -Path $link -Target $real | Out-Null
        $d = Get-EcodConfiguration -TrackerStorage -TrackingDatabase (Join-Path $link 'tracking.db')
        $d.RealPath | Should -Be (Join-Path (Resolve-Path $real).Path 'tracking.db')
        $d.Mode | Should -BeIn @('wal', 'delete')
        $d.Reason | Should -Match ([regex]::Escape("really '$($d.RealPath)'"))
        $d.MountPoint | Should -Not -BeNullOrEmpty
        $d.LockProblem | Should -BeNullOrEmpty
        ($d | Out-String) | Should -Match 'JournalMode\s*:\s*(wal|delete)'
    }
}

Describe 'A run that loses the lease stops writing' {
    It 'takes over a run SIGSTOPped past lease_timeout; resumed, the first writes nothing more and every chain completes exactly once' {
        $g = New-TestBatchRoot -ProteinCount 1500 -Seed 41 -BatchCount 3
        $db = Join-Path $TestDrive 'fenced.db'
        $work = Join-Path $TestDrive 'work'
        $cfg = Join-Path $TestDrive 'fast-lease.yml'
        "execution:`n  lease_timeout: 10`n  keep_work_files: true" | Set-Content $cfg
        $pipeline = "Find-EcodProtein -BatchRoot '$($g.Root)' -RepsOnly:`$false -TrackingDatabase '$db' | Submit-EcodJob -ConfigurationPath '$cfg' -ReferenceDirectory '$($g.ReferenceDirectory)' -TrackingDatabase '$db' -WorkDirectory '$work' -ThrottleLimit 1 -ChunkSize 20"
        $first = Start-FreshPwsh -Script "try { $pipeline | Out-Null; 'first finished' } catch { `$_.FullyQualifiedErrorId; `$_.Exception.Message }"
        $firstOut = $first.StandardOutput.ReadToEndAsync(); $firstErr = $first.StandardError.ReadToEndAsync()
        $owner = Wait-LeaseOwner $db $first
        while ([int](Get-TrackerValue $db "SELECT COUNT(*) FROM jobs WHERE status = 'completed';") -lt 40) { Start-Sleep -Milliseconds 200 }
        # Frozen between two of its writes: a process frozen inside a write transaction keeps SQLite's lock, and no
        # lease can help a second writer then (that case waits busy_timeout and says the database is locked).
        for ($try = 0; $try -lt 50; $try++) {
            & kill -STOP $owner.ProcessId
            & sqlite3 -cmd '.timeout 0' $db 'BEGIN IMMEDIATE; ROLLBACK;' 2>$null
            if ($LASTEXITCODE -eq 0) { break }
            & kill -CONT $owner.ProcessId
            Start-Sleep -Milliseconds 37
        }
        $try | Should -BeLessThan 50 -Because 'the first run is frozen outside a write transaction'
        try {
            Start-Sleep -Seconds 13   # past lease_timeout (10 s): its heartbeat counter stands still while it is stopped
            $second = Invoke-FreshPwsh -Script "$pipeline 3>&1 | Where-Object { `$_ -is [System.Management.Automation.WarningRecord] } | ForEach-Object Message"
            $second.ExitCode | Should -Be 0 -Because $second.Error
            $second.Output | Should -Match "Took the tracking database over from run $($owner.RunId)"
            $afterTakeover = Get-TrackerDump $db
        }
        finally { & kill -CONT $owner.ProcessId }
        $first.WaitForExit(120000) | Should -BeTrue
        $firstOut.Result | Should -Match 'EcodTrackerLeaseLost'
        $firstOut.Result | Should -Match "run $($owner.RunId) lost the tracking database's lease"
        $firstOut.Result | Should -Not -Match 'first finished' -Because $firstErr.Result
        # Zero writes by the first run after the takeover: the tracker is byte-for-byte what the second left.
        Get-TrackerDump $db | Should -Be $afterTakeover
        $chains = (Get-ChildItem (Join-Path $g.Root '*/domains/*.domain_summary.xml')).Count
        Get-TrackerValue $db "SELECT COUNT(*) FROM jobs WHERE status = 'completed';" | Should -Be "$chains"
        # Exactly once: one move to completed per chain, and one current result per chain.
        Get-TrackerValue $db "SELECT COUNT(*) FROM (SELECT job_ref FROM job_events WHERE to_status = 'completed' GROUP BY job_ref HAVING COUNT(*) <> 1);" | Should -Be '0'
        Get-TrackerValue $db "SELECT COUNT(DISTINCT job_ref) FROM job_events WHERE to_status = 'completed';" | Should -Be "$chains"
        Get-TrackerValue $db "SELECT COUNT(*) FROM tracker_lease;" | Should -Be '0'
    }
}

Describe 'A tracker file the user may not write' {
    It 'is refused to a writing command by name, before anything is written, while reading it still works' {
        $g = New-TestBatchRoot -ProteinCount 30 -Seed 44 -BatchCount 1
        $dir = Join-Path $TestDrive 'ro-file'
        $db = Join-Path $dir 'tracking.db'
        Find-EcodProtein -BatchRoot $g.Root -RepsOnly:$false | Submit-EcodJob -ReferenceDirectory $g.ReferenceDirectory -TrackingDatabase $db -WorkDirectory (Join-Path $dir 'work') | Out-Null
        & chmod 0444 $db   # the folder stays writable: only the file is read-only
        $before = Get-TrackerDump $db
        $more = New-TestBatchRoot -ProteinCount 10 -Seed 45 -BatchCount 1
        $write = Invoke-FreshPwsh -AsOrdinaryUser -Script "try { Find-EcodProtein -BatchRoot '$($more.Root)' -RepsOnly:`$false | Submit-EcodJob -ReferenceDirectory '$($more.ReferenceDirectory)' -TrackingDatabase '$db' -WorkDirectory '$dir/more' | Out-Null; 'written' } catch { `$_.FullyQualifiedErrorId; `$_.Exception.Message }"
        $write.Output | Should -Not -Match 'written'
        $write.Output | Should -Match ([regex]::Escape("${db}: cannot write the tracking database or its folder (the file is read-only for this user)"))
        $write.Output + $write.Error | Should -Not -Match '   at '
        $read = Invoke-FreshPwsh -AsOrdinaryUser -Script "@(Get-EcodJobStatus -TrackingDatabase '$db' -Status completed).Count"
        $read.ExitCode | Should -Be 0 -Because $read.Error
        $read.Output.Trim() | Should -Be '30'
        Get-TrackerDump $db | Should -Be $before
    }
}

Describe 'A writer locked out by a process frozen inside a write transaction' {
    It 'stops after the busy timeout with EcodTrackerLocked (ResourceBusy) saying what ends the wait, and writes nothing' {
        $g = New-TestBatchRoot -ProteinCount 20 -Seed 46 -BatchCount 1
        $more = New-TestBatchRoot -ProteinCount 10 -Seed 47 -BatchCount 1
        $dir = Join-Path $TestDrive 'locked'
        $db = Join-Path $dir 'tracking.db'
        Find-EcodProtein -BatchRoot $g.Root -RepsOnly:$false | Submit-EcodJob -ReferenceDirectory $g.ReferenceDirectory -TrackingDatabase $db -WorkDirectory (Join-Path $dir 'work') | Out-Null
        $before = Get-TrackerDump $db
        # The sqlite3 shell takes the write lock and then sleeps inside its transaction, as a suspended writer would.
        $ready = Join-Path $dir 'holder.ready'
        $psi = [System.Diagnostics.ProcessStartInfo]::new('sqlite3'); $psi.ArgumentList.Add($db); $psi.RedirectStandardInput = $true
        $holder = [System.Diagnostics.Process]::Start($psi)
        try {
            foreach ($line in @('BEGIN IMMEDIATE;', ".shell touch '$ready'", '.shell sleep 120', 'COMMIT;')) { $holder.StandardInput.WriteLine($line) }
            $holder.StandardInput.Flush()
            $deadline = (Get-Date).AddSeconds(30)
            while (-not (Test-Path $ready) -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 100 }
            Test-Path $ready | Should -BeTrue
            $r = Invoke-FreshPwsh -Script "try { Find-EcodProtein -BatchRoot '$($more.Root)' -RepsOnly:`$false | Submit-EcodJob -ReferenceDirectory '$($more.ReferenceDirectory)' -TrackingDatabase '$db' -WorkDirectory '$dir/more' | Out-Null; 'written' } catch { `$_.FullyQualifiedErrorId; [string] `$_.CategoryInfo.Category; `$_.Exception.Message }"
        }
        finally { if (-not $holder.HasExited) { $holder.Kill($true) }; $holder.WaitForExit() }
        $lines = @($r.Output -split '\r?\n')
        $lines[0] | Should -Match '^EcodTrackerLocked,'
        $lines[1] | Should -Be 'ResourceBusy'
        $r.Output | Should -Match ([regex]::Escape("${db}: the tracking database stayed locked for 30 s by another process inside a write transaction"))
        $r.Output | Should -Match 'kill -CONT'
        $r.Output + $r.Error | Should -Not -Match '   at '
        Get-TrackerDump $db | Should -Be $before
    }
}

Describe 'A crashed writer''s hot journal' {
    It 'is reported to a read-only user with the recovery hint (never "malformed"), recovered by a writing command, then read correctly' {
        $dir = Join-Path $TestDrive 'hot'
        $db = Join-Path $dir 'tracking.db'
        $g = New-TestBatchRoot -ProteinCount 60 -Seed 43 -BatchCount 1
        Find-EcodProtein -BatchRoot $g.Root -RepsOnly:$false | Submit-EcodJob -ReferenceDirectory $g.ReferenceDirectory -TrackingDatabase $db -WorkDirectory (Join-Path $TestDrive 'hot-work') | Out-Null
        $completed = Get-TrackerValue $db "SELECT COUNT(*) FROM jobs WHERE status = 'completed';"
        # A writer (the sqlite3 shell) killed with SIGKILL inside a transaction whose pages already spilled into the file.
        $ready = Join-Path $TestDrive 'writer.ready'
        $sql = @"
PRAGMA journal_mode = DELETE;
PRAGMA cache_size = 1;
BEGIN IMMEDIATE;
UPDATE jobs SET status = 'failed', error_message = 'half-written';
CREATE TABLE filler (x BLOB);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) INSERT INTO filler SELECT randomblob(900) FROM n;
.shell touch '$ready'
.shell sleep 120
COMMIT;
"@
        $psi = [System.Diagnostics.ProcessStartInfo]::new('sqlite3'); $psi.ArgumentList.Add($db); $psi.RedirectStandardInput = $true
        $writer = [System.Diagnostics.Process]::Start($psi)
        $writer.StandardInput.Write($sql); $writer.StandardInput.Flush()
        $deadline = (Get-Date).AddSeconds(60)
        while (-not (Test-Path $ready) -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 100 }
        $writer.Kill($true); $writer.WaitForExit()
        Test-Path "$db-journal" | Should -BeTrue
        chmod 555 $dir; chmod 444 $db "$db-journal"
        try {
            $r = Invoke-FreshPwsh -AsOrdinaryUser -Script "try { (Get-EcodJobStatus -TrackingDatabase '$db' | Where-Object Status -eq 'completed').Count } catch { `$_.FullyQualifiedErrorId; `$_.Exception.Message }"
            $r.ExitCode | Should -Be 0 -Because $r.Error
            $r.Output | Should -Match 'EcodTrackerUnfinishedTransaction'
            $r.Output | Should -Match 'the tracker has an unfinished transaction from a crashed writer; run any writing command as its owner to recover'
            $r.Output | Should -Not -Match 'malformed'
            Test-Path "$db-journal" | Should -BeTrue -Because 'a reader without write access changes nothing'
        }
        finally { chmod 755 $dir; chmod 644 $db "$db-journal" }
        # The owner's writing command recovers it (SQLite rolls the journal back); then ordinary readers read the committed state.
        Get-EcodJobStatus -TrackingDatabase $db -Refresh | Out-Null
        Test-Path "$db-journal" | Should -BeFalse
        chmod 555 $dir
        try {
            $r = Invoke-FreshPwsh -AsOrdinaryUser -Script "(Get-EcodJobStatus -TrackingDatabase '$db' | Where-Object Status -eq 'completed').Count"
            $r.ExitCode | Should -Be 0 -Because $r.Error
            $r.Output.Trim() | Should -Be $completed
        }
        finally { chmod 755 $dir }
    }
}

Describe 'A reader that may not write the folder' {
    It 'sees a run that starts after it on its next refresh (never a frozen snapshot)' {
        $dir = Join-Path $TestDrive 'watched'
        $db = Join-Path $dir 'tracking.db'
        $g = New-TestBatchRoot -ProteinCount 40 -Seed 53 -BatchCount 2
        $batches = @(Get-ChildItem $g.Root -Directory | Where-Object { Test-Path (Join-Path $_.FullName 'domains') } | Sort-Object Name)
        Find-EcodProtein -BatchRoot $g.Root -Pattern $batches[0].Name -RepsOnly:$false | Submit-EcodJob -ReferenceDirectory $g.ReferenceDirectory -TrackingDatabase $db -WorkDirectory (Join-Path $TestDrive 'w1') | Out-Null
        $before = [int](Get-TrackerValue $db 'SELECT COUNT(*) FROM jobs;')
        chmod 555 $dir; chmod 444 $db
        try {
            $marker = Join-Path $TestDrive 'reader-started'
            # A long-lived reader (the dashboard, one open for all its refreshes), started before the run.
            $reader = Start-OrdinaryPwsh -Script "`$i = 0; Watch-EcodProduction -TrackingDatabase '$db' -Plain -RefreshInterval 1 -Count 900 6>&1 | ForEach-Object { if (`$i++ -eq 0) { New-Item '$marker' | Out-Null }; `"line `$(`$_.MessageData)`" }"
            try {
                $deadline = (Get-Date).AddSeconds(120)
                while (-not (Test-Path $marker) -and (Get-Date) -lt $deadline -and -not $reader.HasExited) { Start-Sleep -Milliseconds 200 }
                Test-Path $marker | Should -BeTrue -Because 'the reader must print its first refresh before the run starts'
                # The run starts after the reader: a writer (root may write the folder) adds the second batch.
                Find-EcodProtein -BatchRoot $g.Root -Pattern $batches[1].Name -RepsOnly:$false | Submit-EcodJob -ReferenceDirectory $g.ReferenceDirectory -TrackingDatabase $db -WorkDirectory (Join-Path $TestDrive 'w2') | Out-Null
                $after = [int](Get-TrackerValue $db 'SELECT COUNT(*) FROM jobs;')
                $after | Should -BeGreaterThan $before
                # Its next refreshes must show the run: read its lines until one does (or two minutes pass).
                $lines = [System.Collections.Generic.List[string]]::new()
                $seen = $false
                $deadline = (Get-Date).AddSeconds(120)
                $next = $reader.StandardOutput.ReadLineAsync()
                while (-not $seen -and (Get-Date) -lt $deadline) {
                    if (-not $next.Wait(1000)) { continue }
                    if ($null -eq $next.Result) { break }
                    $lines.Add($next.Result)
                    $seen = $next.Result -match "^line \S+ $after/$after "
                    $next = $reader.StandardOutput.ReadLineAsync()
                }
                $seen | Should -BeTrue -Because ($lines -join "`n")
                $lines[0] | Should -Match "^line \S+ $before/$before " -Because 'the reader started before the run'
            }
            finally { if (-not $reader.HasExited) { $reader.Kill($true) } }
        }
        finally { chmod 755 $dir; chmod 644 $db }
    }
}

Describe 'Several login nodes with the same short host name' {
    BeforeAll {
        $script:skipSlurm = Get-SlurmSkip 'Slurm lease tests'
        if ($env:CI -eq 'true') { Assert-SlurmCluster }
    }

    It 'keeps a live submission slowed in sbatch past lease_timeout on login1.a; a poller on login1.b never takes it over, then takes the free lease normally' {
        if ($script:skipSlurm) { Set-ItResult -Skipped -Because 'no SLURM cluster'; return }
        $folder = Join-Path $TestDrive 'uts'
        $cfg = New-SlurmConfig $folder
        Add-Content $cfg "execution:`n  executor: slurm`n  lease_timeout: 10"
        $db = Join-Path $folder 'tracking.db'
        $g = New-TestBatchRoot -ProteinCount 24 -Seed 47 -BatchCount 1
        # A slow sbatch: the real one, after 25 s (longer than lease_timeout) of a busy slurmctld.
        $bin = Join-Path $folder 'bin'; New-Item -ItemType Directory -Force $bin | Out-Null
        "#!/bin/sh`nsleep 25`nexec $((Get-Command sbatch).Source) `"`$@`"" | Set-Content (Join-Path $bin 'sbatch'); chmod 755 (Join-Path $bin 'sbatch')
        $submit = "Find-EcodProtein -BatchRoot '$($g.Root)' -RepsOnly:`$false | Submit-EcodJob -ConfigurationPath '$cfg' -ReferenceDirectory '$($g.ReferenceDirectory)' -TrackingDatabase '$db' -WorkDirectory '$folder/work' -ChunkSize 12 | Out-Null; 'submitted'"
        $a = Start-InNamespace 'login1.a' $submit @{ PATH = "${bin}:$env:PATH" }
        $aOut = $a.StandardOutput.ReadToEndAsync(); $aErr = $a.StandardError.ReadToEndAsync()
        $owner = Wait-LeaseOwner $db $a
        # login1.b polls every 2 s while login1.a sits in sbatch: each poll must leave the live owner alone.
        $poll = "1..8 | ForEach-Object { Get-EcodJobStatus -ConfigurationPath '$cfg' -TrackingDatabase '$db' -Refresh -Verbose 4>&1 3>&1 | Where-Object { `$_ -is [System.Management.Automation.InformationalRecord] } | ForEach-Object Message; Start-Sleep 2 }"
        $b = Start-InNamespace 'login1.b' $poll
        $bOut = $b.StandardOutput.ReadToEndAsync(); $bErr = $b.StandardError.ReadToEndAsync()
        $b.WaitForExit(240000) | Should -BeTrue
        $a.WaitForExit(240000) | Should -BeTrue
        $a.ExitCode | Should -Be 0 -Because $aErr.Result
        $aOut.Result | Should -Match 'submitted'
        $b.ExitCode | Should -Be 0 -Because $bErr.Result
        $bOut.Result | Should -Match "in use by run $($owner.RunId) \(host login1\.a"
        $owner.Host | Should -Be 'login1.a' -Because 'the owner is named by its fully qualified host name, not login1'
        $bOut.Result | Should -Not -Match 'Took the tracking database over'
        Get-TrackerValue $db "SELECT COUNT(*) FROM attempts WHERE status = 'lost';" | Should -Be '0'
        # The finished submission released the lease: the next poll (from login1.b) takes it normally and collects the jobs.
        Get-TrackerValue $db "SELECT COUNT(*) FROM tracker_lease;" | Should -Be '0'
        $c = Start-InNamespace 'login1.b' "Get-EcodJobStatus -ConfigurationPath '$cfg' -TrackingDatabase '$db' -Wait -PollInterval 2 -Timeout '00:04:00' 3>&1 | ForEach-Object { `"`$_`" }"
        $cOut = $c.StandardOutput.ReadToEndAsync(); $cErr = $c.StandardError.ReadToEndAsync()
        $c.WaitForExit(300000) | Should -BeTrue
        $c.ExitCode | Should -Be 0 -Because $cErr.Result
        $cOut.Result | Should -Not -Match 'Took the tracking database over'
        Get-TrackerValue $db "SELECT COUNT(*) FROM jobs WHERE status = 'completed';" | Should -Be '24'
        Get-TrackerValue $db "SELECT MAX(attempt_count) FROM jobs;" | Should -Be '1'
    }
}
