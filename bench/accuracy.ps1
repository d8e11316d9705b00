param(
    [int] $Count = 2000,
    [string] $Seeds = '11,12',
    # Instead of the before/after tables: each agreement rule switched off alone, on a hard set ($HardCount chains,
    # seed $HardSeed) and an easy set ($Count chains, seed $EasySeed) (docs/ALGORITHM-NOTES.md).
    [switch] $Rules,
    [int] $HardCount = 1500,
    [uint64] $HardSeed = 11,
    [uint64] $EasySeed = 12,
    [Parameter(Mandatory)] [string] $WorkDirectory,
    [Parameter(Mandatory)] [string] $ModulePath)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module $ModulePath

# The algorithm as specified in ALGORITHM.md (main before issue 11): every agreement rule switched off.
$before = @{
    OrderBySupport = $false; ConsensusBoundaries = $false; LoneHitMinConfidence = 0; AgreementMinHits = 0
    OutvoteCompetingHits = $false; ProjectReferenceEnds = $false; SplitGapsByAgreement = $false; ClaimHostRemainders = $false
}

function Measure-Set([string] $Root, [string] $Reference, [string] $Truth, [string] $Name, [hashtable] $Option) {
    $out = Join-Path $Root "out-$Name"
    $t = [System.Diagnostics.Stopwatch]::StartNew()
    Get-ChildItem (Join-Path $Root 'ecod_batch_*/domains/*.domain_summary.xml') |
        Invoke-EcodPartition -ReferenceDirectory $Reference -OutputDirectory $out -Option $Option -Force | Out-Null
    $seconds = $t.Elapsed.TotalSeconds
    $rows = @(Compare-EcodPartition -Partition $out -Reference $Truth -ByCategory -Summary)
    [pscustomobject]@{ Rows = $rows; Seconds = $seconds }
}

function Format-Ratio([double] $Value) { '{0:0.000}' -f $Value }

# A generated set under the work folder (reused when already there): its root, reference folder and truth file.
function Get-Set([string] $Difficulty, [uint64] $Seed, [int] $Chains) {
    $root = Join-Path $WorkDirectory ("{0}-{1}-{2}" -f $Difficulty.ToLowerInvariant(), $Seed, $Chains)
    if (-not (Test-Path (Join-Path $root 'truth.json'))) {
        New-EcodSyntheticBatch -Path $root -ProteinCount $Chains -Seed $Seed -Difficulty $Difficulty | Out-Null
    }
    [pscustomobject]@{ Root = $root; Reference = (Join-Path $root 'reference'); Truth = (Join-Path $root 'truth.json') }
}

if ($Rules) {
    $hard = Get-Set 'Hard' $HardSeed $HardCount
    $easy = Get-Set 'Easy' $EasySeed $Count
    $variants = [ordered]@{ 'none (defaults)' = @{}; 'all (ALGORITHM.md as specified)' = $before }
    foreach ($rule in 'OrderBySupport', 'ConsensusBoundaries', 'LoneHitMinConfidence', 'AgreementMinHits', 'OutvoteCompetingHits',
        'ProjectReferenceEnds', 'SplitGapsByAgreement', 'ClaimHostRemainders') {
        $label = if ($before[$rule] -is [bool]) { $rule } else { "$rule ($($before[$rule]))" }
        $variants[$label] = @{ $rule = $before[$rule] }
    }
    ''
    "### Each rule switched off alone: hard set $HardCount chains seed $HardSeed, easy set $Count chains seed $EasySeed, boundary +/-5"
    ''
    '| rule switched off | hard: insertion boundary | hard: remote-homolog count | hard: no-domain precision | hard: single-domain T-group | hard: all count | hard: all boundary | easy: all boundary | easy: HHsearch-only boundary |'
    '|---|---|---|---|---|---|---|---|---|'
    foreach ($entry in $variants.GetEnumerator()) {
        $h = (Measure-Set $hard.Root $hard.Reference $hard.Truth "rule-$($entry.Key -replace '\W', '')" $entry.Value).Rows
        $e = (Measure-Set $easy.Root $easy.Reference $easy.Truth "rule-$($entry.Key -replace '\W', '')" $entry.Value).Rows
        $of = { param($rows, $category) $rows | Where-Object { "$($_.Category)" -eq $category } }
        '| {0} | {1} | {2} | {3} | {4} | {5} | {6} | {7} | {8} |' -f $entry.Key,
            (Format-Ratio (& $of $h 'insertion').BoundaryAccuracy), (Format-Ratio (& $of $h 'hhsearch_only').DomainCountAccuracy),
            (Format-Ratio (& $of $h 'no_evidence').DomainCountAccuracy), (Format-Ratio (& $of $h 'single_domain').TGroupAccuracy),
            (Format-Ratio (& $of $h '').DomainCountAccuracy), (Format-Ratio (& $of $h '').BoundaryAccuracy),
            (Format-Ratio (& $of $e '').BoundaryAccuracy), (Format-Ratio (& $of $e 'hhsearch_only').BoundaryAccuracy)
    }
    return
}

foreach ($seed in $Seeds.Split(',')) {
    foreach ($difficulty in 'Easy', 'Hard') {
        $set = Get-Set $difficulty ([uint64] $seed) $Count
        $a = Measure-Set $set.Root $set.Reference $set.Truth 'before' $before
        $b = Measure-Set $set.Root $set.Reference $set.Truth 'after' @{}
        ''
        '### {0}, seed {1}, {2:N0} chains (partitioned in {3:N1} s before, {4:N1} s after)' -f $difficulty, $seed, $Count, $a.Seconds, $b.Seconds
        ''
        '| category | chains | domain count before | after | boundary +/-5 before | after | T-group before | after |'
        '|---|---|---|---|---|---|---|---|'
        foreach ($row in $b.Rows) {
            $old = $a.Rows | Where-Object { $_.Category -eq $row.Category }
            $name = if ($row.Category) { $row.Category } else { '**all**' }
            '| {0} | {1} | {2} | {3} | {4} | {5} | {6} | {7} |' -f $name, $row.Chains,
                (Format-Ratio $old.DomainCountAccuracy), (Format-Ratio $row.DomainCountAccuracy),
                (Format-Ratio $old.BoundaryAccuracy), (Format-Ratio $row.BoundaryAccuracy),
                (Format-Ratio $old.TGroupAccuracy), (Format-Ratio $row.TGroupAccuracy)
        }
    }
}
''
'no_evidence: every ratio is the share of chains left empty (no-domain precision).'
