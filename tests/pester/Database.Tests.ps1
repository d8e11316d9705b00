BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'DatabaseHelpers.ps1')
    $script:pgSkip = Get-PgSkip
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'DatabaseHelpers.ps1')
    $script:created = [System.Collections.Generic.List[string]]::new()
    function New-Db { $n = New-PgTestDatabase; $script:created.Add($n); $n }
}

AfterAll {
    foreach ($name in $script:created) { Remove-PgTestDatabase $name }
}

Describe 'Initialize-EcodDatabase' -Skip:$pgSkip {
    It 'creates nothing with -WhatIf, then creates every table; a second run keeps them' {
        $db = New-Db
        $cfg = New-PgTestConfiguration -Path (Join-Path $TestDrive "$db.yml") -Database $db
        Initialize-EcodDatabase -ConfigurationPath $cfg -WhatIf
        Invoke-PgSql -Database $db -Sql "SELECT count(*) FROM information_schema.tables WHERE table_schema IN ('ecod_schema','pdb_analysis')" | Should -Be '0'
        $first = Initialize-EcodDatabase -ConfigurationPath $cfg -Confirm:$false
        $first.CreatedTables | Should -Contain 'pdb_analysis.domain_evidence'
        $first.SchemaComplete | Should -BeTrue
        $second = Initialize-EcodDatabase -ConfigurationPath $cfg -Confirm:$false
        $second.CreatedTables.Count | Should -Be 0
    }

    It 'names the missing column of an existing schema' {
        $db = New-Db
        $cfg = New-PgTestConfiguration -Path (Join-Path $TestDrive "$db.yml") -Database $db
        Initialize-EcodDatabase -ConfigurationPath $cfg -Confirm:$false | Out-Null
        Invoke-PgSql -Database $db -Sql 'ALTER TABLE pdb_analysis.partition_proteins DROP COLUMN domain_summary_hash' | Out-Null
        $err = { Initialize-EcodDatabase -ConfigurationPath $cfg -Confirm:$false } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Be 'EcodDatabaseSchemaIncomplete,EcodMini.PowerShell.Cmdlets.InitializeEcodDatabaseCommand'
        $err.Exception.Message | Should -BeLike '*pdb_analysis.partition_proteins.domain_summary_hash*'
    }

    It 'reports a refused login with host, port, database and user, never the password' {
        $db = New-Db
        $cfg = New-PgTestConfiguration -Path (Join-Path $TestDrive "$db-bad.yml") -Database $db -PasswordEnv 'ECODMINI_WRONG_PW'
        $env:ECODMINI_WRONG_PW = 'wrong-pw-91c4e'
        try {
            $err = { Initialize-EcodDatabase -ConfigurationPath $cfg -Confirm:$false -Verbose 4>&1 | Out-String | Set-Variable verbose -Scope Script } | Should -Throw -PassThru
        }
        finally { Remove-Item Env:ECODMINI_WRONG_PW }
        $err.FullyQualifiedErrorId | Should -Be 'EcodDatabaseUnavailable,EcodMini.PowerShell.Cmdlets.InitializeEcodDatabaseCommand'
        $err.Exception.Message | Should -BeLike "*'$db' on $($env:ECOD_TEST_PG_HOST):$($env:ECOD_TEST_PG_PORT) as user '$($env:ECOD_TEST_PG_USER)'*password authentication failed*"
        ($err | Out-String) | Should -Not -BeLike '*wrong-pw-91c4e*'
        $err.Exception.ToString() | Should -Not -BeLike '*wrong-pw-91c4e*'
    }
}

