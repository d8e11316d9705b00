# Acceptance tests of the three production workflows: each runbook under docs/runbooks runs as written, end to end,
# on the test SLURM cluster and PostgreSQL server (./build.sh Test starts both). Outside CI a missing service skips
# these loudly; under CI=true they fail instead.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'DatabaseHelpers.ps1')
    . (Join-Path $PSScriptRoot 'SlurmHelpers.ps1')
    $script:NoServices = (Get-PgSkip) -or (Get-SlurmSkip)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'DatabaseHelpers.ps1')
    . (Join-Path $PSScriptRoot 'SlurmHelpers.ps1')
    . (Join-Path $PSScriptRoot 'RunbookHelpers.ps1')
    $script:Runbooks = Join-Path $script:RepositoryRoot 'docs/runbooks'
    $script:CreatedDatabases = [System.Collections.Generic.List[string]]::new()

    # A production run's folder: a generated batch root, an initialised test database, and a production.yml that
    # points to both, to a tracker and work folder in the folder, and to the cluster.
    function New-RunbookSetup {
        param([string] $Folder, [int] $ProteinCount, [int] $Seed, [int] $BatchCount, [int] $MaxRetries = 2, [int] $RetryDelay = 300)
        New-Item -ItemType Directory -Force -Path $Folder | Out-Null
        $gen = New-EcodSyntheticBatch -Path (Join-Path $Folder 'batches') -ProteinCount $ProteinCount -Seed $Seed -BatchCount $BatchCount
        $database = New-PgTestDatabase
        $script:CreatedDatabases.Add($database)
        $cfg = New-PgTestConfiguration -Path (Join-Path $Folder 'production.yml') -Database $database
        (Get-SlurmConfigLines $Folder) + @(
            'paths:', "  batch_base_dir: $($gen.Root)", "  tracking_db: $Folder/tracking.db", "  log_dir: $Folder/logs",
            "  work_dir: $Folder/work", "  reference_dir: $($gen.ReferenceDirectory)"
            'execution:', '  executor: slurm'
            'processing:', "  max_retries: $MaxRetries", "  retry_delay: $RetryDelay"
        ) | Add-Content -Path $cfg
        Initialize-EcodDatabase -ConfigurationPath $cfg -Confirm:$false | Out-Null
        [pscustomobject] @{ Folder = $Folder; Generated = $gen; Database = $database; Config = $cfg; Tracker = "$Folder/tracking.db" }
    }

    function Get-DbProteinCount([string] $Database) {
        [int] (Invoke-PgSql -Database $Database -Sql 'SELECT count(*) FROM pdb_analysis.partition_proteins')
    }

    function Get-DbChainIds([string] $Database) {
        @(Invoke-PgSql -Database $Database -Sql "SELECT pdb_id || '_' || chain_id FROM pdb_analysis.partition_proteins ORDER BY 1")
    }
}

AfterAll {
    foreach ($name in $script:CreatedDatabases) { Remove-PgTestDatabase $name }
}

