using System.Buffers;
using System.Text.Json;

namespace Kith.Web.OpenReferral;

/// <summary>Writes the API's JSON straight to the response: pages in the spec's envelope, ndjson streams and errors.</summary>
internal static class OrukResponses
{
    public const string JsonContentType = "application/json; charset=utf-8";

    public const string NdjsonContentType = "application/x-ndjson; charset=utf-8";

    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true };

    /// <summary>Adds the CORS header every response of the API carries.</summary>
    public static void AllowAnyOrigin(HttpResponse response) => response.Headers.AccessControlAllowOrigin = "*";

    /// <summary>One object.</summary>
    public static async Task WriteObjectAsync(HttpResponse response, Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        response.ContentType = JsonContentType;
        await using var writer = new Utf8JsonWriter(response.BodyWriter, WriterOptions);
        write(writer);
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// A page in the spec's envelope: total_items, total_pages, page_number, size (the items on this
    /// page), first_page, last_page, empty and contents.
    /// </summary>
    public static async Task WritePageAsync<T>(
        HttpResponse response, int totalItems, int page, int perPage, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> write, CancellationToken cancellationToken)
    {
        var totalPages = totalItems == 0 ? 0 : (int)(((long)totalItems + perPage - 1) / perPage);
        response.ContentType = JsonContentType;
        await using var writer = new Utf8JsonWriter(response.BodyWriter, WriterOptions);
        writer.WriteStartObject();
        writer.WriteNumber("total_items", totalItems);
        writer.WriteNumber("total_pages", totalPages);
        writer.WriteNumber("page_number", page);
        writer.WriteNumber("size", items.Count);
        writer.WriteBoolean("first_page", page == 1);
        writer.WriteBoolean("last_page", page >= totalPages);
        writer.WriteBoolean("empty", items.Count == 0);
        writer.WriteStartArray("contents");
        foreach (var item in items)
        {
            write(writer, item);
            if (writer.BytesPending > 32_768)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// Every result as ndjson, one object a line, streamed in batches: <paramref name="load"/> reads one
    /// batch of ids at a time, so memory stays flat.
    /// </summary>
    public static async Task WriteNdjsonAsync<T>(
        HttpResponse response, IReadOnlyList<Guid> ids, int batchSize, Func<IReadOnlyList<Guid>, Task<List<T>>> load, Action<Utf8JsonWriter, T> write, CancellationToken cancellationToken)
    {
        response.ContentType = NdjsonContentType;
        await using var writer = new Utf8JsonWriter(response.BodyWriter, WriterOptions);
        foreach (var batch in ids.Chunk(batchSize))
        {
            foreach (var item in await load(batch))
            {
                write(writer, item);
                await writer.FlushAsync(cancellationToken);
                writer.Reset();
                response.BodyWriter.Write("\n"u8);
            }

            await response.BodyWriter.FlushAsync(cancellationToken);
        }
    }

    /// <summary>400: what was wrong with each parameter and what to send instead.</summary>
    public static IResult BadRequest(IDictionary<string, string[]> errors) => TypedResults.ValidationProblem(
        errors,
        title: "Some parameters cannot be used",
        detail: "Change the parameters named in errors as each message says, then ask again. The parameters are described at /oruk/openapi.json.");

    /// <summary>404 for an id that is not published.</summary>
    public static IResult NotFound(string what, string id) => TypedResults.Problem(
        title: $"No such {what}",
        detail: Guid.TryParse(id, out _)
            ? $"Kith publishes no {what} with the id {id}. It may have been archived or closed; the list shows what is published."
            : $"'{id}' is not an id. Ids are UUIDs, e.g. 6b1f3f3e-2c0a-4d7e-9d55-2f0f6a1e0001.",
        statusCode: StatusCodes.Status404NotFound);
}
