using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Postcodes;
using Kith.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Web.Tests.Editing;

/// <summary>A page as a test sees it: where it ended up, its status and its parsed HTML.</summary>
public sealed record Page(HttpResponseMessage Response, IHtmlDocument Document)
{
    public string Path => Response.RequestMessage!.RequestUri!.AbsolutePath;

    public string PathAndQuery => Response.RequestMessage!.RequestUri!.PathAndQuery;

    /// <summary>The messages in the error summary, empty when there is none.</summary>
    public IReadOnlyList<string> Errors =>
        Document.QuerySelectorAll(".nhsuk-error-summary__list a").Select(a => a.TextContent.Trim()).ToList();

    public string Text => Document.Body?.TextContent ?? string.Empty;

    /// <summary>The body rows of the page's first table, as cell texts without the headings repeated for small screens.</summary>
    public IReadOnlyList<IReadOnlyList<string>> TableRows =>
        Document.QuerySelectorAll("tbody tr").Select(row => (IReadOnlyList<string>)row.QuerySelectorAll("td").Select(cell =>
        {
            var copy = (AngleSharp.Dom.IElement)cell.Clone();
            foreach (var heading in copy.QuerySelectorAll(".nhsuk-table__heading").ToList())
            {
                heading.Remove();
            }

            return copy.TextContent.Trim();
        }).ToList()).ToList();
}

/// <summary>Test data and form posting for the editing tests.</summary>
public static class EditingTestSupport
{
    public static readonly Guid Singing = new("5a1d0000-0000-4000-8000-000000000001");
    public static readonly Guid YoungPeople = new("5a1d0000-0000-4000-8000-000000000002");

    /// <summary>Adds the What and Who taxonomies with one term each, and the postcode AV1 2AB, when missing.</summary>
    public static async Task SeedReferenceDataAsync(this KithWebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
        if (!await db.Taxonomies.AnyAsync(t => t.Id == KithTaxonomies.What))
        {
            db.Taxonomies.Add(new Taxonomy { Id = KithTaxonomies.What, Name = "What", Description = "What it offers" });
        }

        if (!await db.Taxonomies.AnyAsync(t => t.Id == KithTaxonomies.Who))
        {
            db.Taxonomies.Add(new Taxonomy { Id = KithTaxonomies.Who, Name = "Who", Description = "Who it is for" });
        }

        if (!await db.TaxonomyTerms.AnyAsync(t => t.Id == Singing))
        {
            db.TaxonomyTerms.Add(new TaxonomyTerm { Id = Singing, TaxonomyId = KithTaxonomies.What, Name = "Singing", Description = "Choirs and singing" });
            db.TaxonomyTerms.Add(new TaxonomyTerm { Id = YoungPeople, TaxonomyId = KithTaxonomies.Who, Name = "Young people", Description = "Young people" });
        }

        if (!await db.Postcodes.AnyAsync(p => p.Code == "AV12AB"))
        {
            db.Postcodes.Add(new Postcode { Code = "AV12AB", Display = "AV1 2AB", District = "AV1", Latitude = 53.7004, Longitude = -2.2003 });
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Adds an online-only asset through the service, as the system.</summary>
    public static async Task<Guid> CreateAssetAsync(this KithWebFactory factory, string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var assets = scope.ServiceProvider.GetRequiredService<AssetService>();
        var saved = await assets.CreateAsync(
            new AssetDetails
            {
                Name = name,
                NewOrganizationName = $"{name} organisers",
                Description = "Meets online every week.",
                Online = true,
                OnlineLink = "https://example.org/meet",
                Phone = "01632 960000",
            },
            ProcessContext.System("test"),
            CancellationToken.None);
        return saved.AssetId;
    }

    public static async Task<CommunityAsset> GetAssetAsync(this KithWebFactory factory, Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KithDbContext>();
        return await db.CommunityAssets.AsNoTracking().Include(a => a.Phones).Include(a => a.Organization).SingleAsync(a => a.Id == id);
    }

    public static async Task<Page> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return new Page(response, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Gets the page at <paramref name="formUrl"/> for its antiforgery token, then posts the fields to <paramref name="postUrl"/>.</summary>
    public static async Task<Page> PostAsync(this HttpClient client, string formUrl, IEnumerable<KeyValuePair<string, string>> fields, string? postUrl = null)
    {
        var html = await client.GetStringAsync(formUrl);
        var form = fields.Append(new("__RequestVerificationToken", TestAccounts.AntiforgeryToken(html))).ToList();
        using var content = new FormUrlEncodedContent(form);
        var response = await client.PostAsync(postUrl ?? formUrl, content);
        return new Page(response, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    public static Task<Page> PostAsync(this HttpClient client, string url, params (string Name, string Value)[] fields) =>
        client.PostAsync(url, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>The value a form field shows, to check typed answers are kept.</summary>
    public static string? FieldValue(this Page page, string name) =>
        page.Document.QuerySelector($"[name='{name}']") switch
        {
            IHtmlInputElement input => input.Value,
            IHtmlTextAreaElement area => area.Value,
            _ => null,
        };
}
