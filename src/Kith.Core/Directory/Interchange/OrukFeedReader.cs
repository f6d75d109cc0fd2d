using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Kith.Core.Directory.Interchange;

/// <summary>
/// Reads services from an ORUK 3.0 API: follows <c>page=1..total_pages</c> with <c>full=true</c>,
/// and fetches <c>/services/{id}</c> for list items that come back minimal (without their
/// organisation). A feed that answers with an error or times out stops the read with a
/// <see cref="SourceReadException"/>; the batches already saved stay whole.
/// </summary>
public sealed class OrukFeedReader(HttpClient http)
{
    /// <summary>Most pages followed, so a feed that never ends cannot run for ever.</summary>
    public const int MaxPages = 100_000;

    /// <summary>Services asked for per page.</summary>
    public const int PerPage = 500;

    public async IAsyncEnumerable<SourceItem> ReadAsync(Uri servicesUrl, DateTime? modifiedAfter = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(servicesUrl);
        var totalPages = 1;
        for (var page = 1; page <= totalPages && page <= MaxPages; page++)
        {
            using var document = await GetAsync(PageUrl(servicesUrl, page, modifiedAfter), cancellationToken);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("contents", out var contents) || contents.ValueKind != JsonValueKind.Array)
            {
                // Not a paged list: a single service, or an array.
                foreach (var item in OrukJsonSource.Services(root, string.Empty))
                {
                    yield return item;
                }

                yield break;
            }

            if (page == 1 && root.TryGetProperty("total_pages", out var total) && total.ValueKind == JsonValueKind.Number && total.TryGetInt32(out var pages))
            {
                totalPages = Math.Max(1, pages);
            }

            var index = 0;
            foreach (var item in contents.EnumerateArray())
            {
                var where = string.Create(CultureInfo.InvariantCulture, $"page {page} item {index++}");
                if (IsMinimal(item) && item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                {
                    using var full = await GetAsync(new Uri(servicesUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" + Uri.EscapeDataString(id.GetString()!)), cancellationToken);
                    yield return new SourceItem(where, full.RootElement);
                }
                else
                {
                    yield return new SourceItem(where, item);
                }
            }

            if (index == 0 || root.TryGetProperty("last_page", out var last) && last.ValueKind == JsonValueKind.True)
            {
                yield break;
            }
        }
    }

    /// <summary>The page's address: the feed's own query kept, with page, per_page, full and modified_after set.</summary>
    public static Uri PageUrl(Uri servicesUrl, int page, DateTime? modifiedAfter)
    {
        ArgumentNullException.ThrowIfNull(servicesUrl);
        var kept = servicesUrl.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.Split('=')[0] is not ("page" or "per_page" or "full" or "modified_after"));
        var query = kept.Concat([
            string.Create(CultureInfo.InvariantCulture, $"page={page}"),
            string.Create(CultureInfo.InvariantCulture, $"per_page={PerPage}"),
            "full=true",
        ]);
        if (modifiedAfter is { } after)
        {
            query = query.Append("modified_after=" + Uri.EscapeDataString(after.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));
        }

        return new UriBuilder(servicesUrl) { Query = string.Join('&', query) }.Uri;
    }

    private static bool IsMinimal(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && !item.TryGetProperty("organization", out _) && !item.TryGetProperty("organization_id", out _);

    private async Task<JsonDocument> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SourceReadException(string.Create(CultureInfo.InvariantCulture,
                $"{url} did not answer within {http.Timeout.TotalSeconds:0} seconds. Kith will try again later."), e);
        }
        catch (HttpRequestException e)
        {
            throw new SourceReadException($"{url} could not be reached ({e.Message}). Check the address; Kith will try again later.", e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new SourceReadException(string.Create(CultureInfo.InvariantCulture,
                    $"{url} answered {(int)response.StatusCode} {ReasonOf(response.StatusCode)}. Kith will try again later; nothing already imported was changed by this pull."));
            }

            try
            {
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                await using (stream)
                {
                    return await OrukJsonSource.ParseAsync(stream, url.ToString(), cancellationToken);
                }
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new SourceReadException(string.Create(CultureInfo.InvariantCulture,
                    $"{url} stopped sending within {http.Timeout.TotalSeconds:0} seconds. Kith will try again later."), e);
            }
            catch (HttpRequestException e)
            {
                throw new SourceReadException($"{url} broke off while sending ({e.Message}). Kith will try again later.", e);
            }
        }
    }

    private static string ReasonOf(HttpStatusCode code) => code switch
    {
        HttpStatusCode.NotFound => "Not Found: check the address ends in /services",
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => "(the feed is not open to read)",
        _ => code.ToString(),
    };
}
