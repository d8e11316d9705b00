namespace EcodMini.Synthetic;

/// <summary>Preset evidence noise of a generated batch (see <see cref="SyntheticNoise.For"/>).</summary>
public enum SyntheticDifficulty
{
    /// <summary>Mild noise: hit ends within +/-3 residues, decoys just past one threshold, every true domain strongly supported.</summary>
    Easy,

    /// <summary>Noise like real data: ends off by up to 18 residues, partial hits, split hosts, weak remote homologs, competing decoys.</summary>
    Hard,

    /// <summary>Hard plus HHsearch output as against ECOD profiles: profile-quality-driven remote homologs, correlated sibling hits, low-probability hits listed.</summary>
    Realistic,
}
