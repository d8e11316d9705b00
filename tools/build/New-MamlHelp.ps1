<#
.SYNOPSIS
    Compiles the cmdlet help kept as markdown (docs/cmdlets/<Cmdlet>.md) into MAML for Get-Help.
.DESCRIPTION
    Parameter names, types, positions, pipeline input and parameter sets come from the packaged module itself
    (imported in a child pwsh so the build never holds the dll); descriptions, examples, inputs, outputs and
    notes come from the markdown. Fails when an exported cmdlet has no markdown, or when a parameter has no
    description, so help can never silently fall behind the code.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $MarkdownPath,
    [Parameter(Mandatory)] [string] $OutputPath,
    [switch] $InProcess
)
$ErrorActionPreference = 'Stop'

if (-not $InProcess) {
    & dotnet pwsh -NoProfile -NonInteractive -File $PSCommandPath -ModulePath $ModulePath -MarkdownPath $MarkdownPath -OutputPath $OutputPath -InProcess | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "help generation failed (exit $LASTEXITCODE)" }
    return
}

function Read-HelpMarkdown([string] $Path) {
    $doc = @{ Sections = [ordered] @{}; Subsections = @{} }
    $section = $null; $sub = $null
    foreach ($line in (Get-Content $Path)) {
        if ($line -match '^## (.+)$') { $section = $Matches[1].Trim().ToUpperInvariant(); $sub = $null; $doc.Sections[$section] = [System.Collections.Generic.List[string]]::new(); $doc.Subsections[$section] = [ordered] @{}; continue }
        if ($line -match '^### (.+)$' -and $section) { $sub = $Matches[1].Trim(); $doc.Subsections[$section][$sub] = [System.Collections.Generic.List[string]]::new(); continue }
        if ($line -match '^# ') { continue }
        if ($section) {
            if ($sub) { $doc.Subsections[$section][$sub].Add($line) } else { $doc.Sections[$section].Add($line) }
        }
    }
    return $doc
}

# A markdown table as aligned plain-text rows (the |---| rule dropped), so Get-Help shows columns, not one long line.
function Format-TextTable([string[]] $Rows) {
    $cells = @($Rows | Where-Object { $_ -notmatch '^\s*\|[\s:|-]+\|\s*$' } | ForEach-Object {
        , @($_.Trim().Trim('|').Split('|') | ForEach-Object { $_.Trim() -replace '`', '' })
    })
    $widths = @(0..($cells[0].Count - 1) | ForEach-Object { $c = $_; ($cells | ForEach-Object { if ($c -lt $_.Count) { $_[$c].Length } else { 0 } } | Measure-Object -Maximum).Maximum })
    $lines = foreach ($row in $cells) {
        (@(0..($row.Count - 1) | ForEach-Object { if ($_ -lt $row.Count - 1) { $row[$_].PadRight($widths[$_]) } else { $row[$_] } }) -join '  ').TrimEnd()
    }
    $lines -join "`n"
}

# Paragraphs: prose lines are joined; a table keeps its rows (aligned) and a list its items, one per line.
function Split-Paragraphs([System.Collections.Generic.IEnumerable[string]] $Lines) {
    $text = ($Lines -join "`n").Trim()
    if (-not $text) { return @() }
    return @($text -split "`n\s*`n" | ForEach-Object {
        $rows = @($_ -split "`n")
        if ($rows[0].TrimStart().StartsWith('|')) { Format-TextTable $rows }
        elseif ($rows[0] -match '^\s*- ') { (($_ -replace "`n\s+(?!- )", ' ') -split "`n" | ForEach-Object { $_.Trim() }) -join "`n" }
        else { ($_ -replace "\s*`n\s*", ' ').Trim() }
    } | Where-Object { $_ })
}

# The default a parameter's description states ("Default: `x` of the configuration." / "Default 15."), else the
# value a new cmdlet object holds, else False for a switch; "None" only when there is none.
function Get-DefaultValue($Parameter, $Description, $Instance) {
    $text = ($Description -join ' ')
    if ($text -cmatch '\bDefault(?: value)?:?\s+(.+?)(?:\.(?:\s|$)|$)') { return ($Matches[1] -replace '`', '').Trim() }
    $property = if ($Instance) { $Instance.GetType().GetProperty($Parameter.Name) }
    if ($property) {
        $value = $property.GetValue($Instance)
        if ($value -is [System.Management.Automation.SwitchParameter]) { return $value.IsPresent.ToString() }
        if ($null -ne $value -and "$value" -ne '') { return "$value" }
    }
    if ($Parameter.ParameterType -eq [System.Management.Automation.SwitchParameter]) { return 'False' }
    'None'
}

