using System.Management.Automation;
using EcodMini.Core.Model;
using EcodMini.Core.Outputs;
using EcodMini.PowerShell.Infrastructure;

namespace EcodMini.PowerShell.Cmdlets;

/// <summary>Reads partition documents (v1.0 <c>partition</c> or legacy <c>domain_partition</c>) into result objects.</summary>
[Cmdlet(VerbsCommon.Get, "EcodPartition")]
[OutputType(typeof(PartitionResult))]
public sealed class GetEcodPartitionCommand : EcodCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "PSPath", "OutputPath")]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string[] Path { get; set; } = [];

    protected override void ProcessRecord()
    {
        foreach (var raw in Path)
        {
            var paths = ResolvePaths(raw);
            if (paths.Count == 0)
                WriteItemError(new FileNotFoundException($"{raw}: no partition file or folder matches", raw), "EcodPartitionNotFound", ErrorCategory.ObjectNotFound, raw);
            foreach (var path in paths) ReadPath(raw, path);
        }
    }

    private void ReadPath(string raw, string path)
    {
        CancellationToken.ThrowIfCancellationRequested();
        if (Directory.Exists(path))
        {
            foreach (var file in Directory.EnumerateFiles(path, "*.xml").Order(StringComparer.Ordinal)) ReadOne(file);
            return;
        }
        if (!File.Exists(path))
        {
            WriteItemError(new FileNotFoundException($"{path}: partition file not found", path), "EcodPartitionNotFound", ErrorCategory.ObjectNotFound, raw);
            return;
        }
        ReadOne(path);
    }

    private void ReadOne(string path)
    {
        try
        {
            WriteObject(PartitionDocumentReader.Read(path));
        }
        catch (InputFileException ex)
        {
            WriteInputError(ex, path);
        }
    }
}
