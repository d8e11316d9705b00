# Every production.yml key, changed in a configuration file and observed through the cmdlet that uses it (issue 12
# item 2). One It per key (the last Describe checks that every key the parser accepts has its It here and its comment
# in New-EcodConfiguration's template). Real PostgreSQL for database.* and the import filter, the real SLURM cluster for slurm.*
# (outside CI a missing service skips loudly; under CI=true it fails).
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'DatabaseHelpers.ps1')
    $script:pgSkip = Get-PgSkip
    . (Join-Path $PSScriptRoot 'SlurmHelpers.ps1')
    $script:NoCluster = Get-SlurmSkip 'Configuration slurm.* tests'
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'DatabaseHelpers.ps1')
    # Runs without a file keep their state in the per-user state folder: point it into the test drive.
    $script:savedXdg = $env:XDG_STATE_HOME
    $env:XDG_STATE_HOME = Join-Path $TestDrive 'xdg-state'
    $script:gen = New-TestBatchRoot -ProteinCount 40 -Seed 41 -BatchCount 2
    $script:ref = $gen.ReferenceDirectory
    $script:noTracker = Join-Path $TestDrive 'no-tracker.db'
    $script:createdDbs = [System.Collections.Generic.List[string]]::new()

    # A production.yml in its own folder: a base that runs the test batches (relative state paths, so every run has
    # its own tracker, work and log folders), with the given 'section.key' values on top.
    function New-Config([hashtable] $Set = @{}) {
        $values = [ordered] @{
            'paths.batch_base_dir' = $gen.Root; 'paths.reference_dir' = $ref; 'paths.tracking_db' = './tracking.db'
            'paths.work_dir' = './work'; 'paths.log_dir' = './logs'
            'processing.reps_only' = 'false'; 'processing.skip_existing' = 'false'; 'processing.retry_delay' = '0'
        }
        foreach ($k in $Set.Keys) { $values[$k] = $Set[$k] }
        $dir = Join-Path $TestDrive ('cfg-' + [guid]::NewGuid().ToString('n').Substring(0, 8))
        New-Item -ItemType Directory -Path $dir | Out-Null
        $sections = $values.Keys | ForEach-Object { $_.Split('.')[0] } | Select-Object -Unique
        $lines = foreach ($section in $sections) {
            "${section}:"
            foreach ($k in $values.Keys | Where-Object { $_.StartsWith("$section.") }) { "  $($k.Split('.')[1]): $($values[$k])" }
        }
        $path = Join-Path $dir 'production.yml'
        $lines | Set-Content -Path $path
        $path
    }

    function Get-Tasks([int] $Count = 6, [string] $Root = $gen.Root) {
        @(Find-EcodProtein -BatchRoot $Root -RepsOnly:$false -SkipExisting:$false -TrackingDatabase $noTracker | Select-Object -First $Count)
    }

    # A chain whose output cannot be written runs and fails once with $Key = $Holding (retry_delay 0, max_retries 2 unless
    # $Key is one of them); returns the attempt count after a second submission with $Holding (and its warnings),
    # then after a third with $Key = $Releasing.
    function Test-FailedChainRerun([int] $Seed, [string] $Key, [string] $Holding, [string] $Releasing) {
        $g = New-TestBatchRoot -ProteinCount 6 -Seed $Seed -BatchCount 1
        $task = (Get-Tasks 1 -Root $g.Root)[0]
        # A transient failure (a broken summary is permanent and never retried): a folder where the output file goes.
        New-Item -ItemType Directory -Path $task.OutputPath | Out-Null
        $db = Join-Path $TestDrive "rerun-$Seed.db"
        $hold = New-Config @{ 'paths.reference_dir' = $g.ReferenceDirectory; $Key = $Holding }
        $release = New-Config @{ 'paths.reference_dir' = $g.ReferenceDirectory; $Key = $Releasing }
        $run = {
            param($cfg)
            $job = $task | Submit-EcodJob -Executor Local -ConfigurationPath $cfg -TrackingDatabase $db -ErrorAction SilentlyContinue -WarningAction SilentlyContinue -WarningVariable w
            [pscustomobject] @{ Attempts = $job.AttemptCount; Warning = "$w" }
        }
        & $run $hold | Out-Null
        $held = & $run $hold
        [pscustomobject] @{ Held = $held.Attempts; Warning = $held.Warning; Released = (& $run $release).Attempts }
    }

    function Get-RunLog([string] $Config) {
        $log = Get-ChildItem (Join-Path (Split-Path $Config) 'logs') -Filter '*.log' | Select-Object -First 1
        if (-not $log) { throw "no run log under $(Split-Path $Config)/logs" }
        Get-Content $log.FullName
    }

    # Runs SQL on the tracker (sqlite3): the states a test cannot reach quickly through a run (a lease of another host).
    function Invoke-TrackerSql([string] $Database, [string] $Sql) {
        $out = & sqlite3 $Database $Sql 2>&1
        if ($LASTEXITCODE -ne 0) { throw "sqlite3 failed: $out" }
        $out
    }

    function Get-TrackerTime([TimeSpan] $Ago) { [DateTime]::UtcNow.Subtract($Ago).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'") }

    # An engine type (the module loads its assemblies in their own load context, so [Type] names do not resolve).
    function Get-CoreType([string] $Name) {
        New-EcodConfiguration -Path (Join-Path $TestDrive 'load-core/production.yml') -Force | Out-Null
        $core = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'EcodMini.Core' } | Select-Object -First 1
        if (-not $core) { throw 'EcodMini.Core is not loaded' }
        $core.GetType($Name, $true)
    }
}

AfterAll {
    $env:XDG_STATE_HOME = $script:savedXdg
    foreach ($name in $script:createdDbs) { Remove-PgTestDatabase $name }
}

