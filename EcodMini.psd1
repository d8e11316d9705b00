@{
    RootModule           = 'EcodMini.PowerShell.dll'
    # Loaded first: routes EcodMini.Core and its dependencies into a private AssemblyLoadContext.
    NestedModules        = @('EcodMini.PowerShell.Loader.dll')
    ModuleVersion        = '1.0.0'
    GUID                 = '6f0e9c51-2c4b-4a57-9d1e-3f7b3f6e2a11'
    Author               = 'ECOD team'
    CompanyName          = 'ECOD'
    Copyright            = '(c) ECOD team. All rights reserved.'
    Description          = 'pyECOD Mini production pipeline: find representative chains, partition them into domains, run at scale locally or on SLURM, track jobs in SQLite and watch them live, import results into PostgreSQL.'
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('EcodMini.format.ps1xml')
    CmdletsToExport      = @(
        'Invoke-EcodPartition'
        'Get-EcodPartition'
        'New-EcodSyntheticBatch'
        'Compare-EcodPartition'
        'Compare-EcodRun'
        'Find-EcodProtein'
        'Submit-EcodJob'
        'Get-EcodJobStatus'
        'Stop-EcodJob'
        'Restart-EcodJob'
        'Get-EcodProductionStatistic'
        'Get-EcodProductionAlert'
        'Watch-EcodProduction'
        'Export-EcodReport'
        'Get-EcodConfiguration'
        'New-EcodConfiguration'
        'Import-EcodResult'
        'Test-EcodImport'
        'Initialize-EcodDatabase'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags = @('ECOD', 'protein', 'domains', 'bioinformatics', 'SLURM', 'SQLite', 'PostgreSQL')
        }
    }
}
