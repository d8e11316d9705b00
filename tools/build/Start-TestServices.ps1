<#
.SYNOPSIS
    Starts the services the test suite needs (none yet for the local pipeline; PostgreSQL and SLURM join here
    when the import and cluster features land).
#>
[CmdletBinding()]
param()
Write-Verbose 'No external services are required by the current suite.'
