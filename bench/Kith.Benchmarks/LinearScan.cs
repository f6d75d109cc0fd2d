using Kith.Core.Directory;
using Kith.Core.Directory.Schedules;
using Kith.Core.Directory.Search;

namespace Kith.Benchmarks;

/// <summary>
/// The baseline: what a search does without an index. Walks every asset's entity graph, applies the
/// same filters, matches each query word as a case-insensitive substring of the name, description or
/// how to get involved, measures the distance, and sorts by words matched then distance.
/// </summary>
public static class LinearScan
{
    public static (List<CommunityAsset> Page, int Total) Search(IReadOnlyList<CommunityAsset> assets, AssetSearchCriteria criteria)
    {
        var words = (criteria.Text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var matches = new List<(CommunityAsset Asset, int Words, double Distance)>();
        foreach (var asset in assets)
        {
            if (asset.IsArchived || asset.Status != AssetStatus.Active)
            {
                continue;
            }

            if (criteria.Kinds.Count > 0 && !criteria.Kinds.Contains(asset.Kind))
            {
                continue;
            }

            if (criteria.Age is { } age && (age < asset.MinimumAge || age > asset.MaximumAge))
            {
                continue;
            }

            if (criteria.FreeOnly && !asset.IsFree)
            {
                continue;
            }

            var locations = asset.ServiceAtLocations.Select(s => s.Location!).ToList();
            if (criteria.Accessibility.Count > 0
                && !locations.Exists(l => criteria.Accessibility.All(f => l.Accessibility.Exists(a => a.Feature == f))))
            {
                continue;
            }

            if (criteria.OpenAt is { } openAt && !asset.Schedules.Exists(s => OpeningTimes.IsRunningOn(s, openAt.Day, openAt.Time)))
            {
                continue;
            }

            var distance = double.MaxValue;
            if (criteria.Near is { } near)
            {
                foreach (var location in locations)
                {
                    if (location is { Latitude: { } lat, Longitude: { } lon })
                    {
                        distance = Math.Min(distance, GeoMath.DistanceMetres(near, new GeoPoint(lat, lon)));
                    }
                }

                if (criteria.RadiusKm is { } radius && distance > radius * 1000)
                {
                    continue;
                }
            }

            var matched = 0;
            foreach (var word in words)
            {
                if (asset.Name.Contains(word, StringComparison.OrdinalIgnoreCase)
                    || asset.Description?.Contains(word, StringComparison.OrdinalIgnoreCase) == true
                    || asset.HowToGetInvolved?.Contains(word, StringComparison.OrdinalIgnoreCase) == true)
                {
                    matched++;
                }
            }

            if (words.Length > 0 && matched == 0)
            {
                continue;
            }

            matches.Add((asset, matched, distance));
        }

        var page = matches
            .OrderByDescending(m => m.Words)
            .ThenBy(m => m.Distance)
            .ThenBy(m => m.Asset.Name, StringComparer.OrdinalIgnoreCase)
            .Take(criteria.PageSize)
            .Select(m => m.Asset)
            .ToList();
        return (page, matches.Count);
    }
}
