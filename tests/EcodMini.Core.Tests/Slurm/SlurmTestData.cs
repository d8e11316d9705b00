using System.Runtime.CompilerServices;

namespace EcodMini.Core.Tests.Slurm;

/// <summary>Outputs captured from the real single-node cluster (tools/services/slurm.sh) in TestData/Slurm.</summary>
internal static class SlurmTestData
{
    public static string Root { get; } = Locate();

    public static string Read(string file) => File.ReadAllText(Path.Combine(Root, file));

    private static string Locate([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "TestData", "Slurm"));
}
