namespace EcodMini.Core.Configuration;

/// <summary>Where a loaded configuration came from (the lookup order).</summary>
public enum ConfigurationSource
{
    ExplicitPath,
    EnvironmentVariable,
    WorkingDirectory,
    BuiltInDefaults,
}
