using EcodMini.Core.WorkerModules;

namespace EcodMini.Core.Tests.WorkerModules;

public class WorkerModuleResolverTests
{
    private static readonly WorkerModule Session = new() { Version = "1.0.0", ManifestPath = "/session/EcodMini/1.0.0/EcodMini.psd1" };

    /// <summary>An installed module folder: root/EcodMini/version/{EcodMini.psd1, EcodMini.PowerShell.dll}.</summary>
    private static string Install(TempFolder temp, string root, string version, string? manifestVersion = null)
    {
        temp.File($"{root}/EcodMini/{version}/EcodMini.PowerShell.dll", "not really an assembly");
        temp.File($"{root}/EcodMini/{version}/EcodMini.psd1", $"@{{\n    RootModule = 'EcodMini.PowerShell.dll'\n    ModuleVersion        = '{manifestVersion ?? version}'\n}}\n");
        return temp.File($"{root}/EcodMini/{version}");
    }

    private static WorkerModule Resolve(string? value, TempFolder temp, params string[] roots) =>
        WorkerModuleResolver.Resolve(value, p => Path.GetFullPath(p, temp.Path), roots.Select(temp.File).ToList(), Session);

    [Fact]
    public void Unset_pins_the_submitting_sessions_module()
    {
        using var temp = new TempFolder();
        Assert.Same(Session, Resolve(null, temp));
        Assert.Same(Session, Resolve("  ", temp));
    }

    [Fact]
    public void A_path_to_the_manifest_or_its_folder_pins_that_manifest_and_reads_its_version()
    {
        using var temp = new TempFolder();
        var folder = Install(temp, "mods", "1.4.2");
        var byFile = Resolve(Path.Combine(folder, "EcodMini.psd1"), temp);
        var byFolder = Resolve("mods/EcodMini/1.4.2", temp);
        Assert.Equal(new WorkerModule { Version = "1.4.2", ManifestPath = Path.Combine(folder, "EcodMini.psd1") }, byFile);
        Assert.Equal(byFile, byFolder);
        Assert.False(byFile.ImportByName);
    }

    [Fact]
    public void A_name_with_a_version_is_found_in_the_first_module_root_that_has_it()
    {
        using var temp = new TempFolder();
        Install(temp, "a", "1.0.0");
        var second = Install(temp, "b", "2.0.0");
        var module = Resolve("EcodMini@2.0.0", temp, "a", "b");
        Assert.Equal(("2.0.0", Path.Combine(second, "EcodMini.psd1"), true), (module.Version, module.ManifestPath, module.ImportByName));
    }

    [Theory]
    [InlineData("EcodMini@3.0.0", "EcodMini 3.0.0 is not installed in any module folder")]
    [InlineData("EcodMini", "has no version")]
    [InlineData("Pester@5.7.1", "names the module 'Pester'")]
    [InlineData("missing/EcodMini.psd1", "does not exist")]
    [InlineData("a/EcodMini/1.0.0/EcodMini.PowerShell.dll", "is not an EcodMini.psd1")]
    public void A_module_that_is_not_there_is_refused_naming_the_setting_and_the_fix(string value, string reason)
    {
        using var temp = new TempFolder();
        Install(temp, "a", "1.0.0");
        var ex = Assert.Throws<WorkerModuleException>(() => Resolve(value, temp, "a"));
        Assert.Equal("slurm.worker_module", ex.Setting);
        Assert.StartsWith("slurm.worker_module: ", ex.Message);
        Assert.Contains(reason, ex.Message);
    }

    [Fact]
    public void A_version_folder_whose_manifest_says_another_version_is_refused()
    {
        using var temp = new TempFolder();
        Install(temp, "a", "1.0.0", manifestVersion: "1.1.0");
        var ex = Assert.Throws<WorkerModuleException>(() => Resolve("EcodMini@1.0.0", temp, "a"));
        Assert.Contains("says ModuleVersion 1.1.0, not 1.0.0", ex.Message);
    }

    [Fact]
    public void A_folder_without_the_cmdlet_assembly_is_not_an_EcodMini_module()
    {
        using var temp = new TempFolder();
        var manifest = temp.File("x/EcodMini.psd1", "@{\n    ModuleVersion = '1.0.0'\n}\n");
        var ex = Assert.Throws<WorkerModuleException>(() => Resolve(manifest, temp));
        Assert.Contains("has no EcodMini.PowerShell.dll", ex.Message);
    }

    [Fact]
    public void Module_roots_are_the_absolute_PSModulePath_entries_in_order()
    {
        Assert.Equal(["/a", "/b"], WorkerModuleResolver.ModuleRoots("/a:relative::/b:/a"));
        Assert.Empty(WorkerModuleResolver.ModuleRoots(null));
    }
}
