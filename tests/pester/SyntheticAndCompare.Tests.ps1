BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    function Get-TreeHash([string] $Root) {
        Get-ChildItem $Root -Recurse -File | Sort-Object { $_.FullName.Substring($Root.Length) } | ForEach-Object {
            '{0} {1}' -f $_.FullName.Substring($Root.Length), (Get-FileHash $_.FullName -Algorithm SHA256).Hash
        }
    }
}

Describe 'New-EcodSyntheticBatch' {
    It 'generates the team layout with a truth file and a representatives list' {
        $root = Join-Path $TestDrive 'g1'
        $info = New-EcodSyntheticBatch -Path $root -ProteinCount 120 -Seed 5 -BatchCount 2
        $info.ProteinCount | Should -Be 120
        @(Get-ChildItem $root -Directory -Filter 'ecod_batch_*').Count | Should -Be 2
        foreach ($f in 'domain_definitions.csv', 'domain_lengths.csv', 'protein_lengths.csv', 'reference_blacklist.csv') {
            Join-Path $info.ReferenceDirectory $f | Should -Exist
        }
        @(Get-ChildItem (Join-Path $root 'ecod_batch_*/domains/*.domain_summary.xml')).Count | Should -Be 120
        @(Get-ChildItem (Join-Path $root 'ecod_batch_*/blast/*.chain.blast.xml')).Count | Should -BeGreaterThan 0
        $truth = Get-Content -Raw $info.TruthPath | ConvertFrom-Json
        @($truth.chains).Count | Should -Be 120
        $reps = Get-RepresentativeIds $root
        $reps.Count / 120 | Should -BeGreaterThan 0.8
        $reps.Count / 120 | Should -BeLessThan 1.0
    }

    It 'is deterministic: one seed gives identical trees, another seed differs' {
        $a = Join-Path $TestDrive 'a'; $b = Join-Path $TestDrive 'b'; $c = Join-Path $TestDrive 'c'
        New-EcodSyntheticBatch -Path $a -ProteinCount 80 -Seed 42 -Format Both | Out-Null
        New-EcodSyntheticBatch -Path $b -ProteinCount 80 -Seed 42 -Format Both | Out-Null
        New-EcodSyntheticBatch -Path $c -ProteinCount 80 -Seed 43 -Format Both | Out-Null
        $ha = Get-TreeHash $a
        $ha.Count | Should -BeGreaterThan 100
        (Compare-Object $ha (Get-TreeHash $b)) | Should -BeNullOrEmpty
        (Compare-Object $ha (Get-TreeHash $c)) | Should -Not -BeNullOrEmpty
    }

    It 'generates hard evidence with -Difficulty Hard, same chains and truth as Easy, and takes -Noise settings by name' {
        $easy = New-EcodSyntheticBatch -Path (Join-Path $TestDrive 'easy') -ProteinCount 60 -Seed 8
        $all = @(New-EcodSyntheticBatch -Path (Join-Path $TestDrive 'hard') -ProteinCount 60 -Seed 8 -Difficulty Hard -Noise @{ LargeBoundaryNoise = 20 } -Verbose 4>&1)
        $hard = $all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match 'LargeBoundaryNoise=20' }).Count | Should -Be 1
        $te = Get-Content -Raw $easy.TruthPath | ConvertFrom-Json
        $th = Get-Content -Raw $hard.TruthPath | ConvertFrom-Json
        ($th.chains | ConvertTo-Json -Depth 6) | Should -Be ($te.chains | ConvertTo-Json -Depth 6)
        $id = ($te.chains | Where-Object category -eq 'multi_domain' | Select-Object -First 1).protein_id
        $fe = Get-Item (Join-Path $easy.Root "ecod_batch_*/domains/$id.*")
        $fh = Get-Item (Join-Path $hard.Root "ecod_batch_*/domains/$id.*")
        (Get-FileHash $fe).Hash | Should -Not -Be (Get-FileHash $fh).Hash
    }

    It 'refuses an unknown -Noise setting with EcodInvalidNoiseSetting and writes nothing' {
        $root = Join-Path $TestDrive 'badnoise'
        { New-EcodSyntheticBatch -Path $root -ProteinCount 5 -Noise @{ NoSuchKnob = 1 } -ErrorAction Stop } |
            Should -Throw -ErrorId 'EcodInvalidNoiseSetting,EcodMini.PowerShell.Cmdlets.NewEcodSyntheticBatchCommand'
        $root | Should -Not -Exist
    }

    It 'refuses to overwrite an earlier generation' {
        $root = Join-Path $TestDrive 'g1'
        { New-EcodSyntheticBatch -Path $root -ProteinCount 10 -Seed 5 } | Should -Throw -ExpectedMessage '*truth.json*'
    }
}

