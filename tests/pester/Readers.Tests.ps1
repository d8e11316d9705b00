# The team's readers against a real import: for each reader (pyECOD mini_production scripts, the dashboard's API routes,
# the curation apps) SQL written here from what that reader asks of the data (its filters, joins, orderings and types),
# each asserting the rows the reader would show. docs/IMPORT-COLUMNS.md names the readers.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'DatabaseHelpers.ps1')
    $script:pgSkip = Get-PgSkip
}

BeforeAll {
    foreach ($helper in 'TestHelpers.ps1', 'DatabaseHelpers.ps1') { . (Join-Path $PSScriptRoot $helper) }
    # Every database made here is dropped at the end.
    $script:scratch = @{}
    function New-Db { $name = New-PgTestDatabase; $script:scratch[$name] = $true; return $name }
    # One reader query: its rows, columns separated by '|'.
    function Q([string] $Db, [string] $Sql) { @(Invoke-PgSql -Database $Db -Sql $Sql) }
}

AfterAll {
    $script:scratch.Keys | ForEach-Object { Remove-PgTestDatabase $_ }
}

Describe 'The team''s readers after an import' -Skip:$pgSkip {
    BeforeAll {
        # v1.0 summaries: they carry the chain's sequence (protein_sequence, sequence_md5).
        $run = New-ImportableRun -Directory $TestDrive -ProteinCount 120 -Seed 31
        $script:gen, $script:track, $script:jobs, $script:parts = $run.Gen, $run.Track, $run.Jobs, $run.Parts
        $script:withDomains = @($parts | Where-Object DomainCount -gt 0)
        $script:domainTotal = ($parts | Measure-Object DomainCount -Sum).Sum
        $script:reps = Get-RepresentativeIds $gen.Root

        # v2 database: default process version, curation staging too.
        $script:v2 = New-Db
        $script:cfg2 = New-PgTestConfiguration -Path (Join-Path $TestDrive 'v2.yml') -Database $v2 -TrackingDb $track
        Initialize-EcodDatabase -ConfigurationPath $cfg2 -Target Curation -Confirm:$false | Out-Null
        $script:import2 = $jobs | Import-EcodResult -ConfigurationPath $cfg2 -QualityFilter All -Target Curation -ReferenceDirectory $gen.ReferenceDirectory -Confirm:$false
        # v1 database: the v1 scripts' and the dashboard's process version.
        $script:v1 = New-Db
        $script:cfg1 = New-PgTestConfiguration -Path (Join-Path $TestDrive 'v1.yml') -Database $v1 -TrackingDb $track
        Initialize-EcodDatabase -ConfigurationPath $cfg1 -Confirm:$false | Out-Null
        $script:import1 = $jobs | Import-EcodResult -ConfigurationPath $cfg1 -QualityFilter All -ProcessVersion mini_pyecod_1.0 -ReferenceDirectory $gen.ReferenceDirectory -Confirm:$false
    }

    It 'imports every completed chain into both databases' {
        $jobs.Count | Should -BeGreaterThan 20
        $import2.Imported | Should -Be $jobs.Count
        $import1.Imported | Should -Be $jobs.Count
    }

    Context 'validate_mini_v2_data.py (process_version mini_pyecod_v2.0)' {
        It 'import statistics: every chain, its domains, an import time span' {
            $row = @(Q $v2 "SELECT count(*), count(*) FILTER (WHERE is_classified), sum(domains_with_evidence), min(""timestamp"") < max(""timestamp"")
                          FROM pdb_analysis.partition_proteins WHERE process_version = 'mini_pyecod_v2.0'")[0] -split '\|'
            [int]$row[0] | Should -Be $jobs.Count
            [int]$row[1] | Should -Be @($parts | Where-Object { @($_.Domains | Where-Object TGroup).Count -gt 0 }).Count
            [int]$row[2] | Should -Be $domainTotal
            $row[3] | Should -Be 't'
        }
        It 'per batch: each batch by name and type with its chains; version distribution shows one mini version' {
            $rows = Q $v2 "SELECT b.batch_name, b.type, count(pp.*) FROM pdb_analysis.partition_proteins pp JOIN ecod_schema.batch b ON pp.batch_id = b.id
                           WHERE pp.process_version = 'mini_pyecod_v2.0' GROUP BY b.id, b.batch_name, b.type ORDER BY b.batch_name"
            $expected = $jobs | Group-Object BatchName | Sort-Object Name | ForEach-Object { "$($_.Name)|domain_analysis|$($_.Count)" }
            $rows | Should -Be $expected
            Q $v2 "SELECT process_version, count(*) FROM pdb_analysis.partition_proteins WHERE process_version LIKE '%mini%' GROUP BY 1" |
                Should -Be "mini_pyecod_v2.0|$($jobs.Count)"
        }
        It 'batch relationships: no orphan or NULL batch, every row names its source batch' {
            Q $v2 "SELECT count(*) FILTER (WHERE pp.batch_id IS NOT NULL AND b.id IS NULL), count(*) FILTER (WHERE pp.batch_id IS NULL),
                          count(*) FILTER (WHERE pp.process_parameters ? 'source_batch_name'), count(DISTINCT pp.process_parameters->>'source_batch_name')
                   FROM pdb_analysis.partition_proteins pp LEFT JOIN ecod_schema.batch b ON b.id = pp.batch_id WHERE pp.process_version = 'mini_pyecod_v2.0'" |
                Should -Be "0|0|$($jobs.Count)|2"
        }
        It 'data integrity: protein records, domain counts, evidence, range format and classification all consistent' {
            $sql = "SELECT
              (SELECT count(*) FROM pdb_analysis.partition_proteins pp LEFT JOIN pdb_analysis.protein p ON p.pdb_id = pp.pdb_id AND p.chain_id = pp.chain_id
                WHERE pp.process_version = 'mini_pyecod_v2.0' AND p.id IS NULL),
              (SELECT count(*) FROM pdb_analysis.partition_proteins pp WHERE pp.process_version = 'mini_pyecod_v2.0'
                AND pp.domains_with_evidence <> (SELECT count(*) FROM pdb_analysis.partition_domains d WHERE d.protein_id = pp.id)),
              (SELECT count(*) FROM pdb_analysis.partition_proteins pp JOIN pdb_analysis.partition_domains d ON d.protein_id = pp.id
                LEFT JOIN pdb_analysis.domain_evidence e ON e.domain_id = d.id WHERE pp.process_version = 'mini_pyecod_v2.0' AND e.id IS NULL),
              (SELECT count(*) FROM pdb_analysis.partition_proteins pp JOIN pdb_analysis.partition_domains d ON d.protein_id = pp.id
                WHERE pp.process_version = 'mini_pyecod_v2.0' AND (d.range IS NULL OR d.range !~ '^\d+(-\d+)?(,\d+(-\d+)?)*$')),
              (SELECT count(*) FROM pdb_analysis.partition_proteins pp WHERE pp.process_version = 'mini_pyecod_v2.0'
                AND pp.is_classified AND pp.fully_classified_domains = 0)"
            Q $v2 $sql | Should -Be '0|0|0|0|0'
        }
        It 'evidence quality: every evidence type has an average confidence, and so has all evidence together' {
            $rows = Q $v2 "SELECT e.evidence_type, count(*), avg(e.confidence) IS NOT NULL FROM pdb_analysis.partition_proteins pp
                           JOIN pdb_analysis.partition_domains d ON d.protein_id = pp.id JOIN pdb_analysis.domain_evidence e ON e.domain_id = d.id
                           WHERE pp.process_version = 'mini_pyecod_v2.0' GROUP BY e.evidence_type ORDER BY count(*) DESC"
            $rows.Count | Should -BeGreaterThan 1
            $rows | ForEach-Object { ($_ -split '\|')[2] | Should -Be 't' }
            Q $v2 "SELECT count(*) FILTER (WHERE e.confidence IS NULL), round(avg(e.confidence)::numeric, 3) > 0 FROM pdb_analysis.partition_proteins pp
                   JOIN pdb_analysis.partition_domains d ON d.protein_id = pp.id JOIN pdb_analysis.domain_evidence e ON e.domain_id = d.id
                   WHERE pp.process_version = 'mini_pyecod_v2.0'" | Should -Be '0|t'
            Q $v2 "SELECT count(*) = count(d.primary_evidence_type) FROM pdb_analysis.partition_proteins pp JOIN pdb_analysis.partition_domains d
                   ON d.protein_id = pp.id WHERE pp.process_version = 'mini_pyecod_v2.0'" | Should -Be 't'
        }
        It 'provenance: algorithm version, git hash, source hash and the process_parameters keys on every row' {
            $commit = (& git -C $PSScriptRoot rev-parse HEAD)
            Q $v2 "SELECT count(*), count(algorithm_version), count(git_commit_hash), count(source_xml_hash), count(DISTINCT git_commit_hash),
                          count(*) FILTER (WHERE process_parameters ? 'source_batch_name' AND process_parameters ? 'import_timestamp'), min(git_commit_hash)
                   FROM pdb_analysis.partition_proteins WHERE process_version = 'mini_pyecod_v2.0'" |
                Should -Be "$($jobs.Count)|$($jobs.Count)|$($jobs.Count)|$($jobs.Count)|1|$($jobs.Count)|$commit"
        }
        It 'provenance: run, attempt and the import''s options and thresholds from the tracker' {
            Q $v2 "SELECT count(*) FILTER (WHERE process_parameters->>'run_id' IS NOT NULL AND process_parameters->>'attempt_id' IS NOT NULL
                          AND process_parameters->'thresholds' ? 'min_confidence' AND process_parameters->'options' ? 'collision_strategy'
                          AND process_parameters ? 'module_version' AND process_parameters ? 'host')
                   FROM pdb_analysis.partition_proteins" | Should -Be "$($jobs.Count)"
        }
        It 'classification coverage: T-groups on domains as the partitions give them' {
            $withT = @($parts.Domains | Where-Object TGroup).Count
            Q $v2 "SELECT count(*), count(*) FILTER (WHERE d.t_group IS NOT NULL) FROM pdb_analysis.partition_proteins pp
                   JOIN pdb_analysis.partition_domains d ON d.protein_id = pp.id WHERE pp.process_version = 'mini_pyecod_v2.0'" |
                Should -Be "$domainTotal|$withT"
        }
        It 'boundary optimisation: unnest of the actions works, and every original range differs from the range' {
            $changed = @($parts.Domains | Where-Object { $_.OriginalRange -and "$($_.OriginalRange)" -ne "$($_.Range)" }).Count
            Q $v2 "SELECT count(*) FILTER (WHERE d.original_range IS NOT NULL), count(*) FILTER (WHERE d.original_range IS NOT NULL AND d.original_range <> d.range)
                   FROM pdb_analysis.partition_proteins pp JOIN pdb_analysis.partition_domains d ON d.protein_id = pp.id
                   WHERE pp.process_version = 'mini_pyecod_v2.0'" | Should -Be "$changed|$changed"
            $actions = @($parts.Domains | ForEach-Object { $_.Actions }).Count
            $rows = Q $v2 "SELECT unnest(d.optimization_actions) AS action, count(*) FROM pdb_analysis.partition_proteins pp
                           JOIN pdb_analysis.partition_domains d ON d.protein_id = pp.id
                           WHERE pp.process_version = 'mini_pyecod_v2.0' AND d.optimization_actions IS NOT NULL GROUP BY 1 ORDER BY 2 DESC"
            (($rows | ForEach-Object { [int](($_ -split '\|')[1]) }) | Measure-Object -Sum).Sum | Should -Be $actions
        }
        It 'propagation checks: every chain reaches protein_sequence by pdb and chain, with an md5' {
            $sequenced = @($parts | Where-Object Sequence).Count
            $sequenced | Should -BeGreaterThan 0
            Q $v2 "SELECT count(*) FILTER (WHERE pp.process_version = 'mini_pyecod_v2.0'), count(DISTINCT ps.sequence_md5)
                   FROM pdb_analysis.partition_proteins pp LEFT JOIN pdb_analysis.protein p ON p.pdb_id = pp.pdb_id AND p.chain_id = pp.chain_id
                   LEFT JOIN pdb_analysis.protein_sequence ps ON ps.protein_id = p.id WHERE pp.process_version IN ('mini_pyecod_v2.0', 'mini_pyecod_v2.0_propagated')" |
                Should -Be "$($jobs.Count)|$(@($parts | Where-Object Sequence | ForEach-Object { $_.Sequence.ToUpperInvariant() } | Sort-Object -Unique).Count)"
        }
    }

    Context 'sql/propagate_fixed.sql' {
        It 'donor sequences: a text md5 per classified chain, domain totals and a numeric mean confidence' {
            $rows = Q $v2 "SELECT pg_typeof(ps.sequence_md5)::text, count(*), sum(pp.domains_with_evidence)::integer, pg_typeof(avg(coalesce(d.confidence, 0))::numeric)::text
                           FROM pdb_analysis.partition_proteins pp JOIN pdb_analysis.protein p ON pp.pdb_id = p.pdb_id AND pp.chain_id = p.chain_id
                           JOIN pdb_analysis.protein_sequence ps ON p.id = ps.protein_id LEFT JOIN pdb_analysis.partition_domains d ON d.protein_id = pp.id
                           WHERE pp.process_version = 'mini_pyecod_v2.0' AND pp.is_classified AND pp.domains_with_evidence > 0 AND ps.sequence_md5 IS NOT NULL
                           GROUP BY ps.sequence_md5"
            $rows.Count | Should -BeGreaterThan 0
            $rows | ForEach-Object { $f = $_ -split '\|'; $f[0] | Should -Be 'text'; $f[3] | Should -Be 'numeric' }
        }
    }

    Context 'import_results.py --verify, detect_collisions.py, compare_results.py (mini_pyecod_1.0)' {
        It 'verify: the chains, their domains and the newest samples by id' {
            Q $v1 "SELECT count(*), count(DISTINCT reference_version) FROM pdb_analysis.partition_proteins WHERE process_version = 'mini_pyecod_1.0'" |
                Should -Be "$($jobs.Count)|1"
            Q $v1 "SELECT count(*), avg(d.confidence) IS NOT NULL FROM pdb_analysis.partition_domains d JOIN pdb_analysis.partition_proteins pp ON d.protein_id = pp.id
                   WHERE pp.process_version = 'mini_pyecod_1.0'" | Should -Be "$domainTotal|t"
            @(Q $v1 "SELECT pp.pdb_id FROM pdb_analysis.partition_proteins pp JOIN pdb_analysis.partition_domains d ON d.protein_id = pp.id
                     WHERE pp.process_version = 'mini_pyecod_1.0' ORDER BY pp.id DESC LIMIT 10").Count | Should -Be ([Math]::Min(10, $domainTotal))
        }
        It 'collisions: a chain''s rows under its batch, newest first, with its domain count' {
            $p = $withDomains[0]
            $job = $jobs | Where-Object ProteinId -eq $p.ProteinId | Select-Object -First 1
            Q $v1 "SELECT pp.process_version, count(d.id) FROM pdb_analysis.partition_proteins pp LEFT JOIN pdb_analysis.partition_domains d ON d.protein_id = pp.id
                   JOIN ecod_schema.batch b ON b.id = pp.batch_id WHERE pp.pdb_id = '$($p.Protein.Pdb)' AND pp.chain_id = '$($p.Protein.Chain)'
                   AND b.batch_name = '$($job.BatchName)' GROUP BY pp.id ORDER BY pp.""timestamp"" DESC" | Should -Be "mini_pyecod_1.0|$($p.DomainCount)"
        }
        It 'compare: "main" rows exclude the mini version, so a mini-only database offers none, and the v2 rows count as main' {
            $p = $withDomains[0]
            $mainSql = "SELECT count(*) FROM pdb_analysis.partition_proteins pp WHERE pp.pdb_id = '$($p.Protein.Pdb)' AND pp.chain_id = '$($p.Protein.Chain)'
                        AND (pp.process_version IS NULL OR pp.process_version <> 'mini_pyecod_1.0')"
            Q $v1 $mainSql | Should -Be '0'
            Q $v2 $mainSql | Should -Be '1'
        }
    }

    Context 'assess_quality_v2.py' {
        It 'sequence length from ecod_schema.protein by pdb and chain' {
            foreach ($p in $parts | Select-Object -First 5) {
                Q $v2 "SELECT length FROM ecod_schema.protein WHERE pdb_id = '$($p.Protein.Pdb)' AND chain_id = '$($p.Protein.Chain)' LIMIT 1" |
                    Should -Be "$($p.SequenceLength)"
            }
        }
    }

    Context 'the dashboard (domain_analysis_dashboard app/api)' {
        It 'batches: the import''s batches are listed, with their proteins, partitions and totals' {
            $rows = Q $v2 "SELECT b.batch_name, b.type, b.total_items >= count(ps.id), b.completed_items, b.status IS NOT NULL, count(ps.id), count(pp.id)
                           FROM ecod_schema.batch b LEFT JOIN ecod_schema.process_status ps ON ps.batch_id = b.id
                           LEFT JOIN ecod_schema.protein ep ON ep.id = ps.protein_id LEFT JOIN pdb_analysis.partition_proteins pp ON ep.source_id = pp.pdb_id || '_' || pp.chain_id
                           WHERE b.type IN ('pdb_hhsearch', 'domain_analysis') GROUP BY b.id ORDER BY b.batch_name"
            $expected = $jobs | Group-Object BatchName | Sort-Object Name | ForEach-Object { "$($_.Name)|domain_analysis|t|$($_.Count)|t|$($_.Count)|$($_.Count)" }
            $rows | Should -Be $expected
        }
        It 'protein overview by partition id, with its domain count' {
            $p = $withDomains[0]
            $id = @(Q $v2 "SELECT id FROM pdb_analysis.partition_proteins WHERE pdb_id = '$($p.Protein.Pdb)' AND chain_id = '$($p.Protein.Chain)'")[0]
            Q $v2 "SELECT pp.pdb_id, pp.chain_id, pp.sequence_length, count(d.id) FROM pdb_analysis.partition_proteins pp
                   LEFT JOIN pdb_analysis.partition_domains d ON d.protein_id = pp.id WHERE pp.id = $id GROUP BY pp.id" |
                Should -Be "$($p.Protein.Pdb)|$($p.Protein.Chain)|$($p.SequenceLength)|$($p.DomainCount)"
        }
        It 'protein domains: the summary view by pdb and chain in domain order, and the reference domains its evidence names' {
            $p = $withDomains | Sort-Object DomainCount -Descending | Select-Object -First 1
            $rows = Q $v2 "SELECT domain_number, range, t_group, evidence_count > 0 FROM pdb_analysis.partition_domain_summary
                           WHERE pdb_id = '$($p.Protein.Pdb)' AND chain_id = '$($p.Protein.Chain)' ORDER BY domain_number"
            $rows | Should -Be @($p.Domains | ForEach-Object { "$($_.Number)|$($_.Range)|$($_.TGroup)|t" })
            # The reference panel: evidence joined to pdb_analysis.domain by any of its three ids shows each named library domain
            # with the library's range and groups.
            $library = @{}
            Import-Csv (Join-Path $gen.ReferenceDirectory 'domain_definitions.csv') | ForEach-Object { $library[$_.domain_id] = "$($_.domain_id)|$($_.range)|$($_.t_group)|$($_.h_group)" }
            $named = @(Q $v2 "SELECT DISTINCT x.id FROM pdb_analysis.domain_evidence e JOIN pdb_analysis.partition_domain_summary s ON e.domain_id = s.id
                              CROSS JOIN LATERAL (VALUES (e.source_id), (e.hit_id), (e.domain_ref_id)) x(id)
                              WHERE s.pdb_id = '$($p.Protein.Pdb)' AND s.chain_id = '$($p.Protein.Chain)' AND x.id IS NOT NULL" | Where-Object { $library.ContainsKey($_) })
            $named.Count | Should -BeGreaterThan 0
            $shown = Q $v2 "SELECT DISTINCT r.ecod_domain_id, r.range, r.t_group, r.h_group FROM pdb_analysis.domain_evidence e
                            JOIN pdb_analysis.partition_domain_summary s ON e.domain_id = s.id
                            JOIN pdb_analysis.domain r ON (e.source_id = r.ecod_domain_id OR e.hit_id = r.ecod_domain_id OR e.domain_ref_id = r.ecod_domain_id)
                            WHERE s.pdb_id = '$($p.Protein.Pdb)' AND s.chain_id = '$($p.Protein.Chain)'"
            @($shown | Sort-Object) | Should -Be @($named | ForEach-Object { $library[$_] } | Sort-Object)
            # Evidence of many chains names the same library domain: it is added once.
            Q $v2 "SELECT count(*) FROM (SELECT ecod_domain_id FROM pdb_analysis.domain GROUP BY 1 HAVING count(*) > 1) d" | Should -Be '0'
            Q $v2 "SELECT pdb_id, chain_id FROM pdb_analysis.protein WHERE id = (SELECT min(id) FROM pdb_analysis.protein)" | Should -Match '^\w+\|\w+$'
        }
        It 'domain evidence by type and confidence: no NULL confidence, and per domain the strongest evidence comes first' {
            Q $v2 "SELECT count(*) FROM pdb_analysis.domain_evidence WHERE confidence IS NULL" | Should -Be '0'
            # Within each type the first row by confidence DESC is that type's highest.
            Q $v2 "SELECT count(*) FROM (SELECT domain_id, evidence_type, confidence, row_number() OVER (PARTITION BY domain_id, evidence_type ORDER BY confidence DESC) AS n,
                          max(confidence) OVER (PARTITION BY domain_id, evidence_type) AS top FROM pdb_analysis.domain_evidence) x
                   WHERE n = 1 AND confidence <> top" | Should -Be '0'
        }
        It 'HHsearch evidence carries T- and H-groups from the summary or the reference library' {
            Q $v2 "SELECT count(*) > 0, count(*) FILTER (WHERE t_group IS NULL OR h_group IS NULL) FROM pdb_analysis.domain_evidence WHERE evidence_type = 'hhsearch'" |
                Should -Be 't|0'
        }
        It 'protein list: the performance summary view, one row per chain' {
            Q $v2 "SELECT count(*), count(*) FILTER (WHERE domains_found > 0), sum(domains_found) FROM pdb_analysis.pipeline_performance_summary" |
                Should -Be "$($jobs.Count)|$($withDomains.Count)|$domainTotal"
        }
        It 'missing-partitions audit: every protein of a batch has its partition and a partition file' {
            $rows = Q $v2 "SELECT b.batch_name, count(DISTINCT ps.id), count(DISTINCT ps.id) FILTER (WHERE ps.current_stage IN ('completed', 'classified')),
                                  count(DISTINCT ps.id) FILTER (WHERE pp.id IS NULL), count(DISTINCT pf.id) FILTER (WHERE pf.file_type LIKE '%partition%' AND pf.file_exists)
                           FROM ecod_schema.batch b JOIN ecod_schema.process_status ps ON ps.batch_id = b.id JOIN ecod_schema.protein ep ON ep.id = ps.protein_id
                           LEFT JOIN pdb_analysis.partition_proteins pp ON ep.source_id = pp.pdb_id || '_' || pp.chain_id
                           LEFT JOIN ecod_schema.process_file pf ON pf.process_id = ps.id
                           WHERE b.type IN ('pdb_hhsearch', 'domain_analysis') GROUP BY b.id ORDER BY b.batch_name"
            $rows | Should -Be ($jobs | Group-Object BatchName | Sort-Object Name | ForEach-Object { "$($_.Name)|$($_.Count)|$($_.Count)|0|$($_.Count)" })
            Q $v1 "SELECT count(*) FILTER (WHERE is_peptide IS NULL) FROM pdb_analysis.partition_proteins" | Should -Be '0'
        }
        It 'discrepancies: no classified chain without domains and no classification mismatch (mini_pyecod_1.0)' {
            Q $v1 "SELECT count(*) FROM (SELECT pp.id FROM pdb_analysis.partition_proteins pp LEFT JOIN pdb_analysis.partition_domains d ON d.protein_id = pp.id
                   WHERE pp.process_version IN ('mini_pyecod_1.0', 'mini_pyecod_propagated_1.0') GROUP BY pp.id
                   HAVING (pp.is_classified AND count(d.id) FILTER (WHERE d.t_group IS NOT NULL) = 0)
                       OR (NOT pp.is_classified AND count(d.id) FILTER (WHERE d.t_group IS NOT NULL) > 0)) x" | Should -Be '0'
        }
        It 'representatives: process_status marks exactly the listed representatives that were imported' {
            $imported = @($jobs.ProteinId | Where-Object { $_ -in $reps } | Sort-Object -Unique)
            Q $v2 "SELECT count(DISTINCT p.source_id) FROM ecod_schema.protein p JOIN ecod_schema.process_status s ON s.protein_id = p.id WHERE s.is_representative" |
                Should -Be "$($imported.Count)"
        }
    }

    Context 'the curation application (FORMATS.md) and pyecod_vis (ecod_curation)' {
        It 'latest row by timestamp with batch, domains in order and evidence by confidence' {
            $p = $withDomains | Sort-Object DomainCount -Descending | Select-Object -First 1
            $row = @(Q $v2 "SELECT pp.id, b.batch_name, b.type FROM pdb_analysis.partition_proteins pp LEFT JOIN ecod_schema.batch b ON b.id = pp.batch_id
                           WHERE pp.pdb_id = '$($p.Protein.Pdb)' AND pp.chain_id = '$($p.Protein.Chain)' ORDER BY pp.""timestamp"" DESC LIMIT 1")[0] -split '\|'
            $row[2] | Should -Be 'domain_analysis'
            Q $v2 "SELECT domain_number FROM pdb_analysis.partition_domains WHERE protein_id = $($row[0]) ORDER BY domain_number" | Should -Be (1..$p.DomainCount | ForEach-Object { "$_" })
            $conf = @(Q $v2 "SELECT e.confidence FROM pdb_analysis.domain_evidence e JOIN pdb_analysis.partition_domains d ON d.id = e.domain_id
                             WHERE d.protein_id = $($row[0]) AND d.domain_number = 1 ORDER BY e.confidence DESC")
            [double]$conf[0] | Should -BeGreaterOrEqual ([double]$conf[-1])
        }
        It 'a Version re-import keeps the filter value, and the newest row wins without ties' {
            $five = @($jobs | Select-Object -First 5)
            $again = $five | Import-EcodResult -ConfigurationPath $cfg2 -QualityFilter All -CollisionStrategy Version -Force -Confirm:$false
            $again.Imported | Should -Be 5
            Q $v2 "SELECT count(*) FROM pdb_analysis.partition_proteins WHERE process_version = 'mini_pyecod_v2.0'" | Should -Be "$($jobs.Count + 5)"
            Q $v2 "SELECT count(*) FROM (SELECT DISTINCT ON (pdb_id, chain_id, batch_id) process_parameters->>'revision' AS r FROM pdb_analysis.partition_proteins
                   ORDER BY pdb_id, chain_id, batch_id, ""timestamp"" DESC) x WHERE r = '2'" | Should -Be '5'
            Q $v2 "SELECT count(*) FROM (SELECT 1 FROM pdb_analysis.partition_proteins GROUP BY pdb_id, chain_id, ""timestamp"" HAVING count(*) > 1) x" | Should -Be '0'
        }
        It 'pyecod_vis: pending proteins with quality, automated assignments, typed evidence and a prioritised queue' {
            Q $v2 "SELECT count(*), count(*) FILTER (WHERE curation_status = 'pending' AND partition_quality IS NOT NULL) FROM ecod_curation.protein" |
                Should -Be "$($jobs.Count)|$($jobs.Count)"
            Q $v2 "SELECT count(*), count(*) FILTER (WHERE source = 'automated') FROM ecod_curation.domain_assignment" | Should -Be "$domainTotal|$domainTotal"
            Q $v2 "SELECT count(*) > 0, count(*) FILTER (WHERE evidence_type NOT IN ('blast_chain', 'blast_domain', 'hhsearch')) FROM ecod_curation.domain_evidence" |
                Should -Be 't|0'
            $queue = @(Q $v2 "SELECT priority FROM ecod_curation.queue_view")
            $queue.Count | Should -Be $jobs.Count
            ($queue | ForEach-Object { [int]$_ }) | Should -Be (($queue | ForEach-Object { [int]$_ }) | Sort-Object -Descending)
            # Idempotent: importing again into the staging schema changes no count.
            $jobs | Import-EcodResult -ConfigurationPath $cfg2 -QualityFilter All -Target Curation -CollisionStrategy Overwrite -Force -Confirm:$false | Out-Null
            Q $v2 "SELECT (SELECT count(*) FROM ecod_curation.protein), (SELECT count(*) FROM ecod_curation.domain_assignment), (SELECT count(*) FROM ecod_curation.curation_queue)" |
                Should -Be "$($jobs.Count)|$domainTotal|$($jobs.Count)"
        }
    }

    Context 'Test-EcodImport' {
        It 'reports the chain whose summary changed since the import' {
            $victim = $jobs | Select-Object -Last 1
            $summaryPath = @(Q $v1 "SELECT domain_summary_path FROM pdb_analysis.partition_proteins WHERE pdb_id || '_' || chain_id = '$($victim.ProteinId)'")[0]
            $summaryPath | Should -Not -BeNullOrEmpty
            @(Test-EcodImport -ConfigurationPath $cfg1 -All -TrackingDatabase $track).Count | Should -Be 0
            Add-Content -Path $summaryPath -Value '<!-- edited after import -->'
            $drift = @(Test-EcodImport -ConfigurationPath $cfg1 -All -TrackingDatabase $track | Where-Object Table -eq 'file')
            $drift.Count | Should -Be 1
            ($drift[0].ProteinId, $drift[0].Field) | Should -Be @($victim.ProteinId, 'domain_summary_hash')
        }
    }
}

Describe 'Initialize-EcodDatabase on an existing schema' -Skip:$pgSkip {
    It 'lists each change with -WhatIf, adds missing nullable columns only with -Force, and never touches existing rows' {
        $db = New-Db
        $cfg = New-PgTestConfiguration -Path (Join-Path $TestDrive "$db.yml") -Database $db
        Invoke-PgSql -Database $db -Sql "CREATE SCHEMA pdb_analysis; CREATE TABLE pdb_analysis.protein (id serial PRIMARY KEY, source_id text, pdb_id text, chain_id text);
                                         INSERT INTO pdb_analysis.protein (source_id, pdb_id, chain_id) VALUES ('1abc_A', '1abc', 'A')" | Out-Null
        # "What if" lines go straight to the host, so they are read from a child pwsh's output.
        $module = Join-Path (Get-Module EcodMini).ModuleBase 'EcodMini.psd1'
        $whatIf = & pwsh -NoProfile -NonInteractive -Command "Import-Module '$module'; Initialize-EcodDatabase -ConfigurationPath '$cfg' -Force -WhatIf" 2>&1 | Out-String
        $whatIf | Should -BeLike '*Create table ecod_schema.batch*'
        $whatIf | Should -BeLike '*Add nullable column pdb_analysis.protein.length*'
        $whatIf | Should -BeLike '*Create view pdb_analysis.partition_domain_summary*'
        Invoke-PgSql -Database $db -Sql "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'ecod_schema'" | Should -Be '0'

        $err = { Initialize-EcodDatabase -ConfigurationPath $cfg -Confirm:$false -WarningAction SilentlyContinue } | Should -Throw -PassThru
        $err.Exception.Message | Should -BeLike '*pdb_analysis.protein.length*'
        Invoke-PgSql -Database $db -Sql "SELECT count(*) FROM information_schema.columns WHERE table_name = 'protein' AND table_schema = 'pdb_analysis' AND column_name = 'length'" | Should -Be '0'

        $done = Initialize-EcodDatabase -ConfigurationPath $cfg -Force -Confirm:$false
        $done.AddedColumns | Should -Contain 'pdb_analysis.protein.length'
        $done.SchemaComplete | Should -BeTrue
        Invoke-PgSql -Database $db -Sql "SELECT source_id, is_nullable FROM pdb_analysis.protein p, information_schema.columns c
                                         WHERE c.table_schema = 'pdb_analysis' AND c.table_name = 'protein' AND c.column_name = 'is_nonident_rep'" | Should -Be '1abc_A|YES'
        (Initialize-EcodDatabase -ConfigurationPath $cfg -Force -Confirm:$false).Applied.Count | Should -Be 0
    }
}
