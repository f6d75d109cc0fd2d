using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Kith.Web.Tests.Notifications;

/// <summary>
/// A tiny SMTP server on 127.0.0.1 for tests: enough of RFC 5321 (EHLO, AUTH PLAIN, MAIL, RCPT, DATA,
/// RSET, NOOP, QUIT) for MailKit to deliver to it, with no TLS. Keeps each accepted message.
/// </summary>
public sealed class LocalSmtpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task accepting;

    public LocalSmtpServer()
    {
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Messages accepted, in order.</summary>
    public ConcurrentQueue<ReceivedMail> Received { get; } = new();

    /// <summary>When set, DATA is refused with this reply (e.g. "451 4.3.0 try again later").</summary>
    public string? RefuseData { get; set; }

    /// <summary>The user name and password of the last AUTH PLAIN, or null.</summary>
    public (string User, string Password)? LastSignIn { get; private set; }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost test SMTP");
            string? from = null;
            var to = new List<string>();
            while (await reader.ReadLineAsync() is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-localhost");
                        await writer.WriteLineAsync("250-8BITMIME");
                        await writer.WriteLineAsync("250 AUTH PLAIN");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 localhost");
                        break;
                    case "AUTH":
                        var parts = line.Split(' ');
                        var token = parts.Length > 2 ? parts[2] : await AskAsync(writer, reader);
                        var fields = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('\0');
                        LastSignIn = (fields[1], fields[2]);
                        await writer.WriteLineAsync("235 2.7.0 Authentication successful");
                        break;
                    case "MAIL":
                        from = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                        to.Clear();
                        await writer.WriteLineAsync("250 2.1.0 OK");
                        break;
                    case "RCPT":
                        to.Add(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
                        await writer.WriteLineAsync("250 2.1.5 OK");
                        break;
                    case "DATA":
                        if (RefuseData is { } refusal)
                        {
                            await writer.WriteLineAsync(refusal);
                            break;
                        }

                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        Received.Enqueue(new ReceivedMail(from ?? string.Empty, [.. to], data.ToString()));
                        await writer.WriteLineAsync("250 2.0.0 OK queued");
                        break;
                    case "RSET":
                        from = null;
                        to.Clear();
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 Command not recognised");
                        break;
                }
            }
        }
    }

    private static async Task<string> AskAsync(StreamWriter writer, StreamReader reader)
    {
        await writer.WriteLineAsync("334 ");
        return await reader.ReadLineAsync() ?? string.Empty;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await accepting;
        stopping.Dispose();
    }
}

/// <summary>One message as the SMTP server received it: the envelope and the raw content.</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> To, string Data)
{
    /// <summary>The value of a header (the first one of the name), unfolded, or null.</summary>
    public string? Header(string name)
    {
        var headers = Data[..Math.Max(0, Data.IndexOf("\r\n\r\n", StringComparison.Ordinal))];
        var unfolded = headers.Replace("\r\n ", " ", StringComparison.Ordinal).Replace("\r\n\t", " ", StringComparison.Ordinal);
        foreach (var line in unfolded.Split("\r\n"))
        {
            if (line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            {
                return line[(name.Length + 1)..].Trim();
            }
        }

        return null;
    }
}