Describe 'Submit-EcodJob | Import-EcodResult | Test-EcodImport' -Skip:$pgSkip {
    BeforeAll {
        $script:gen = New-TestBatchRoot -ProteinCount 300 -Seed 23 -BatchCount 2
        $script:track = Join-Path $TestDrive 'tracking.db'
        $script:db = New-Db
        $script:cfg = New-PgTestConfiguration -Path (Join-Path $TestDrive 'import.yml') -Database $db -TrackingDb $track
        Find-EcodProtein -BatchRoot $gen.Root -RepsOnly -SkipExisting:$false |
            Submit-EcodJob -Executor Local -ReferenceDirectory $gen.ReferenceDirectory -TrackingDatabase $track -WorkDirectory (Join-Path $TestDrive 'work') | Out-Null
        $script:completed = @(Get-EcodJobStatus -TrackingDatabase $track -Status completed)
        $script:partitions = @($completed | ForEach-Object { Get-EcodPartition -Path $_.OutputPath })
        $script:domainTotal = ($partitions | Measure-Object DomainCount -Sum).Sum
        Initialize-EcodDatabase -ConfigurationPath $cfg -Confirm:$false | Out-Null
    }

    It 'writes nothing with -WhatIf and reports what it would insert' {
        $dry = Get-EcodJobStatus -TrackingDatabase $track -Status completed | Import-EcodResult -ConfigurationPath $cfg -QualityFilter All -WhatIf
        $dry.DryRun | Should -BeTrue
        $dry.Imported | Should -Be $completed.Count
        Invoke-PgSql -Database $db -Sql 'SELECT count(*) FROM pdb_analysis.partition_proteins' | Should -Be '0'
        Invoke-PgSql -Database $db -Sql 'SELECT count(*) FROM ecod_schema.batch' | Should -Be '0'
    }

    It 'imports every completed job: a protein row per chain, its domains, evidence for every domain' {
        $summary = Get-EcodJobStatus -TrackingDatabase $track -Status completed |
            Import-EcodResult -ConfigurationPath $cfg -CollisionStrategy Skip -QualityFilter All -Confirm:$false
        $summary.Attempted | Should -Be $completed.Count
        $summary.Imported | Should -Be $completed.Count
        $summary.Failed | Should -Be 0
        Invoke-PgSql -Database $db -Sql 'SELECT count(*) FROM pdb_analysis.partition_proteins' | Should -Be "$($completed.Count)"
        Invoke-PgSql -Database $db -Sql 'SELECT count(*) FROM pdb_analysis.partition_domains' | Should -Be "$domainTotal"
        Invoke-PgSql -Database $db -Sql 'SELECT count(*) FROM pdb_analysis.partition_domains d WHERE NOT EXISTS (SELECT 1 FROM pdb_analysis.domain_evidence e WHERE e.domain_id = d.id)' | Should -Be '0'
        $batches = @($completed.BatchName | Sort-Object -Unique)
        @(Invoke-PgSql -Database $db -Sql "SELECT batch_name FROM ecod_schema.batch ORDER BY batch_name") | Should -Be $batches
    }

    It 'adds nothing on a second identical import' {
        $again = Get-EcodJobStatus -TrackingDatabase $track -Status completed |
            Import-EcodResult -ConfigurationPath $cfg -CollisionStrategy Skip -QualityFilter All -Confirm:$false -PassThru
        $summary = $again | Where-Object { $_.PSObject.TypeNames -contains 'EcodMini.Core.Database.ImportSummary' }
        $summary.Imported | Should -Be 0
        $summary.Skipped | Should -Be $completed.Count
        @($again | Where-Object { $_.PSObject.Properties['Action'] -and "$($_.Action)" -eq 'AlreadyImported' }).Count | Should -Be $completed.Count
        Invoke-PgSql -Database $db -Sql 'SELECT count(*) FROM pdb_analysis.partition_proteins' | Should -Be "$($completed.Count)"
    }

    It 'reports collisions only with -CheckCollision' {
        $records = @(Import-EcodResult -Path ($completed | Select-Object -First 5).OutputPath -ConfigurationPath $cfg -CheckCollision -PassThru)
        @($records | Where-Object { "$($_.Action)" -eq 'Collision' }).Count | Should -Be 5
        ($records | Where-Object { $_.PSObject.Properties['CollisionCheckOnly'] }).Collisions | Should -Be 5
    }

    It 'finds no mismatch after the import, and catches a row altered behind its back' {
        @(Test-EcodImport -ConfigurationPath $cfg -All).Count | Should -Be 0
        $victim = $partitions | Where-Object DomainCount -gt 0 | Select-Object -First 1
        Invoke-PgSql -Database $db -Sql "UPDATE pdb_analysis.partition_domains SET t_group = 'tampered' WHERE domain_id = '$($victim.Domains[0].Id)'" | Out-Null
        $mismatch = @(Test-EcodImport -ConfigurationPath $cfg -All)
        $mismatch.Count | Should -Be 1
        $mismatch[0].ProteinId | Should -Be $victim.ProteinId
        $mismatch[0].Field | Should -Be 't_group'
        $mismatch[0].Actual | Should -Be 'tampered'
    }

    It 'imports partition results and files with Overwrite and Version as asked' {
        $files = @($completed | Select-Object -First 10).OutputPath
        $over = Import-EcodResult -Path $files -ConfigurationPath $cfg -CollisionStrategy Overwrite -QualityFilter All -Force -Confirm:$false
        $over.Imported | Should -Be 10
        $over.Collisions | Should -Be 10
        $version = $files | ForEach-Object { Get-EcodPartition -Path $_ } |
            Import-EcodResult -ConfigurationPath $cfg -CollisionStrategy Version -QualityFilter All -Force -Confirm:$false
        $version.Imported | Should -Be 10
        Invoke-PgSql -Database $db -Sql 'SELECT count(*) FROM pdb_analysis.partition_proteins' | Should -Be "$($completed.Count + 10)"
    }

    It 'counts chains below the configured quality threshold as filtered, and writes a non-terminating error per unreadable file' {
        $db2 = New-Db
        $cfg2 = New-PgTestConfiguration -Path (Join-Path $TestDrive 'good.yml') -Database $db2 -TrackingDb (Join-Path $TestDrive 'track2.db') -Threshold good
        Initialize-EcodDatabase -ConfigurationPath $cfg2 -Confirm:$false | Out-Null
        $bad = Join-Path $TestDrive 'broken.mini.domains.xml'
        '<partition><protein' | Set-Content $bad
        $summary = Import-EcodResult -Path (@($completed.OutputPath) + $bad) -ConfigurationPath $cfg2 -Confirm:$false -ErrorVariable errs -ErrorAction SilentlyContinue
        # Good: coverage >= quality.good_coverage (0.8) and mean domain confidence >= quality.min_confidence (0.6).
        $good = @($partitions | Where-Object { $_.Coverage -ge 0.8 -and ($_.Domains | Measure-Object Confidence -Average).Average -ge 0.6 }).Count
        $summary.Imported | Should -Be $good
        $summary.Filtered | Should -Be ($completed.Count - $good)
        $summary.Failed | Should -Be 1
        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -Be 'EcodImportFailed,EcodMini.PowerShell.Cmdlets.ImportEcodResultCommand'
        $errs[0].Exception.Message | Should -BeLike "*broken.mini.domains.xml*"
    }
}

