# More of the team's readers against a real import, each in SQL written here from what the reader asks of the data:
# the dashboard's statistics, domain detail, hit-level validation and protein files routes, and pyecod_vis's views over ecod_curation
# (accession-ready, flagged and statistics). Readers.Tests.ps1 holds the others; docs/IMPORT-COLUMNS.md names them all.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'DatabaseHelpers.ps1')
    $script:pgSkip = Get-PgSkip
}

BeforeAll {
    foreach ($helper in 'TestHelpers.ps1', 'DatabaseHelpers.ps1') { . (Join-Path $PSScriptRoot $helper) }
    $script:scratch = @()
    function Q([string] $Db, [string] $Sql) { @(Invoke-PgSql -Database $Db -Sql $Sql) }
}

AfterAll {
    $script:scratch | ForEach-Object { Remove-PgTestDatabase $_ }
}

Describe 'Dashboard routes and curation views after an import' -Skip:$pgSkip {
    BeforeAll {
        $run = New-ImportableRun -Directory $TestDrive -ProteinCount 50 -Seed 57
        $script:gen, $script:track, $script:jobs, $script:parts = $run.Gen, $run.Track, $run.Jobs, $run.Parts
        $script:domainTotal = ($parts | Measure-Object DomainCount -Sum).Sum
        $script:db = New-PgTestDatabase
        $script:scratch += $db
        $script:cfg = New-PgTestConfiguration -Path (Join-Path $TestDrive 'routes.yml') -Database $db -TrackingDb $track
        Initialize-EcodDatabase -ConfigurationPath $cfg -Target Curation -Confirm:$false | Out-Null
        $script:import = $jobs | Import-EcodResult -ConfigurationPath $cfg -QualityFilter All -Target Curation -ReferenceDirectory $gen.ReferenceDirectory -Confirm:$false
    }

    It 'imports every completed chain' {
        $jobs.Count | Should -BeGreaterThan 10
        $import.Imported | Should -Be $jobs.Count
    }

    It 'dashboard statistics: chains by classification, domains, evidence and a mean confidence over all of them' {
        $classified = @($parts | Where-Object { @($_.Domains | Where-Object TGroup).Count -gt 0 }).Count
        $typed = @($parts.Domains | Where-Object TGroup).Count
        $row = @(Q $db "SELECT (SELECT count(*) FROM pdb_analysis.protein),
                               (SELECT count(*) FILTER (WHERE is_classified) FROM pdb_analysis.partition_proteins),
                               (SELECT count(*) FILTER (WHERE NOT is_classified) FROM pdb_analysis.partition_proteins),
                               (SELECT count(*) FROM pdb_analysis.partition_domains),
                               (SELECT count(*) FILTER (WHERE t_group IS NOT NULL) FROM pdb_analysis.partition_domains),
                               (SELECT count(DISTINCT domain_id) FROM pdb_analysis.domain_evidence),
                               (SELECT count(*) FILTER (WHERE confidence IS NULL) FROM pdb_analysis.partition_domains)")[0]
        $row | Should -Be "$($jobs.Count)|$classified|$($jobs.Count - $classified)|$domainTotal|$typed|$domainTotal|0"
    }

    It 'domain detail by id: its chain, range, groups, and an evidence list that includes the evidence that made it' {
        $p = $parts | Where-Object DomainCount -gt 0 | Sort-Object DomainCount -Descending | Select-Object -First 1
        foreach ($d in $p.Domains) {
            $id = @(Q $db "SELECT d.id FROM pdb_analysis.partition_domains d JOIN pdb_analysis.partition_proteins pp ON pp.id = d.protein_id
                           WHERE pp.pdb_id = '$($p.Protein.Pdb)' AND pp.chain_id = '$($p.Protein.Chain)' AND d.domain_number = $($d.Number)")[0]
            $row = @(Q $db "SELECT pp.pdb_id, pp.chain_id, d.range, coalesce(d.t_group, ''), count(e.id) > 0, string_agg(DISTINCT e.evidence_type, ',')
                            FROM pdb_analysis.partition_domains d JOIN pdb_analysis.partition_proteins pp ON pp.id = d.protein_id
                            LEFT JOIN pdb_analysis.domain_evidence e ON e.domain_id = d.id WHERE d.id = $id GROUP BY pp.id, d.id")[0] -split '\|'
            $row[0..4] | Should -Be @($p.Protein.Pdb, $p.Protein.Chain, "$($d.Range)", "$($d.TGroup)", 't')
            ($row[5] -split ',') | Should -Contain $d.Source
        }
    }

    It 'hit-level validation: the chain''s sequence length on process_status and its existing summary and raw chain BLAST files' {
        $p = $parts | Select-Object -First 1
        $job = $jobs | Where-Object ProteinId -eq "$($p.Protein)"
        $batchDir = Join-Path $gen.Root $job.BatchName
        $expected = @("domain_summary|$($p.SequenceLength)")
        if (Test-Path (Join-Path $batchDir "blast/$($p.Protein).chain.blast.xml")) { $expected = @("chain_blast_result|$($p.SequenceLength)") + $expected }
        Q $db "SELECT pf.file_type, ps.sequence_length FROM ecod_schema.protein ep JOIN ecod_schema.process_status ps ON ps.protein_id = ep.id
               LEFT JOIN ecod_schema.process_file pf ON pf.process_id = ps.id
               WHERE ep.pdb_id = '$($p.Protein.Pdb)' AND ep.chain_id = '$($p.Protein.Chain)'
                 AND pf.file_type IN ('domain_summary', 'chain_blast_result', 'domain_blast_result', 'hhsearch_result') AND pf.file_exists
               ORDER BY pf.file_type" | Should -Be $expected
        Q $db "SELECT count(*) FROM ecod_schema.process_status WHERE sequence_length IS NULL" | Should -Be '0'
    }

    It 'protein files page: the chain''s process row with its batch folder and files, and an audit lookup that runs (no audit yet)' {
        $p = $parts | Select-Object -First 1
        $job = $jobs | Where-Object ProteinId -eq "$($p.Protein)"
        $rows = Q $db "SELECT ps.current_stage, ps.processing_path, b.batch_name, pf.file_type, pf.file_exists FROM ecod_schema.protein ep
                       JOIN ecod_schema.process_status ps ON ps.protein_id = ep.id LEFT JOIN ecod_schema.batch b ON b.id = ps.batch_id
                       LEFT JOIN ecod_schema.process_file pf ON pf.process_id = ps.id
                       WHERE ep.pdb_id = '$($p.Protein.Pdb)' AND ep.chain_id = '$($p.Protein.Chain)' AND pf.file_type = 'domain_summary'"
        $rows | Should -Be "completed|$((Get-Item (Join-Path $gen.Root $job.BatchName)).FullName)|$($job.BatchName)|domain_summary|t"
        Q $db "SELECT count(*) FROM ecod_schema.protein ep JOIN ecod_schema.domain_audit a ON a.protein_id = ep.id
               WHERE ep.pdb_id = '$($p.Protein.Pdb)' AND ep.chain_id = '$($p.Protein.Chain)'" | Should -Be '0'
    }

    It 'protein list and curable proteins: representatives are the non-identical representatives, reference domains have their ends' {
        $reps = Get-RepresentativeIds $gen.Root
        $imported = @($jobs.ProteinId | Where-Object { $_ -in $reps } | Sort-Object -Unique)
        Q $db "SELECT count(*) FROM pdb_analysis.protein WHERE is_nonident_rep" | Should -Be "$($imported.Count)"
        Q $db "SELECT count(*) FROM pdb_analysis.protein p WHERE is_nonident_rep AND NOT EXISTS (SELECT 1 FROM ecod_schema.protein e
               JOIN ecod_schema.process_status s ON s.protein_id = e.id WHERE e.source_id = p.source_id AND s.is_representative)" | Should -Be '0'
        $library = @{}
        Import-Csv (Join-Path $gen.ReferenceDirectory 'domain_definitions.csv') | ForEach-Object {
            $segments = $_.range -split ','
            $library[$_.domain_id] = "$($_.domain_id)|$(($segments[0] -split '-')[0])|$(($segments[-1] -split '-')[-1])"
        }
        $rows = @(Q $db "SELECT ecod_domain_id, start_pos, end_pos FROM pdb_analysis.domain")
        $rows.Count | Should -BeGreaterThan 0
        $rows | ForEach-Object { $_ | Should -Be $library[($_ -split '\|')[0]] }
    }

    It 'curation evidence: every assignment has its evidence, each hit once (the partition''s own row is not repeated)' {
        Q $db "SELECT count(*) FROM ecod_curation.domain_assignment a WHERE NOT EXISTS (SELECT 1 FROM ecod_curation.domain_evidence e WHERE e.domain_id = a.id)" |
            Should -Be '0'
        Q $db "SELECT count(*) FROM (SELECT 1 FROM ecod_curation.domain_evidence
               GROUP BY domain_id, evidence_type, hit_ecod_domain_id, query_range, hit_range, evalue HAVING count(*) > 1) x" | Should -Be '0'
        # Fewer rows than the production table's, by the primary rows a supporting hit repeats.
        $staged = [int](Q $db "SELECT count(*) FROM ecod_curation.domain_evidence")[0]
        $production = [int](Q $db "SELECT count(*) FROM pdb_analysis.domain_evidence WHERE evidence_type IN ('chain_blast', 'chain_blast_decomposed', 'domain_blast', 'hhsearch')")[0]
        $staged | Should -BeLessThan $production
        $staged | Should -BeGreaterOrEqual ($production - $domainTotal)
    }

    It 'curation statistics: every imported chain pending, with its mean domain count' {
        $row = @(Q $db "SELECT pending_proteins, total_proteins, avg_domains_per_protein, active_curators FROM ecod_curation.curation_stats")[0] -split '\|'
        $row[0, 1, 3] | Should -Be @("$($jobs.Count)", "$($jobs.Count)", '0')
        [double]$row[2] | Should -BeGreaterThan ($domainTotal / $jobs.Count - 1e-9)
        [double]$row[2] | Should -BeLessThan ($domainTotal / $jobs.Count + 1e-9)
    }

    It 'accession-ready and flagged lists: empty after an import, and they show what a curator decides' {
        Q $db "SELECT (SELECT count(*) FROM ecod_curation.ready_for_accession), (SELECT count(*) FROM ecod_curation.flagged_proteins)" | Should -Be '0|0'
        $source = @(Q $db "SELECT p.source_id FROM ecod_curation.protein p WHERE p.domain_count > 1 ORDER BY p.source_id LIMIT 1")[0]
        Invoke-PgSql -Database $db -Sql "
            UPDATE ecod_curation.domain_assignment a SET curator_decision = 'accepted', assigned_f_group = a.assigned_t_group || '.1'
            FROM ecod_curation.protein p WHERE p.id = a.protein_id AND p.source_id = '$source';
            UPDATE ecod_curation.domain_assignment a SET flagged_as_novel = true, flag_reason = 'new fold?'
            FROM ecod_curation.protein p WHERE p.id = a.protein_id AND p.source_id = '$source' AND a.domain_number = 1;
            UPDATE ecod_curation.protein SET curation_status = 'curated', curator_name = 'tester', curated_at = now() WHERE source_id = '$source'" | Out-Null
        $domains = @(Q $db "SELECT count(*) FROM ecod_curation.domain_assignment a JOIN ecod_curation.protein p ON p.id = a.protein_id WHERE p.source_id = '$source'")[0]
        Q $db "SELECT source_id, domain_count, domains_with_f_group, domains_accepted, all_have_f_group FROM ecod_curation.ready_for_accession" |
            Should -Be "$source|$domains|$domains|$domains|t"
        Q $db "SELECT source_id, flag_types, flag_reasons FROM ecod_curation.flagged_proteins" | Should -Be "$source|novel_domain|new fold?"
        Q $db "SELECT pending_proteins, curated_proteins, active_curators FROM ecod_curation.curation_stats" | Should -Be "$($jobs.Count - 1)|1|1"
    }
}

Describe 'Initialize-EcodDatabase adds the columns and views of these readers to an older schema' -Skip:$pgSkip {
    It 'lists the missing process_status column, audit table and curation views with -WhatIf, creates the table, and adds the column only with -Force' {
        $db = New-PgTestDatabase
        $script:scratch += $db
        $cfg = New-PgTestConfiguration -Path (Join-Path $TestDrive "$db.yml") -Database $db
        Initialize-EcodDatabase -ConfigurationPath $cfg -Target Curation -Confirm:$false | Out-Null
        Invoke-PgSql -Database $db -Sql "ALTER TABLE ecod_schema.process_status DROP COLUMN sequence_length;
                                         DROP VIEW ecod_curation.curation_stats; DROP VIEW ecod_curation.flagged_proteins;
                                         DROP TABLE ecod_schema.domain_audit" | Out-Null
        $module = Join-Path (Get-Module EcodMini).ModuleBase 'EcodMini.psd1'
        $whatIf = & pwsh -NoProfile -NonInteractive -Command "Import-Module '$module'; Initialize-EcodDatabase -ConfigurationPath '$cfg' -Target Curation -Force -WhatIf" 2>&1 | Out-String
        $whatIf | Should -BeLike '*Add nullable column ecod_schema.process_status.sequence_length*'
        $whatIf | Should -BeLike '*Create view ecod_curation.curation_stats*'
        $whatIf | Should -BeLike '*Create view ecod_curation.flagged_proteins*'
        $whatIf | Should -BeLike '*Create table ecod_schema.domain_audit*'
        $column = "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'ecod_schema' AND table_name = 'process_status' AND column_name = 'sequence_length'"
        Invoke-PgSql -Database $db -Sql $column | Should -Be '0'

        { Initialize-EcodDatabase -ConfigurationPath $cfg -Target Curation -Confirm:$false -WarningAction SilentlyContinue } | Should -Throw '*process_status.sequence_length*'
        Invoke-PgSql -Database $db -Sql $column | Should -Be '0'
        # A missing table needs no -Force: that run created it.
        Invoke-PgSql -Database $db -Sql "SELECT count(*) FROM ecod_schema.domain_audit" | Should -Be '0'

        $done = Initialize-EcodDatabase -ConfigurationPath $cfg -Target Curation -Force -Confirm:$false
        $done.AddedColumns | Should -Be @('ecod_schema.process_status.sequence_length')
        $done.CreatedViews | Sort-Object | Should -Be @('ecod_curation.curation_stats', 'ecod_curation.flagged_proteins')
        Invoke-PgSql -Database $db -Sql "SELECT to_regclass('ecod_schema.domain_audit') IS NOT NULL" | Should -Be 't'
        Invoke-PgSql -Database $db -Sql $column | Should -Be '1'
    }
}
