# Install like any PowerShell module: publish the packaged module to a folder repository, install it with
# Install-PSResource into an empty module path of a pwsh that cannot see the checkout, run the demo and SLURM runs
# with it, and check that a run's workers keep the version the run was submitted with.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'SlurmHelpers.ps1')
    $script:NoCluster = Get-SlurmSkip 'Installed-module SLURM tests'
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'SlurmHelpers.ps1')
    . (Join-Path $PSScriptRoot 'InstallHelpers.ps1')
    $script:Root = New-TestDirectory
    $script:Repo = Join-Path $Root 'repo'
    $script:VersionA = (Import-PowerShellDataFile (Join-Path (Get-EcodModulePath) 'EcodMini.psd1')).ModuleVersion
    $v = [version] $VersionA
    $script:VersionB = '{0}.{1}.{2}' -f $v.Major, $v.Minor, ([Math]::Max($v.Build, 0) + 1)
    $script:Publisher = New-IsolatedHome (Join-Path $Root 'publisher')
    $script:UserHome = New-IsolatedHome (Join-Path $Root 'user')
    $script:UserModules = Join-Path $UserHome '.local/share/powershell/Modules'
    $script:PublishA = Publish-TestModule -ModulePath (Get-EcodModulePath) -Repository $Repo -HomeDirectory $Publisher
    $copyB = New-VersionedModuleCopy -ModulePath (Get-EcodModulePath) -Version $VersionB -Destination (Join-Path $Root 'B')
    $script:PublishB = Publish-TestModule -ModulePath $copyB -Repository $Repo -HomeDirectory $Publisher

    # The user's commands on a head node (docs/installation.md).
    function Install-AsUser([string] $Version) {
        Invoke-IsolatedPwsh -HomeDirectory $UserHome -Script (
            "if (-not (Get-PSResourceRepository -Name EcodMini -ErrorAction SilentlyContinue)) { Register-PSResourceRepository -Name EcodMini -Uri '$Repo' -Trusted }; " +
            "`$t = Measure-Command { Install-PSResource EcodMini -Repository EcodMini -Version $Version }; 'install-seconds=' + `$t.TotalSeconds")
    }
}

AfterAll {
    if ($script:Root -and (Test-Path $script:Root)) { Remove-Item -Recurse -Force $script:Root }
}

Describe 'Publish to a folder repository and Install-PSResource' {
    It 'publishes one .nupkg per version, and refuses a version that is already there' {
        $PublishA.ExitCode | Should -Be 0 -Because $PublishA.Error
        $PublishB.ExitCode | Should -Be 0 -Because $PublishB.Error
        $packages = @(Get-ChildItem $Repo -Filter *.nupkg | Sort-Object Name)
        $packages.Name | Should -Be @("EcodMini.$VersionA.nupkg", "EcodMini.$VersionB.nupkg")
        $size = $packages[0].Length
        Write-Host ("    package: {0} ({1:N1} MB)" -f $packages[0].Name, ($size / 1MB))
        $size | Should -BeGreaterThan 1MB

        $again = Publish-TestModule -ModulePath (Get-EcodModulePath) -Repository $Repo -HomeDirectory $Publisher
        $again.ExitCode | Should -Not -Be 0
        $again.Error + $again.Output | Should -Match "EcodMini $([regex]::Escape($VersionA)) is already in repository"
    }

    It 'installs into an empty module path of a pwsh without the checkout, imports, and runs the demo pipeline' {
        $before = Invoke-IsolatedPwsh -HomeDirectory $UserHome -Script "'available=' + @(Get-Module -ListAvailable EcodMini).Count"
        $before.Output | Should -Match 'available=0'

        $install = Install-AsUser $VersionA
        $install.ExitCode | Should -Be 0 -Because $install.Error
        $seconds = [double] ([regex]::Match($install.Output, 'install-seconds=([0-9.]+)').Groups[1].Value)
        Write-Host ("    Install-PSResource EcodMini: {0:N1} s" -f $seconds)
        Test-Path (Join-Path $UserModules "EcodMini/$VersionA/Dependencies/EcodMini.Core.dll") | Should -BeTrue

        $demo = Join-Path $Root 'demo.ps1'
        Copy-Item (Join-Path $RepositoryRoot 'tools/demo.ps1') $demo
        $run = Invoke-IsolatedPwsh -HomeDirectory $UserHome -Script (
            "Import-Module EcodMini; `$m = Get-Module EcodMini; 'loaded=' + `$m.Version + ' ' + `$m.ModuleBase; " +
            "& '$demo' -ModulePath EcodMini -Path '$Root/demo' -ProteinCount 60")
        $run.ExitCode | Should -Be 0 -Because $run.Error
        $run.Output | Should -Match ("loaded=$([regex]::Escape($VersionA)) " + [regex]::Escape("$UserModules/EcodMini/$VersionA"))
        $run.Output | Should -Match 'Production statistics'
        $run.Output | Should -Match 'DomainCountAccuracy|Domain count accuracy'
        Test-Path (Join-Path $Root 'demo/accuracy.csv') | Should -BeTrue
        $RepositoryRoot | Should -Not -BeLike "$UserHome*"
    }
}

