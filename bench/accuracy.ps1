param(
    [int] $Count = 2000,
    [string] $Seeds = '11,12',
    # Generator settings measured (comma-separated: Easy, Hard, Realistic).
    [string] $Difficulties = 'Easy,Hard',
    # What "before" is: 'Original' (every agreement rule off: ALGORITHM.md as specified) or 'WeakHitVotes' (the votes of
    # issue 22 off, and with them the chain-scale reading of probabilities: the engine before that issue).
    [ValidateSet('Original', 'WeakHitVotes')] [string] $Before = 'Original',
    # Print one table per setting pooled over all seeds (chain-weighted) instead of one table per seed.
    [switch] $Pooled,
    # Settings of "after" instead of the defaults, as "Name=value;Name=value" (e.g. "WeakVoteMinConfidence=0.2").
    [string] $After = '',
    # Instead of the before/after tables: each agreement rule switched off alone, on a hard set ($HardCount chains,
    # seed $HardSeed) and an easy set ($Count chains, seed $EasySeed) (docs/ALGORITHM-NOTES.md).
    [switch] $Rules,
    [int] $HardCount = 1500,
    # The generator setting of the "hard" columns of -Rules (Hard or Realistic).
    [string] $HardDifficulty = 'Hard',
    [uint64] $HardSeed = 11,
    [uint64] $EasySeed = 12,
    [Parameter(Mandatory)] [string] $WorkDirectory,
    [Parameter(Mandatory)] [string] $ModulePath)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module $ModulePath

# The algorithm as specified in ALGORITHM.md (main before issue 11): every agreement rule switched off.
$original = @{
    OrderBySupport = $false; ConsensusBoundaries = $false; LoneHitMinConfidence = 0; AgreementMinHits = 0
    OutvoteCompetingHits = $false; ProjectReferenceEnds = $false; SplitGapsByAgreement = $false; ClaimHostRemainders = $false
    WeakHitVotes = $false
}
$afterOption = @{}
foreach ($pair in ($After -split ';' | Where-Object { $_ })) {
    $name, $value = $pair -split '=', 2
    $afterOption[$name.Trim()] = if ($value -match '^(true|false)$') { [bool]::Parse($value) } else { [double]::Parse($value, [Globalization.CultureInfo]::InvariantCulture) }
}
$beforeOption = if ($Before -eq 'WeakHitVotes') { @{ WeakHitVotes = $false } } else { $original }

function Measure-Set([string] $Root, [string] $Reference, [string] $Truth, [string] $Name, [hashtable] $Option) {
    $out = Join-Path $Root "out-$Name"
    $t = [System.Diagnostics.Stopwatch]::StartNew()
    $rejections = @{}
    Get-ChildItem (Join-Path $Root 'ecod_batch_*/domains/*.domain_summary.xml') |
        Invoke-EcodPartition -ReferenceDirectory $Reference -OutputDirectory $out -Option $Option -Force |
        ForEach-Object { foreach ($r in $_.RejectionCounts.GetEnumerator()) { $rejections[$r.Key] = [int] $rejections[$r.Key] + $r.Value } }
    $seconds = $t.Elapsed.TotalSeconds
    $rows = @(Compare-EcodPartition -Partition $out -Reference $Truth -ByCategory -Summary)
    Remove-Item -Recurse -Force $out
    [pscustomobject]@{ Rows = $rows; Seconds = $seconds; Rejections = $rejections }
}

# Rows of several seeds pooled per category: chains summed, ratios weighted by chains.
function Join-Rows([object[]] $RowSets) {
    $all = @($RowSets | ForEach-Object { $_ })
    foreach ($group in ($all | Group-Object { "$($_.Category)" } | Sort-Object { if ($_.Name) { $_.Name } else { '~' } })) {
        $chains = ($group.Group | Measure-Object Chains -Sum).Sum
        $weighted = { param($property) (($group.Group | ForEach-Object { $_.Chains * $_.$property }) | Measure-Object -Sum).Sum / [math]::Max(1, $chains) }
        [pscustomobject]@{
            Category = $group.Group[0].Category; Chains = $chains
            DomainCountAccuracy = (& $weighted 'DomainCountAccuracy'); BoundaryAccuracy = (& $weighted 'BoundaryAccuracy')
            TGroupAccuracy = (& $weighted 'TGroupAccuracy')
        }
    }
}

