namespace EcodMini.Core.Tracking;

/// <summary>A tracking database that cannot be used as asked; the message reads "&lt;path&gt;: &lt;problem&gt;; &lt;fix&gt;".</summary>
public class TrackingDatabaseException : IOException
{
    public TrackingDatabaseException(string path, TrackingProblem problem, string message, Exception? inner = null)
        : base(message, inner)
    {
        DatabasePath = path;
        Problem = problem;
    }

    public string DatabasePath { get; }
    public TrackingProblem Problem { get; }
}
