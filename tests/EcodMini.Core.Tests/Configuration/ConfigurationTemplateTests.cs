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

    [Fact]
    public void EveryAcceptedKeyIsDocumentedInItsSectionWithAComment()
    {
        var documented = new Dictionary<string, string>();
        string? section = null;
        (string Name, int Column)? sub = null;
        foreach (var line in ConfigurationTemplate.Text.Split('\n'))
        {
            var top = System.Text.RegularExpressions.Regex.Match(line, @"^([a-z_]+):");
            if (top.Success) { (section, sub) = (top.Groups[1].Value, null); continue; }
            var key = System.Text.RegularExpressions.Regex.Match(line, @"^\s+#?\s*([a-z_]+):\s*(.*)$");
            if (!key.Success || section is null) continue;
            var column = key.Groups[1].Index;
            if (sub is { } open && column <= open.Column) sub = null;
            // A key with no value, only a comment, opens a nested mapping (notify.email); deeper keys belong to it.
            if (key.Groups[2].Value.StartsWith('#') && sub is null && section == "notify") { sub = (key.Groups[1].Value, column); continue; }
            var name = sub is { } s ? $"{section}.{s.Name}.{key.Groups[1].Value}" : $"{section}.{key.Groups[1].Value}";
            documented.TryAdd(name, key.Groups[2].Value);
        }
        var accepted = ConfigurationParser.AcceptedKeys();
        Assert.Equal(64, accepted.Count);
        foreach (var name in accepted)
        {
            Assert.True(documented.TryGetValue(name, out var rest), $"{name} is not in the template");
            Assert.Matches(@"#\s*\S.{10,}", rest!);
        }
        Assert.Empty(documented.Keys.Except(accepted));
    }

    [Fact]
    public void AcceptedKeysCoverEverySection()
    {
        var sections = ConfigurationParser.AcceptedKeys().Select(k => k.Split('.')[0]).Distinct().Order();
        Assert.Equal(["database", "execution", "monitoring", "notify", "paths", "processing", "quality", "slurm"], sections);
    }
}
