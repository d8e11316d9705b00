namespace EcodMini.Synthetic;

/// <summary>A gapped pairwise alignment (one HSP): aligned strings of equal length, '-' = gap.</summary>
internal sealed record ChainAlignment(int QueryFrom, int QueryTo, int HitFrom, int HitTo, string QuerySeq, string HitSeq, int HitLength)
{
    public int AlignLength => QuerySeq.Length;

    public int Identities
    {
        get
        {
            var n = 0;
            for (var i = 0; i < QuerySeq.Length; i++)
                if (QuerySeq[i] != '-' && QuerySeq[i] == HitSeq[i]) n++;
            return n;
        }
    }

    public int Gaps => QuerySeq.Count(c => c == '-') + HitSeq.Count(c => c == '-');

    public string Midline
    {
        get
        {
            var chars = new char[QuerySeq.Length];
            for (var i = 0; i < chars.Length; i++)
                chars[i] = QuerySeq[i] != '-' && QuerySeq[i] == HitSeq[i] ? QuerySeq[i] : ' ';
            return new string(chars);
        }
    }
}
