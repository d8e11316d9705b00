# The summary properties a runbook's help promises: the names listed in "... summary object (A, B, C)".
function Get-PromisedProperty([string] $Path) {
    $text = (Get-Content -Raw $Path) -replace '\s+', ' '
    if ($text -notmatch 'summary object \(([^)]*)\)') { throw "$Path does not say which summary object it emits" }
    @($Matches[1] -split ',' | ForEach-Object Trim | Where-Object { $_ -cmatch '^[A-Z][A-Za-z]+$' })
}

# Every promised property exists on the runbook's actual result.
function Assert-PromisedProperty([string] $Path, [object] $Result) {
    $names = @($Result.PSObject.Properties.Name)
    foreach ($p in Get-PromisedProperty $Path) { $names | Should -Contain $p -Because "$(Split-Path -Leaf $Path)'s help promises $p" }
}
