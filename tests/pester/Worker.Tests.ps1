BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:root = New-TestDirectory
    $script:ref = Join-Path $root 'reference'
    New-TestReference -Path $ref
    $script:domains = Join-Path $root 'ecod_batch_001/domains'
    foreach ($id in '1abc_A', '1abd_B', '1abe_C', '1abf_D') {
        $pdb, $chain = $id -split '_'
        New-TestSummary -Path (Join-Path $domains "$id.develop291.domain_summary.xml") -Pdb $pdb -Chain $chain
    }
    Set-Content (Join-Path $domains '2bad_A.develop291.domain_summary.xml') '<domain_summary version="1.0"><protein'

    # A chunk manifest as Submit-EcodJob writes it (worker contract input).
    function New-ChunkManifest([string] $Path, [string] $ChunkId, [string[]] $Ids) {
        $tasks = foreach ($id in $Ids) {
            @{ protein_id = $id; batch = 'ecod_batch_001'; blast_path = $null
               summary_path = (Join-Path $domains "$id.develop291.domain_summary.xml")
               output_path = (Join-Path $root "out/$id.mini.domains.xml") }
        }
        New-Item -ItemType Directory -Force -Path (Split-Path $Path) | Out-Null
        @{ chunk_id = $ChunkId; format = 'V1'; reference_dir = $ref; created_at = '2026-11-30T00:00:00Z'; tasks = @($tasks) } |
            ConvertTo-Json -Depth 5 | Set-Content $Path
        $Path
    }
}
AfterAll { Remove-Item -Recurse -Force $script:root -ErrorAction SilentlyContinue }

