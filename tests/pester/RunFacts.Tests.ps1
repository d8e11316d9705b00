# What a run used and what it changes, against the real services: sacct's MaxRSS, Elapsed and TotalCPU of a real SLURM
# run as stored and reported (tools/services/slurm.sh), and Compare-EcodRun / Import-EcodResult -WhatIf against the real
# PostgreSQL server (tools/services/postgres.sh). Outside CI a missing service skips loudly; under CI=true these fail.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'SlurmHelpers.ps1')
    . (Join-Path $PSScriptRoot 'DatabaseHelpers.ps1')
    $script:NoCluster = Get-SlurmSkip 'SLURM resource tests'
    $script:pgSkip = Get-PgSkip
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'SlurmHelpers.ps1')
    . (Join-Path $PSScriptRoot 'DatabaseHelpers.ps1')
    $script:created = [System.Collections.Generic.List[string]]::new()
}

AfterAll {
    foreach ($name in $script:created) { Remove-PgTestDatabase $name }
}

Describe 'Task resources of a real SLURM run' -Skip:$NoCluster {
    BeforeAll {
        # The tasks whose peak memory accounting sampled (stored MaxRSS above 0).
        function Get-MeasuredTaskCount { @($stored | Where-Object { [long](($_ -split '\|')[1] -replace '^$', '0') -gt 0 }).Count }
        Assert-SlurmCluster
        $script:gen = New-TestBatchRoot -ProteinCount 12 -Seed 61 -BatchCount 1
        $script:folder = Join-Path $TestDrive 'slurm-resources'
        $script:cfg = New-SlurmConfig $folder
        $script:db = Join-Path $folder 'tracking.db'
        $tasks = @(Find-EcodProtein -BatchRoot $gen.Root -RepsOnly:$false -TrackingDatabase $db)
        # These tasks last seconds, shorter than the cluster's JobAcctGatherFrequency (5 s): sbatch reads SBATCH_ACCTG_FREQ and
        # samples every second, so sacct has a MaxRSS for them (production tasks run far longer than one sampling interval).
        $env:SBATCH_ACCTG_FREQ = '1'
        $script:jobs = @($tasks | Submit-EcodJob -Executor Slurm -ReferenceDirectory $gen.ReferenceDirectory -TrackingDatabase $db `
            -WorkDirectory (Join-Path $folder 'work') -ChunkSize 4 -ConfigurationPath $cfg | Get-EcodJobStatus -Wait -PollInterval 2 -TrackingDatabase $db -ConfigurationPath $cfg)
        Remove-Item Env:SBATCH_ACCTG_FREQ
        $script:name = Get-JobScriptName (Get-ChildItem (Join-Path $folder 'jobs') -Recurse -Filter job.sh | Select-Object -First 1).FullName
        # Accounting may list a task's figures a moment after it ends: refresh until every task is measured (bounded).
        $deadline = (Get-Date).AddSeconds(120)
        do {
            Get-EcodJobStatus -Refresh -TrackingDatabase $db -ConfigurationPath $cfg | Out-Null
            $script:stored = @(& sqlite3 -readonly $db "SELECT executor_job_id || '|' || IFNULL(max_rss_bytes, '') || '|' || IFNULL(elapsed_seconds, '') || '|' || IFNULL(total_cpu_seconds, '') FROM task_resources ORDER BY executor_job_id;")
        } while ($stored.Count -lt 3 -and (Get-Date) -lt $deadline)
    }

    It 'stores each finished task''s MaxRSS, Elapsed and TotalCPU exactly as sacct reports them' {
        ($jobs | Where-Object Status -eq 'completed').Count | Should -Be 12
        $stored.Count | Should -Be 3 -Because '12 chains in chunks of 4 are 3 array tasks'
        $sacct = @{}
        foreach ($line in & sacct --parsable2 --noheader --name $name --starttime now-1days --format=JobID,Elapsed,TotalCPU,MaxRSS) {
            $f = $line -split '\|'
            $id = ($f[0] -split '\.')[0]
            if (-not $sacct[$id]) { $sacct[$id] = @{ Elapsed = $f[1]; Cpu = $f[2]; Rss = 0 } }
            # sacct scales MaxRSS to the largest unit that divides it evenly (130048K is printed 127M); a bare number is K.
            if ($f[3] -match '^(\d+)([KMGT]?)$') {
                $kib = [long]$Matches[1] * @{ '' = 1; K = 1; M = 1KB; G = 1MB; T = 1GB }[$Matches[2]]
                $sacct[$id].Rss = [math]::Max($sacct[$id].Rss, $kib * 1024)
            }
        }
        foreach ($row in $stored) {
            $id, $rss, $elapsed, $cpu = $row -split '\|'
            $sacct.ContainsKey($id) | Should -BeTrue -Because "sacct lists task $id"
            [long]$rss | Should -Be $sacct[$id].Rss -Because 'the stored peak is the largest MaxRSS of the task and its steps'
            [double]$elapsed | Should -BeGreaterThan 0
            [double]$elapsed | Should -Be ([timespan]::Parse($sacct[$id].Elapsed).TotalSeconds)
            [double]$cpu | Should -BeGreaterThan 0 -Because 'a worker that partitioned chains used CPU time'
        }
        Get-MeasuredTaskCount | Should -BeGreaterThan 0 -Because 'accounting sampled the memory of at least one task (one shorter than the 1 s sampling interval may have none)'
    }

    It 'Get-EcodProductionStatistic -Resource shows p50, p95 and max and recommends slurm.memory and slurm.time; the HTML report shows the same' {
        $report = Get-EcodProductionStatistic -Resource -TrackingDatabase $db -ConfigurationPath $cfg
        $report.Tasks | Should -Be 3
        $report.Chains | Should -Be 12
        $report.MaxRssMegabytes.Count | Should -Be (Get-MeasuredTaskCount) -Because 'the memory figures cover the tasks accounting sampled'
        $report.ElapsedMinutes.Count | Should -Be 3
        $report.CpuMinutes.Count | Should -Be 3
        foreach ($p in $report.MaxRssMegabytes, $report.ElapsedMinutes, $report.CpuMinutes) {
            $p.Max | Should -BeGreaterThan 0
            $p.P50 | Should -BeLessOrEqual $p.P95
            $p.P95 | Should -BeLessOrEqual $p.Max
        }
        $report.RecommendedMemory | Should -Match '^\d+[MG]$'
        $report.RecommendedTime | Should -Match '^\d+:\d\d:\d\d$|^\d+-\d+:\d\d:\d\d$'
        $html = Join-Path $folder 'report.html'
        Export-EcodReport -Path $html -TrackingDatabase $db -ConfigurationPath $cfg
        $text = Get-Content -Raw $html
        $text | Should -Match 'MaxRSS \(MB\)'
        $text | Should -Match 'TotalCPU \(min\)'
        $text | Should -Match ([regex]::Escape("<b>$($report.RecommendedMemory)</b>"))
    }
}

Describe 'Compare-EcodRun and Import-EcodResult -WhatIf against PostgreSQL' -Skip:$pgSkip {
    BeforeAll {
        Assert-PgConfigured
        $script:gen = New-TestBatchRoot -ProteinCount 30 -Seed 62 -BatchCount 1
        $script:track = Join-Path $TestDrive 'compare.db'
        $script:pg = New-PgTestDatabase
        $script:created.Add($pg)
        $script:cfg = New-PgTestConfiguration -Path (Join-Path $TestDrive 'compare.yml') -Database $pg -TrackingDb $track
        $jobs = @(Find-EcodProtein -BatchRoot $gen.Root -RepsOnly:$false -TrackingDatabase $track |
            Submit-EcodJob -Executor Local -ReferenceDirectory $gen.ReferenceDirectory -TrackingDatabase $track -WorkDirectory (Join-Path $TestDrive 'work'))
        $script:completed = @($jobs | Where-Object Status -eq 'completed')
        $script:run = @(& sqlite3 -readonly $track 'SELECT DISTINCT run_id FROM attempts;')[0]
        Initialize-EcodDatabase -ConfigurationPath $cfg -Confirm:$false | Out-Null
        $completed | Import-EcodResult -ConfigurationPath $cfg -ProcessVersion cmp_a -QualityFilter All -Confirm:$false | Out-Null

        # Version cmp_b: a copy of the batch where one chain lost its last domain and one chain is missing.
        $batchDir = Split-Path (Split-Path $completed[0].OutputPath)
        $copy = Join-Path (Join-Path $TestDrive 'v2') (Split-Path $batchDir -Leaf)
        New-Item -ItemType Directory -Force (Split-Path $copy) | Out-Null
        Copy-Item -Recurse $batchDir $copy
        $multi = $completed | Where-Object { (Get-EcodPartition -Path $_.OutputPath).DomainCount -ge 2 } | Select-Object -First 1
        $script:shrunk = $multi.ProteinId
        $script:dropped = ($completed | Where-Object ProteinId -ne $shrunk | Select-Object -First 1).ProteinId
        $file = Join-Path $copy "mini_domains/$(Split-Path $multi.OutputPath -Leaf)"
        $xml = [xml](Get-Content -Raw $file)
        $domains = @($xml.partition.domains.domain)
        $null = $xml.partition.domains.RemoveChild($domains[-1])
        $xml.partition.protein.domain_count = "$($domains.Count - 1)"
        $xml.Save($file)
        Remove-Item (Join-Path $copy "mini_domains/$dropped.mini.domains.xml")
        Import-EcodResult -Path (Get-ChildItem (Join-Path $copy 'mini_domains') -Filter *.xml).FullName -ConfigurationPath $cfg -ProcessVersion cmp_b `
            -CollisionStrategy Version -QualityFilter All -Confirm:$false | Out-Null
    }

    It 'compares two process versions held in PostgreSQL: exactly the changed and the missing chain' {
        $changes = @(Compare-EcodRun -BeforeProcessVersion cmp_a -AfterProcessVersion cmp_b -ConfigurationPath $cfg)
        $changes.Count | Should -Be 2
        ($changes | Where-Object ProteinId -eq $dropped).Kind | Should -Be 'Removed'
        $shrink = $changes | Where-Object ProteinId -eq $shrunk
        $shrink.Kind | Should -Be 'DomainCountChanged'
        $shrink.DomainsAfter | Should -Be ($shrink.DomainsBefore - 1)
        $summary = Compare-EcodRun -BeforeProcessVersion cmp_a -AfterProcessVersion cmp_b -ConfigurationPath $cfg -Summary
        $summary.ChainsBefore | Should -Be $completed.Count
        $summary.ChainsAfter | Should -Be ($completed.Count - 1)
        $summary.Unchanged | Should -Be ($completed.Count - 2)
    }

    It 'compares a tracker run with what PostgreSQL holds before it is imported' {
        (Compare-EcodRun -BeforeProcessVersion cmp_a -AfterRun $run -TrackingDatabase $track -ConfigurationPath $cfg -Summary).Changed | Should -Be 0 -Because 'cmp_a is this run imported'
        $changes = @(Compare-EcodRun -BeforeProcessVersion cmp_b -AfterRun $run -TrackingDatabase $track -ConfigurationPath $cfg)
        $changes.Count | Should -Be 2
        ($changes | Where-Object ProteinId -eq $dropped).Kind | Should -Be 'Added'
        ($changes | Where-Object ProteinId -eq $shrunk).Kind | Should -Be 'DomainCountChanged'
    }

    It 'Import-EcodResult -WhatIf shows the comparison summary against the rows of its process version and writes nothing' {
        $before = Invoke-PgSql -Database $pg -Sql 'SELECT count(*) FROM pdb_analysis.partition_proteins'
        $out = $completed | Import-EcodResult -ConfigurationPath $cfg -ProcessVersion cmp_b -QualityFilter All -CollisionStrategy Version -WhatIf 6>&1
        $line = @($out | Where-Object { $_ -is [System.Management.Automation.InformationRecord] } | ForEach-Object { "$($_.MessageData)" } |
            Where-Object { $_ -like 'What the import changes:*' })
        $line.Count | Should -Be 1
        $n = $completed.Count
        $line[0] | Should -Match ("\(cmp_b\) -> this import: $($n - 1) -> $n chain\(s\), $($n - 2) unchanged, 2 changed \(1 added, 0 removed, 1 domain count")
        Invoke-PgSql -Database $pg -Sql 'SELECT count(*) FROM pdb_analysis.partition_proteins' | Should -Be $before
    }
}
