using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Reflection;
using EcodMini.Core.Algorithm;

namespace EcodMini.PowerShell.Infrastructure;

/// <summary>
/// Tab completion for -Option: offers each algorithm setting as a ready hashtable with its default value
/// (<c>@{ MinDomainSize = 20 }</c>), filtered by what was typed (<c>Min</c> or <c>@{Min</c>). PowerShell does not
/// ask argument completers about keys inside a hashtable literal already open, so the whole hashtable is offered.
/// </summary>
public sealed class PartitionOptionCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var typed = wordToComplete.TrimStart('@', '{', ' ', '\'', '"');
        var defaults = new PartitionOptions();
        foreach (var property in typeof(PartitionOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.CanWrite && p.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                     .OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var value = Literal(property.GetValue(defaults));
            yield return new CompletionResult($"@{{ {property.Name} = {value} }}", property.Name, CompletionResultType.ParameterValue,
                $"{property.Name} ({OptionsBinder.TypeName(property.PropertyType)}, default {value})");
        }
    }

    private static string Literal(object? value) => value switch
    {
        null => "$null",
        bool b => b ? "$true" : "$false",
        string s => $"'{s.Replace("'", "''")}'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable e => "@(" + string.Join(", ", e.Cast<object>().Select(Literal)) + ")",
        _ => $"'{value}'",
    };
}
