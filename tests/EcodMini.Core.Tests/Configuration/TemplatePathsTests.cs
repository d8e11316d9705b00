using EcodMini.Core.Configuration;

namespace EcodMini.Core.Tests.Configuration;

/// <summary>Issue 19, item 2: the template's paths work from any current folder; each path shows how it resolves.</summary>
public class TemplatePathsTests
{
    [Theory]
    [InlineData("proj", "proj", ".")]
    [InlineData("proj/config", "proj", "..")]
    [InlineData("proj/a/b", "proj", "../..")]
    public void TheTemplateNamesTheProjectFolderFromTheFilesFolder(string fileFolder, string project, string expected)
    {
        using var temp = new TempFolder();
        Assert.Equal(expected, ConfigurationTemplate.RootFrom(temp.File(fileFolder), temp.File(project)));
    }

    [Fact]
    public void AFileOutsideTheProjectNamesItByItsAbsolutePath()
    {
        using var temp = new TempFolder();
        Assert.Equal(temp.File("proj"), ConfigurationTemplate.RootFrom(temp.File("etc/ecod"), temp.File("proj")));
    }

    [Fact]
    public void ATemplateInConfigResolvesToTheFoldersBesideConfigFromAnyCurrentFolder()
    {
        using var temp = new TempFolder();
        var project = temp.File("proj");
        var file = Path.Combine(project, "config", "production.yml");
        ConfigurationTemplate.Write(file, force: false, ConfigurationTemplate.RootFrom(Path.GetDirectoryName(file)!, project));
        Directory.CreateDirectory(Path.Combine(project, "batches", "reference"));
        Assert.Contains("batch_base_dir: ../batches ", File.ReadAllText(file));

        var elsewhere = temp.File("elsewhere");
        Directory.CreateDirectory(elsewhere);
        var loaded = ConfigurationLoader.Load(file, elsewhere);
        var paths = loaded.Paths.ToDictionary(p => p.Key);
        Assert.Equal(["paths.batch_base_dir", "paths.tracking_db", "paths.log_dir", "paths.work_dir", "paths.reference_dir"], loaded.Paths.Select(p => p.Key));
        Assert.Equal(("../batches", Path.Combine(project, "batches"), true),
            (paths["paths.batch_base_dir"].Written, paths["paths.batch_base_dir"].Resolved, paths["paths.batch_base_dir"].Exists));
        Assert.Equal((Path.Combine(project, "batches", "reference"), true), (paths["paths.reference_dir"].Resolved, paths["paths.reference_dir"].Exists));
        Assert.Equal((Path.Combine(project, "ecod-mini", "tracking.db"), false), (paths["paths.tracking_db"].Resolved, paths["paths.tracking_db"].Exists));
    }
}