function Split-Example([System.Collections.Generic.List[string]] $Lines) {
    $code = [System.Collections.Generic.List[string]]::new(); $remarks = [System.Collections.Generic.List[string]]::new()
    $inCode = $false
    foreach ($l in $Lines) {
        if ($l -match '^```') { $inCode = -not $inCode; continue }
        if ($inCode) { $code.Add($l) } else { $remarks.Add($l) }
    }
    return @{ Code = ($code -join "`n"); Remarks = $remarks }
}

$maml = 'http://schemas.microsoft.com/maml/2004/10'
$cmdNs = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$dev = 'http://schemas.microsoft.com/maml/dev/2004/10'
$settings = [System.Xml.XmlWriterSettings]::new(); $settings.Indent = $true; $settings.Encoding = [System.Text.UTF8Encoding]::new($false)
$tmp = "$OutputPath.tmp"
$w = [System.Xml.XmlWriter]::Create($tmp, $settings)

function Write-Paras($Paragraphs) {
    $w.WriteStartElement('maml', 'description', $maml)
    foreach ($p in $Paragraphs) { $w.WriteElementString('maml', 'para', $maml, $p) }
    $w.WriteEndElement()
}

$common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
# SYNTAX shows -WhatIf and -Confirm (Get-Help only adds the other common parameters as [<CommonParameters>]).
$syntaxHidden = [System.Management.Automation.Cmdlet]::CommonParameters
Import-Module $ModulePath -Force
$problems = [System.Collections.Generic.List[string]]::new()

