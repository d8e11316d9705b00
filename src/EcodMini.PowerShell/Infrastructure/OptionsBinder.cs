using System.Collections;
using System.Management.Automation;
using System.Reflection;

namespace EcodMini.PowerShell.Infrastructure;

/// <summary>Applies a hashtable of settings (e.g. <c>@{ MinDomainSize = 30 }</c>) onto an immutable options record.</summary>
internal static class OptionsBinder
{
    public static T Apply<T>(T defaults, IDictionary? settings, Func<T, T> clone) where T : class
    {
        if (settings is null || settings.Count == 0) return defaults;
        var copy = clone(defaults);
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in settings)
        {
            var key = entry.Key?.ToString() ?? "";
            if (!properties.TryGetValue(key, out var property))
            {
                throw new ArgumentException(
                    $"Unknown {typeof(T).Name} setting '{key}'. Valid settings: {string.Join(", ", properties.Keys.Order(StringComparer.Ordinal))}.");
            }
            object? value;
            try { value = Convert(entry.Value, property.PropertyType); }
            catch (PSInvalidCastException ex)
            {
                throw new ArgumentException($"Setting '{property.Name}' expects {TypeName(property.PropertyType)}: {ex.Message}", ex);
            }
            property.SetValue(copy, value);
        }
        return copy;
    }

    /// <summary>
    /// PowerShell's conversion, except that text never becomes a Boolean by being non-empty: 'false' is false, 'true' is
    /// true, anything else is refused (PowerShell alone would turn 'false' into $true).
    /// </summary>
    private static object? Convert(object? raw, Type type)
    {
        var value = raw is PSObject wrapped ? wrapped.BaseObject : raw;
        if ((Nullable.GetUnderlyingType(type) ?? type) == typeof(bool) && value is string text)
            return bool.TryParse(text.Trim().TrimStart('$'), out var flag) ? flag
                : throw new PSInvalidCastException($"'{text}' is not true or false");
        return LanguagePrimitives.ConvertTo(value, type, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A setting's type as a user reads it: <c>Boolean or $null</c> for a nullable one.</summary>
    public static string TypeName(Type type) => Nullable.GetUnderlyingType(type) is { } inner ? inner.Name + " or $null" : type.Name;

    /// <summary>Names and values of settings that differ between two option records (for -Verbose).</summary>
    public static IEnumerable<string> Differences<T>(T defaults, T actual) where T : class
    {
        foreach (var p in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead))
        {
            var a = p.GetValue(defaults);
            var b = p.GetValue(actual);
            var same = a is IEnumerable ea && b is IEnumerable eb && a is not string
                ? ea.Cast<object>().SequenceEqual(eb.Cast<object>())
                : Equals(a, b);
            if (!same) yield return $"{p.Name}={FormatValue(b)}";
        }
    }

    private static string FormatValue(object? value) => value switch
    {
        null => "null",
        string s => s,
        IEnumerable e => "[" + string.Join(",", e.Cast<object>()) + "]",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
