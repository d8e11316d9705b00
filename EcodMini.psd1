@{
    RootModule           = 'EcodMini.PowerShell.dll'
    # Loaded first: routes EcodMini.Core and its dependencies into a private AssemblyLoadContext.
    NestedModules        = @('EcodMini.PowerShell.Loader.dll')
    # The one place the version is set: the build stamps every assembly with it, Publish packs it, workers check it.
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
        'Get-EcodJobLog'
        'Stop-EcodJob'
        'Restart-EcodJob'
        'Test-EcodCluster'
        'Get-EcodProductionStatistic'
        'Get-EcodProductionAlert'
        'Watch-EcodProduction'
        'Export-EcodReport'
        'Send-EcodNotification'
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
            Tags         = @('ECOD', 'protein', 'domains', 'bioinformatics', 'SLURM', 'SQLite', 'PostgreSQL', 'Linux')
            ReleaseNotes = 'First packaged release: installs with Install-PSResource from a folder repository; SLURM workers import exactly the version a run was submitted with and refuse any other.'
        }
    }
}
