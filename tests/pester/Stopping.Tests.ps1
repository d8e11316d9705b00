BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:gen = New-TestBatchRoot -ProteinCount 3000 -Seed 31 -BatchCount 3
    $script:summaries = @(Get-ChildItem (Join-Path $gen.Root 'ecod_batch_*/domains/*.xml'))
}

Describe 'Stopping long work' {
    It 'stops cleanly when the pipeline is stopped (what Ctrl+C does): no partial files, nothing keeps running' {
        $out = Join-Path $TestDrive 'stopped'
        $ps = [powershell]::Create()
        $null = $ps.AddScript({
            param($module, $files, $ref, $out)
            Import-Module $module
            $files | Invoke-EcodPartition -ReferenceDirectory $ref -OutputDirectory $out -ThrottleLimit 1
        }).AddArgument((Get-EcodModulePath)).AddArgument($summaries).AddArgument($gen.ReferenceDirectory).AddArgument($out)
        $handle = $ps.BeginInvoke()
        $deadline = (Get-Date).AddSeconds(60)
        while ((Get-Date) -lt $deadline -and -not ((Test-Path $out) -and @(Get-ChildItem $out).Count -ge 50)) { Start-Sleep -Milliseconds 20 }
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $ps.Stop()
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 10
        $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        $written = @(Get-ChildItem $out -Force)
        $written.Count | Should -BeLessThan $summaries.Count
        $written | Where-Object Name -notlike '*.mini.domains.xml' | Should -BeNullOrEmpty
        Start-Sleep -Milliseconds 500
        @(Get-ChildItem $out -Force).Count | Should -Be $written.Count -Because 'no work may go on after the stop'
        $ps.Dispose()
    }

    It 'lets Select-Object -First end the pipeline early without hanging' {
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $first = $summaries | Invoke-EcodPartition -ReferenceDirectory $gen.ReferenceDirectory -OutputDirectory (Join-Path $TestDrive 'first') | Select-Object -First 2
        @($first).Count | Should -Be 2
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 60
    }
}