Describe 'Runbooks: initial run, then an incremental update' -Skip:$NoServices {
    BeforeAll {
        Assert-SlurmCluster
        Assert-PgConfigured
        $script:run = New-RunbookSetup -Folder (Join-Path $TestDrive 'production') -ProteinCount 260 -Seed 41 -BatchCount 2
        # The second batch arrives after the first run.
        $script:lateBatch = $run.Generated.BatchDirectories[1]
        $script:staged = Join-Path $TestDrive 'staged-batch'
        Move-Item -LiteralPath $lateBatch -Destination $staged
        $script:representatives = Get-RepresentativeIds $run.Generated.Root
    }

    It 'Initial-Run.ps1: 100 chains as one array of 10 tasks, 10 at once; waits, imports the good ones with Skip, verifies' {
        $firstBatchReps = (Find-EcodProtein -ConfigurationPath $run.Config -RepsOnly -SkipExisting -Summary).ToProcess
        $firstBatchReps | Should -BeGreaterThan 100 -Because 'the test needs more candidates than the run takes'

        $result = & (Join-Path $Runbooks 'Initial-Run.ps1') -ConfigurationPath $run.Config -PollInterval 2 -InformationVariable steps 6> $null

        Assert-PromisedProperty (Join-Path $Runbooks 'Initial-Run.ps1') $result
        $result.Submitted | Should -Be 100
        $result.Completed | Should -Be 100
        $result.Failed | Should -Be 0
        $result.Mismatches | Should -Be 0
        ($steps.MessageData -join "`n") | Should -Match '7/7 Verify'
        $scripts = @(Get-ChildItem (Join-Path $run.Folder 'jobs') -Recurse -Filter job.sh)
        $scripts.Count | Should -Be 1 -Because 'one sbatch for the whole run'
        Get-Content -Raw $scripts[0].FullName | Should -Match '#SBATCH --array=0-9%10'

        $jobs = @(Get-EcodJobStatus -ConfigurationPath $run.Config)
        $jobs.Count | Should -Be 100
        $jobs.Status | Sort-Object -Unique | Should -Be 'completed'
        @($jobs.ProteinId | Where-Object { $_ -notin $representatives }).Count | Should -Be 0 -Because 'representatives only'
        $result.Statistics.Completed | Should -Be 100

        # Dry run first: it reports the same import and writes nothing (the real import then inserted exactly that).
        $result.DryRun.DryRun | Should -BeTrue
        $result.DryRun.Imported | Should -Be $result.Import.Imported
        $result.Import.CollisionStrategy | Should -Be 'Skip'
        $result.Import.QualityFilter | Should -Be 'Good' -Because 'quality.import_quality_threshold: good'
        $result.Imported + $result.Filtered | Should -Be 100
        $result.Filtered | Should -Be ($result.Statistics.Quality.Questionable + $result.Statistics.Quality.Poor)
        Get-DbProteinCount $run.Database | Should -Be $result.Imported
        @(Test-EcodImport -ConfigurationPath $run.Config -All).Count | Should -Be 0
    }

    It 'Incremental-Update.ps1: only the new representative chains run and are imported; completed and imported ones are skipped' {
        Move-Item -LiteralPath $staged -Destination $lateBatch
        $before = @(Get-EcodJobStatus -ConfigurationPath $run.Config)
        $importedBefore = Get-DbChainIds $run.Database
        $allReps = (Find-EcodProtein -ConfigurationPath $run.Config -RepsOnly -SkipExisting:$false -Summary).ToProcess

        $result = & (Join-Path $Runbooks 'Incremental-Update.ps1') -ConfigurationPath $run.Config -PollInterval 2 6> $null

        Assert-PromisedProperty (Join-Path $Runbooks 'Incremental-Update.ps1') $result
        $result.SkippedDone | Should -Be 100
        $result.ToProcess | Should -Be ($allReps - 100)
        $result.Submitted | Should -Be $result.ToProcess
        $result.Completed | Should -Be $result.Submitted
        $after = @(Get-EcodJobStatus -ConfigurationPath $run.Config)
        $after.Count | Should -Be $allReps -Because 'every representative ran once, no other chain ran'
        @($after.ProteinId | Where-Object { $_ -notin $representatives }).Count | Should -Be 0 -Because 'representatives only'
        @($after | Where-Object AttemptCount -NE 1).Count | Should -Be 0 -Because 'no completed chain is run again'
        @($after | Where-Object { $_.BatchName -eq (Split-Path $lateBatch -Leaf) }).Count | Should -BeGreaterThan 0
        foreach ($old in $before) {
            ($after | Where-Object { $_.ProteinId -eq $old.ProteinId -and $_.BatchName -eq $old.BatchName }).CurrentAttemptId | Should -Be $old.CurrentAttemptId
        }

        $result.Import.Attempted | Should -Be $result.Submitted -Because 'only the new jobs reach the import'
        $result.Import.Skipped | Should -Be 0
        $importedAfter = Get-DbChainIds $run.Database
        $importedAfter.Count | Should -Be ($importedBefore.Count + $result.Imported)
        @($importedAfter | Sort-Object -Unique).Count | Should -Be $importedAfter.Count -Because 'no chain is imported twice'
        @(Test-EcodImport -ConfigurationPath $run.Config -All).Count | Should -Be 0
    }

    It 'Incremental-Update.ps1 run again as a user runs it, in a new pwsh: nothing new, nothing submitted or imported' {
        $count = Get-DbProteinCount $run.Database
        $jobs = @(Get-EcodJobStatus -ConfigurationPath $run.Config).Count
        # As after ./build.sh Install: the module found by name on PSModulePath, the runbook imports it itself.
        $moduleParent = Split-Path (Get-EcodModulePath)
        $r = Invoke-FreshPwsh -WorkingDirectory $run.Folder -Script ("Remove-Module EcodMini; `$env:PSModulePath = '$moduleParent' + [IO.Path]::PathSeparator + `$env:PSModulePath; " +
            "& '$Runbooks/Incremental-Update.ps1' -ConfigurationPath ./production.yml -PollInterval 2 6> `$null | Select-Object ToProcess, SkippedDone, Submitted, Imported | ConvertTo-Json -Compress")
        $r.ExitCode | Should -Be 0 -Because $r.Error
        $json = @($r.Output -split "`n" | Where-Object { $_.StartsWith('{') })
        $json.Count | Should -Be 1 -Because $r.Output
        $out = $json[0] | ConvertFrom-Json
        $out.ToProcess | Should -Be 0
        $out.SkippedDone | Should -Be $jobs
        $out.Submitted | Should -Be 0
        $out.Imported | Should -Be 0
        Get-DbProteinCount $run.Database | Should -Be $count
        @(Get-EcodJobStatus -ConfigurationPath $run.Config).Count | Should -Be $jobs
    }
}