Describe 'Invoke-EcodPartition -ManifestPath (worker mode)' {
    It 'runs a chunk, records every chain (failures with their error) and resumes without redoing chains' {
        $manifest = New-ChunkManifest (Join-Path $root 'w1/chunk.json') 'c1' @('1abc_A', '2bad_A', '1abd_B')
        $summary = Invoke-EcodPartition -ManifestPath $manifest
        $summary.Completed | Should -Be 2
        $summary.Failed | Should -Be 1
        $summary.NotRun | Should -Be 0
        $lines = Get-Content $summary.ResultsPath | ForEach-Object { $_ | ConvertFrom-Json }
        $lines.Count | Should -Be 3
        ($lines | Where-Object protein_id -eq '2bad_A').error | Should -Match '2bad_A'
        Test-Path (Join-Path $root 'out/1abd_B.mini.domains.xml') | Should -BeTrue

        $again = Invoke-EcodPartition -ManifestPath $manifest
        $again.AlreadyRecorded | Should -Be 3
        $again.Completed | Should -Be 0
        (Get-Content $summary.ResultsPath).Count | Should -Be 3
    }

    It 'picks its chunk from an array manifest by SLURM_ARRAY_TASK_ID' {
        $dir = Join-Path $root 'array'
        New-ChunkManifest (Join-Path $dir 'chunk-0.json') 'a0' @('1abc_A') | Out-Null
        New-ChunkManifest (Join-Path $dir 'chunk-1.json') 'a1' @('1abe_C', '1abf_D') | Out-Null
        @{ kind = 'ecod-array'; run = 'r1'; array = 0; offset = 0; chunks = @('chunk-0.json', 'chunk-1.json') } |
            ConvertTo-Json | Set-Content (Join-Path $dir 'array.json')
        $r = Invoke-FreshPwsh -Script "`$env:SLURM_ARRAY_TASK_ID = '1'; Invoke-EcodPartition -ManifestPath '$dir/array.json' | ForEach-Object { `$_.ChunkId + ' ' + `$_.Completed }"
        $r.ExitCode | Should -Be 0
        $lines = @($r.Output.Trim() -split '\r?\n')
        $lines[-1] | Should -Be 'a1 2'
        # The worker's own lines: plain text, each with a UTC timestamp; the first says which module runs, then the chunk and its chains.
        $lines[0] | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z EcodMini worker: module \d+\.\d+\.\d+ from /.*/EcodMini\.psd1 \(the run pinned no version\)$' -Because 'the job log says which module ran'
        $lines[1] | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z chunk a1: 2 chain\(s\) from '
        @($lines | Where-Object { $_ -match '^\S+Z (1abe_C|1abf_D) \S+ completed: ' }).Count | Should -Be 2
        $r.Output + $r.Error | Should -Not -Match ([regex]::Escape([string][char]27))
        Test-Path (Join-Path $dir 'chunk-0.json.results.jsonl') | Should -BeFalse
    }

    It 'refuses an array manifest outside an array task, naming the file' {
        $dir = Join-Path $root 'array2'
        New-Item -ItemType Directory -Force $dir | Out-Null
        @{ kind = 'ecod-array'; run = 'r1'; array = 0; offset = 0; chunks = @('chunk-0.json') } | ConvertTo-Json | Set-Content (Join-Path $dir 'array.json')
        $env:SLURM_ARRAY_TASK_ID = $null
        $err = { Invoke-EcodPartition -ManifestPath (Join-Path $dir 'array.json') } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Be 'EcodManifestInvalid,EcodMini.PowerShell.Cmdlets.InvokeEcodPartitionCommand'
        $err.Exception.Message | Should -Match 'array.json.*SLURM_ARRAY_TASK_ID'
    }

    It 'reports a missing or malformed manifest with its path' {
        $err = { Invoke-EcodPartition -ManifestPath (Join-Path $root 'nope.json') } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Be 'EcodManifestNotFound,EcodMini.PowerShell.Cmdlets.InvokeEcodPartitionCommand'
        $bad = Join-Path $root 'bad.json'
        Set-Content $bad '{ "chunk_id": '
        $err = { Invoke-EcodPartition -ManifestPath $bad } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Be 'EcodManifestInvalid,EcodMini.PowerShell.Cmdlets.InvokeEcodPartitionCommand'
        $err.Exception.Message | Should -Match 'bad.json'
    }

    It 'refuses a chunk pinned to another version: every chain failed with the reason, nothing partitioned' {
        $manifest = New-ChunkManifest (Join-Path $root 'pinned/chunk.json') 'p1' @('1abc_A', '1abd_B')
        $data = Get-Content -Raw $manifest | ConvertFrom-Json -AsHashtable
        $data.worker_module = @{ version = '0.0.1'; manifest_path = '/opt/EcodMini/0.0.1/EcodMini.psd1'; import_by_name = $false }
        $data | ConvertTo-Json -Depth 5 | Set-Content $manifest
        $loaded = (Get-Module EcodMini).Version
        $outputs = @('1abc_A', '1abd_B') | ForEach-Object { Join-Path $root "out/$_.mini.domains.xml" }
        Remove-Item $outputs -ErrorAction SilentlyContinue

        $err = { Invoke-EcodPartition -ManifestPath $manifest } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Be 'EcodWorkerModuleMismatch,EcodMini.PowerShell.Cmdlets.InvokeEcodPartitionCommand'
        $err.CategoryInfo.Category | Should -Be 'InvalidOperation'
        $err.Exception.Message | Should -Match "submitted for EcodMini 0\.0\.1 \(/opt/EcodMini/0\.0\.1/EcodMini\.psd1\), but this worker loaded EcodMini $([regex]::Escape("$loaded"))"
        $records = @(Get-Content "$manifest.results.jsonl" | ConvertFrom-Json)
        $records.protein_id | Should -Be @('1abc_A', '1abd_B')
        $records.status | Sort-Object -Unique | Should -Be 'failed'
        $records[0].error | Should -Match 'this worker loaded EcodMini'
        $outputs | ForEach-Object { Test-Path $_ | Should -BeFalse }
    }

    It 'writes nothing with -WhatIf' {
        $manifest = New-ChunkManifest (Join-Path $root 'w3/chunk.json') 'c3' @('1abf_D')
        Invoke-EcodPartition -ManifestPath $manifest -WhatIf | Should -BeNullOrEmpty
        Test-Path "$manifest.results.jsonl" | Should -BeFalse
    }

    It 'refuses path-mode parameters in worker mode' {
        { Invoke-EcodPartition -ManifestPath x.json -OutputDirectory y } | Should -Throw -ErrorId 'AmbiguousParameterSet,EcodMini.PowerShell.Cmdlets.InvokeEcodPartitionCommand'
    }
}