Describe 'SLURM runs with the installed module' -Skip:$NoCluster {
    BeforeAll {
        Assert-SlurmCluster
        if (-not (Test-Path (Join-Path $UserModules "EcodMini/$VersionA"))) { (Install-AsUser $VersionA).ExitCode | Should -Be 0 }
        $script:Gate = Join-Path $Root 'hold'
        # Sourced by each job script before pwsh starts: holds the job (and so its Import-Module) while the gate exists.
        $script:EnvScript = Join-Path $Root 'hold.sh'
        "while [ -e '$Gate' ]; do sleep 1; done" | Set-Content $EnvScript

        # Submits a generated batch as a 2-chunk array from the user's pwsh, importing EcodMini as given.
        function Submit-AsUser([string] $Name, [string] $Import, [string] $Config) {
            $folder = Join-Path $Root $Name
            Invoke-IsolatedPwsh -HomeDirectory $UserHome -Script (
                "$Import; `$g = New-EcodSyntheticBatch -Path '$folder/batches' -ProteinCount 20 -Seed 11 -BatchCount 1; " +
                "Find-EcodProtein -BatchRoot '$folder/batches' -RepsOnly:`$false -TrackingDatabase '$folder/tracking.db' -ConfigurationPath '$Config' | " +
                "Submit-EcodJob -Executor Slurm -ReferenceDirectory `$g.ReferenceDirectory -TrackingDatabase '$folder/tracking.db' " +
                "-WorkDirectory '$folder/work' -ChunkSize 10 -ConfigurationPath '$Config' | Out-Null; 'submitted'")
        }

        function Wait-Run([string] $Name, [string] $Config) {
            @(Get-EcodJobStatus -TrackingDatabase (Join-Path $Root "$Name/tracking.db") -Wait -PollInterval 2 -Timeout 00:08:00 -ConfigurationPath $Config)
        }

        # The worker's line in each array task's .out log: which module it loaded, which version its run pinned.
        function Get-WorkerLines([string] $Config) {
            $logs = Join-Path (Split-Path $Config) 'logs'
            @(Get-ChildItem $logs -Filter *.out | ForEach-Object { (Select-String -Path $_.FullName -Pattern 'EcodMini worker: .*' -Raw) })
        }
    }

    AfterEach { Remove-Item -Force $Gate -ErrorAction SilentlyContinue }

    It 'keeps every chunk of a run on version A while B is installed; the next run takes B' {
        $cfgA = New-SlurmConfig (Join-Path $Root 'cfgA') -EnvSetup $EnvScript
        New-Item -ItemType File -Path $Gate | Out-Null
        $submitted = Submit-AsUser 'runA' 'Import-Module EcodMini' $cfgA
        $submitted.ExitCode | Should -Be 0 -Because $submitted.Error

        $installB = Install-AsUser $VersionB
        $installB.ExitCode | Should -Be 0 -Because $installB.Error
        Test-Path (Join-Path $UserModules "EcodMini/$VersionB/EcodMini.psd1") | Should -BeTrue
        Remove-Item $Gate
        $jobsA = Wait-Run 'runA' $cfgA
        $jobsA.Status | Sort-Object -Unique | Should -Be 'completed'
        $linesA = Get-WorkerLines $cfgA
        $linesA.Count | Should -Be 2 -Because 'two chunks, two array tasks'
        $pathA = [regex]::Escape("$UserModules/EcodMini/$VersionA/EcodMini.psd1")
        $linesA | ForEach-Object { $_ | Should -Match "module $([regex]::Escape($VersionA)) from $pathA; the run pinned $([regex]::Escape($VersionA))$" }

        $cfgB = New-SlurmConfig (Join-Path $Root 'cfgB')
        $submittedB = Submit-AsUser 'runB' 'Import-Module EcodMini' $cfgB
        $submittedB.ExitCode | Should -Be 0 -Because $submittedB.Error
        (Wait-Run 'runB' $cfgB).Status | Sort-Object -Unique | Should -Be 'completed'
        $linesB = Get-WorkerLines $cfgB
        $linesB.Count | Should -Be 2
        $linesB | ForEach-Object { $_ | Should -Match "module $([regex]::Escape($VersionB)) from .*/EcodMini/$([regex]::Escape($VersionB))/EcodMini.psd1; the run pinned $([regex]::Escape($VersionB))$" }
    }

    It 'records the pinned version on every attempt of the run' {
        $events = @(Get-EcodJobStatus -TrackingDatabase (Join-Path $Root 'runA/tracking.db') -History -ProteinId '*' -ConfigurationPath (Join-Path $Root 'cfgA/production.yml'))
        $started = @($events | Where-Object { $_.Detail -like 'attempt * started*' })
        $started.Count | Should -Be 20
        $started.Detail | ForEach-Object { $_ | Should -Match "EcodMini $([regex]::Escape($VersionA))\)$" }
    }

    It 'fails every chain of a chunk loudly when its module was replaced in place by another version' {
        # A plain folder updated in place (no version folder): the case the check exists for.
        $plain = New-VersionedModuleCopy -ModulePath (Join-Path $UserModules "EcodMini/$VersionA") -Version $VersionA -Destination (Join-Path $Root 'plain')
        $cfg = New-SlurmConfig (Join-Path $Root 'cfgSwap') -EnvSetup $EnvScript
        Add-SlurmSetting $cfg 'worker_module' $plain
        New-Item -ItemType File -Path $Gate | Out-Null
        $submitted = Submit-AsUser 'runSwap' 'Import-Module EcodMini' $cfg
        $submitted.ExitCode | Should -Be 0 -Because $submitted.Error
        Set-ModuleVersion -ManifestPath (Join-Path $plain 'EcodMini.psd1') -Version '9.9.9'
        Remove-Item $Gate

        $jobs = Wait-Run 'runSwap' $cfg
        $jobs.Count | Should -Be 20
        $jobs.Status | Sort-Object -Unique | Should -Be 'failed'
        $jobs | ForEach-Object { $_.Error | Should -Match "submitted for EcodMini $([regex]::Escape($VersionA)) .* this worker loaded EcodMini 9\.9\.9" }
        @(Get-ChildItem (Join-Path $Root 'runSwap/batches') -Recurse -Filter *.xml | Where-Object { $_.Directory.Name -eq 'mini_domains' }).Count | Should -Be 0
        $errLogs = @(Get-ChildItem (Join-Path $Root 'cfgSwap/logs') -Filter *.err)
        $errLogs.Count | Should -Be 2
        foreach ($log in $errLogs) {
            $text = Get-Content -Raw $log.FullName
            $text | Should -Match 'this worker loaded EcodMini 9\.9\.9'
            $text | Should -Not -Match ([char] 27) -Because 'logs are plain text, without ANSI colour codes'
        }
    }

    It 'checks slurm.worker_module on the head node at submission: a missing version submits nothing' {
        $cfg = New-SlurmConfig (Join-Path $Root 'cfgMissing')
        Add-SlurmSetting $cfg 'worker_module' 'EcodMini@7.7.7'
        $r = Submit-AsUser 'runMissing' 'Import-Module EcodMini' $cfg
        $r.ExitCode | Should -Not -Be 0
        $r.Error | Should -Match 'slurm.worker_module: EcodMini 7\.7\.7 is not installed in any module folder'
        $r.Error | Should -Match 'Install-PSResource EcodMini -Version 7\.7\.7'
        Test-Path (Join-Path $Root 'cfgMissing/jobs') | Should -BeFalse

        $cfgNamed = New-SlurmConfig (Join-Path $Root 'cfgNamed')
        Add-SlurmSetting $cfgNamed 'worker_module' "EcodMini@$VersionA"
        $preview = Invoke-IsolatedPwsh -HomeDirectory $UserHome -Script (
            "Import-Module EcodMini -RequiredVersion $VersionB; `$g = New-EcodSyntheticBatch -Path '$Root/named/batches' -ProteinCount 5 -Seed 2 -BatchCount 1; " +
            "Find-EcodProtein -BatchRoot '$Root/named/batches' -RepsOnly:`$false -TrackingDatabase '$Root/named/t.db' -ConfigurationPath '$cfgNamed' | " +
            "Submit-EcodJob -Executor Slurm -ReferenceDirectory `$g.ReferenceDirectory -TrackingDatabase '$Root/named/t.db' -WorkDirectory '$Root/named/work' -ConfigurationPath '$cfgNamed' -WhatIf")
        $preview.ExitCode | Should -Be 0 -Because $preview.Error
        $preview.Output | Should -Match "Import-Module -Name EcodMini -RequiredVersion $([regex]::Escape($VersionA)) -ErrorAction Stop"
    }
}
