using System.Net;
using System.Net.Sockets;
using EcodMini.Core.Configuration;
using EcodMini.Core.Database;

namespace EcodMini.Core.Tests.Database;

/// <summary>database.ssl_mode defaults to require and never falls back silently; a server without TLS gets a clear error.</summary>
public sealed class TlsRequirementTests
{
    [Fact]
    public void TheDefaultModeRequiresTls()
    {
        Assert.Equal("require", new DatabaseSettings().SslMode);
        Assert.Equal("require", ConfigurationParser.Parse("database:\n  host: db\n").Database.SslMode);
    }

    [Fact]
    public async Task AServerWithoutTlsIsRefusedWithAnErrorNamingSslModeDisable()
    {
        // A listener that answers PostgreSQL's SSLRequest with 'N' (no TLS here), like a server with ssl = off.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource();
        var server = Task.Run(async () =>
        {
            // Every connection: each 8-byte request (GSSENCRequest, SSLRequest) is answered 'N' until the client hangs up.
            while (!stop.IsCancellationRequested)
            {
                using var client = await listener.AcceptTcpClientAsync(stop.Token);
                var stream = client.GetStream();
                var request = new byte[8];
                while (true)
                {
                    var read = 0;
                    while (read < 8)
                    {
                        var n = await stream.ReadAsync(request.AsMemory(read), stop.Token);
                        if (n == 0) break;
                        read += n;
                    }
                    if (read < 8) break;
                    await stream.WriteAsync("N"u8.ToArray(), stop.Token);
                }
            }
        });
        var settings = new DatabaseSettings { Host = "127.0.0.1", Port = port, Database = "ecod_protein", User = "ecod", ConnectTimeout = 5, Pooling = false };
        using var connector = new PostgresConnector(settings, _ => "secret-123");
        var error = Assert.Throws<DatabaseConnectionException>(() => connector.Open());
        Assert.True(error.Message.Contains("ssl_mode: disable", StringComparison.Ordinal), error.ToString());
        Assert.Contains("ssl_mode is require", error.Message);
        Assert.DoesNotContain("secret-123", error.ToString());
        await stop.CancelAsync();
        try { await server; } catch (OperationCanceledException) { }
    }
}
