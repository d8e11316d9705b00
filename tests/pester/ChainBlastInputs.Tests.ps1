# Issue 11 (compatibility gaps): raw chain BLAST in the layouts the original tools use, and a bad BLAST file as a
# warning, through the packaged module. Inputs are the engine tests' hand-written fixtures (GFP inserted in a PBP).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:root = New-TestDirectory
    $engineData = Join-Path $PSScriptRoot '..' 'EcodMini.Core.Tests' 'TestData' 'Engine'
    $script:ref = Join-Path $engineData 'reference'
    $summary = Join-Path $engineData 'gfp_in_pbp' '8ovp_A.v1.domain_summary.xml'
    $script:blast = Join-Path $engineData 'gfp_in_pbp' '8ovp_A.chain.blast.xml'
    $script:layouts = [ordered] @{
        ecod_batch_001 = 'blast/8ovp_A.chain.blast.xml'
        ecod_batch_002 = 'blast/chain/8ovp_A.develop291.xml'
        ecod_batch_003 = 'blast/8ovp_A.chain_blast.xml'
        ecod_batch_004 = 'blast/8ovp_A.chain.blast.xml'
    }
    foreach ($b in $layouts.Keys) {
        $domains = New-Item -ItemType Directory -Force (Join-Path $root $b 'domains')
        Copy-Item $summary (Join-Path $domains '8ovp_A.develop291.domain_summary.xml')
        $target = Join-Path $root $b $layouts[$b]
        New-Item -ItemType Directory -Force (Split-Path $target) | Out-Null
        if ($b -eq 'ecod_batch_004') {
            # Truncated mid-file, as a killed BLAST job leaves it.
            $bytes = [IO.File]::ReadAllBytes($blast)
            [IO.File]::WriteAllBytes($target, $bytes[0..([int]($bytes.Length / 2))])
        } else {
            Copy-Item $blast $target
        }
    }
}
AfterAll { Remove-Item -Recurse -Force $script:root -ErrorAction SilentlyContinue }

Describe 'Invoke-EcodPartition on raw chain BLAST as the original tools lay it out' {
    It 'partitions a batch laid out either original way exactly as the documented layout, naming the file used' {
        $results = 1..3 | ForEach-Object { Get-ChildItem (Join-Path $root "ecod_batch_00$_" 'domains' '*.xml') } |
            Invoke-EcodPartition -ReferenceDirectory $ref -WarningVariable warnings
        @($results).Count | Should -Be 3
        @($warnings).Count | Should -Be 0
        $expected = ($results[0].Domains | ForEach-Object { "$($_.Range) $($_.EcodDomainId)" }) -join '; '
        $expected | Should -Be '1-252,500-517 e2ia4B1; 253-499 e6dgvA1'
        foreach ($r in $results) {
            (($r.Domains | ForEach-Object { "$($_.Range) $($_.EcodDomainId)" }) -join '; ') | Should -Be $expected
            $batchName = Split-Path (Split-Path (Split-Path $r.SummaryPath)) -Leaf
            $r.ChainBlastPath | Should -Be (Join-Path $root $batchName $layouts[$batchName])
            ([xml] (Get-Content -Raw $r.OutputPath)).partition.metadata.chain_blast_file | Should -Be $r.ChainBlastPath
        }
    }

    It 'partitions a chain whose raw BLAST is truncated, with a warning and a quality flag, not an error' {
        $r = Get-ChildItem (Join-Path $root 'ecod_batch_004' 'domains' '*.xml') |
            Invoke-EcodPartition -ReferenceDirectory $ref -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable errs
        @($errs).Count | Should -Be 0
        $r.Success | Should -BeTrue
        $r.DomainCount | Should -Be 1
        $r.ChainBlastPath | Should -BeNullOrEmpty
        $flag = $r.QualityFlags | Where-Object FlagType -eq 'chain_blast_unusable'
        $flag.Severity | Should -Be 'warning'
        $flag.Message | Should -Match 'malformed XML.*chain-BLAST decomposition disabled for this chain$'
        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike '8ovp_A: *8ovp_A.chain.blast.xml: malformed XML*'
    }
}
