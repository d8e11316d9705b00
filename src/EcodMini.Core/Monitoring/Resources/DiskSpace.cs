namespace EcodMini.Core.Monitoring.Resources;

/// <summary>Free and total space of the file system holding <see cref="Path"/>, as measured at one moment.</summary>
public sealed record DiskSpace(string Path, long FreeBytes, long TotalBytes)
{
    public double FreeMB => FreeBytes / (1024.0 * 1024.0);
    public double FreeFraction => TotalBytes <= 0 ? 0 : (double)FreeBytes / TotalBytes;
}