Describe 'Runbooks: retry failed jobs' -Skip:$NoServices {
    BeforeAll {
        Assert-SlurmCluster
        Assert-PgConfigured
        $script:delay = 8
        $script:run = New-RunbookSetup -Folder (Join-Path $TestDrive 'retry') -ProteinCount 24 -Seed 43 -BatchCount 1 -MaxRetries 2 -RetryDelay $delay
        $tasks = @(Find-EcodProtein -ConfigurationPath $run.Config -RepsOnly)
        # One chain failing transiently for good (a folder where its output goes), one with a corrupt input for good
        # (permanent: one attempt), one corrupt only until it is repaired after the first run (then retried).
        $script:broken = $tasks[3]
        $script:repaired = $tasks[7]
        $script:corrupt = $tasks[11]
        $script:repairedXml = Get-Content -Raw $repaired.SummaryPath
        New-Item -ItemType Directory -Path $broken.OutputPath | Out-Null
        foreach ($t in $corrupt, $repaired) { Set-Content -Path $t.SummaryPath -Value '<domain_summary version="1.0"><protein' }
        $script:initial = & (Join-Path $Runbooks 'Initial-Run.ps1') -ConfigurationPath $run.Config -PollInterval 2 -WarningVariable initialWarnings 6> $null 3> $null
        Set-Content -Path $repaired.SummaryPath -Value $repairedXml -NoNewline
    }

    It 'Initial-Run.ps1 reports the failed chains and goes on: the others are imported' {
        $initial.Failed | Should -Be 3
        $initial.Completed | Should -Be ($initial.Submitted - 3)
        ($initialWarnings -join "`n") | Should -Match '3 chain\(s\) did not complete'
        # Quiet: one line per failed chain, naming it and Get-EcodJobLog.
        foreach ($t in $broken, $repaired, $corrupt) {
            @($initialWarnings | Where-Object { "$_" -like "$($t.ProteinId) *-- Get-EcodJobLog $($t.ProteinId)" }).Count | Should -Be 1
        }
        @($initialWarnings | Where-Object { "$_" -match "`n" }).Count | Should -Be 0
        $initial.Imported + $initial.Filtered | Should -Be $initial.Completed
        Get-DbProteinCount $run.Database | Should -Be $initial.Imported
    }

    It 'Retry-FailedJob.ps1 -Wait: the repaired chain completes on its first retry; the transient one is retried max_retries times, each after its delay; the corrupt one never' {
        $count = Get-DbProteinCount $run.Database
        $result = & (Join-Path $Runbooks 'Retry-FailedJob.ps1') -ConfigurationPath $run.Config -Wait -PollInterval 1 -QualityFilter All -WarningVariable retryWarnings 6> $null 3> $null

        Assert-PromisedProperty (Join-Path $Runbooks 'Retry-FailedJob.ps1') $result
        $result.Rounds | Should -BeGreaterOrEqual 2 -Because 'the second retry waits for its longer delay'
        $result.Retried | Should -Be 2 -Because 'two chains were retried (the transient one twice): chains, not attempts'
        $result.Completed | Should -Be 1
        $result.StillFailed | Should -Be 2
        $result.Exhausted | Should -Be 1
        $result.Permanent | Should -Be 1
        $result.Deferred | Should -Be 0
        $result.Imported | Should -Be 1
        @($retryWarnings | Where-Object { "$_" -like "$($corrupt.ProteinId) *failed (Permanent)*-- Get-EcodJobLog $($corrupt.ProteinId)" }).Count | Should -Be 1

        $fixed = Get-EcodJobStatus -ConfigurationPath $run.Config -ProteinId $repaired.ProteinId
        $fixed.Status | Should -Be 'completed'
        $fixed.AttemptCount | Should -Be 2
        Get-DbProteinCount $run.Database | Should -Be ($count + 1)
        Get-DbChainIds $run.Database | Should -Contain $repaired.ProteinId

        $never = Get-EcodJobStatus -ConfigurationPath $run.Config -ProteinId $corrupt.ProteinId
        ($never.Status, $never.ErrorClass, $never.AttemptCount) | Should -Be @('failed', 'Permanent', 1)

        $bad = Get-EcodJobStatus -ConfigurationPath $run.Config -ProteinId $broken.ProteinId
        $bad.Status | Should -Be 'failed'
        $bad.ErrorClass | Should -Be 'Transient'
        $bad.RetryCount | Should -Be 2 -Because 'processing.max_retries: 2'
        $bad.AttemptCount | Should -Be 3
        $bad.Error | Should -Match ([regex]::Escape($broken.OutputPath))

        # Each retry was submitted only after the previous attempt ended plus retry_delay x 2^(retries so far).
        $events = @(Get-EcodJobStatus -ConfigurationPath $run.Config -ProteinId $broken.ProteinId -History)
        $submits = @($events | Where-Object ToStatus -EQ 'submitted' | Sort-Object Time)
        $failures = @($events | Where-Object ToStatus -EQ 'failed' | Sort-Object Time)
        $submits.Count | Should -Be 3
        $failures.Count | Should -Be 3
        ($submits[1].Time - $submits[0].Time).TotalSeconds | Should -BeGreaterOrEqual $delay
        ($submits[2].Time - $submits[1].Time).TotalSeconds | Should -BeGreaterOrEqual (2 * $delay)
    }

    It 'Retry-FailedJob.ps1 run again resubmits nothing: the chain out of retries stays failed' {
        $result = & (Join-Path $Runbooks 'Retry-FailedJob.ps1') -ConfigurationPath $run.Config -PollInterval 1 -WarningVariable retryWarnings 6> $null 3> $null
        $result.Rounds | Should -Be 0
        $result.Retried | Should -Be 0
        $result.Completed | Should -Be 0
        $result.Exhausted | Should -Be 1
        $result.Permanent | Should -Be 1
        ($retryWarnings -join "`n") | Should -Match 'used up processing.max_retries'
        (Get-EcodJobStatus -ConfigurationPath $run.Config -ProteinId $broken.ProteinId).AttemptCount | Should -Be 3
        (Get-EcodJobStatus -ConfigurationPath $run.Config -ProteinId $corrupt.ProteinId).AttemptCount | Should -Be 1
    }
}

