namespace EcodMini.Core.Slurm;

/// <summary>A value meant for a job script or an sbatch argument was refused: it could change the script's meaning.</summary>
public sealed class UnsafeJobValueException(string setting, string value, string expected)
    : ArgumentException($"{setting}: '{Printable(value)}' is refused for a job script; expected {expected}")
{
    public string Setting { get; } = setting;

    private static string Printable(string value) =>
        new(value.Select(c => char.IsControl(c) ? '?' : c).Take(200).ToArray());
}
