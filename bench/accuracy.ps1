param(
    [int] $Count = 2000,
    [string] $Seeds = '11,12',
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
        Invoke-EcodPartition -ReferenceDirectory $Reference -OutputDirectory $out -Option $Option | Out-Null
    $seconds = $t.Elapsed.TotalSeconds
    $rows = @(Compare-EcodPartition -Partition $out -Reference $Truth -ByCategory -Summary)
    [pscustomobject]@{ Rows = $rows; Seconds = $seconds }
}

function Format-Ratio([double] $Value) { '{0:0.000}' -f $Value }

foreach ($seed in $Seeds.Split(',')) {
    foreach ($difficulty in 'Easy', 'Hard') {
        $root = Join-Path $WorkDirectory ("{0}-{1}-{2}" -f $difficulty.ToLowerInvariant(), $seed, $Count)
        if (-not (Test-Path (Join-Path $root 'truth.json'))) {
            New-EcodSyntheticBatch -Path $root -ProteinCount $Count -Seed ([uint64] $seed) -Difficulty $difficulty | Out-Null
        }
        $reference = Join-Path $root 'reference'
        $truth = Join-Path $root 'truth.json'
        $a = Measure-Set $root $reference $truth 'before' $before
        $b = Measure-Set $root $reference $truth 'after' @{}
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
