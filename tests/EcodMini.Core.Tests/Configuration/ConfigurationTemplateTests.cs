using EcodMini.Core.Configuration;
using EcodMini.Core.Tests.Tracking;

namespace EcodMini.Core.Tests.Configuration;

public class ConfigurationTemplateTests
{
    [Fact]
    public void TemplateReadsBackAsTheDefaults()
    {
        using var temp = new TempFolder();
        var path = temp.File(Path.Combine("config", "production.yml"));
        ConfigurationTemplate.Write(path);
        Assert.Contains("# ", File.ReadAllText(path));
        Assert.Equal(EcodConfiguration.Default, ConfigurationParser.Parse(File.ReadAllText(path)));
    }

    [Fact]
    public void TemplateRefusesToOverwriteUnlessForced()
    {
        using var temp = new TempFolder();
        var path = temp.File("production.yml");
        File.WriteAllText(path, "mine");
        Assert.Throws<IOException>(() => ConfigurationTemplate.Write(path));
        Assert.Equal("mine", File.ReadAllText(path));
        ConfigurationTemplate.Write(path, force: true);
        Assert.StartsWith("# EcodMini", File.ReadAllText(path));
    }
}
