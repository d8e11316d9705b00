using System.Management.Automation;
using EcodMini.Core.Database;

namespace EcodMini.PowerShell.Infrastructure;

/// <summary>
/// Base for cmdlets that use the production PostgreSQL database from the configuration's <c>database:</c> section
/// (password from the environment variable it names). Connection and schema problems stop the cmdlet with a clear
/// error; the password never appears in messages or verbose output.
/// </summary>
public abstract class EcodDatabaseCmdlet : EcodConfiguredCmdlet
{
    private PostgresConnector? _connector;

    /// <summary>The connector for the configured database (created on first use, disposed with the cmdlet).</summary>
    protected PostgresConnector Connector()
    {
        if (_connector is not null) return _connector;
        var db = Settings.Database;
        try { _connector = new PostgresConnector(db); }
        catch (ArgumentException ex)
        {
            Fail(ex, "EcodConfigurationInvalid", ErrorCategory.InvalidData, Loaded.FilePath);
            throw;
        }
        WriteVerbose($"Database {_connector.Target}: ssl {db.SslMode}, pooling {(db.Pooling ? $"on (max {db.MaxPoolSize})" : "off")}, " +
                     $"connect timeout {db.ConnectTimeout} s, command timeout {db.CommandTimeout} s, evidence table pdb_analysis.{db.EvidenceTable}, " +
                     $"password from ${db.PasswordEnv} ({(_connector.HasPassword ? "set" : "not set")})");
        return _connector;
    }

    /// <summary>Runs database work; connection and schema failures stop the cmdlet (Ctrl+C stops it as a pipeline stop).</summary>
    protected T RunDatabase<T>(Func<T> work)
    {
        T result = default!;
        try { RunStoppable(() => result = work()); }
        catch (DatabaseConnectionException ex)
        {
            Fail(ex, "EcodDatabaseUnavailable", ErrorCategory.ConnectionError, Connector().Target);
        }
        catch (DatabaseSchemaException ex)
        {
            Fail(ex, "EcodDatabaseSchemaIncomplete", ErrorCategory.MetadataError, Connector().Target);
        }
        return result;
    }

    protected override void ReleaseResources() => _connector?.Dispose();
}