Describe 'Find-EcodProtein -RepsOnly from the database' -Skip:$pgSkip {
    It 'reads representatives from process_status when there is no list file, and they drive a scan' {
        $gen = New-TestBatchRoot -ProteinCount 60 -Seed 5 -BatchCount 1
        $reps = Get-RepresentativeIds $gen.Root
        Remove-Item (Join-Path $gen.Root 'representatives.txt')
        $chosen = @($reps | Select-Object -First 7)
        $db = New-Db
        $cfg = New-PgTestConfiguration -Path (Join-Path $TestDrive 'reps.yml') -Database $db
        Initialize-EcodDatabase -ConfigurationPath $cfg -Confirm:$false | Out-Null
        $values = ($reps | ForEach-Object { "('$($_.Substring(0,4))', '$($_.Substring(5))', '$_')" }) -join ', '
        Invoke-PgSql -Database $db -Sql "INSERT INTO ecod_schema.protein (pdb_id, chain_id, source_id) VALUES $values" | Out-Null
        $flags = ($chosen | ForEach-Object { "'$_'" }) -join ', '
        Invoke-PgSql -Database $db -Sql "INSERT INTO ecod_schema.process_status (protein_id, is_representative) SELECT id, source_id IN ($flags) FROM ecod_schema.protein" | Out-Null

        $tasks = @(Find-EcodProtein -BatchRoot $gen.Root -RepsOnly -SkipExisting:$false -ConfigurationPath $cfg)
        ($tasks.ProteinId | Sort-Object) | Should -Be ($chosen | Sort-Object)
        $summary = Find-EcodProtein -BatchRoot $gen.Root -RepsOnly -SkipExisting:$false -ConfigurationPath $cfg -Summary
        $summary.RepresentativeListPath | Should -BeLike 'postgresql://*'
    }
}
