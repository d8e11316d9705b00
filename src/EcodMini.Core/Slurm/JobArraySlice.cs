namespace EcodMini.Core.Slurm;

/// <summary>One job array of a split submission: chunks <c>Offset .. Offset+Count-1</c> run as array indices <c>0 .. Count-1</c>.</summary>
public sealed record JobArraySlice(int Number, int Offset, int Count);
