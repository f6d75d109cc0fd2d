using Kith.Core.Connections.Introductions;
using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.Directory.Schedules;
using Kith.Web.Directory;
using Kith.Web.Infrastructure;
using AssetDetails = Kith.Web.Directory.AssetDetails;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Kith.Web.Pages.Assets;

/// <summary>One community asset, for anyone. Archived assets answer 404 with a page saying they are no longer listed.</summary>
public class DetailsModel(KithDbContext db, TimeProvider clock, IOptions<MapOptions> mapOptions, ResponsivenessService responsiveness) : PageModel
{
    /// <summary>Details not checked for longer than this may be out of date.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(365);

    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public CommunityAsset Asset { get; private set; } = null!;

    public bool IsArchived { get; private set; }

    /// <summary>Each schedule in words, e.g. "Tuesdays 10:00 to 12:00, weekly".</summary>
    public IReadOnlyList<string> TimesInWords { get; private set; } = [];

    public IReadOnlyList<Location> Places { get; private set; } = [];

    public IReadOnlyList<TaxonomyTerm> WhoTerms { get; private set; } = [];

    public IReadOnlyList<TaxonomyTerm> WhatTerms { get; private set; } = [];

    public IReadOnlyList<AccessibilityFeature> Features { get; private set; } = [];

    public IReadOnlyList<string> LanguageNames { get; private set; } = [];

    public bool IsStale { get; private set; }

    /// <summary>How quickly the group answers introductions, once it has had enough of them (ADR 20); else null.</summary>
    public Responsiveness? Responsiveness { get; private set; }

    public MapOptions Map => mapOptions.Value;

    public Location? MapPlace => string.IsNullOrWhiteSpace(Map.TileUrl) ? null : Places.FirstOrDefault(p => p.Latitude is not null && p.Longitude is not null);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var asset = await AssetDetails.LoadAsync(db, id, cancellationToken);
        if (asset is null)
        {
            return NotFound();
        }

        Asset = asset;
        if (asset.IsArchived)
        {
            IsArchived = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        TimesInWords = AssetDetails.AllSchedules(asset).Select(OpeningTimes.Describe).Distinct(StringComparer.Ordinal).ToList();
        Places = asset.ServiceAtLocations.Select(s => s.Location).OfType<Location>().ToList();
        var terms = asset.TaxonomyTerms.Select(t => t.TaxonomyTerm).OfType<TaxonomyTerm>().ToList();
        WhoTerms = terms.Where(t => t.TaxonomyId == KithTaxonomies.Who).OrderBy(t => t.Name, StringComparer.CurrentCulture).ToList();
        WhatTerms = terms.Where(t => t.TaxonomyId == KithTaxonomies.What).OrderBy(t => t.Name, StringComparer.CurrentCulture).ToList();
        Features = Places.SelectMany(p => p.Accessibility).Select(a => a.Feature).Distinct().Order().ToList();
        LanguageNames = asset.Languages.Select(l => l.Name).Concat(Places.SelectMany(p => p.Languages).Select(l => l.Name))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, UkTime));
        Responsiveness = asset.IntroductionPolicy == IntroductionPolicy.AcceptsIntroductions ? await responsiveness.ForAssetAsync(asset.Id, cancellationToken) : null;
        IsStale = asset.LastVerifiedOn is null || asset.LastVerifiedOn.Value.AddDays((int)StaleAfter.TotalDays) < today;
        return Page();
    }

    /// <summary>An address on one line, e.g. "Village Hall, 3 Mill Lane, Avonbury, AV1 2AB".</summary>
    public static string OneLine(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return string.Join(", ", new[] { address.Address1, address.Address2, address.City, address.PostalCode }.Where(p => !string.IsNullOrWhiteSpace(p)));
    }
}
