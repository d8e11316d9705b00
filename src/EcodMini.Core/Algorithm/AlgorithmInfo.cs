namespace EcodMini.Core.Algorithm;

/// <summary>Name and version written into partition documents.</summary>
public static class AlgorithmInfo
{
    public const string Name = "ecod-mini";
    public const string Version = "1.0.0";
}
