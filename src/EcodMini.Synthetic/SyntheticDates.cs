using System.Globalization;

namespace EcodMini.Synthetic;

/// <summary>Dates and batch folder names derived from the seed (never from the clock).</summary>
internal static class SyntheticDates
{
    public static DateOnly BaseDate(ulong seed) =>
        new DateOnly(2023, 1, 1).AddDays((int)(SyntheticRandom.Mix(seed ^ 0xDA7EUL) % 730));

    /// <summary><c>ecod_batch_NNN_yyyymmdd_hhmm</c>, NNN from 001, one week apart.</summary>
    public static string BatchName(ulong seed, int batchIndex)
    {
        var date = BaseDate(seed).AddDays(7 * batchIndex);
        var minute = (int)(SyntheticRandom.Mix(seed + (ulong)batchIndex * 0x9E37UL) % (24 * 60));
        return string.Create(CultureInfo.InvariantCulture,
            $"ecod_batch_{batchIndex + 1:000}_{date:yyyyMMdd}_{minute / 60:00}{minute % 60:00}");
    }
}
