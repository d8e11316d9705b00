# Dot-sourced by the runbooks (through Import-EcodMini.ps1): quiet output. One information line per step, one warning
# line per failed chain or per error, each pointing to Get-EcodJobLog; the summary object shows its counts only.

# One line per chain that did not complete: status, error class, the error's first line, and where to look.
function Write-ChainFailure {
    param([object[]] $Job)
    foreach ($j in @($Job | Where-Object { $_ -and $_.Status -ne 'completed' })) {
        $first = if ($j.Error) { ("$($j.Error)" -split '\r?\n')[0] } else { 'no error recorded' }
        $class = if ($j.ErrorClass) { " ($($j.ErrorClass))" } else { '' }
        Write-Warning "$($j.ProteinId) [$($j.BatchName)] $($j.Status)$class`: $first -- Get-EcodJobLog $($j.ProteinId)"
    }
}

# One line per error record (instead of PowerShell's multi-line error view), naming the chain when it has one.
function Write-ErrorLine {
    param([object[]] $ErrorRecord)
    foreach ($e in @($ErrorRecord | Where-Object { $_ })) {
        $target = $e.TargetObject
        $id = if ($target -and $target.PSObject.Properties['ProteinId']) { $target.ProteinId } else { $null }
        $text = ("$($e.Exception.Message)" -split '\r?\n')[0]
        $hint = if ($id) { " -- Get-EcodJobLog $id" } else { '' }
        Write-Warning "$text$hint"
    }
}

# The runbook's summary object: every property kept, the counts (-Display) shown by default.
function New-RunbookResult {
    param([Parameter(Mandatory)] [System.Collections.Specialized.OrderedDictionary] $Property, [Parameter(Mandatory)] [string[]] $Display)
    $result = [pscustomobject] $Property
    $result.PSObject.TypeNames.Insert(0, 'EcodMini.RunbookResult')
    $shown = [System.Management.Automation.PSPropertySet]::new('DefaultDisplayPropertySet', [string[]] $Display)
    $result | Add-Member -MemberType MemberSet -Name PSStandardMembers -Value ([System.Management.Automation.PSMemberInfo[]] @($shown)) -PassThru
}
