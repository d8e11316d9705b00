using System.Management.Automation;
using EcodMini.Core.Database;
using EcodMini.Core.Model;
using EcodMini.Core.Outputs;
using EcodMini.Core.RunComparison;

namespace EcodMini.PowerShell.Cmdlets;

public sealed partial class ImportEcodResultCommand
{
    /// <summary>
    /// -WhatIf: what the import would change for curators, chain by chain against the rows of the same process version
    /// (Compare-EcodRun's rules), shown as one summary line; unreadable files are left to the dry run to report.
    /// </summary>
    private void ShowComparison(PostgresConnector connector, string processVersion)
    {
        var thresholds = Settings.Quality.ToThresholds();
        var after = new List<ChainSnapshot>();
        foreach (var candidate in _candidates)
        {
            try
            {
                var result = candidate.Result ?? (candidate.Path is { } path ? PartitionDocumentReader.Read(path) : null);
                if (result is not null) after.Add(ChainSnapshot.FromResult(result, candidate.BatchName, thresholds));
            }
            catch (InputFileException) { }
        }
        var ids = after.Select(c => c.ProteinId).ToHashSet(StringComparer.Ordinal);
        var held = RunDatabase(() => ProcessVersionReader.ReadAsync(connector, processVersion, thresholds, CancellationToken).GetAwaiter().GetResult());
        var (_, summary) = RunComparer.Compare(held.Where(c => ids.Contains(c.ProteinId)).ToList(), after,
            $"{connector.Target} ({processVersion})", "this import");
        WriteInformation(new HostInformationMessage { Message = $"What the import changes: {summary.Describe()}" }, ["PSHOST"]);
    }
}
