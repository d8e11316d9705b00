namespace EcodMini.Core.Tests.Synthetic;

/// <summary>A first HSP read back from generated BLAST XML.</summary>
public sealed record BlastHsp(string Pdb, string Chain, string EValue, int QueryFrom, int QueryTo, int HitFrom, int HitTo, string QuerySeq, string HitSeq, int HspCount = 1)
{
    /// <summary>Query position -> reference position wherever both aligned characters are residues.</summary>
    public Dictionary<int, int> ReferenceToQuery()
    {
        var map = new Dictionary<int, int>();
        int q = QueryFrom, h = HitFrom;
        for (var i = 0; i < QuerySeq.Length; i++)
        {
            var qr = QuerySeq[i] != '-';
            var hr = HitSeq[i] != '-';
            if (qr && hr) map[h] = q;
            if (qr) q++;
            if (hr) h++;
        }
        return map;
    }
}