Describe 'paths: keys' {
    It 'paths.batch_base_dir: Find-EcodProtein scans the configured root' {
        $cfg = New-Config @{ 'paths.batch_base_dir' = $gen.Root }
        $found = @(Find-EcodProtein -ConfigurationPath $cfg -TrackingDatabase $noTracker)
        $found.Count | Should -Be $gen.ProteinCount
        $found.SummaryPath | ForEach-Object { $_ | Should -BeLike "$($gen.Root)/*" }
        $empty = Join-Path $TestDrive 'empty-root'; New-Item -ItemType Directory $empty -Force | Out-Null
        @(Find-EcodProtein -ConfigurationPath (New-Config @{ 'paths.batch_base_dir' = $empty }) -TrackingDatabase $noTracker -WarningAction SilentlyContinue).Count | Should -Be 0
    }

    It 'paths.tracking_db: Submit-EcodJob records the run in the configured tracker, relative to the file' {
        $cfg = New-Config @{ 'paths.tracking_db' = './state/runs.db' }
        Get-Tasks 3 | Submit-EcodJob -Executor Local -ConfigurationPath $cfg | Out-Null
        Join-Path (Split-Path $cfg) 'state/runs.db' | Should -Exist
        (Get-EcodProductionStatistic -ConfigurationPath $cfg).Completed | Should -Be 3
    }

    It 'paths.log_dir: a local Submit-EcodJob run writes its run log there' {
        $cfg = New-Config @{ 'paths.log_dir' = './run-logs' }
        $jobs = @(Get-Tasks 3 | Submit-EcodJob -Executor Local -ConfigurationPath $cfg)
        $logs = @(Get-ChildItem (Join-Path (Split-Path $cfg) 'run-logs') -Filter '*.log')
        $logs | Should -HaveCount 1
        $text = Get-Content $logs[0].FullName
        $text | Should -Contain ($text | Where-Object { $_ -match 'run \S+ on local: 3 chain\(s\) given' })
        ($text -match 'ended after .*: 3 run, 3 completed, 0 failed') | Should -Not -BeNullOrEmpty
        $jobs.Status | Sort-Object -Unique | Should -Be 'completed'
    }

    It 'paths.work_dir: chunk files go to the configured work folder' {
        $cfg = New-Config @{ 'paths.work_dir' = './scratch'; 'execution.keep_work_files' = 'true' }
        Get-Tasks 3 | Submit-EcodJob -Executor Local -ConfigurationPath $cfg | Out-Null
        @(Get-ChildItem (Join-Path (Split-Path $cfg) 'scratch/ingested') -Filter '*.results.jsonl').Count | Should -BeGreaterThan 0
        Join-Path (Split-Path $cfg) 'work' | Should -Not -Exist
    }

    It 'paths.reference_dir: Submit-EcodJob loads the configured reference data' {
        $bad = Join-Path $TestDrive 'no-reference'; New-Item -ItemType Directory $bad -Force | Out-Null
        $cfg = New-Config @{ 'paths.reference_dir' = $bad }
        { Get-Tasks 2 | Submit-EcodJob -Executor Local -ConfigurationPath $cfg -ErrorAction Stop } |
            Should -Throw -ErrorId 'EcodReferenceDataInvalid,EcodMini.PowerShell.Cmdlets.SubmitEcodJobCommand'
        (Get-Tasks 2 | Submit-EcodJob -Executor Local -ConfigurationPath (New-Config @{ 'paths.reference_dir' = $ref })).Status |
            Sort-Object -Unique | Should -Be 'completed'
    }
}

Describe 'execution: keys' {
    It 'execution.throttle_limit: the run takes that many chunks at once' {
        $cfg = New-Config @{ 'execution.throttle_limit' = '3' }
        Get-Tasks 6 | Submit-EcodJob -Executor Local -ConfigurationPath $cfg | Out-Null
        (Get-RunLog $cfg) -match ', 3 at once$' | Should -HaveCount 1
        $one = New-Config @{ 'execution.throttle_limit' = '1' }
        Get-Tasks 6 | Submit-EcodJob -Executor Local -ConfigurationPath $one | Out-Null
        (Get-RunLog $one) -match ', 1 at once$' | Should -HaveCount 1
    }

    It 'execution.chunk_size: chains per chunk' {
        $small = New-Config @{ 'execution.chunk_size' = '2'; 'execution.throttle_limit' = '1' }
        Get-Tasks 8 | Submit-EcodJob -Executor Local -ConfigurationPath $small | Out-Null
        (Get-RunLog $small) -match ': 2 chain\(s\) launched as local job' | Should -HaveCount 4
        $large = New-Config @{ 'execution.chunk_size' = '4'; 'execution.throttle_limit' = '1' }
        Get-Tasks 8 | Submit-EcodJob -Executor Local -ConfigurationPath $large | Out-Null
        (Get-RunLog $large) -match ': 4 chain\(s\) launched as local job' | Should -HaveCount 2
    }

    It 'execution.lease_timeout: a lease of another host is taken over only once its heartbeat counter stood still that long, as watched from here' {
        $cfg = New-Config @{ 'execution.lease_timeout' = '600' }
        Get-Tasks 1 | Submit-EcodJob -Executor Local -ConfigurationPath $cfg | Out-Null
        $db = Join-Path (Split-Path $cfg) 'tracking.db'
        # A wall-clock heartbeat a day old means nothing across machines: only the counter standing still counts.
        $beat = Get-TrackerTime ([TimeSpan]::FromDays(1))
        Invoke-TrackerSql $db "INSERT OR REPLACE INTO tracker_lease (id, run_id, host, pid, process_start, acquired_at, heartbeat_at, work_dir, generation, heartbeat_count, boot_id) VALUES (1, 'other-run', 'another-head-node.cluster', 4242, NULL, '$beat', '$beat', NULL, 99, 7, 'another-boot');" | Out-Null
        { Get-Tasks 2 | Submit-EcodJob -Executor Local -ConfigurationPath $cfg -ErrorAction Stop } |
            Should -Throw -ErrorId 'EcodTrackerInUse,EcodMini.PowerShell.Cmdlets.SubmitEcodJobCommand'
        Start-Sleep -Seconds 11
        { Get-Tasks 2 | Submit-EcodJob -Executor Local -ConfigurationPath $cfg -ErrorAction Stop } |
            Should -Throw -ErrorId 'EcodTrackerInUse,EcodMini.PowerShell.Cmdlets.SubmitEcodJobCommand'
        $short = Join-Path (Split-Path $cfg) 'short.yml'
        (Get-Content $cfg) -replace 'lease_timeout: 600', 'lease_timeout: 10' | Set-Content $short
        $jobs = @(Get-Tasks 2 | Submit-EcodJob -Executor Local -ConfigurationPath $short -WarningVariable warned -WarningAction SilentlyContinue)
        $jobs.Status | Sort-Object -Unique | Should -Be 'completed'
        "$warned" | Should -Match 'Took the tracking database over from .*other-run'
    }

    It 'execution.heartbeat_interval: read, and refused above a quarter of lease_timeout with the key named' {
        $ok = New-Config @{ 'execution.lease_timeout' = '20'; 'execution.heartbeat_interval' = '5' }
        $execution = (Get-EcodConfiguration -ConfigurationPath $ok).Configuration.Execution
        ($execution.LeaseTimeout, $execution.HeartbeatInterval, $execution.EffectiveHeartbeat) | Should -Be @(20, 5, [TimeSpan]::FromSeconds(5))
        $bad = New-Config @{ 'execution.lease_timeout' = '20'; 'execution.heartbeat_interval' = '6' }
        { Get-EcodConfiguration -ConfigurationPath $bad -ErrorAction Stop } | Should -Throw '*execution.heartbeat_interval: expected 1 second to a quarter of execution.lease_timeout (20 s), got 6*'
    }

    It 'execution.keep_work_files: true keeps every finished chunk, false (default) deletes completed chunks' {
        $keep = New-Config @{ 'execution.keep_work_files' = 'true' }
        Get-Tasks 4 | Submit-EcodJob -Executor Local -ConfigurationPath $keep | Out-Null
        @(Get-ChildItem (Join-Path (Split-Path $keep) 'work/ingested') -File).Count | Should -BeGreaterThan 0
        $clean = New-Config @{ 'execution.keep_work_files' = 'false' }
        Get-Tasks 4 | Submit-EcodJob -Executor Local -ConfigurationPath $clean | Out-Null
        @(Get-ChildItem (Join-Path (Split-Path $clean) 'work') -Recurse -File | Where-Object Name -ne 'executor.lock') | Should -HaveCount 0
    }
}

