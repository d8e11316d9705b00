using System.Collections;
using System.Management.Automation;
using EcodMini.Synthetic;
using EcodMini.PowerShell.Infrastructure;

namespace EcodMini.PowerShell.Cmdlets;

/// <summary>Generates realistic batch folders with known right answers (reference library, summaries, BLAST XML, truth).</summary>
[Cmdlet(VerbsCommon.New, "EcodSyntheticBatch", SupportsShouldProcess = true)]
[OutputType(typeof(SyntheticBatchInfo))]
public sealed class NewEcodSyntheticBatchCommand : EcodCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1)]
    [ValidateRange(1, 2_000_000)]
    public int ProteinCount { get; set; }

    [Parameter]
    public ulong Seed { get; set; } = 1;

    [Parameter]
    [ValidateRange(1, 999)]
    public int BatchCount { get; set; } = 1;

    [Parameter]
    public SummaryFormat Format { get; set; } = SummaryFormat.Legacy;

    [Parameter]
    [ValidateRange(0.0, 1.0)]
    public double RepresentativeFraction { get; set; } = 0.9;

    [Parameter]
    public SyntheticDifficulty Difficulty { get; set; } = SyntheticDifficulty.Easy;

    [Parameter]
    public Hashtable? Noise { get; set; }

    protected override void EndProcessing()
    {
        var noise = BindNoise();
        var root = ResolvePath(Path);
        if (!ShouldProcess(root, $"Generate {ProteinCount} chains in {BatchCount} batch folder(s)")) return;
        var options = new SyntheticBatchOptions
        {
            ProteinCount = ProteinCount,
            Seed = Seed,
            BatchCount = BatchCount,
            Format = Format,
            RepresentativeFraction = RepresentativeFraction,
            Noise = noise,
        };
        WriteVerbose($"Generating {ProteinCount} chains, seed {Seed}, {BatchCount} batch(es), {Format} summaries, {Difficulty} noise into {root}");
        var reporter = new ProgressReporter(1, "Generating synthetic batches", ProteinCount);
        var written = 0;
        SyntheticBatchInfo? info = null;
        using var pump = new PipelinePump();
        try
        {
            RunStoppable(() => pump.Run(
                token => Task.Run(() => info = SyntheticBatchGenerator.Generate(root, options, new Counter(n => Volatile.Write(ref written, n)), token), token),
                CancellationToken,
                TimeSpan.FromMilliseconds(250),
                () => WriteProgress(reporter.Build(Volatile.Read(ref written), 0))));
        }
        catch (IOException ex)
        {
            Fail(ex, "EcodSyntheticBatchFailed", ErrorCategory.WriteError, root);
            return;
        }
        WriteProgress(reporter.Completed());
        if (info is not null) WriteObject(info);
    }

    /// <summary>The -Difficulty preset with any -Noise settings applied on top, validated; a bad name or value stops the cmdlet.</summary>
    private SyntheticNoise BindNoise()
    {
        var preset = SyntheticNoise.For(Difficulty);
        SyntheticNoise noise;
        try { noise = OptionsBinder.Apply(preset, Noise, n => n with { }).Validate(); }
        catch (ArgumentException ex)
        {
            Fail(ex, "EcodInvalidNoiseSetting", ErrorCategory.InvalidArgument, Noise);
            throw; // unreachable: Fail throws
        }
        foreach (var change in OptionsBinder.Differences(preset, noise))
            WriteVerbose($"Noise setting changed from the {Difficulty} preset: {change}");
        return noise;
    }

    private sealed class Counter(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