$w.WriteStartDocument()
$w.WriteStartElement('helpItems', 'http://msh'); $w.WriteAttributeString('schema', 'maml')
foreach ($cmd in (Get-Command -Module EcodMini -CommandType Cmdlet | Sort-Object Name)) {
    $md = Join-Path $MarkdownPath "$($cmd.Name).md"
    if (-not (Test-Path $md)) { $problems.Add("$($cmd.Name): no help markdown at $md"); continue }
    $doc = Read-HelpMarkdown $md
    $paramDocs = $doc.Subsections['PARAMETERS']
    $instance = try { [Activator]::CreateInstance($cmd.ImplementingType) } catch { $null }
    $params = @($cmd.Parameters.Values | Where-Object { $_.Name -notin $common })
    foreach ($p in $params) { if (-not $paramDocs -or -not $paramDocs.Contains("-$($p.Name)")) { $problems.Add("$($cmd.Name): parameter -$($p.Name) has no description") } }
    if (-not $doc.Sections.Contains('SYNOPSIS')) { $problems.Add("$($cmd.Name): no SYNOPSIS") }
    if (-not $doc.Subsections['EXAMPLES'] -or $doc.Subsections['EXAMPLES'].Count -eq 0) { $problems.Add("$($cmd.Name): no EXAMPLES") }

    $w.WriteStartElement('command', 'command', $cmdNs)
    $w.WriteAttributeString('xmlns', 'maml', $null, $maml); $w.WriteAttributeString('xmlns', 'dev', $null, $dev)
    $w.WriteStartElement('command', 'details', $cmdNs)
    $w.WriteElementString('command', 'name', $cmdNs, $cmd.Name)
    Write-Paras (Split-Paragraphs $doc.Sections['SYNOPSIS'])
    $w.WriteElementString('command', 'verb', $cmdNs, $cmd.Verb)
    $w.WriteElementString('command', 'noun', $cmdNs, $cmd.Noun)
    $w.WriteEndElement()
    Write-Paras (Split-Paragraphs $doc.Sections['DESCRIPTION'])

    $describe = {
        param($p, $setMeta)
        $w.WriteStartElement('command', 'parameter', $cmdNs)
        $pipeline = @(); if ($setMeta.ValueFromPipeline) { $pipeline += 'ByValue' }; if ($setMeta.ValueFromPipelineByPropertyName) { $pipeline += 'ByPropertyName' }
        $w.WriteAttributeString('required', $setMeta.IsMandatory.ToString().ToLowerInvariant())
        $w.WriteAttributeString('variableLength', $p.ParameterType.IsArray.ToString().ToLowerInvariant())
        $wildcards = [bool] ($p.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
        $w.WriteAttributeString('globbing', $wildcards.ToString().ToLowerInvariant())
        $w.WriteAttributeString('pipelineInput', $(if ($pipeline) { "True ($($pipeline -join ', '))" } else { 'False' }))
        $w.WriteAttributeString('position', $(if ($setMeta.Position -ge 0) { "$($setMeta.Position)" } else { 'named' }))
        $w.WriteAttributeString('aliases', $(if ($p.Aliases.Count) { $p.Aliases -join ', ' } else { 'none' }))
        $w.WriteElementString('maml', 'name', $maml, $p.Name)
        Write-Paras (Split-Paragraphs $paramDocs["-$($p.Name)"])
        # A switch takes no value (Get-Help shows [-Name]); Nullable<T> reads as T, as users type it.
        $valueType = [Nullable]::GetUnderlyingType($p.ParameterType) ?? $p.ParameterType
        if ($p.ParameterType -ne [System.Management.Automation.SwitchParameter]) {
            $w.WriteStartElement('command', 'parameterValue', $cmdNs); $w.WriteAttributeString('required', 'true'); $w.WriteString($valueType.Name); $w.WriteEndElement()
        }
        $w.WriteStartElement('dev', 'type', $dev); $w.WriteElementString('maml', 'name', $maml, $valueType.FullName); $w.WriteEndElement()
        $w.WriteElementString('dev', 'defaultValue', $dev, (Get-DefaultValue $p $paramDocs["-$($p.Name)"] $instance))
        $w.WriteEndElement()
    }

    $w.WriteStartElement('command', 'syntax', $cmdNs)
    foreach ($set in $cmd.ParameterSets) {
        $w.WriteStartElement('command', 'syntaxItem', $cmdNs)
        $w.WriteElementString('maml', 'name', $maml, $cmd.Name)
        foreach ($sp in $set.Parameters | Where-Object { $_.Name -notin $syntaxHidden }) { & $describe $cmd.Parameters[$sp.Name] $sp }
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'parameters', $cmdNs)
    $shouldProcess = @($cmd.Parameters.Values | Where-Object { $_.Name -in 'WhatIf', 'Confirm' -and $paramDocs -and $paramDocs.Contains("-$($_.Name)") })
    foreach ($p in $params + $shouldProcess) {
        $meta = $p.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] } | Select-Object -First 1
        $setMeta = [pscustomobject] @{ IsMandatory = [bool] $meta.Mandatory; Position = $meta.Position; ValueFromPipeline = $meta.ValueFromPipeline; ValueFromPipelineByPropertyName = $meta.ValueFromPipelineByPropertyName }
        & $describe $p $setMeta
    }
    $w.WriteEndElement()

    foreach ($kind in @(@('INPUTS', 'inputTypes', 'inputType'), @('OUTPUTS', 'returnValues', 'returnValue'))) {
        $items = $doc.Subsections[$kind[0]]
        if (-not $items) { continue }
        $w.WriteStartElement('command', $kind[1], $cmdNs)
        foreach ($name in $items.Keys) {
            $w.WriteStartElement('command', $kind[2], $cmdNs)
            $w.WriteStartElement('dev', 'type', $dev); $w.WriteElementString('maml', 'name', $maml, $name); $w.WriteEndElement()
            Write-Paras (Split-Paragraphs $items[$name])
            $w.WriteEndElement()
        }
        $w.WriteEndElement()
    }
    if ($doc.Sections.Contains('NOTES')) {
        $w.WriteStartElement('maml', 'alertSet', $maml); $w.WriteStartElement('maml', 'alert', $maml)
        foreach ($p in Split-Paragraphs $doc.Sections['NOTES']) { $w.WriteElementString('maml', 'para', $maml, $p) }
        $w.WriteEndElement(); $w.WriteEndElement()
    }
    $w.WriteStartElement('command', 'examples', $cmdNs)
    foreach ($title in $doc.Subsections['EXAMPLES'].Keys) {
        $ex = Split-Example $doc.Subsections['EXAMPLES'][$title]
        $w.WriteStartElement('command', 'example', $cmdNs)
        $w.WriteElementString('maml', 'title', $maml, "-------------------------- $title --------------------------")
        $w.WriteElementString('dev', 'code', $dev, $ex.Code)
        $w.WriteStartElement('dev', 'remarks', $dev)
        foreach ($p in Split-Paragraphs $ex.Remarks) { $w.WriteElementString('maml', 'para', $maml, $p) }
        $w.WriteEndElement(); $w.WriteEndElement()
    }
    $w.WriteEndElement()
    $w.WriteStartElement('command', 'relatedLinks', $cmdNs)
    foreach ($link in (Split-Paragraphs $doc.Sections['RELATED LINKS'])) {
        foreach ($name in ($link -split '\s+' | Where-Object { $_ })) {
            $w.WriteStartElement('maml', 'navigationLink', $maml); $w.WriteElementString('maml', 'linkText', $maml, $name); $w.WriteElementString('maml', 'uri', $maml, ''); $w.WriteEndElement()
        }
    }
    $w.WriteEndElement()
    $w.WriteEndElement()
}
$w.WriteEndElement(); $w.WriteEndDocument(); $w.Dispose()
if ($problems.Count) { Remove-Item $tmp; $problems | ForEach-Object { Write-Host "help: $_" -ForegroundColor Red }; exit 1 }
Move-Item -Force $tmp $OutputPath
Write-Host "Help written: $OutputPath"
