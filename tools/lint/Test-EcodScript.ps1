<#
.SYNOPSIS
    Static checks of the project's runbooks and scripts with PowerShell's own parser (no module needed).
.DESCRIPTION
    PSScriptAnalyzer is not served by the package registry this project builds from, so these checks re-implement
    the PSScriptAnalyzer rules that matter for scripts people run, under the same rule names, on the parser's AST:
      ParseError                             the file parses
      PSAvoidUsingCmdletAliases              no aliases (%, ?, select, gci, ...) where a command is called
      PSAvoidUsingInvokeExpression           no Invoke-Expression
      PSAvoidUsingEmptyCatchBlock            every catch does something (or says why in a comment)
      PSUseApprovedVerbs                     functions are named Verb-Noun with an approved verb
      PSAvoidUsingPlainTextForPassword       no [string] parameter named *Password*/*Secret*
      PSAvoidGlobalVars                      no $global: variables
      PSAvoidUsingPositionalParameters       commands of this project (Ecod noun) get named parameters
    Not checked, on purpose: PSAvoidUsingWriteHost (the runbooks, the demo and the build talk to a person on the
    console; their results go to the pipeline or to files separately).
    Writes one object per finding (Rule, Path, Line, Message); none means clean.
.EXAMPLE
    ./tools/lint/Test-EcodScript.ps1 -Path docs/runbooks, tools, bench, build.ps1
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string[]] $Path
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$approved = (Get-Verb).Verb
$aliases = @{}
Get-Alias | ForEach-Object { $aliases[$_.Name] = $_.Definition }

function New-Finding([string] $Rule, [string] $File, $Extent, [string] $Message) {
    [pscustomobject] @{ Rule = $Rule; Path = $File; Line = $Extent.StartLineNumber; Message = $Message }
}

$files = foreach ($p in $Path) {
    if (Test-Path $p -PathType Container) { Get-ChildItem $p -Recurse -Include *.ps1, *.psm1 -File } else { Get-Item $p }
}
foreach ($file in $files | Sort-Object FullName -Unique) {
    $tokens = $null; $errors = $null
    $ast = [System.Management.Automation.Language.Parser]::ParseFile($file.FullName, [ref] $tokens, [ref] $errors)
    foreach ($e in $errors) { New-Finding 'ParseError' $file.FullName $e.Extent $e.Message }

    foreach ($command in $ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.CommandAst] }, $true)) {
        $name = $command.GetCommandName()
        if (-not $name) { continue }
        if ($aliases.ContainsKey($name)) {
            New-Finding 'PSAvoidUsingCmdletAliases' $file.FullName $command.Extent "'$name' is an alias of $($aliases[$name]); write the command's name"
        }
        if ($name -in 'Invoke-Expression', 'iex') {
            New-Finding 'PSAvoidUsingInvokeExpression' $file.FullName $command.Extent 'Invoke-Expression runs text as code; call the command directly'
        }
        if ($name -match '^[A-Za-z]+-Ecod') {
            # A value right after a -Parameter belongs to it, and @splatted hashtables are named; count the rest.
            $values = 0
            for ($i = 1; $i -lt $command.CommandElements.Count; $i++) {
                $element = $command.CommandElements[$i]
                if ($element -is [System.Management.Automation.Language.CommandParameterAst]) {
                    if (-not $element.Argument -and $i + 1 -lt $command.CommandElements.Count -and
                        $command.CommandElements[$i + 1] -isnot [System.Management.Automation.Language.CommandParameterAst]) { $i++ }
                    continue
                }
                if ($element -is [System.Management.Automation.Language.VariableExpressionAst] -and $element.Splatted) { continue }
                $values++
            }
            if ($values -gt 0) {
                New-Finding 'PSAvoidUsingPositionalParameters' $file.FullName $command.Extent "$name is given $values positional value(s); name the parameters"
            }
        }
    }

    foreach ($catch in $ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.CatchClauseAst] }, $true)) {
        $body = $catch.Body
        $commented = $body.Extent.Text -match '#'
        if ($body.Statements.Count -eq 0 -and -not $commented) {
            New-Finding 'PSAvoidUsingEmptyCatchBlock' $file.FullName $catch.Extent 'an empty catch hides errors; handle the error or say in a comment why it is ignored'
        }
    }

    foreach ($function in $ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.FunctionDefinitionAst] }, $true)) {
        $verb = ($function.Name -split '-', 2)[0]
        if ($function.Name -notmatch '^[A-Za-z]+-[A-Za-z]+' -or $verb -notin $approved) {
            New-Finding 'PSUseApprovedVerbs' $file.FullName $function.Extent "function '$($function.Name)' is not Verb-Noun with an approved verb (Get-Verb)"
        }
    }

    foreach ($parameter in $ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.ParameterAst] }, $true)) {
        if ($parameter.Name.VariablePath.UserPath -match 'Password|Secret' -and $parameter.StaticType -eq [string]) {
            New-Finding 'PSAvoidUsingPlainTextForPassword' $file.FullName $parameter.Extent "parameter `$$($parameter.Name.VariablePath.UserPath) takes a password as plain text; take a SecureString or PSCredential, or the name of an environment variable"
        }
    }

    foreach ($variable in $ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.VariableExpressionAst] }, $true)) {
        if ($variable.VariablePath.IsGlobal) {
            New-Finding 'PSAvoidGlobalVars' $file.FullName $variable.Extent "`$$($variable.VariablePath.UserPath) is global; pass it as a parameter or keep it in script scope"
        }
    }
}
