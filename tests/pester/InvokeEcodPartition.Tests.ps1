BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:root = New-TestDirectory
    $script:ref = Join-Path $root 'reference'
    New-TestReference -Path $ref
    $script:batch = Join-Path $root 'ecod_batch_001'
    $script:domains = Join-Path $batch 'domains'
    foreach ($id in '1abc_A', '1abd_B', '1abe_C') {
        $pdb, $chain = $id -split '_'
        New-TestSummary -Path (Join-Path $domains "$id.develop291.domain_summary.xml") -Pdb $pdb -Chain $chain
    }
    # Bad inputs, each a different failure.
    Set-Content (Join-Path $domains '2bad_A.develop291.domain_summary.xml') '<domain_summary version="1.0"><protein pdb_id="2bad" chain_id="A" length="100">'
    Set-Content (Join-Path $domains '2bae_A.develop291.domain_summary.xml') ''
    Set-Content (Join-Path $domains '2baf_A.develop291.domain_summary.xml') @'
<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<domain_summary version="1.0"><protein pdb_id="2baf" chain_id="A" length="100"/><evidence><hit type="domain_blast" target="&lol2;" evalue="1e-5" query_range="1-90" target_range="1-90"/></evidence></domain_summary>
'@
}
AfterAll { Remove-Item -Recurse -Force $script:root -ErrorAction SilentlyContinue }