Describe 'processing: keys' {
    It 'processing.reps_only: Find-EcodProtein takes only representatives' {
        @(Find-EcodProtein -ConfigurationPath (New-Config @{ 'processing.reps_only' = 'true' }) -TrackingDatabase $noTracker).Count | Should -Be $gen.RepresentativeCount
        @(Find-EcodProtein -ConfigurationPath (New-Config @{ 'processing.reps_only' = 'false' }) -TrackingDatabase $noTracker).Count | Should -Be $gen.ProteinCount
    }

    It 'processing.skip_existing: Find-EcodProtein leaves out chains whose partition file exists' {
        $g = New-TestBatchRoot -ProteinCount 12 -Seed 43 -BatchCount 1
        $first = (Get-Tasks 1 -Root $g.Root)[0]
        New-Item -ItemType Directory -Force (Split-Path $first.OutputPath) | Out-Null
        Set-Content $first.OutputPath '<domain_partition/>'
        $skip = @(Find-EcodProtein -ConfigurationPath (New-Config @{ 'paths.batch_base_dir' = $g.Root; 'processing.skip_existing' = 'true' }) -TrackingDatabase $noTracker)
        $skip.Count | Should -Be 11
        $skip.ProteinId | Should -Not -Contain $first.ProteinId
        @(Find-EcodProtein -ConfigurationPath (New-Config @{ 'paths.batch_base_dir' = $g.Root; 'processing.skip_existing' = 'false' }) -TrackingDatabase $noTracker).Count | Should -Be 12
    }

    It 'processing.max_retries: a failed chain runs again only while retries remain' {
        $r = Test-FailedChainRerun -Seed 44 -Key 'processing.max_retries' -Holding '0' -Releasing '1'
        $r.Held | Should -Be 1
        $r.Warning | Should -Match 'failed for good \(processing.max_retries reached\)'
        $r.Released | Should -Be 2
    }

    It 'processing.retry_delay: a failed chain waits that long before it runs again' {
        $r = Test-FailedChainRerun -Seed 45 -Key 'processing.retry_delay' -Holding '3600' -Releasing '0'
        $r.Held | Should -Be 1
        $r.Warning | Should -Match 'deferred'
        $r.Released | Should -Be 2
    }

    It 'processing.batch_pattern: Find-EcodProtein scans only matching batch folders' {
        $cfg = New-Config @{ 'processing.batch_pattern' = '"ecod_batch_002_*"' }
        $found = @(Find-EcodProtein -ConfigurationPath $cfg -TrackingDatabase $noTracker)
        $found.Count | Should -BeGreaterThan 0
        $found.Count | Should -BeLessThan $gen.ProteinCount
        $found.BatchName | Sort-Object -Unique | Should -BeLike 'ecod_batch_002_*'
    }

    It 'processing.reference_version: Find-EcodProtein reads summaries named for that reference' {
        @(Find-EcodProtein -ConfigurationPath (New-Config @{ 'processing.reference_version' = 'develop291' }) -TrackingDatabase $noTracker).Count | Should -Be $gen.ProteinCount
        @(Find-EcodProtein -ConfigurationPath (New-Config @{ 'processing.reference_version' = 'develop999' }) -TrackingDatabase $noTracker -WarningAction SilentlyContinue).Count | Should -Be 0
    }
}