Describe 'The production chain pipes without glue' {
    It 'binds every link: tasks by value into Submit-EcodJob, jobs by property name into Get-EcodJobStatus, jobs by value into Import-EcodResult and Restart-EcodJob' {
        function Get-Binding([string] $Command, [string] $Parameter) {
            (Get-Command $Command).Parameters[$Parameter].Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] }
        }
        (Get-Binding Submit-EcodJob Task).ValueFromPipeline | Should -Contain $true
        (Get-Binding Get-EcodJobStatus ProteinId).ValueFromPipelineByPropertyName | Should -Contain $true
        (Get-Binding Get-EcodJobStatus BatchName).ValueFromPipelineByPropertyName | Should -Contain $true
        (Get-Binding Import-EcodResult InputObject).ValueFromPipeline | Should -Contain $true
        (Get-Binding Restart-EcodJob Job).ValueFromPipeline | Should -Contain $true
    }

    It 'Get-EcodJobStatus -Wait waits once for all piped jobs and emits exactly them, in input order' {
        $gen = New-TestBatchRoot -ProteinCount 60 -Seed 44 -BatchCount 2
        $track = Join-Path $TestDrive 'piped.db'
        $work = Join-Path $TestDrive 'piped-work'
        Find-EcodProtein -BatchRoot $gen.Root -RepsOnly:$false -SkipExisting:$false -Pattern (Split-Path $gen.BatchDirectories[0] -Leaf) |
            Submit-EcodJob -Executor Local -ReferenceDirectory $gen.ReferenceDirectory -TrackingDatabase $track -WorkDirectory $work | Out-Null
        $tasks = @(Find-EcodProtein -BatchRoot $gen.Root -RepsOnly:$false -SkipExisting:$false -Pattern (Split-Path $gen.BatchDirectories[1] -Leaf))

        # A local Submit-EcodJob streams jobs as they are recorded (completion order): Get-EcodJobStatus keeps the order it got.
        $output = @($tasks | Submit-EcodJob -Executor Local -ReferenceDirectory $gen.ReferenceDirectory -TrackingDatabase $track -WorkDirectory $work |
            Tee-Object -Variable submitted | Get-EcodJobStatus -TrackingDatabase $track -Wait -PollInterval 1 -Verbose 4>&1)
        $verbose = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $jobs = @($output | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        @($verbose | Where-Object Message -Match 'piped job\(s\): refreshing and waiting for them together').Count | Should -Be 1
        $jobs.Count | Should -Be $tasks.Count -Because 'the first batch''s jobs in the tracker were not piped'
        $jobs.ProteinId | Should -Be @($submitted.ProteinId)
        $jobs.ProteinId | Sort-Object | Should -Be ($tasks.ProteinId | Sort-Object)
        $jobs.Status | Sort-Object -Unique | Should -Be 'completed'
    }
}

