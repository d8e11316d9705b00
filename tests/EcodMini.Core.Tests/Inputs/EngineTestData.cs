using System.Runtime.CompilerServices;

namespace EcodMini.Core.Tests.Inputs;

/// <summary>Locates tests/EcodMini.Core.Tests/TestData/Engine from the source tree (no copy to the output folder needed).</summary>
internal static class EngineTestData
{
    public static string Root { get; } = Locate();

    public static string ReferenceDir => Path.Combine(Root, "reference");
    public static string Gfp(string file) => Path.Combine(Root, "gfp_in_pbp", file);

    private static string Locate([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "TestData", "Engine"));
}

/// <summary>A temporary folder deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ecodmini-engine-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name, string content)
    {
        var p = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(p, content);
        return p;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, true); } catch (IOException) { }
    }
}
