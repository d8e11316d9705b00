namespace EcodMini.Core.Model;

/// <summary>Classifies failures into <see cref="ErrorClass"/>: the one rule every part of the engine uses.</summary>
public static class ErrorClassifier
{
    /// <summary>
    /// An exception raised while running one chain: a bad or missing input, or an input the engine rejects, is
    /// permanent; anything else (I/O while writing, out of memory, an unexpected fault) is transient.
    /// </summary>
    public static ErrorClass Classify(Exception exception) => exception switch
    {
        InputFileException or FormatException or InvalidDataException or ArgumentException => ErrorClass.Permanent,
        FileNotFoundException or DirectoryNotFoundException => ErrorClass.Permanent,
        _ => ErrorClass.Transient,
    };

    /// <summary>The class stored as text in the tracker (<c>permanent</c>, <c>transient</c>).</summary>
    public static string ToText(ErrorClass errorClass) => errorClass == ErrorClass.Permanent ? "permanent" : "transient";

    /// <summary>Reads the stored text; null or unknown text is null.</summary>
    public static ErrorClass? Parse(string? text) => text switch
    {
        "permanent" => ErrorClass.Permanent,
        "transient" => ErrorClass.Transient,
        _ => null,
    };
}
