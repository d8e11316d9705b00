# Real local receivers for notification tests (issue 19 item 11): an HTTP listener (System.Net.HttpListener) and a
# small SMTP server (TcpListener speaking EHLO/MAIL/RCPT/DATA/QUIT), each serving on a thread job of this session.

function Get-FreeTcpPort {
    $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
    $port
}

function Start-WebhookSink {
    $port = Get-FreeTcpPort
    $listener = [System.Net.HttpListener]::new()
    $listener.Prefixes.Add("http://127.0.0.1:$port/")
    $listener.Start()
    $job = Start-ThreadJob -ArgumentList $listener -ScriptBlock {
        param($listener)
        while ($listener.IsListening) {
            try { $context = $listener.GetContext() } catch { break }
            $reader = [System.IO.StreamReader]::new($context.Request.InputStream, [System.Text.Encoding]::UTF8)
            $body = $reader.ReadToEnd()
            $context.Response.StatusCode = 200
            $context.Response.Close()
            [pscustomobject] @{ Method = $context.Request.HttpMethod; Path = $context.Request.Url.AbsolutePath; ContentType = $context.Request.ContentType; Body = $body }
        }
    }
    [pscustomobject] @{ Url = "http://127.0.0.1:$port/hook/token"; Port = $port; Listener = $listener; Job = $job }
}

function Start-SmtpSink {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $job = Start-ThreadJob -ArgumentList $listener -ScriptBlock {
        param($listener)
        while ($true) {
            try { $client = $listener.AcceptTcpClient() } catch { break }
            $stream = $client.GetStream()
            $reader = [System.IO.StreamReader]::new($stream, [System.Text.Encoding]::ASCII)
            $writer = [System.IO.StreamWriter]::new($stream, [System.Text.Encoding]::ASCII)
            $writer.NewLine = "`r`n"; $writer.AutoFlush = $true
            $writer.WriteLine('220 localhost test SMTP sink')
            $from = $null; $to = [System.Collections.Generic.List[string]]::new(); $user = $null; $password = $null
            $decode = { param($b) [System.Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($b.Trim())) }
            while ($null -ne ($line = $reader.ReadLine())) {
                switch -Regex ($line) {
                    '^EHLO' { $writer.WriteLine("250-localhost`r`n250-AUTH LOGIN`r`n250 8BITMIME"); break }
                    '^AUTH LOGIN' {
                        # The user may come with the command (initial response) or after a prompt.
                        $initial = $line.Substring(10).Trim()
                        if ($initial) { $user = & $decode $initial } else { $writer.WriteLine('334 VXNlcm5hbWU6'); $user = & $decode $reader.ReadLine() }
                        $writer.WriteLine('334 UGFzc3dvcmQ6'); $password = & $decode $reader.ReadLine()
                        $writer.WriteLine('235 authenticated'); break
                    }
                    '^(HELO|NOOP|RSET)' { $writer.WriteLine('250 OK'); break }
                    '^MAIL FROM:' { $from = $line.Substring(10).Trim(); $writer.WriteLine('250 OK'); break }
                    '^RCPT TO:' { $to.Add($line.Substring(8).Trim()); $writer.WriteLine('250 OK'); break }
                    '^DATA' {
                        $writer.WriteLine('354 end with <CRLF>.<CRLF>')
                        $data = [System.Text.StringBuilder]::new()
                        while ($null -ne ($d = $reader.ReadLine()) -and $d -ne '.') { [void] $data.AppendLine($d) }
                        $writer.WriteLine('250 OK queued')
                        [pscustomobject] @{ From = $from; To = @($to); Data = $data.ToString(); User = $user; Password = $password }
                        $to.Clear()
                        break
                    }
                    '^QUIT' { $writer.WriteLine('221 bye'); break }
                    default { $writer.WriteLine('502 not implemented') }
                }
                if ($line -match '^QUIT') { break }
            }
            $client.Dispose()
        }
    }
    [pscustomobject] @{ Port = $listener.LocalEndpoint.Port; Listener = $listener; Job = $job }
}

# The next item a sink received (waits up to -Seconds); throws when none came.
function Receive-SinkItem {
    param([Parameter(Mandatory)] $Sink, [int] $Seconds = 30)
    $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
    if (-not $Sink.PSObject.Properties['Buffer']) { $Sink | Add-Member -NotePropertyName Buffer -NotePropertyValue ([System.Collections.Generic.Queue[object]]::new()) }
    while ($Sink.Buffer.Count -eq 0) {
        foreach ($item in @(Receive-Job $Sink.Job)) { $Sink.Buffer.Enqueue($item) }
        if ($Sink.Buffer.Count -gt 0) { break }
        if ([DateTime]::UtcNow -gt $deadline) { throw "nothing reached the sink within $Seconds s" }
        Start-Sleep -Milliseconds 100
    }
    $Sink.Buffer.Dequeue()
}

# Everything a sink received so far, without waiting.
function Receive-SinkItems {
    param([Parameter(Mandatory)] $Sink)
    $items = @()
    if ($Sink.PSObject.Properties['Buffer']) { while ($Sink.Buffer.Count) { $items += $Sink.Buffer.Dequeue() } }
    $items + @(Receive-Job $Sink.Job)
}

function Stop-Sink {
    param([Parameter(Mandatory)] $Sink)
    $Sink.Listener.Stop()
    if ($Sink.Listener -is [System.Net.HttpListener]) { $Sink.Listener.Close() }
    $Sink.Job | Wait-Job -Timeout 10 | Out-Null
    $Sink.Job | Remove-Job -Force
}
