using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Kith.Core.Directory.Interchange;

/// <summary>
/// Reads ORUK / HSDS 3.0 services from a file: one service object, a list envelope with
/// <c>contents</c>, a JSON array, or ndjson (one service a line, where one bad line rejects only
/// that line).
/// </summary>
public static class OrukJsonSource
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64, AllowTrailingCommas = true };

    public static async IAsyncEnumerable<SourceItem> ReadFileAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new SourceReadException($"There is no file at {path}.");
        }

        var ndjson = path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
            || await LooksLikeNdjsonAsync(path, cancellationToken);
        var stream = File.OpenRead(path);
        await using (stream)
        {
            var items = ndjson ? ReadNdjsonAsync(stream, cancellationToken) : ReadDocumentAsync(stream, Path.GetFileName(path), cancellationToken);
            await foreach (var item in items)
            {
                yield return item;
            }
        }
    }

    /// <summary>ndjson: one service a line. A line that is not valid JSON, or too long, is rejected on its own.</summary>
    public static async IAsyncEnumerable<SourceItem> ReadNdjsonAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var where = string.Create(CultureInfo.InvariantCulture, $"line {number}");
            if (line.Length > ImportLimits.RecordBytes)
            {
                yield return SourceItem.Broken(where, string.Create(CultureInfo.InvariantCulture,
                    $"the line is {line.Length:N0} characters long; the most Kith takes for one record is {ImportLimits.RecordBytes:N0}."));
                continue;
            }

            JsonDocument? document = null;
            string? error = null;
            try
            {
                document = JsonDocument.Parse(line, Options);
            }
            catch (JsonException e)
            {
                error = $"the line is not valid JSON ({Plain(e)}). Each line must be one whole service object.";
            }

            if (document is null)
            {
                yield return SourceItem.Broken(where, error!);
                continue;
            }

            using (document)
            {
                yield return new SourceItem(where, document.RootElement);
            }
        }
    }

    /// <summary>One JSON document: a service, a list envelope (<c>contents</c>) or an array of services.</summary>
    public static async IAsyncEnumerable<SourceItem> ReadDocumentAsync(Stream stream, string name, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var document = await ParseAsync(stream, name, cancellationToken);
        foreach (var item in Services(document.RootElement, string.Empty))
        {
            yield return item;
        }
    }

    /// <summary>The services in a parsed document, with where each is.</summary>
    internal static IEnumerable<SourceItem> Services(JsonElement root, string prefix)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in root.EnumerateArray())
            {
                yield return new SourceItem(string.Create(CultureInfo.InvariantCulture, $"{prefix}[{i++}]"), item);
            }
        }
        else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("contents", out var contents) && contents.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in contents.EnumerateArray())
            {
                yield return new SourceItem(string.Create(CultureInfo.InvariantCulture, $"{prefix}contents[{i++}]"), item);
            }
        }
        else
        {
            yield return new SourceItem(prefix.Length == 0 ? "the service" : prefix.TrimEnd(' '), root);
        }
    }

    internal static async Task<JsonDocument> ParseAsync(Stream stream, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonDocument.ParseAsync(stream, Options, cancellationToken);
        }
        catch (JsonException e)
        {
            throw new SourceReadException($"{name} is not valid JSON ({Plain(e)}). Give one service object, a list with \"contents\", or ndjson with one service a line.", e);
        }
    }

    internal static string Plain(JsonException e) =>
        e.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $"line {line + 1}, character {e.BytePositionInLine + 1}") : "unreadable";

    /// <summary>True when the file's first line is a whole JSON object and more text follows: ndjson without the extension.</summary>
    private static async Task<bool> LooksLikeNdjsonAsync(string path, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path);
        var first = await reader.ReadLineAsync(cancellationToken);
        if (first is null || !first.TrimStart().StartsWith('{') || first.Length > ImportLimits.RecordBytes)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(first, Options);
        }
        catch (JsonException)
        {
            return false;
        }

        string? next;
        while ((next = await reader.ReadLineAsync(cancellationToken)) is not null && string.IsNullOrWhiteSpace(next))
        {
        }

        return next is not null;
    }
}
