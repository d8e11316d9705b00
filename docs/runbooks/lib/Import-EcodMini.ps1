# Dot-sourced by the runbooks: makes EcodMini available, preferring the installed module (./build.sh Install) and
# falling back to the module this checkout packaged (./build.sh Package, Test or Demo write out/EcodMini).
if (-not (Get-Module EcodMini)) {
    $packaged = Join-Path $PSScriptRoot '../../../out/EcodMini/EcodMini.psd1'
    if (Get-Module -ListAvailable -Name EcodMini) { Import-Module EcodMini }
    elseif (Test-Path -LiteralPath $packaged) { Import-Module $packaged }
    else { throw 'EcodMini is not installed: run ./build.sh Install in the checkout (see docs/getting-started.md)' }
}
. (Join-Path $PSScriptRoot 'RunbookOutput.ps1')
