namespace EcodMini.Core.Model;

/// <summary>One contiguous, 1-based, inclusive stretch of residues.</summary>
public readonly record struct Segment(int Start, int End) : IComparable<Segment>
{
    public int Length => End - Start + 1;

    public bool Contains(int position) => position >= Start && position <= End;

    public int CompareTo(Segment other)
    {
        var byStart = Start.CompareTo(other.Start);
        return byStart != 0 ? byStart : End.CompareTo(other.End);
    }

    public override string ToString() => Start == End ? Start.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Start}-{End}");
}
