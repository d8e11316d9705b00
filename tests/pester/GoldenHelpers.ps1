# Golden comparison of partition outputs: generated sets, partitioned in both output formats, reduced to one SHA-256 per
# output file with what legitimately varies between runs removed (the timestamp and the chain BLAST file's path).

# The sets the golden file covers: difficulty, seed, chains.
$script:GoldenSets = @(
    [pscustomobject]@{ Difficulty = 'Realistic'; Seed = 22; Count = 150 }
    [pscustomobject]@{ Difficulty = 'Hard'; Seed = 23; Count = 150 }
)

function Get-EcodGoldenDigest {
    # Lines "<difficulty>-<seed> <format> <file> <sha256>", sorted, for every set, partitioned with $Option.
    param([Parameter(Mandatory)] [string] $WorkDirectory, [hashtable] $Option = @{})
    foreach ($set in $script:GoldenSets) {
        $name = '{0}-{1}' -f $set.Difficulty.ToLowerInvariant(), $set.Seed
        $root = Join-Path $WorkDirectory $name
        if (-not (Test-Path (Join-Path $root 'truth.json'))) {
            New-EcodSyntheticBatch -Path $root -ProteinCount $set.Count -Seed $set.Seed -Difficulty $set.Difficulty | Out-Null
        }
        foreach ($format in 'V1', 'Legacy') {
            $out = Join-Path $root "out-$format-$([guid]::NewGuid().ToString('N'))"
            Get-ChildItem (Join-Path $root 'ecod_batch_*/domains/*.domain_summary.xml') |
                Invoke-EcodPartition -ReferenceDirectory (Join-Path $root 'reference') -OutputDirectory $out -Format $format -Option $Option -Force |
                Out-Null
            foreach ($file in Get-ChildItem $out -File | Sort-Object Name) {
                $text = [IO.File]::ReadAllText($file.FullName) -replace '<timestamp>[^<]*</timestamp>', '' -replace '<chain_blast_file>[^<]*</chain_blast_file>', '' -replace '(timestamp|chain_blast_file)="[^"]*"', ''
                $hash = [Convert]::ToHexString([Security.Cryptography.SHA256]::HashData([Text.Encoding]::UTF8.GetBytes($text)))
                '{0} {1} {2} {3}' -f $name, $format, $file.Name, $hash
            }
            Remove-Item -Recurse -Force $out
        }
    }
}