Describe 'quality: keys' {
    BeforeAll {
        $script:qcfg = New-Config @{}
        Get-Tasks 20 | Submit-EcodJob -Executor Local -ConfigurationPath $qcfg | Out-Null
        $script:qdb = Join-Path (Split-Path $qcfg) 'tracking.db'
        $script:qjobs = @(Get-EcodJobStatus -TrackingDatabase $qdb -Status completed)
        $qjobs.Count | Should -BeGreaterThan 10
        function Get-Quality([hashtable] $Set) {
            (Get-EcodProductionStatistic -TrackingDatabase $qdb -ConfigurationPath (New-Config $Set) -WarningAction SilentlyContinue).Quality
        }
    }

    It 'quality.min_coverage: below it a chain is poor' {
        (Get-Quality @{ 'quality.good_coverage' = '1'; 'quality.min_coverage' = '1' }).Poor | Should -Be @($qjobs | Where-Object Coverage -lt 1).Count
        (Get-Quality @{ 'quality.good_coverage' = '1'; 'quality.min_coverage' = '0' }).Poor | Should -Be 0
    }

    It 'quality.good_coverage: from it a chain is good' {
        (Get-Quality @{ 'quality.good_coverage' = '0'; 'quality.min_coverage' = '0'; 'quality.min_confidence' = '0' }).Good | Should -Be $qjobs.Count
        (Get-Quality @{ 'quality.good_coverage' = '1'; 'quality.min_coverage' = '0'; 'quality.min_confidence' = '0' }).Good | Should -Be @($qjobs | Where-Object Coverage -ge 1).Count
    }

    It 'quality.min_confidence: a chain below it is at best questionable' {
        $all = Get-Quality @{ 'quality.good_coverage' = '0'; 'quality.min_coverage' = '0'; 'quality.min_confidence' = '0' }
        $all.Good | Should -Be $qjobs.Count
        $strict = Get-Quality @{ 'quality.good_coverage' = '0'; 'quality.min_coverage' = '0'; 'quality.min_confidence' = '1' }
        $strict.Good | Should -Be 0
        $strict.Questionable | Should -Be $qjobs.Count
    }

    It 'quality.require_reference_lengths: evidence without a reference length is rejected only when required' {
        $g = New-TestBatchRoot -ProteinCount 10 -Seed 46 -BatchCount 1
        $noLengths = Join-Path $TestDrive 'ref-no-lengths'
        Copy-Item $g.ReferenceDirectory $noLengths -Recurse
        'domain_id,length' | Set-Content (Join-Path $noLengths 'domain_lengths.csv')
        'pdb_id,chain_id,length' | Set-Content (Join-Path $noLengths 'protein_lengths.csv')
        $tasks = Get-Tasks 10 -Root $g.Root
        $strict = New-Config @{ 'paths.reference_dir' = $noLengths; 'quality.require_reference_lengths' = 'true' }
        $lenient = New-Config @{ 'paths.reference_dir' = $noLengths; 'quality.require_reference_lengths' = 'false' }
        $a = @($tasks | Submit-EcodJob -Executor Local -ConfigurationPath $strict -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
        $b = @($tasks | Submit-EcodJob -Executor Local -ConfigurationPath $lenient -Force -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
        $strictDomains = ($a | Measure-Object DomainCount -Sum).Sum
        $lenientDomains = ($b | Measure-Object DomainCount -Sum).Sum
        $lenientDomains | Should -BeGreaterThan $strictDomains
    }
}

Describe 'monitoring: keys' {
    BeforeAll {
        # A finished run with failures: 2 broken summaries of 16 chains.
        $g = New-TestBatchRoot -ProteinCount 16 -Seed 47 -BatchCount 1
        $tasks = Get-Tasks 16 -Root $g.Root
        $tasks[0..1] | ForEach-Object { Set-Content $_.SummaryPath '<domain_summary version="1.0"><protein' }
        $script:mdb = Join-Path $TestDrive 'monitor.db'
        $tasks | Submit-EcodJob -Executor Local -ReferenceDirectory $g.ReferenceDirectory -TrackingDatabase $mdb -WorkDirectory (Join-Path $TestDrive 'mwork') -ErrorAction SilentlyContinue | Out-Null
        # Quiet limits: no alert unless the key under test says otherwise.
        $script:quiet = @{ 'monitoring.max_failure_rate' = '1'; 'monitoring.min_throughput_per_hour' = '0'; 'monitoring.max_poor_fraction' = '1'
            'monitoring.max_resource_endings' = '1000'; 'monitoring.min_free_space_mb' = '0'; 'monitoring.max_heartbeat_age' = '86400'
            'monitoring.min_sample' = '1'; 'monitoring.throughput_grace' = '0' }
        function Get-AlertKind([hashtable] $Set, [string] $Database = $mdb) {
            $values = $quiet.Clone(); foreach ($k in $Set.Keys) { $values[$k] = $Set[$k] }
            @(Get-EcodProductionAlert -TrackingDatabase $Database -ConfigurationPath (New-Config $values) | ForEach-Object { $_.Kind.ToString() })
        }
        Get-AlertKind @{} | Should -HaveCount 0
        # A copy with a pending chain left, one TIMEOUT ending and a silent lease of another head node.
        $script:busy = Join-Path $TestDrive 'busy.db'
        Copy-Item $mdb $busy
        $old = Get-TrackerTime ([TimeSpan]::FromMinutes(30))
        Invoke-TrackerSql $busy @"
UPDATE jobs SET status = 'pending' WHERE id = (SELECT max(id) FROM jobs WHERE status = 'completed');
UPDATE jobs SET status = 'timeout' WHERE id = (SELECT min(id) FROM jobs WHERE status = 'failed');
INSERT OR REPLACE INTO tracker_lease (id, run_id, host, pid, process_start, acquired_at, heartbeat_at, work_dir) VALUES (1, 'silent-run', 'another-head-node', 4242, NULL, '$old', '$old', NULL);
"@ | Out-Null
    }

    It '<Key>: Get-EcodProductionAlert raises <Alert> at <RaiseAt>, not at <CalmAt>' -ForEach @(
        @{ Key = 'monitoring.max_failure_rate'; Alert = 'HighFailureRate'; RaiseAt = '0.05'; CalmAt = '0.5'; OnBusy = $false; Also = @{} }
        @{ Key = 'monitoring.min_throughput_per_hour'; Alert = 'SlowProgress'; RaiseAt = '1e12'; CalmAt = '0'; OnBusy = $true; Also = @{} }
        @{ Key = 'monitoring.max_poor_fraction'; Alert = 'LowQuality'; RaiseAt = '0'; CalmAt = '1'; OnBusy = $false
           Also = @{ 'quality.min_coverage' = '1'; 'quality.good_coverage' = '1' } }
        @{ Key = 'monitoring.max_resource_endings'; Alert = 'ResourceExhausted'; RaiseAt = '0'; CalmAt = '1'; OnBusy = $true; Also = @{} }
        @{ Key = 'monitoring.min_free_space_mb'; Alert = 'LowDiskSpace'; RaiseAt = '1e12'; CalmAt = '1'; OnBusy = $false; Also = @{} }
        @{ Key = 'monitoring.max_heartbeat_age'; Alert = 'StaleLease'; RaiseAt = '600'; CalmAt = '7200'; OnBusy = $true; Also = @{} }
        @{ Key = 'monitoring.min_sample'; Alert = 'HighFailureRate'; RaiseAt = '16'; CalmAt = '17'; OnBusy = $false; Also = @{ 'monitoring.max_failure_rate' = '0.05' } }
        @{ Key = 'monitoring.throughput_grace'; Alert = 'SlowProgress'; RaiseAt = '0'; CalmAt = '86400'; OnBusy = $true; Also = @{ 'monitoring.min_throughput_per_hour' = '1e12' } }
    ) {
        $database = if ($OnBusy) { $busy } else { $mdb }
        $raisingSet = $Also.Clone(); $raisingSet[$Key] = $RaiseAt
        $calmSet = $Also.Clone(); $calmSet[$Key] = $CalmAt
        Get-AlertKind $raisingSet -Database $database | Should -Contain $Alert
        Get-AlertKind $calmSet -Database $database | Should -Not -Contain $Alert
    }

    It 'monitoring.refresh_interval: Watch-EcodProduction waits that long between refreshes' {
        $fast = New-Config @{ 'monitoring.refresh_interval' = '0.2' }
        $slow = New-Config @{ 'monitoring.refresh_interval' = '1.5' }
        $quick = Measure-Command { Watch-EcodProduction -TrackingDatabase $mdb -ConfigurationPath $fast -Count 3 -WarningAction SilentlyContinue | Out-Null }
        $long = Measure-Command { Watch-EcodProduction -TrackingDatabase $mdb -ConfigurationPath $slow -Count 3 -WarningAction SilentlyContinue | Out-Null }
        $long.TotalSeconds | Should -BeGreaterOrEqual 2.9
        ($long - $quick).TotalSeconds | Should -BeGreaterOrEqual 2
    }
}

Describe 'slurm: keys, in the job scripts Submit-EcodJob and Restart-EcodJob would submit' -Skip:$NoCluster {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'SlurmHelpers.ps1')
        Assert-SlurmCluster
        $folder = Join-Path $TestDrive 'slurm'
        New-Item -ItemType Directory -Force $folder | Out-Null
        $setup = Join-Path $folder 'setup.sh'; '# nothing' | Set-Content $setup
        $worker = Join-Path $folder 'my-pwsh'; $module = Join-Path $folder 'My/EcodMini.psd1'
        Copy-Item -Recurse (Get-EcodModulePath) (Join-Path $folder 'My')  # slurm.worker_module must hold a module: it is checked at submission
        $base = @{ 'slurm.time' = '"0:10:00"'; 'slurm.job_script_dir' = "$folder/jobs" }
        function SlurmConfig([hashtable] $Set) { $v = $base.Clone(); foreach ($k in $Set.Keys) { $v[$k] = $Set[$k] }; New-Config $v }
        $script:cases = [ordered] @{
            'partition' = SlurmConfig @{ 'slurm.partition' = 'short' }
            'time' = SlurmConfig @{ 'slurm.time' = '"0:07:00"' }
            'memory' = SlurmConfig @{ 'slurm.memory' = '321M' }
            'cpus_per_task' = SlurmConfig @{ 'slurm.cpus_per_task' = '2' }
            'max_concurrent_jobs' = SlurmConfig @{ 'slurm.max_concurrent_jobs' = '2' }
            'job_script_dir' = SlurmConfig @{ 'slurm.job_script_dir' = "$folder/elsewhere-scripts" }
            'env_setup_script' = SlurmConfig @{ 'slurm.env_setup_script' = $setup }
            'worker_pwsh' = SlurmConfig @{ 'slurm.worker_pwsh' = $worker }
            'worker_module' = SlurmConfig @{ 'slurm.worker_module' = $module }
            'submit_delay' = SlurmConfig @{ 'slurm.submit_delay' = '0.7' }
            'export_variables' = SlurmConfig @{ 'slurm.export_variables' = 'ECOD_EXTRA_SETTING' }
            'log_dir' = SlurmConfig @{ 'paths.log_dir' = "$folder/slurm-logs" }
            'executor' = SlurmConfig @{ 'execution.executor' = 'slurm' }
            'defaults' = SlurmConfig @{}
        }
        $script:restartCfg = SlurmConfig @{ 'slurm.restart_factor' = '3' }
        $lines = @("`$t = @(Find-EcodProtein -BatchRoot '$($gen.Root)' -RepsOnly:`$false -SkipExisting:`$false -TrackingDatabase '$noTracker' | Select-Object -First 3)")
        foreach ($name in $cases.Keys) {
            $executor = if ($name -eq 'executor') { '' } else { '-Executor Slurm' }
            $mode = if ($name -eq 'submit_delay') { '-Mode PerProtein' } else { '' }
            $lines += "'=== $name'; `$t | Submit-EcodJob $executor $mode -ChunkSize 1 -ConfigurationPath '$($cases[$name])' -WhatIf"
        }
        # A job that ended TIMEOUT on the cluster: a tracked local job, copied with the status SLURM would have left.
        $lines += "`$db = '$folder/restart.db'; `$j = `$t[0] | Submit-EcodJob -Executor Local -ReferenceDirectory '$ref' -TrackingDatabase `$db -WorkDirectory '$folder/rwork'; " +
            "`$j = `$j.GetType().GetMethod('<Clone>`$').Invoke(`$j, `$null); foreach (`$p in @{ Status = 'timeout'; JobId = '77_0'; Error = 'TIMEOUT' }.GetEnumerator()) { `$j.GetType().GetProperty(`$p.Key).SetValue(`$j, `$p.Value) }; " +
            "'=== restart_factor'; `$j | Restart-EcodJob -Executor Slurm -ConfigurationPath '$restartCfg' -TrackingDatabase `$db -WhatIf"
        $lines += "'=== end'"
        $r = Invoke-FreshPwsh -Script ($lines -join "`n")
        $r.ExitCode | Should -Be 0 -Because $r.Error
        $script:preview = @{}
        $current = $null
        foreach ($line in $r.Output -split "`n") {
            if ($line -match '^=== (\S+)') { $current = $Matches[1]; $preview[$current] = [System.Text.StringBuilder]::new(); continue }
            if ($current) { [void] $preview[$current].AppendLine($line) }
        }
        function Preview([string] $Name) { "$($preview[$Name])" }
        Preview 'defaults' | Should -Match '#SBATCH --time=.?0:10:00'
    }

    It 'slurm.partition: --partition in the job script' {
        Preview 'partition' | Should -Match "#SBATCH --partition='short'"
        Preview 'defaults' | Should -Not -Match '--partition'
    }
    It 'slurm.time: --time in the job script' {
        Preview 'time' | Should -Match "#SBATCH --time='0:07:00'"
    }
    It 'slurm.memory: --mem in the job script' {
        Preview 'memory' | Should -Match "#SBATCH --mem='321M'"
        Preview 'defaults' | Should -Match "#SBATCH --mem='4G'"
    }
    It 'slurm.cpus_per_task: --cpus-per-task in the job script' {
        Preview 'cpus_per_task' | Should -Match '#SBATCH --cpus-per-task=2'
        Preview 'defaults' | Should -Match '#SBATCH --cpus-per-task=1'
    }
    It 'slurm.max_concurrent_jobs: the array throttle' {
        Preview 'max_concurrent_jobs' | Should -Match '#SBATCH --array=0-2%2'
        Preview 'defaults' | Should -Match '#SBATCH --array=0-2%3'
    }
    It 'slurm.job_script_dir: where sbatch finds the job script' {
        Preview 'job_script_dir' | Should -Match ([regex]::Escape("$TestDrive/slurm/elsewhere-scripts/") + '\S+/job\.sh')
    }
    It 'slurm.env_setup_script: sourced before the worker starts' {
        Preview 'env_setup_script' | Should -Match ("source '" + [regex]::Escape("$TestDrive/slurm/setup.sh") + "'")
        Preview 'defaults' | Should -Not -Match '(?m)^source '
    }
    It 'slurm.worker_pwsh: the program the job runs' {
        Preview 'worker_pwsh' | Should -Match ("exec '" + [regex]::Escape("$TestDrive/slurm/my-pwsh") + "'")
    }
    It 'slurm.worker_module: the module the job imports' {
        Preview 'worker_module' | Should -Match ('Import-Module -Name \W*' + [regex]::Escape("$TestDrive/slurm/My/EcodMini.psd1"))
    }
    It 'slurm.export_variables: added to the explicit --export list of every sbatch call' {
        Preview 'export_variables' | Should -Match '--export=\S*\bECOD_EXTRA_SETTING\b'
        Preview 'defaults' | Should -Match '--export=\S*\bPATH\b'
        Preview 'defaults' | Should -Not -Match 'ECOD_EXTRA_SETTING'
    }
    It 'slurm.submit_delay: the pause between per-protein sbatch calls' {
        Preview 'submit_delay' | Should -Match '\(x 3, 0\.7 s apart\)'
    }
    It 'slurm.restart_factor: Restart-EcodJob raises a timed-out job''s time by it' {
        Preview 'restart_factor' | Should -Match "#SBATCH --time='0?0:30:00'"
    }
    It 'paths.log_dir (SLURM): job output goes to the log folder' {
        Preview 'log_dir' | Should -Match ("#SBATCH --output='" + [regex]::Escape("$TestDrive/slurm/slurm-logs/"))
    }
    It 'execution.executor: slurm sends Submit-EcodJob to the cluster without -Executor' {
        Preview 'executor' | Should -Match 'to SLURM'
        Preview 'executor' | Should -Match '#SBATCH --array='
    }
}

