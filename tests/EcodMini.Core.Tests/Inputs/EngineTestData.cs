using System.Runtime.CompilerServices;

namespace EcodMini.Core.Tests.Inputs;

/// <summary>Locates tests/EcodMini.Core.Tests/TestData/Engine from the source tree (no copy to the output folder needed).</summary>
internal static class EngineTestData
{
    public static string Root { get; } = Locate();

    public static string ReferenceDir => Path.Combine(Root, "reference");
    public static string Gfp(string file) => Path.Combine(Root, "gfp_in_pbp", file);
    /// <summary>Hand-written inputs in the shapes the original tools and NCBI BLAST+ write (TestData/Inputs).</summary>
    public static string Input(params string[] parts) => Path.Combine([Root, "..", "Inputs", .. parts]);

    private static string Locate([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "TestData", "Engine"));
}
