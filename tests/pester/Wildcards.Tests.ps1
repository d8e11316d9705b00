# Parameters that say they take wildcards ([SupportsWildcards], shown as "Accept wildcard characters" by Get-Help)
# take them, and no other parameter claims to.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:globbing = @('Find-EcodProtein -Pattern', 'Get-EcodJobLog -BatchName', 'Get-EcodJobLog -ProteinId', 'Get-EcodJobStatus -BatchName', 'Get-EcodJobStatus -ProteinId',
        'Get-EcodPartition -Path', 'Import-EcodResult -Path')
    $script:gen = New-TestBatchRoot -ProteinCount 40 -Seed 41 -BatchCount 3
    $script:db = Join-Path $TestDrive 'wildcards.db'
    Find-EcodProtein -BatchRoot $gen.Root -RepsOnly:$false -SkipExisting:$false |
        Submit-EcodJob -ReferenceDirectory $gen.ReferenceDirectory -TrackingDatabase $db -WorkDirectory (Join-Path $TestDrive 'work') | Out-Null
    $script:jobs = @(Get-EcodJobStatus -TrackingDatabase $db)
}

Describe 'Wildcard notes in help' {
    It 'Get-Help says globbing true exactly for the parameters that accept wildcards' {
        $claimed = foreach ($cmd in Get-Command -Module EcodMini) {
            foreach ($p in @((Get-Help $cmd.Name -Parameter *))) {
                $p.globbing | Should -BeIn @('true', 'false') -Because "$($cmd.Name) -$($p.name)"
                if ($p.globbing -eq 'true') { "$($cmd.Name) -$($p.name)" }
            }
        }
        @($claimed | Sort-Object) | Should -Be @($globbing | Sort-Object)
        (Get-Help Get-EcodJobStatus -Parameter BatchName).globbing | Should -Be 'true'
        (Get-Help Get-EcodJobStatus -Parameter TrackingDatabase).globbing | Should -Be 'false'
        (Get-Help Invoke-EcodPartition -Parameter SummaryPath).globbing | Should -Be 'false'
    }

    It 'no parameter description mentions wildcards unless the parameter accepts them' {
        foreach ($cmd in Get-Command -Module EcodMini) {
            foreach ($p in @((Get-Help $cmd.Name -Parameter *))) {
                $text = ($p.description | Out-String)
                if ($text -match 'wildcard') { "$($cmd.Name) -$($p.name)" | Should -BeIn $globbing -Because "its help says: $text" }
            }
        }
    }
}

Describe 'Wildcards that work' {
    It 'the tracker holds chains of three batches' {
        @($jobs.BatchName | Sort-Object -Unique).Count | Should -Be 3
        @($jobs | Where-Object Status -ne 'completed') | Should -BeNullOrEmpty
    }

    It 'Get-EcodJobStatus -BatchName and -ProteinId match * and ?' {
        $second = ($jobs.BatchName | Sort-Object -Unique)[1]
        $byBatch = @(Get-EcodJobStatus -TrackingDatabase $db -BatchName ($second.Substring(0, $second.Length - 1) + '?') | Where-Object BatchName -eq $second)
        $byBatch.Count | Should -Be @($jobs | Where-Object BatchName -eq $second).Count
        @(Get-EcodJobStatus -TrackingDatabase $db -BatchName '*').Count | Should -Be $jobs.Count
        $one = $jobs[0]
        $prefix = $one.ProteinId.Substring(0, 2)
        $matched = @(Get-EcodJobStatus -TrackingDatabase $db -ProteinId "$prefix*")
        $matched.Count | Should -Be @($jobs | Where-Object ProteinId -like "$prefix*").Count
        $matched.ProteinId | Should -Contain $one.ProteinId
        @(Get-EcodJobStatus -TrackingDatabase $db -ProteinId ($one.ProteinId -replace '_', '?')).ProteinId | Should -Contain $one.ProteinId
    }

    It 'Get-EcodJobStatus -History and -Result report every chain a wildcard matches' {
        $batch = $jobs[0].BatchName
        $chains = @($jobs | Where-Object BatchName -eq $batch)
        $history = @(Get-EcodJobStatus -TrackingDatabase $db -BatchName $batch -ProteinId '*' -History)
        @($history.ProteinId | Sort-Object -Unique) | Should -Be @($chains.ProteinId | Sort-Object -Unique)
        @($history | Where-Object BatchName -ne $batch) | Should -BeNullOrEmpty
        $results = @(Get-EcodJobStatus -TrackingDatabase $db -ProteinId ($chains[0].ProteinId.Substring(0, 4) + '_*') -BatchName $batch -Result)
        $results.ProteinId | Should -Contain $chains[0].ProteinId
        $results.Count | Should -BeGreaterOrEqual 1
        # Without a wildcard the chain is named exactly, as before.
        @(Get-EcodJobStatus -TrackingDatabase $db -ProteinId $chains[0].ProteinId -History).ProteinId | Sort-Object -Unique | Should -Be $chains[0].ProteinId
    }

    It 'Find-EcodProtein -Pattern selects batch folders by wildcard' {
        $names = @(Get-ChildItem $gen.Root -Directory -Filter 'ecod_batch_*' | Sort-Object Name).Name
        $names.Count | Should -Be 3
        $tasks = @(Find-EcodProtein -BatchRoot $gen.Root -RepsOnly:$false -SkipExisting:$false -Pattern ($names[2].Substring(0, $names[2].Length - 1) + '?'))
        @($tasks.BatchName | Sort-Object -Unique) | Should -Be @($names | Where-Object { $_ -like ($names[2].Substring(0, $names[2].Length - 1) + '?') })
        @(Find-EcodProtein -BatchRoot $gen.Root -RepsOnly:$false -SkipExisting:$false -Pattern $names[0]).BatchName | Sort-Object -Unique | Should -Be $names[0]
    }

    It 'Get-EcodPartition -Path expands wildcards, says when nothing matches, and takes an existing name literally' {
        $files = @(Get-ChildItem (Join-Path $gen.Root 'ecod_batch_*/mini_domains/*.xml'))
        $files.Count | Should -Be $jobs.Count
        $read = @(Get-EcodPartition (Join-Path $gen.Root 'ecod_batch_*/mini_domains/*.mini.domains.xml'))
        $read.Count | Should -Be $files.Count
        @(Get-EcodPartition (Join-Path $gen.Root 'ecod_batch_*/mini_domains')).Count | Should -Be $files.Count

        Get-EcodPartition (Join-Path $gen.Root 'no_such_*/x.xml') -ErrorVariable e -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $e[0].FullyQualifiedErrorId | Should -BeLike 'EcodPartitionNotFound,*'
        $e[0].Exception.Message | Should -Match 'no partition file or folder matches'

        $bracket = Join-Path $TestDrive 'run[1]'
        New-Item -ItemType Directory $bracket | Out-Null
        Copy-Item $files[0].FullName $bracket
        @(Get-EcodPartition $bracket).ProteinId | Should -Be (Get-EcodPartition -Path $files[0].FullName).ProteinId
    }
}