Describe 'The runbook scripts' {
    BeforeDiscovery { $script:RunbookFiles = @(Get-ChildItem (Join-Path $PSScriptRoot '../../docs/runbooks') -Filter *.ps1 | ForEach-Object { @{ Path = $_.FullName; Name = $_.Name } }) }

    It 'are the three workflows, linked from README.md, docs/operations.md and docs/runbooks/README.md' {
        $RunbookFiles.Name | Sort-Object | Should -Be @('Incremental-Update.ps1', 'Initial-Run.ps1', 'Retry-FailedJob.ps1')
        Get-Content -Raw (Join-Path $RepositoryRoot 'README.md') | Should -Match ([regex]::Escape('(docs/runbooks/README.md)'))
        Get-Content -Raw (Join-Path $RepositoryRoot 'docs/operations.md') | Should -Match ([regex]::Escape('(runbooks/README.md)'))
        $index = Get-Content -Raw (Join-Path $Runbooks 'README.md')
        foreach ($name in $RunbookFiles.Name) { $index | Should -Match ([regex]::Escape($name)) }
    }

    It '<Name> has help: synopsis, description, every parameter described, an example' -ForEach $RunbookFiles {
        $help = Get-Help $Path -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        ($help.description.Text -join '') | Should -Not -BeNullOrEmpty
        $parameters = @($help.parameters.parameter | Where-Object name -NotIn 'WhatIf', 'Confirm')
        $parameters.name | Should -Contain 'ConfigurationPath'
        foreach ($p in $parameters) { ($p.description.Text -join '') | Should -Not -BeNullOrEmpty -Because "-$($p.name) needs a description" }
        @($help.examples.example).Count | Should -BeGreaterOrEqual 1
        @($help.examples.example)[0].code | Should -Match ([regex]::Escape("./docs/runbooks/$Name -ConfigurationPath ./config/production.yml"))
    }

    It '<Name> calls only exported EcodMini cmdlets' -ForEach $RunbookFiles {
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref] $null, [ref] $null)
        $used = @($ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.CommandAst] }, $true) |
            ForEach-Object { $_.GetCommandName() } | Where-Object { $_ -like '*-Ecod*' } | Sort-Object -Unique)
        $used.Count | Should -BeGreaterThan 0
        $exported = (Get-Module EcodMini).ExportedCmdlets.Keys
        foreach ($command in $used) { $command | Should -BeIn $exported }
    }

    It 'imports the module this checkout packaged when EcodMini is not installed' {
        $folder = Join-Path $TestDrive 'not-installed'
        New-Item -ItemType Directory -Force -Path $folder | Out-Null
        $cfg = Join-Path $folder 'production.yml'
        @('paths:', "  batch_base_dir: $folder/no-such-batches", "  tracking_db: $folder/tracking.db") | Set-Content $cfg
        $script = "`$env:PSModulePath = Join-Path `$PSHOME 'Modules'; " +
            "try { & '$Runbooks/Initial-Run.ps1' -ConfigurationPath '$cfg' 6> `$null } catch { `$_.FullyQualifiedErrorId }; " +
            "(Get-Module EcodMini).ModuleBase"
        $out = @(& dotnet pwsh -NoProfile -NonInteractive -Command $script 2>&1)
        $out[0] | Should -BeLike 'EcodBatchRootNotFound*' -Because ($out -join "`n")
        $out[-1] | Should -Be (Resolve-Path (Join-Path $script:RepositoryRoot 'out/EcodMini')).Path
    }

    It 'stops at a real failure with its error, before anything is submitted' {
        $folder = Join-Path $TestDrive 'missing-root'
        New-Item -ItemType Directory -Force -Path $folder | Out-Null
        $cfg = Join-Path $folder 'production.yml'
        @('paths:', "  batch_base_dir: $folder/no-such-batches", "  tracking_db: $folder/tracking.db", "  work_dir: $folder/work", 'execution:', '  executor: slurm') | Set-Content $cfg
        $err = { & (Join-Path $Runbooks 'Initial-Run.ps1') -ConfigurationPath $cfg 6> $null } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'EcodBatchRootNotFound*'
        $err.Exception.Message | Should -BeLike "*$folder/no-such-batches*"
        Test-Path (Join-Path $folder 'tracking.db') | Should -BeFalse
        Test-Path (Join-Path $folder 'work') | Should -BeFalse
    }
}