Describe 'Compare-EcodPartition' {
    BeforeAll {
        $script:gen = New-EcodSyntheticBatch -Path (Join-Path $TestDrive 'cmp') -ProteinCount 150 -Seed 21 -Format Both
        $script:out = Join-Path $TestDrive 'cmp-out'
        $script:results = Get-ChildItem (Join-Path $gen.Root 'ecod_batch_*/domains/*.xml') |
            Invoke-EcodPartition -ReferenceDirectory $gen.ReferenceDirectory -OutputDirectory $out
    }

    It 'measures a folder of partitions against the truth file' {
        $s = Compare-EcodPartition -Partition $out -Reference $gen.TruthPath -Summary
        $s.Chains | Should -Be 150
        $s.WithOutput | Should -Be 150
        $s.DomainCountAccuracy | Should -BeGreaterOrEqual 0.8
        $s.BoundaryAccuracy | Should -BeGreaterOrEqual 0.8
        $s.Tolerance | Should -Be 5
    }

    It 'summarises per category with -ByCategory' {
        $s = @(Compare-EcodPartition -Partition $out -Reference $gen.TruthPath -Summary -ByCategory)
        $cats = @($s | Where-Object Category)
        $cats.Count | Should -BeGreaterOrEqual 5
        ($cats | Measure-Object Chains -Sum).Sum | Should -Be 150
        $s[-1].Category | Should -BeNullOrEmpty
        ($s | Out-String) | Should -Match 'Category\s+: insertion'
    }

    It 'takes result objects from the pipeline and gives per-chain objects plus one summary' {
        $all = $results | Compare-EcodPartition -Reference $gen.TruthPath
        @($all | Where-Object { $_.PSObject.TypeNames[0] -like '*ChainComparison' }).Count | Should -Be 150
        @($all | Where-Object { $_.PSObject.TypeNames[0] -like '*ComparisonSummary' }).Count | Should -Be 1
    }

    It 'compares against a folder of partition XMLs (another algorithm version) and exports CSV and JSON' {
        $legacyOut = Join-Path $TestDrive 'cmp-legacy'
        Get-ChildItem (Join-Path $gen.Root 'ecod_batch_*/domains/*.xml') |
            Invoke-EcodPartition -ReferenceDirectory $gen.ReferenceDirectory -OutputDirectory $legacyOut -Format Legacy | Out-Null
        $csv = Join-Path $TestDrive 'cmp.csv'; $json = Join-Path $TestDrive 'cmp.json'
        $s = Compare-EcodPartition -Partition $out -Reference $legacyOut -Summary -CsvPath $csv -JsonPath $json
        $s.DomainCountAccuracy | Should -Be 1
        $s.BoundaryAccuracy | Should -Be 1
        @(Import-Csv $csv).Count | Should -Be 150
        (Get-Content -Raw $json | ConvertFrom-Json) | Should -Not -BeNullOrEmpty
    }

    It 'counts missing outputs as wrong' {
        $partial = Join-Path $TestDrive 'cmp-partial'
        New-Item -ItemType Directory $partial | Out-Null
        Get-ChildItem $out | Select-Object -First 50 | Copy-Item -Destination $partial
        $s = Compare-EcodPartition -Partition $partial -Reference $gen.TruthPath -Summary
        $s.WithOutput | Should -Be 50
        $s.DomainCountAccuracy | Should -BeLessOrEqual (50 / 150)
        $only = Compare-EcodPartition -Partition $partial -Reference $gen.TruthPath -Summary -ExcludeMissing
        $only.Chains | Should -Be 50
        $only.Missing | Should -Be 0
        $only.DomainCountAccuracy | Should -BeGreaterThan 0.8
    }

    It 'v1 and legacy summaries of one chain give the same partition' {
        $v1Out = Join-Path $TestDrive 'cmp-v1'
        Get-ChildItem (Join-Path $gen.Root 'ecod_batch_*/domains_v1/*.xml') |
            Invoke-EcodPartition -ReferenceDirectory $gen.ReferenceDirectory -OutputDirectory $v1Out | Out-Null
        $fromLegacy = @{}
        Get-ChildItem $out | Get-EcodPartition | ForEach-Object { $fromLegacy[$_.ProteinId] = "$($_.Domains)" }
        $fromV1 = @(Get-ChildItem $v1Out | Get-EcodPartition)
        $fromV1.Count | Should -Be 150
        $fromLegacy.Count | Should -Be 150
        $differ = @($fromV1 | Where-Object { $fromLegacy[$_.ProteinId] -ne "$($_.Domains)" } | ForEach-Object { "$($_.ProteinId): v1 $($_.Domains) legacy $($fromLegacy[$_.ProteinId])" })
        $differ | Should -BeNullOrEmpty
        $s = Compare-EcodPartition -Partition $v1Out -Reference $out -BoundaryTolerance 0 -Summary
        $s.DomainCountAccuracy | Should -Be 1
        $s.BoundaryAccuracy | Should -Be 1
    }

    It 'writes no export with -WhatIf and still reports' {
        $csv = Join-Path $TestDrive 'whatif.csv'; $json = Join-Path $TestDrive 'whatif.json'
        $s = Compare-EcodPartition -Partition $out -Reference $gen.TruthPath -Summary -CsvPath $csv -JsonPath $json -WhatIf
        $s.Chains | Should -Be 150
        $csv | Should -Not -Exist
        $json | Should -Not -Exist
    }
}
