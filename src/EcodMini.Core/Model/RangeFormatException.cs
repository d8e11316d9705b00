namespace EcodMini.Core.Model;

/// <summary>Raised when range text such as <c>10-50,60-110</c> is malformed.</summary>
public sealed class RangeFormatException(string text, string reason)
    : FormatException($"Invalid residue range '{text}': {reason}")
{
    public string Text { get; } = text;
    public string Reason { get; } = reason;
}