Describe 'database: keys, against the real test PostgreSQL' -Skip:$pgSkip {
    BeforeAll {
        Assert-PgConfigured
        function New-Db { $n = New-PgTestDatabase; $script:createdDbs.Add($n); $n }
        # A production.yml for the test server with 'database.key' values on top.
        function New-DbConfig([string] $Database, [hashtable] $Set = @{}, [string] $Tracker = '') {
            $v = @{ 'database.host' = $env:ECOD_TEST_PG_HOST; 'database.port' = $env:ECOD_TEST_PG_PORT; 'database.database' = $Database
                'database.user' = $env:ECOD_TEST_PG_USER; 'database.password_env' = 'ECOD_TEST_PG_PASSWORD'; 'database.ssl_mode' = 'disable'
                'database.connect_timeout' = '5' }
            if ($Tracker) { $v['paths.tracking_db'] = $Tracker }
            foreach ($k in $Set.Keys) { $v[$k] = $Set[$k] }
            New-Config $v
        }
        # Server sessions a database has seen (pg_stat_database.sessions, counted when a session ends): waits up to
        # 5 s for the count to reach $Expected, then returns it.
        function Get-Sessions([string] $Database, [int] $Expected) {
            $deadline = (Get-Date).AddSeconds(5)
            do {
                $n = [int] (Invoke-PgSql -Database 'postgres' -Sql "SELECT sessions FROM pg_stat_database WHERE datname = '$Database'")
                if ($n -ge $Expected) { break }
                Start-Sleep -Milliseconds 200
            } while ((Get-Date) -lt $deadline)
            Start-Sleep -Milliseconds 300
            [int] (Invoke-PgSql -Database 'postgres' -Sql "SELECT sessions FROM pg_stat_database WHERE datname = '$Database'")
        }
        # A CA certificate that did not sign the test server's certificate.
        function Get-UntrustedCa {
            $ca = Get-ChildItem /etc/ssl/certs -Filter '*.pem' | Where-Object Name -ne 'ssl-cert-snakeoil.pem' | Select-Object -First 1
            if (-not $ca) { throw 'no CA certificate under /etc/ssl/certs (install ca-certificates)' }
            $ca.FullName
        }
        # A finished local run to import from.
        $script:itrack = Join-Path $TestDrive 'import-tracking.db'
        Get-Tasks 8 | Submit-EcodJob -Executor Local -ReferenceDirectory $ref -TrackingDatabase $itrack -WorkDirectory (Join-Path $TestDrive 'iwork') | Out-Null
        $script:icompleted = @(Get-EcodJobStatus -TrackingDatabase $itrack -Status completed)
    }

    It 'database.host: the cmdlets connect to that host' {
        $err = { Initialize-EcodDatabase -ConfigurationPath (New-DbConfig 'x' @{ 'database.host' = 'ecod-no-such-host.invalid' }) -Confirm:$false -ErrorAction Stop } |
            Should -Throw -PassThru
        $err.Exception.Message | Should -Match 'ecod-no-such-host\.invalid'
    }

    It 'database.port: the cmdlets connect to that port' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0); $listener.Start()
        $free = $listener.LocalEndpoint.Port; $listener.Stop()
        $err = { Initialize-EcodDatabase -ConfigurationPath (New-DbConfig 'x' @{ 'database.host' = '127.0.0.1'; 'database.port' = "$free" }) -Confirm:$false -ErrorAction Stop } |
            Should -Throw -PassThru
        $err.Exception.Message | Should -Match ":$free"
    }

    It 'database.database: Initialize-EcodDatabase creates the schema in that database' {
        $name = New-Db
        Initialize-EcodDatabase -ConfigurationPath (New-DbConfig $name) -Confirm:$false | Out-Null
        Invoke-PgSql -Database $name -Sql "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'pdb_analysis' AND table_name = 'partition_proteins'" | Should -Be '1'
    }

    It 'database.user: the cmdlets connect as that role' {
        $err = { Initialize-EcodDatabase -ConfigurationPath (New-DbConfig 'postgres' @{ 'database.user' = 'ecod_no_such_role' }) -Confirm:$false -ErrorAction Stop } |
            Should -Throw -PassThru
        $err.Exception.Message | Should -Match "as user 'ecod_no_such_role'"
    }

    It 'database.password_env: the password comes from the variable it names' {
        $name = New-Db
        $env:ECOD_CFG_TEST_PW = $env:ECOD_TEST_PG_PASSWORD
        try {
            (Initialize-EcodDatabase -ConfigurationPath (New-DbConfig $name @{ 'database.password_env' = 'ECOD_CFG_TEST_PW' }) -Confirm:$false) | Should -Not -BeNullOrEmpty
        }
        finally { Remove-Item Env:ECOD_CFG_TEST_PW }
        $err = { Initialize-EcodDatabase -ConfigurationPath (New-DbConfig $name @{ 'database.password_env' = 'ECOD_CFG_TEST_PW' }) -Confirm:$false -ErrorAction Stop } |
            Should -Throw -PassThru
        $err.Exception.Message | Should -Match 'ECOD_CFG_TEST_PW is not set'
    }

    It 'database.ssl_mode: TLS (and its certificate check) is used only when the mode asks for it' {
        $name = New-Db
        (Invoke-PgSql -Database $name -Sql 'SHOW ssl') | Should -Be 'on' -Because 'the test server (tools/services/postgres.sh) serves TLS'
        # The same untrusted CA: ignored without TLS, refused when the mode verifies the server.
        $otherCa = Get-UntrustedCa
        Initialize-EcodDatabase -ConfigurationPath (New-DbConfig $name @{ 'database.ssl_mode' = 'disable'; 'database.ssl_root_cert' = $otherCa }) -Confirm:$false |
            Should -Not -BeNullOrEmpty
        { Initialize-EcodDatabase -ConfigurationPath (New-DbConfig $name @{ 'database.ssl_mode' = 'verify-ca'; 'database.ssl_root_cert' = $otherCa }) -Confirm:$false -ErrorAction Stop } |
            Should -Throw
    }

    It 'database.ssl_root_cert: verify-ca trusts the server only through that CA file' {
        $name = New-Db
        $serverCert = Invoke-PgSql -Database $name -Sql 'SHOW ssl_cert_file'
        $serverCert | Should -Exist
        Initialize-EcodDatabase -ConfigurationPath (New-DbConfig $name @{ 'database.ssl_mode' = 'verify-ca'; 'database.ssl_root_cert' = $serverCert }) -Confirm:$false |
            Should -Not -BeNullOrEmpty
        $err = { Initialize-EcodDatabase -ConfigurationPath (New-DbConfig $name @{ 'database.ssl_mode' = 'verify-ca'; 'database.ssl_root_cert' = (Get-UntrustedCa) }) -Confirm:$false -ErrorAction Stop } |
            Should -Throw -PassThru
        $err.Exception.Message | Should -Match 'certificate|SSL|TLS|authentication'
    }

    It 'database.pooling: with pooling one cmdlet reuses its connection, without it every step opens a new session' {
        # Initialize-EcodDatabase connects twice (schema check, then creation): one server session pooled, two not.
        $pooled = New-Db
        Initialize-EcodDatabase -ConfigurationPath (New-DbConfig $pooled @{ 'database.pooling' = 'true' }) -Confirm:$false | Out-Null
        Get-Sessions $pooled 1 | Should -Be 1
        $unpooled = New-Db
        Initialize-EcodDatabase -ConfigurationPath (New-DbConfig $unpooled @{ 'database.pooling' = 'false' }) -Confirm:$false | Out-Null
        Get-Sessions $unpooled 2 | Should -Be 2
    }

    It 'database.max_pool_size: a cmdlet works within a pool of that size (its connections are used one at a time)' {
        $name = New-Db
        Initialize-EcodDatabase -ConfigurationPath (New-DbConfig $name @{ 'database.max_pool_size' = '1'; 'database.connect_timeout' = '3' }) -Confirm:$false |
            Should -Not -BeNullOrEmpty
        Get-Sessions $name 1 | Should -Be 1
        { New-DbConfig $name @{ 'database.max_pool_size' = '0' } | ForEach-Object { Initialize-EcodDatabase -ConfigurationPath $_ -Confirm:$false -ErrorAction Stop } } |
            Should -Throw -ErrorId 'EcodConfigurationInvalid,EcodMini.PowerShell.Cmdlets.InitializeEcodDatabaseCommand'
    }

    It 'database.connect_timeout: a server that never answers fails after that many seconds' {
        $silent = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0); $silent.Start()
        try {
            $cfg = New-DbConfig 'x' @{ 'database.host' = '127.0.0.1'; 'database.port' = "$($silent.LocalEndpoint.Port)"; 'database.connect_timeout' = '2' }
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            { Initialize-EcodDatabase -ConfigurationPath $cfg -Confirm:$false -ErrorAction Stop } | Should -Throw
            $clock.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 1.5
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 10
        }
        finally { $silent.Stop() }
    }

    It 'database.command_timeout: a statement blocked longer than that is cancelled' {
        $name = New-Db
        $cfg = New-DbConfig $name @{ 'database.command_timeout' = '2' } -Tracker $itrack
        Initialize-EcodDatabase -ConfigurationPath $cfg -Confirm:$false | Out-Null
        # Another session holds the proteins table for 30 s.
        $psi = [System.Diagnostics.ProcessStartInfo]::new('psql')
        foreach ($a in @('-X', '-q', '-h', $env:ECOD_TEST_PG_HOST, '-p', $env:ECOD_TEST_PG_PORT, '-U', $env:ECOD_TEST_PG_USER, '-d', $name,
            '-c', 'BEGIN; LOCK TABLE pdb_analysis.partition_proteins IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(30); COMMIT;')) { $psi.ArgumentList.Add($a) }
        $psi.Environment['PGPASSWORD'] = $env:ECOD_TEST_PG_PASSWORD
        $psi.RedirectStandardOutput = $true; $psi.RedirectStandardError = $true
        $holder = [System.Diagnostics.Process]::Start($psi)
        try {
            $deadline = (Get-Date).AddSeconds(15)
            while ((Get-Date) -lt $deadline -and (Invoke-PgSql -Database 'postgres' -Sql "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE d.datname = '$name' AND l.mode = 'AccessExclusiveLock' AND l.granted") -eq '0') { Start-Sleep -Milliseconds 200 }
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $outcome = try { $icompleted | Import-EcodResult -ConfigurationPath $cfg -QualityFilter All -Confirm:$false -ErrorAction Stop; 'imported' } catch { $_.Exception.Message }
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 20 -Because 'the 30 s lock must not be waited out'
            "$outcome" | Should -Match 'timeout|cancel'
        }
        finally { if (-not $holder.HasExited) { $holder.Kill() }; $holder.Dispose() }
    }

    It 'database.evidence_table: Import-EcodResult writes the evidence into that table' {
        $name = New-Db
        $cfg = New-DbConfig $name @{ 'database.evidence_table' = 'my_evidence' } -Tracker $itrack
        Initialize-EcodDatabase -ConfigurationPath $cfg -Confirm:$false | Out-Null
        $summary = $icompleted | Import-EcodResult -ConfigurationPath $cfg -QualityFilter All -Confirm:$false
        $summary.Imported | Should -Be $icompleted.Count
        [int] (Invoke-PgSql -Database $name -Sql 'SELECT count(*) FROM pdb_analysis.my_evidence') | Should -BeGreaterThan 0
    }

    It 'quality.import_quality_threshold: Import-EcodResult filters below the configured grade' {
        $name = New-Db
        $base = @{ 'quality.good_coverage' = '1'; 'quality.min_coverage' = '0'; 'quality.min_confidence' = '0' }
        $good = New-DbConfig $name ($base + @{ 'quality.import_quality_threshold' = 'good' }) -Tracker $itrack
        Initialize-EcodDatabase -ConfigurationPath $good -Confirm:$false | Out-Null
        $expectedGood = @($icompleted | Where-Object Coverage -ge 1).Count
        ($icompleted | Import-EcodResult -ConfigurationPath $good -Confirm:$false).Imported | Should -Be $expectedGood
        $all = New-DbConfig $name ($base + @{ 'quality.import_quality_threshold' = 'all' }) -Tracker $itrack
        ($icompleted | Import-EcodResult -ConfigurationPath $all -Confirm:$false).Imported | Should -Be ($icompleted.Count - $expectedGood)
    }

    It 'quality.min_confidence: Import-EcodResult grades an unconfident chain questionable and its good filter leaves it out' {
        $name = New-Db
        $strict = New-DbConfig $name @{ 'quality.good_coverage' = '0'; 'quality.min_coverage' = '0'; 'quality.min_confidence' = '1'; 'quality.import_quality_threshold' = 'good' } -Tracker $itrack
        Initialize-EcodDatabase -ConfigurationPath $strict -Confirm:$false | Out-Null
        $records = @($icompleted | Import-EcodResult -ConfigurationPath $strict -Confirm:$false -PassThru | Where-Object { $_.PSObject.Properties['Action'] })
        $records | Should -HaveCount $icompleted.Count
        $records.QualityGrade | Sort-Object -Unique | Should -Be 'questionable'
        $records.Action | ForEach-Object ToString | Sort-Object -Unique | Should -Be 'Filtered'
        $lenient = New-DbConfig $name @{ 'quality.good_coverage' = '0'; 'quality.min_coverage' = '0'; 'quality.min_confidence' = '0'; 'quality.import_quality_threshold' = 'good' } -Tracker $itrack
        ($icompleted | Import-EcodResult -ConfigurationPath $lenient -Confirm:$false).Imported | Should -Be $icompleted.Count
    }
}

