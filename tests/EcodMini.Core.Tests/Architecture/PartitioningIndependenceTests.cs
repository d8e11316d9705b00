using EcodMini.Core.Algorithm;
using EcodMini.Synthetic;

namespace EcodMini.Core.Tests.Architecture;

/// <summary>
/// The partitioning code must not know the generator: no rule may key on generated ids, categories or noise settings.
/// Checked on the compiled Core assembly (every type reference, IL included) and on the source files. The generator
/// lives in its own assembly (EcodMini.Synthetic), which the engine assembly never references.
/// </summary>
public sealed class PartitioningIndependenceTests
{
    private static readonly string[] PartitioningNamespaces = ["EcodMini.Core.Algorithm", "EcodMini.Core.Inputs", "EcodMini.Core.Pipeline"];
    private static readonly string GeneratorNamespace = typeof(SyntheticBatchGenerator).Namespace!;

    private static bool InNamespace(string? ns, string root) => ns is not null && (ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal));

    [Fact]
    public void PartitioningTypesReferenceNothingInTheGeneratorNamespace()
    {
        var types = typeof(PartitionEngine).Assembly.GetTypes()
            .Where(t => PartitioningNamespaces.Any(ns => InNamespace(t.Namespace, ns)))
            .ToList();
        Assert.Contains(types, t => t == typeof(PartitionEngine));
        Assert.True(types.Count > 30, $"only {types.Count} partitioning types found: the scan would prove little");

        var violations = types
            .SelectMany(t => TypeReferenceScanner.References(t).Select(r => (Type: t, r.Where, r.Referenced)))
            .Where(r => InNamespace(r.Referenced.Namespace, GeneratorNamespace))
            .Select(r => $"{r.Type.FullName} ({r.Where}) -> {r.Referenced.FullName}")
            .Distinct()
            .ToList();
        Assert.True(violations.Count == 0, "partitioning code references the generator:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void TheEngineAssemblyNeitherReferencesNorHoldsTheGenerator()
    {
        var engine = typeof(PartitionEngine).Assembly;
        var generator = typeof(SyntheticBatchGenerator).Assembly;
        Assert.NotEqual(engine, generator);
        Assert.Equal("EcodMini.Synthetic", generator.GetName().Name);
        Assert.DoesNotContain(engine.GetReferencedAssemblies(), a => a.Name == generator.GetName().Name);
        var synthetic = engine.GetTypes().Where(t => t.Namespace?.Contains("Synthetic", StringComparison.Ordinal) == true).Select(t => t.FullName);
        Assert.Empty(synthetic);
        // The generator does use the engine (its model and formats): the reference check above can see one.
        Assert.Contains(generator.GetReferencedAssemblies(), a => a.Name == engine.GetName().Name);
    }

    [Fact]
    public void TheScannerSeesAGeneratorReferenceWhereOneExists()
    {
        // The generator itself refers to its own namespace: a scanner that missed this would pass anything.
        var found = TypeReferenceScanner.References(typeof(SyntheticBatchGenerator))
            .Any(r => r.Referenced == typeof(SyntheticBatchOptions));
        Assert.True(found);
        var inBody = TypeReferenceScanner.References(typeof(SyntheticBatchGenerator))
            .Any(r => r.Where.EndsWith(" body", StringComparison.Ordinal) && r.Referenced.FullName == "EcodMini.Synthetic.TruthWriter");
        Assert.True(inBody, "an IL-only reference (a static call in a method body) was not found");
    }

    [Fact]
    public void PartitioningSourceFilesNeverNameTheGeneratorNamespace()
    {
        var source = Path.Combine(RepositoryRoot(), "src", "EcodMini.Core");
        var offenders = new[] { "Algorithm", "Inputs", "Pipeline" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(source, folder), "*.cs", SearchOption.AllDirectories))
            .Where(file => File.ReadAllText(file).Contains(GeneratorNamespace, StringComparison.Ordinal)
                || File.ReadLines(file).Any(line => line.TrimStart().StartsWith("using", StringComparison.Ordinal) && line.Contains("Synthetic", StringComparison.Ordinal)))
            .ToList();
        Assert.True(offenders.Count == 0, "partitioning sources name the generator: " + string.Join(", ", offenders));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "EcodMini.PowerShell.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("repository root (EcodMini.PowerShell.sln) not found above " + AppContext.BaseDirectory);
    }
}
