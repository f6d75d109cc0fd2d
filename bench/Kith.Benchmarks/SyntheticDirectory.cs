using Kith.Core.Directory;
using Kith.Core.Directory.Search;

namespace Kith.Benchmarks;

/// <summary>
/// A made-up directory for measuring: assets with names, descriptions, terms, locations within about
/// 30 km of a centre, accessibility, weekly or monthly schedules, costs and ages. Seeded, so every
/// run measures the same data. Not real places or groups.
/// </summary>
public static class SyntheticDirectory
{
    public static readonly GeoPoint Centre = new(53.8000, -1.5500);

    private static readonly string[] Places = ["Riverside", "Hillside", "Parkview", "Meadow", "Chapel", "Market", "Canal", "Library", "Orchard", "Station"];
    private static readonly string[] Activities = ["walking", "knitting", "singing", "gardening", "chess", "football", "cooking", "reading", "dancing", "cycling", "painting", "yoga", "coffee", "history", "woodwork"];
    private static readonly string[] GroupWords = ["group", "club", "circle", "society", "café", "session", "network"];
    private static readonly string[] Sentences =
    [
        "Everyone is welcome, whatever their experience.",
        "Come along for a friendly chat and a cup of tea.",
        "We meet in the community hall and go at an easy pace.",
        "Run by volunteers who live locally.",
        "No need to book: just turn up on the day.",
        "Bring a friend or come on your own.",
        "Equipment is provided, so you only need yourself.",
        "A chance to learn something new and meet neighbours.",
    ];

    private static readonly string[] Days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    public static (List<CommunityAsset> Assets, List<TaxonomyTerm> Terms) Create(int count, int seed = 20261123)
    {
        var random = new Random(seed);
        var root = new TaxonomyTerm { Name = "Activities", Description = "Things to do" };
        var terms = new List<TaxonomyTerm> { root };
        var activityTerms = Activities.Select(a => new TaxonomyTerm
        {
            Name = char.ToUpperInvariant(a[0]) + a[1..] + " groups",
            Description = a,
            ParentId = root.Id,
        }).ToList();
        terms.AddRange(activityTerms);
        var organizations = Enumerable.Range(0, Math.Max(1, count / 8)).Select(i => new Organization { Name = $"{Places[i % Places.Length]} Trust {i}" }).ToList();

        var assets = new List<CommunityAsset>(count);
        for (var i = 0; i < count; i++)
        {
            var activity = random.Next(Activities.Length);
            var organization = organizations[random.Next(organizations.Count)];
            var asset = new CommunityAsset
            {
                Name = $"{Places[random.Next(Places.Length)]} {Activities[activity]} {GroupWords[random.Next(GroupWords.Length)]}",
                Description = string.Join(' ', Enumerable.Range(0, 3).Select(_ => Sentences[random.Next(Sentences.Length)])) + $" Mostly {Activities[random.Next(Activities.Length)]}.",
                HowToGetInvolved = Sentences[random.Next(Sentences.Length)],
                Organization = organization,
                OrganizationId = organization.Id,
                Kind = (AssetKind)random.Next(5),
                LastVerifiedOn = new DateOnly(2026, 11, 1).AddDays(-random.Next(600)),
                MinimumAge = random.Next(4) == 0 ? 50 : null,
                LastModified = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            };
            asset.TaxonomyTerms.Add(new AssetTaxonomyTerm { ServiceId = asset.Id, TaxonomyTermId = activityTerms[activity].Id, TaxonomyTerm = activityTerms[activity] });

            // Up to 30 km from the centre, in a random direction.
            var distanceKm = 30 * Math.Sqrt(random.NextDouble());
            var bearing = random.NextDouble() * 2 * Math.PI;
            var location = new Location
            {
                Name = $"{Places[random.Next(Places.Length)]} hall",
                Latitude = Centre.Latitude + (distanceKm * Math.Cos(bearing) / 111.2),
                Longitude = Centre.Longitude + (distanceKm * Math.Sin(bearing) / (111.2 * Math.Cos(Centre.Latitude * Math.PI / 180))),
            };
            if (random.Next(2) == 0)
            {
                location.Accessibility.Add(new Accessibility { Feature = AccessibilityFeature.StepFreeAccess });
            }

            if (random.Next(3) == 0)
            {
                location.Accessibility.Add(new Accessibility { Feature = AccessibilityFeature.HearingLoop });
            }

            asset.ServiceAtLocations.Add(new ServiceAtLocation { ServiceId = asset.Id, Location = location, LocationId = location.Id });
            var monthly = random.Next(5) == 0;
            asset.Schedules.Add(new Schedule
            {
                ServiceId = asset.Id,
                Freq = monthly ? "MONTHLY" : "WEEKLY",
                ByDay = (monthly ? "1" : string.Empty) + Days[random.Next(Days.Length)],
                Interval = !monthly && random.Next(4) == 0 ? 2 : null,
                OpensAt = new TimeOnly(9 + random.Next(10), 0),
                ClosesAt = new TimeOnly(9 + random.Next(10), 0).AddHours(2),
            });
            asset.CostOptions.Add(new CostOption { ServiceId = asset.Id, Amount = random.Next(3) == 0 ? 3m : 0m });
            if (random.Next(10) == 0)
            {
                asset.ServiceAreas.Add(new ServiceArea
                {
                    ServiceId = asset.Id,
                    CentreLatitude = location.Latitude,
                    CentreLongitude = location.Longitude,
                    RadiusMetres = 5000,
                });
            }

            assets.Add(asset);
        }

        return (assets, terms);
    }
}
