namespace EcodMini.Core.Processes;

/// <summary>
/// A program and its arguments, passed to the operating system as a list: no shell ever parses them, so a value
/// holding spaces or shell metacharacters stays one argument.
/// </summary>
public sealed record ProcessCommand(string FileName, IReadOnlyList<string> Arguments, TimeSpan Timeout)
{
    /// <summary>Variables removed from the child's environment (secrets a command has no business seeing).</summary>
    public IReadOnlyList<string> Unset { get; init; } = [];

    /// <summary>The command as a reader would type it (each argument quoted when needed); for messages and -WhatIf only.</summary>
    public string Display => string.Join(' ', new[] { FileName }.Concat(Arguments).Select(Quote));

    private static string Quote(string value) =>
        value.Length > 0 && value.All(c => char.IsLetterOrDigit(c) || "-_./=:,%@+[]".Contains(c))
            ? value
            : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