Describe 'notify: keys (a real local HTTP listener and SMTP server)' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'NotifyHelpers.ps1')
        $script:hook = Start-WebhookSink
        $script:smtp = Start-SmtpSink
        function New-NotifyConfig([string[]] $Lines) {
            $dir = Join-Path $TestDrive ('notify-' + [guid]::NewGuid().ToString('n').Substring(0, 8))
            New-Item -ItemType Directory -Path $dir | Out-Null
            $path = Join-Path $dir 'production.yml'
            @('notify:') + ($Lines | ForEach-Object { "  $_" }) | Set-Content -Path $path
            $path
        }
        function New-EmailConfig([hashtable] $Set = @{}) {
            $email = [ordered] @{ smtp_host = '127.0.0.1'; smtp_port = $smtp.Port; from = 'ecod-mini@example.org'; to = 'ops@example.org' }
            foreach ($k in $Set.Keys) { $email[$k] = $Set[$k] }
            New-NotifyConfig (@('email:') + ($email.Keys | ForEach-Object { "  ${_}: $($email[$_])" }))
        }
    }
    AfterAll {
        Stop-Sink $hook
        Stop-Sink $smtp
    }

    It 'notify.webhook_url: Send-EcodNotification -Test POSTs JSON with a Slack text to it' {
        $delivery = Send-EcodNotification -Test -ConfigurationPath (New-NotifyConfig "webhook_url: $($hook.Url)") -Confirm:$false
        $delivery.Success | Should -BeTrue
        $delivery.Target | Should -Not -Match 'token' -Because 'a webhook path may hold a secret'
        $request = Receive-SinkItem $hook
        $request.Method | Should -Be 'POST'
        $request.ContentType | Should -Match '^application/json'
        $json = $request.Body | ConvertFrom-Json
        $json.event | Should -Be 'test'
        $json.text | Should -Match 'test notification'
    }

    It 'notify.timeout: a webhook that never answers is a failed delivery within the timeout' {
        $silent = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $silent.Start()
        try {
            $cfg = New-NotifyConfig "webhook_url: http://127.0.0.1:$($silent.LocalEndpoint.Port)/", 'timeout: 2'
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $delivery = Send-EcodNotification -Test -ConfigurationPath $cfg -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 15
            $delivery.Success | Should -BeFalse
            $failures[0].FullyQualifiedErrorId | Should -Match '^EcodNotificationFailed'
        }
        finally { $silent.Stop() }
    }

    It 'notify.email.smtp_host: the message is sent through that server' {
        (Send-EcodNotification -Test -ConfigurationPath (New-EmailConfig) -Confirm:$false).Success | Should -BeTrue
        (Receive-SinkItem $smtp).Data | Should -Match 'Subject: EcodMini test notification'
        $bad = Send-EcodNotification -Test -ConfigurationPath (New-EmailConfig @{ smtp_host = 'no-such-host.invalid' }) -Confirm:$false -ErrorAction SilentlyContinue
        $bad.Success | Should -BeFalse
    }

    It 'notify.email.smtp_port: a port where no server listens fails the delivery' {
        $cfg = New-EmailConfig @{ smtp_port = (Get-FreeTcpPort) }
        (Send-EcodNotification -Test -ConfigurationPath $cfg -Confirm:$false -ErrorAction SilentlyContinue).Success | Should -BeFalse
    }

    It 'notify.email.tls: STARTTLS is required, so a server without it is refused' {
        $delivery = Send-EcodNotification -Test -ConfigurationPath (New-EmailConfig @{ tls = 'true' }) -Confirm:$false -ErrorAction SilentlyContinue
        $delivery.Success | Should -BeFalse
        $delivery.Error | Should -Not -BeNullOrEmpty
    }

    It 'notify.email.from: the envelope and the header name the sender' {
        Send-EcodNotification -Test -ConfigurationPath (New-EmailConfig @{ from = 'pipeline@ecod.example.org' }) -Confirm:$false | Out-Null
        $message = Receive-SinkItem $smtp
        $message.From | Should -Be '<pipeline@ecod.example.org>'
        $message.Data | Should -Match 'From: pipeline@ecod.example.org'
    }

    It 'notify.email.to: every recipient of the list gets it' {
        Send-EcodNotification -Test -ConfigurationPath (New-EmailConfig @{ to = 'a@example.org, b@example.org' }) -Confirm:$false | Out-Null
        (Receive-SinkItem $smtp).To | Should -Be @('<a@example.org>', '<b@example.org>')
    }

    It 'notify.email.user: a login needs the password variable to be set, and the error names the variable' {
        Remove-Item Env:ECOD_TEST_NOTIFY_PW -ErrorAction SilentlyContinue
        $delivery = Send-EcodNotification -Test -ConfigurationPath (New-EmailConfig @{ user = 'ecod'; password_env = 'ECOD_TEST_NOTIFY_PW' }) -Confirm:$false -ErrorAction SilentlyContinue
        $delivery.Success | Should -BeFalse
        $delivery.Error | Should -Match 'ECOD_TEST_NOTIFY_PW'
    }

    It 'notify.email.password_env: the login password comes from that variable and is never shown' {
        $env:ECOD_TEST_NOTIFY_PW = 'pw-from-the-environment'
        try {
            $cfg = New-EmailConfig @{ user = 'ecod'; password_env = 'ECOD_TEST_NOTIFY_PW' }
            $out = Send-EcodNotification -Test -ConfigurationPath $cfg -Confirm:$false -Verbose 4>&1 | Out-String
            $message = Receive-SinkItem $smtp
            ($message.User, $message.Password) | Should -Be @('ecod', 'pw-from-the-environment')
            $out | Should -Not -Match 'pw-from-the-environment'
            (Get-EcodConfiguration -ConfigurationPath $cfg | Format-List * | Out-String) | Should -Not -Match 'pw-from-the-environment'
        }
        finally { Remove-Item Env:ECOD_TEST_NOTIFY_PW }
    }
}