Describe 'Invoke-EcodPartition' {
    It 'partitions one chain to an explicit output path' {
        $out = Join-Path $root 'single/1abc_A.xml'
        $r = Invoke-EcodPartition -SummaryPath (Join-Path $domains '1abc_A.develop291.domain_summary.xml') -ReferenceDirectory $ref -OutputPath $out
        $r.ProteinId | Should -Be '1abc_A'
        $r.Success | Should -BeTrue
        $r.DomainCount | Should -Be 1
        $r.Domains[0].Range.ToString() | Should -Match '^\d+-\d+$'
        $out | Should -Exist
        ([xml] (Get-Content -Raw $out)).partition.protein.pdb_id | Should -Be '1abc'
    }

    It 'takes FileInfo from Get-ChildItem: good chains give files and objects, bad ones non-terminating errors' {
        $outDir = Join-Path $root 'pipeline-out'
        $results = Get-ChildItem "$domains/*.xml" |
            Invoke-EcodPartition -ReferenceDirectory $ref -OutputDirectory $outDir -ErrorVariable errs -ErrorAction SilentlyContinue
        $? | Should -BeFalse -Because 'a cmdlet that wrote errors leaves $? false'
        @($results).Count | Should -Be 3
        @($errs).Count | Should -Be 3
        foreach ($e in $errs) {
            $e.CategoryInfo.Category | Should -Be 'InvalidData'
            $e.Exception.Message | Should -Match '2ba[def]_A\.develop291\.domain_summary\.xml: \S'
            $e.TargetObject | Should -Not -BeNullOrEmpty
        }
        (Get-ChildItem $outDir).Name | Sort-Object | Should -Be @('1abc_A.mini.domains.xml', '1abd_B.mini.domains.xml', '1abe_C.mini.domains.xml')
        Get-ChildItem $outDir -Force | Where-Object Name -like '*.tmp*' | Should -BeNullOrEmpty
    }

    It 'stops on the first bad chain only when asked with -ErrorAction Stop' {
        { Get-ChildItem "$domains/2ba*.xml" | Invoke-EcodPartition -ReferenceDirectory $ref -OutputDirectory (Join-Path $root 'stop') -ErrorAction Stop } |
            Should -Throw
    }

    It 'writes into <batch>/mini_domains when no output is given, and the outputs read back' {
        $results = Get-ChildItem "$domains/1ab*.xml" | Invoke-EcodPartition -ReferenceDirectory $ref
        @($results).Count | Should -Be 3
        $written = Get-ChildItem (Join-Path $batch 'mini_domains')
        $written.Count | Should -Be 3
        $back = $written | Get-EcodPartition
        @($back).Count | Should -Be 3
        ($back | Where-Object ProteinId -eq '1abc_A').Domains[0].Range.ToString() | Should -Be (($results | Where-Object ProteinId -eq '1abc_A').Domains[0].Range.ToString())
    }

    It 'binds SummaryPath and OutputPath by property name' {
        $o = [pscustomobject] @{ SummaryPath = (Join-Path $domains '1abd_B.develop291.domain_summary.xml'); OutputPath = (Join-Path $root 'byprop/x.xml') }
        $r = $o | Invoke-EcodPartition -ReferenceDirectory $ref
        $r.OutputPath | Should -Be $o.OutputPath
        $o.OutputPath | Should -Exist
    }

    It 'writes the legacy domain_partition document with -Format Legacy' {
        $out = Join-Path $root 'legacy/1abc_A.xml'
        Invoke-EcodPartition (Join-Path $domains '1abc_A.develop291.domain_summary.xml') $ref -OutputPath $out -Format Legacy | Out-Null
        ([xml] (Get-Content -Raw $out)).DocumentElement.Name | Should -Be 'domain_partition'
    }

    It 'writes nothing with -WhatIf' {
        $out = Join-Path $root 'whatif/1abc_A.xml'
        Invoke-EcodPartition (Join-Path $domains '1abc_A.develop291.domain_summary.xml') $ref -OutputPath $out -WhatIf
        $out | Should -Not -Exist
    }

    It 'rejects an unknown algorithm setting with a terminating error naming it' {
        { Invoke-EcodPartition (Join-Path $domains '1abc_A.develop291.domain_summary.xml') $ref -Option @{ MinDomainSise = 3 } } |
            Should -Throw -ExpectedMessage '*MinDomainSise*'
    }

    It 'applies algorithm settings: a minimum domain size above the hit drops the domain' {
        $r = Invoke-EcodPartition (Join-Path $domains '1abc_A.develop291.domain_summary.xml') $ref -Option @{ MinDomainSize = 250 } -OutputPath (Join-Path $root 'settings/1abc_A.xml')
        $r.DomainCount | Should -Be 0
        $r.Success | Should -BeTrue
    }

    It 'reports a missing reference folder as a terminating error naming the file' {
        { Invoke-EcodPartition (Join-Path $domains '1abc_A.develop291.domain_summary.xml') (Join-Path $root 'nope') } |
            Should -Throw -ExpectedMessage '*nope*'
    }

    It 'reports a missing summary file as a non-terminating ObjectNotFound error' {
        Invoke-EcodPartition (Join-Path $root 'missing_A.xml') $ref -ErrorVariable e -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'shows a concise default table' {
        $r = Invoke-EcodPartition (Join-Path $domains '1abc_A.develop291.domain_summary.xml') $ref -OutputPath (Join-Path $root 'table/1abc_A.xml')
        $text = $r | Out-String
        $text | Should -Match 'ProteinId\s+Length\s+Domains\s+Coverage'
        $text | Should -Match '1abc_A'
    }

    It 'refuses to overwrite an existing partition file unless -Force, and the other chains go on' {
        $outDir = Join-Path $root 'force'
        Get-ChildItem "$domains/1abc*.xml" | Invoke-EcodPartition -ReferenceDirectory $ref -OutputDirectory $outDir | Out-Null
        $existing = Join-Path $outDir '1abc_A.mini.domains.xml'
        Set-Content $existing 'kept as it was'
        $r = Get-ChildItem "$domains/1ab*.xml" | Invoke-EcodPartition -ReferenceDirectory $ref -OutputDirectory $outDir -ErrorVariable e -ErrorAction SilentlyContinue
        @($r).ProteinId | Should -Be @('1abd_B', '1abe_C')
        $e.Count | Should -Be 1
        $e[0].FullyQualifiedErrorId | Should -Be 'EcodOutputExists,EcodMini.PowerShell.Cmdlets.InvokeEcodPartitionCommand'
        $e[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $e[0].Exception.Message | Should -BeLike "*1abc_A.mini.domains.xml*-Force*"
        Get-Content -Raw $existing | Should -Match 'kept as it was'
        $forced = Invoke-EcodPartition (Join-Path $domains '1abc_A.develop291.domain_summary.xml') $ref -OutputDirectory $outDir -Force
        $forced.Success | Should -BeTrue
        ([xml] (Get-Content -Raw $existing)).partition.protein.pdb_id | Should -Be '1abc'
    }

    It 'emits results in input order although chains run in parallel' {
        $gen = New-EcodSyntheticBatch -Path (Join-Path $root 'order') -ProteinCount 60 -Seed 7
        # Largest summaries first with small ones behind them: finishing order differs from input order.
        $files = @(Get-ChildItem (Join-Path $gen.Root 'ecod_batch_*/domains/*.xml') | Sort-Object Length -Descending)
        $ids = $files | ForEach-Object { $_.Name.Split('.')[0] }
        $r = $files | Invoke-EcodPartition -ReferenceDirectory $gen.ReferenceDirectory -ThrottleLimit 4
        @($r).ProteinId | Should -Be $ids
    }

    It 'summarises with -Verbose and leaves per-chain decisions to -Debug and the result object' {
        $gen = Join-Path $root 'order'
        $refDir = Join-Path $gen 'reference'
        $files = Get-ChildItem (Join-Path $gen 'ecod_batch_*/domains/*.xml') | Select-Object -First 20
        $verbose = $files | Invoke-EcodPartition -ReferenceDirectory $refDir -OutputDirectory (Join-Path $root 'verbose') -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        @($verbose).Count | Should -BeLessOrEqual 6
        ($verbose | Select-Object -Last 1).Message | Should -Match 'Partitioned 20 chains'
        $DebugPreference = 'Continue'
        $debug = $files | Invoke-EcodPartition -ReferenceDirectory $refDir -Force -OutputDirectory (Join-Path $root 'dbg') 5>&1 |
            Where-Object { $_ -is [System.Management.Automation.DebugRecord] }
        @($debug).Count | Should -BeGreaterOrEqual 20 -Because 'every chain says where its output and chain BLAST come from'
        $r = $files | Select-Object -First 1 | Invoke-EcodPartition -ReferenceDirectory $refDir -WhatIf:$false -OutputDirectory (Join-Path $root 'dbg2')
        $r.Decisions.GetType().Name | Should -Not -BeNullOrEmpty
    }

    It 'exports cleanly: CSV and JSON show domain ranges and flags as text, not type names' {
        $r = Invoke-EcodPartition (Join-Path $domains '1abc_A.develop291.domain_summary.xml') $ref -OutputPath (Join-Path $root 'export/1abc_A.xml')
        $csv = Join-Path $root 'export/r.csv'
        $r | Export-Csv $csv
        $text = Get-Content -Raw $csv
        $text | Should -Not -Match 'System\.Collections|EcodMini\.Core'
        (Import-Csv $csv).Domains | Should -Be $r.Domains[0].Range.ToString()
        # At the default depth the nested range reads as its text; at full depth as segments. Never a type name.
        $shallow = $r | ConvertTo-Json -WarningAction SilentlyContinue
        $shallow | Should -Not -Match 'System\.Collections|EcodMini\.Core'
        ($shallow | ConvertFrom-Json).Domains[0].Range | Should -Be $r.Domains[0].Range.ToString()
        $deep = $r | ConvertTo-Json -Depth 10 -WarningAction Stop
        $deep | Should -Not -Match 'System\.Collections|EcodMini\.Core'
        ($deep | ConvertFrom-Json).Domains[0].Id | Should -Be $r.Domains[0].Id
    }
}
