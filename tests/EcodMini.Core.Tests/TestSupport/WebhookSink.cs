using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EcodMini.Core.Tests;

/// <summary>A real HTTP server (HttpListener on 127.0.0.1, a free port) that keeps every request body and answers <see cref="Status"/>.</summary>
public sealed class WebhookSink : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<(string Method, string Path, string ContentType, string Body)> _requests = [];
    private readonly SemaphoreSlim _received = new(0);
    private readonly Task _loop;

    public WebhookSink()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(Loop);
    }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}/hooks/secret-token";
    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    public (string Method, string Path, string ContentType, string Body) Next(TimeSpan timeout)
    {
        if (!_received.Wait(timeout)) throw new TimeoutException("no request reached the webhook sink");
        lock (_requests)
        {
            var first = _requests[0];
            _requests.RemoveAt(0);
            return first;
        }
    }

    public int Pending { get { lock (_requests) return _requests.Count; } }

    private async Task Loop()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            lock (_requests) _requests.Add((context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.ContentType ?? "", body));
            context.Response.StatusCode = (int)Status;
            context.Response.Close();
            _received.Release();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        _received.Dispose();
    }
}