Describe 'Every key: a test here and a comment in the template' {
    It 'has an It in this file for every key the parser accepts, and New-EcodConfiguration comments each one' {
        $accepted = @((Get-CoreType 'EcodMini.Core.Configuration.ConfigurationParser')::AcceptedKeys())
        $accepted.Count | Should -BeGreaterThan 50
        $names = [regex]::Matches((Get-Content -Raw $PSCommandPath), "(?:It '|Key = ')([a-z_]+(?:\.[a-z_]+)+)[ :']") | ForEach-Object { $_.Groups[1].Value }
        $accepted | Where-Object { $_ -notin $names } | Should -BeNullOrEmpty -Because 'each key needs a test that observes it'
        $template = Join-Path $TestDrive 'template/production.yml'
        New-EcodConfiguration -Path $template | Out-Null
        $section = $null; $sub = $null; $documented = @{}
        foreach ($line in Get-Content $template) {
            if ($line -match '^([a-z_]+):') { $section = $Matches[1]; $sub = $null; continue }
            if (-not ($line -match '^(\s+#?\s*)([a-z_]+):(.*#\s*\S.*)') -or -not $section) { continue }
            $column = $Matches[1].Length; $key = $Matches[2]
            if ($sub -and $column -le $sub.Column) { $sub = $null }
            # A key with only a comment opens a nested mapping (notify.email); deeper keys belong to it.
            if ($Matches[3] -match '^\s*#' -and -not $sub -and $section -eq 'notify') { $sub = @{ Name = $key; Column = $column }; continue }
            $name = if ($sub) { "$section.$($sub.Name).$key" } else { "$section.$key" }
            $documented[$name] = $true
        }
        $accepted | Where-Object { -not $documented[$_] } | Should -BeNullOrEmpty -Because 'each key needs its comment in the template'
    }
}
