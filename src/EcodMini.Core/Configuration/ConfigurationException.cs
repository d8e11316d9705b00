namespace EcodMini.Core.Configuration;

/// <summary>A configuration file that cannot be used; each error names its key (<c>section.key: ...</c>).</summary>
public sealed class ConfigurationException(string? source, IReadOnlyList<string> errors)
    : Exception($"Invalid configuration{(source is null ? "" : $" in {source}")}: {string.Join("; ", errors)}")
{
    public string? ConfigurationPath { get; } = source;
    public IReadOnlyList<string> Errors { get; } = errors;
}