function Write-Table([object[]] $BeforeRows, [object[]] $AfterRows) {
    '| category | chains | domain count before | after | boundary +/-5 before | after | T-group before | after |'
    '|---|---|---|---|---|---|---|---|'
    foreach ($row in $AfterRows) {
        $old = $BeforeRows | Where-Object { "$($_.Category)" -eq "$($row.Category)" }
        $name = if ($row.Category) { $row.Category } else { '**all**' }
        '| {0} | {1} | {2} | {3} | {4} | {5} | {6} | {7} |' -f $name, $row.Chains,
            (Format-Ratio $old.DomainCountAccuracy), (Format-Ratio $row.DomainCountAccuracy),
            (Format-Ratio $old.BoundaryAccuracy), (Format-Ratio $row.BoundaryAccuracy),
            (Format-Ratio $old.TGroupAccuracy), (Format-Ratio $row.TGroupAccuracy)
    }
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
    $hard = Get-Set $HardDifficulty $HardSeed $HardCount
    $easy = Get-Set 'Easy' $EasySeed $Count
    $variants = [ordered]@{ 'none (defaults)' = @{}; 'all (ALGORITHM.md as specified)' = $original }
    foreach ($rule in 'OrderBySupport', 'ConsensusBoundaries', 'LoneHitMinConfidence', 'AgreementMinHits', 'OutvoteCompetingHits',
        'ProjectReferenceEnds', 'SplitGapsByAgreement', 'ClaimHostRemainders') {
        $label = if ($original[$rule] -is [bool]) { $rule } else { "$rule ($($original[$rule]))" }
        $variants[$label] = @{ $rule = $original[$rule] }
    }
    # The chain-scale reading of probabilities follows WeakHitVotes unless set: each of issue 22's two rules alone.
    $variants['WeakHitVotes'] = @{ WeakHitVotes = $false; ProbabilityScaleByChain = $true }
    $variants['ProbabilityScaleByChain'] = @{ ProbabilityScaleByChain = $false }
    $hardRejections = @{}
    ''
    "### Each rule switched off alone: hard set ($HardDifficulty) $HardCount chains seed $HardSeed, easy set $Count chains seed $EasySeed, boundary +/-5"
    ''
    '| rule switched off | hard: insertion boundary | hard: remote-homolog count | hard: no-domain precision | hard: single-domain T-group | hard: all count | hard: all boundary | easy: all boundary | easy: HHsearch-only boundary |'
    '|---|---|---|---|---|---|---|---|---|'
    foreach ($entry in $variants.GetEnumerator()) {
        $hardRun = Measure-Set $hard.Root $hard.Reference $hard.Truth "rule-$($entry.Key -replace '\W', '')" $entry.Value
        $hardRejections[$entry.Key] = $hardRun.Rejections
        $h = $hardRun.Rows
        $e = (Measure-Set $easy.Root $easy.Reference $easy.Truth "rule-$($entry.Key -replace '\W', '')" $entry.Value).Rows
        $of = { param($rows, $category) $rows | Where-Object { "$($_.Category)" -eq $category } }
        '| {0} | {1} | {2} | {3} | {4} | {5} | {6} | {7} | {8} |' -f $entry.Key,
            (Format-Ratio (& $of $h 'insertion').BoundaryAccuracy), (Format-Ratio (& $of $h 'hhsearch_only').DomainCountAccuracy),
            (Format-Ratio (& $of $h 'no_evidence').DomainCountAccuracy), (Format-Ratio (& $of $h 'single_domain').TGroupAccuracy),
            (Format-Ratio (& $of $h '').DomainCountAccuracy), (Format-Ratio (& $of $h '').BoundaryAccuracy),
            (Format-Ratio (& $of $e '').BoundaryAccuracy), (Format-Ratio (& $of $e 'hhsearch_only').BoundaryAccuracy)
    }
    ''
    "### Rejection reasons on the hard set ($HardDifficulty) that change when WeakHitVotes is switched off (hits, summed over chains)"
    ''
    '| reason | defaults | WeakHitVotes off |'
    '|---|---|---|'
    $on = $hardRejections['none (defaults)']; $off = $hardRejections['WeakHitVotes']
    foreach ($reason in (@($on.Keys) + @($off.Keys) | Sort-Object -Unique)) {
        if ([int] $on[$reason] -ne [int] $off[$reason]) { '| {0} | {1} | {2} |' -f $reason, [int] $on[$reason], [int] $off[$reason] }
    }
    return
}

$beforeLabel = if ($Before -eq 'WeakHitVotes') { 'WeakHitVotes off (the engine before issue 22)' } else { 'every agreement rule off (ALGORITHM.md as specified)' }
foreach ($difficulty in $Difficulties.Split(',')) {
    $beforeSets = @(); $afterSets = @(); $seconds = @(0.0, 0.0)
    foreach ($seed in $Seeds.Split(',')) {
        $set = Get-Set $difficulty ([uint64] $seed) $Count
        $a = Measure-Set $set.Root $set.Reference $set.Truth 'before' $beforeOption
        $b = Measure-Set $set.Root $set.Reference $set.Truth 'after' $afterOption
        if ($Pooled) { $beforeSets += , $a.Rows; $afterSets += , $b.Rows; $seconds[0] += $a.Seconds; $seconds[1] += $b.Seconds; continue }
        ''
        '### {0}, seed {1}, {2:N0} chains (partitioned in {3:N1} s before, {4:N1} s after)' -f $difficulty, $seed, $Count, $a.Seconds, $b.Seconds
        ''
        Write-Table $a.Rows $b.Rows
    }
    if (-not $Pooled) { continue }
    ''
    '### {0}, seeds {1}, {2:N0} chains each, pooled (partitioned in {3:N1} s before, {4:N1} s after; before = {5}; after = {6})' -f $difficulty, $Seeds, $Count, $seconds[0], $seconds[1], $beforeLabel, $(if ($After) { $After } else { 'defaults' })
    ''
    Write-Table @(Join-Rows $beforeSets) @(Join-Rows $afterSets)
}
''
'no_evidence: every ratio is the share of chains left empty (no-domain precision).'
