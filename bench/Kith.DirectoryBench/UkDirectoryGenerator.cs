using System.Globalization;
using Kith.Core.Directory;
using Kith.Core.Directory.Demo;
using Kith.Core.Platform.Postcodes;

namespace Kith.DirectoryBench;

/// <summary>One generated asset with its children attached, and the organisation it belongs to when that is new.</summary>
public sealed record GeneratedAsset(CommunityAsset Asset, Organization? NewOrganization);

/// <summary>
/// A made-up UK-wide directory for measuring search at national scale. Deterministic: the same seed and count give
/// the same rows (ids included) on every run. Assets cluster around ~150 real towns and cities, weighted by population
/// and scattered within a few kilometres; they carry Kith's "what" and "who" terms, weekly, fortnightly or monthly
/// schedules with times, costs, accessibility, and service areas: most local (a 2–10 km circle), some regional (a
/// county-sized polygon), a few national (the whole UK). Every organisation runs about five assets. Not real groups.
/// </summary>
public sealed class UkDirectoryGenerator(int seed = 20261203)
{
    /// <summary>The "reference" date: verification dates and change times are spread before it.</summary>
    public static readonly DateOnly Today = new(2026, 12, 3);

    private static readonly (string Word, string What)[] Activities =
    [
        ("walking", "walking-groups"), ("rambling", "walking-groups"), ("health walks", "walking-groups"), ("nordic walking", "walking-groups"),
        ("chair yoga", "gentle-exercise"), ("tai chi", "gentle-exercise"), ("pilates", "gentle-exercise"), ("stretch and move", "gentle-exercise"),
        ("tea dance", "dance"), ("line dancing", "dance"), ("ceilidh", "dance"), ("zumba", "dance"),
        ("walking football", "sport"), ("bowls", "sport"), ("table tennis", "sport"), ("badminton", "sport"), ("netball", "sport"),
        ("cycling", "cycling"), ("bike repair", "cycling"), ("swimming", "swimming"), ("aqua fit", "swimming"),
        ("gardening", "gardening"), ("allotment", "gardening"), ("community garden", "gardening"), ("growing", "gardening"),
        ("knitting", "arts-crafts"), ("knit and natter", "arts-crafts"), ("painting", "arts-crafts"), ("pottery", "arts-crafts"), ("creative writing", "arts-crafts"), ("sewing", "arts-crafts"),
        ("choir", "music-singing"), ("singing", "music-singing"), ("ukulele", "music-singing"), ("brass band", "music-singing"),
        ("lunch club", "food-cooking"), ("cookery", "food-cooking"), ("community cafe", "food-cooking"), ("food bank", "food-cooking"),
        ("money advice", "money-advice"), ("benefits advice", "money-advice"), ("debt help", "money-advice"),
        ("peer support", "mental-wellbeing"), ("talking", "mental-wellbeing"), ("men's shed", "mental-wellbeing"), ("mindfulness", "mental-wellbeing"),
        ("language", "learning"), ("book", "learning"), ("history talks", "learning"), ("chess", "learning"),
        ("volunteering", "volunteering"), ("litter picking", "volunteering"), ("befriending", "social"), ("coffee morning", "social"),
        ("bingo", "social"), ("friendship", "social"), ("quiz", "social"),
        ("prayer", "faith"), ("faith", "faith"), ("nature", "nature"), ("birdwatching", "nature"), ("conservation", "nature"),
        ("parent and toddler", "families"), ("stay and play", "families"), ("homework", "families"),
        ("digital skills", "digital"), ("computer", "digital"), ("carers", "carers-support"), ("carers' cafe", "carers-support"),
        ("housing advice", "housing"), ("tenants", "housing"), ("heritage", "heritage"), ("local history", "heritage"),
        ("job club", "work"), ("cv workshop", "work"), ("health check", "health"), ("blood pressure", "health"), ("memory cafe", "health"),
    ];

    private static readonly string[] Prefixes =
    [
        "Riverside", "Hillside", "Parkview", "Meadow", "Chapel", "Market", "Canal", "Library", "Orchard", "Station", "Greenside", "Oakfield",
        "Church", "Victoria", "Albert", "Castle", "Bridge", "Millfield", "Woodlands", "Beacon", "Northgate", "Southside", "Westfield", "Eastfield",
        "St Mary's", "St John's", "St Peter's", "Holy Trinity", "Friends", "Neighbours", "Together", "Open Door", "Sunrise", "Harbour",
    ];

    private static readonly string[] GroupWords = ["group", "club", "circle", "society", "session", "network", "collective", "drop-in", "hub", "project"];

    private static readonly string[] Openings =
    [
        "A friendly {0} group for anyone who wants to join in.",
        "We meet to enjoy {0} together and have a chat afterwards.",
        "Relaxed {0} sessions for beginners and old hands alike.",
        "Our volunteers run {0} for people of all abilities.",
        "Come and try {0} in a welcoming, unhurried atmosphere.",
        "{1} neighbours getting together for {0}.",
    ];

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
        "Refreshments are included and there is a warm room to sit in.",
        "Carers and family members are very welcome too.",
        "The venue is on a bus route and has parking nearby.",
        "We also arrange trips and celebrations through the year.",
        "Sessions are informal and nobody is made to feel left out.",
        "Many people come because their doctor or link worker suggested it.",
    ];

    private static readonly string[] Involvement =
    [
        "Just turn up; the first session is free.",
        "Ring the organiser before your first visit so we can say hello.",
        "Email us and we will send you the dates.",
        "Ask your link worker to introduce you.",
        "Book a place online or at the library desk.",
        "Drop in any week; no booking needed.",
    ];

    private static readonly string[] Streets = ["High Street", "Church Lane", "Station Road", "Park Avenue", "Mill Lane", "Victoria Road", "Queen Street", "King Street", "Market Place", "School Lane"];

    private static readonly string[] Venues = ["community centre", "church hall", "library", "sports centre", "village hall", "park pavilion", "community garden", "leisure centre", "youth centre", "health centre"];

    private static readonly string[] Languages = ["English", "Welsh", "Polish", "Urdu", "Punjabi", "Bengali", "Arabic", "Gaelic", "Somali"];

    private static readonly string[] Days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    private readonly double[] cumulative = Cumulative();

    /// <summary>The "what" and "who" taxonomies (with every term) the assets are tagged from.</summary>
    public static IReadOnlyList<Taxonomy> Taxonomies() => DemoTaxonomies.Create();

    /// <summary>
    /// <paramref name="count"/> assets in a fixed order, each with its children; an asset whose organisation has not
    /// appeared before brings it along. Streams: nothing is kept between assets but the current organisation.
    /// </summary>
    public IEnumerable<GeneratedAsset> Assets(int count)
    {
        var random = new Random(seed);
        Organization? organization = null;
        UkPlace place = UkPlaces.All[0];
        for (var i = 0; i < count; i++)
        {
            Organization? fresh = null;
            if (i % 5 == 0)
            {
                place = PickPlace(random);
                organization = fresh = new Organization
                {
                    Id = NextGuid(random),
                    Name = $"{place.Name} {Pick(random, Prefixes)} {Pick(random, ["Trust", "Association", "Partnership", "Friends", "Community Interest Company", "Charity"])}",
                    LastModified = ToUtc(Today.AddDays(-random.Next(700))),
                    ClaimedAt = random.Next(5) == 0 ? ToUtc(Today.AddDays(-random.Next(300))) : null,
                };
            }

            yield return new GeneratedAsset(CreateAsset(random, organization!, place, i), fresh);
        }
    }

    /// <summary>Synthetic postcodes (about one per 2,000 people, at least 20 a place) scattered near each town, unique.</summary>
    public IEnumerable<Postcode> Postcodes()
    {
        var random = new Random(seed + 1);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var place in UkPlaces.All)
        {
            var count = Math.Max(20, place.PopulationThousands / 2);
            for (var j = 0; j < count; j++)
            {
                var outward = string.Create(CultureInfo.InvariantCulture, $"{place.PostcodeArea}{1 + (j % 9)}");
                var inward = string.Create(CultureInfo.InvariantCulture, $"{random.Next(10)}{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}");
                if (!seen.Add(outward + inward))
                {
                    continue;
                }

                var (lat, lon) = Scatter(random, place, SpreadKm(place));
                yield return new Postcode { Code = outward + inward, Display = $"{outward} {inward}", District = outward, Latitude = lat, Longitude = lon };
            }
        }
    }

    /// <summary>How far from the centre assets and postcodes of a place spread: a few km for a town, more for a city.</summary>
    public static double SpreadKm(UkPlace place) => 2 + (3 * Math.Sqrt(place.PopulationThousands / 100.0));

    /// <summary>A place picked with probability proportional to its population.</summary>
    public UkPlace PickPlace(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var index = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
        return UkPlaces.All[Math.Clamp(index < 0 ? ~index : index, 0, UkPlaces.All.Count - 1)];
    }

    /// <summary>A point around the place's centre, denser near the middle (normal-ish, within about 2 × the spread).</summary>
    public static (double Latitude, double Longitude) Scatter(Random random, UkPlace place, double spreadKm)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(place);
        var distanceKm = spreadKm * Math.Abs((random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) / 0.75);
        var bearing = random.NextDouble() * 2 * Math.PI;
        return (place.Latitude + (distanceKm * Math.Cos(bearing) / 111.2),
            place.Longitude + (distanceKm * Math.Sin(bearing) / (111.2 * Math.Cos(place.Latitude * Math.PI / 180))));
    }

    private static Guid NextGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static DateTime ToUtc(DateOnly date) => date.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);

    private static double[] Cumulative()
    {
        var result = new double[UkPlaces.All.Count];
        var total = 0.0;
        for (var i = 0; i < result.Length; i++)
        {
            total += UkPlaces.All[i].PopulationThousands;
            result[i] = total;
        }

        return result;
    }

    private static CommunityAsset CreateAsset(Random random, Organization organization, UkPlace place, int i)
    {
        var (activity, what) = Pick(random, Activities);
        var roll = random.Next(1000);
        var national = roll < 8;
        var regional = !national && roll < 60;
        var local = !national && !regional && roll < 420;
        var prefix = Pick(random, Prefixes);
        var titled = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(activity);
        var name = national
            ? $"{titled} {Pick(random, ["helpline", "online", "network UK", "national line"])}"
            : $"{prefix} {titled} {Pick(random, GroupWords)}";
        var description = string.Format(CultureInfo.InvariantCulture, Pick(random, Openings), activity, place.Name)
            + " " + string.Join(' ', Enumerable.Range(0, 2 + random.Next(3)).Select(_ => Pick(random, Sentences)));
        var modified = ToUtc(Today.AddDays(-random.Next(700))).AddMinutes(i % 1440);
        var asset = new CommunityAsset
        {
            Id = NextGuid(random),
            Name = name,
            Description = description,
            HowToGetInvolved = Pick(random, Involvement),
            OrganizationId = organization.Id,
            Kind = national ? AssetKind.Institution : (AssetKind)random.Next(5),
            LastVerifiedOn = random.Next(10) == 0 ? null : Today.AddDays(-random.Next(730)),
            MinimumAge = random.Next(6) == 0 ? Pick(random, new[] { 18, 50, 55, 65 }) : null,
            MaximumAge = random.Next(15) == 0 ? Pick(random, new[] { 11, 18, 25 }) : null,
            FeesDescription = random.Next(4) == 0 ? "A small charge covers tea and the room." : null,
            CreatedAt = modified.AddDays(-random.Next(400)),
            LastModified = modified,
        };
        if (asset is { MinimumAge: { } min, MaximumAge: { } max } && max < min)
        {
            asset.MaximumAge = null;
        }

        asset.TaxonomyTerms.Add(new AssetTaxonomyTerm { ServiceId = asset.Id, TaxonomyTermId = DemoTaxonomies.What(what) });
        if (random.Next(4) == 0)
        {
            var second = Pick(random, Activities).What;
            if (second != what)
            {
                asset.TaxonomyTerms.Add(new AssetTaxonomyTerm { ServiceId = asset.Id, TaxonomyTermId = DemoTaxonomies.What(second) });
            }
        }

        if (random.Next(3) == 0)
        {
            asset.TaxonomyTerms.Add(new AssetTaxonomyTerm { ServiceId = asset.Id, TaxonomyTermId = DemoTaxonomies.Who(Pick(random, DemoTaxonomies.WhoTerms).Code) });
        }

        var (lat, lon) = Scatter(random, place, SpreadKm(place));
        if (national)
        {
            var online = new Location { Id = NextGuid(random), OrganizationId = organization.Id, Name = "Online and by phone", LocationType = LocationType.Virtual, Url = "https://example.invalid/join", LastModified = modified };
            asset.ServiceAtLocations.Add(new ServiceAtLocation { Id = NextGuid(random), ServiceId = asset.Id, LocationId = online.Id, Location = online });
        }
        else
        {
            AddPlace(random, asset, organization, place, lat, lon, modified);
            if (random.Next(20) == 0)
            {
                var (lat2, lon2) = Scatter(random, place, SpreadKm(place));
                AddPlace(random, asset, organization, place, lat2, lon2, modified);
            }
        }

        AddSchedule(random, asset, national);
        var paid = random.Next(5) < 2;
        asset.CostOptions.Add(new CostOption { Id = NextGuid(random), ServiceId = asset.Id, Option = "Per session", Amount = paid ? 1 + random.Next(6) : 0m });
        if (random.Next(12) == 0)
        {
            asset.Languages.Add(new Language { Id = NextGuid(random), ServiceId = asset.Id, Name = Pick(random, Languages) });
        }

        if (national)
        {
            asset.ServiceAreas.Add(new ServiceArea { Id = NextGuid(random), ServiceId = asset.Id, Name = "United Kingdom", ExtentType = "geojson", Extent = UnitedKingdom });
        }
        else if (regional)
        {
            asset.ServiceAreas.Add(new ServiceArea { Id = NextGuid(random), ServiceId = asset.Id, Name = $"Around {place.Name}", ExtentType = "geojson", Extent = CountyPolygon(random, place) });
        }
        else if (local)
        {
            asset.ServiceAreas.Add(new ServiceArea { Id = NextGuid(random), ServiceId = asset.Id, Name = $"{place.Name} area", CentreLatitude = lat, CentreLongitude = lon, RadiusMetres = 2000 + random.Next(8001) });
        }

        return asset;
    }

    private static void AddPlace(Random random, CommunityAsset asset, Organization organization, UkPlace place, double lat, double lon, DateTime modified)
    {
        var venue = Pick(random, Venues);
        var location = new Location
        {
            Id = NextGuid(random),
            OrganizationId = organization.Id,
            Name = $"{Pick(random, Prefixes)} {venue}",
            LocationType = LocationType.Physical,
            Latitude = Math.Round(lat, 6),
            Longitude = Math.Round(lon, 6),
            LastModified = modified,
        };
        location.Addresses.Add(new Address
        {
            Id = NextGuid(random),
            LocationId = location.Id,
            Address1 = string.Create(CultureInfo.InvariantCulture, $"{1 + random.Next(200)} {Pick(random, Streets)}"),
            City = place.Name,
            StateProvince = "England",
            PostalCode = string.Create(CultureInfo.InvariantCulture, $"{place.PostcodeArea}{1 + random.Next(9)} {random.Next(10)}{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}"),
        });
        foreach (var feature in Enum.GetValues<AccessibilityFeature>())
        {
            if (random.Next(feature == AccessibilityFeature.StepFreeAccess ? 2 : 6) == 0)
            {
                location.Accessibility.Add(new Accessibility { Id = NextGuid(random), LocationId = location.Id, Feature = feature });
            }
        }

        asset.ServiceAtLocations.Add(new ServiceAtLocation { Id = NextGuid(random), ServiceId = asset.Id, LocationId = location.Id, Location = location });
    }

    private static void AddSchedule(Random random, CommunityAsset asset, bool national)
    {
        var opens = new TimeOnly(national ? 9 : 9 + random.Next(11), random.Next(2) * 30);
        var schedule = new Schedule
        {
            Id = NextGuid(random),
            ServiceId = asset.Id,
            OpensAt = opens,
            ClosesAt = national ? new TimeOnly(17, 0) : opens.AddHours(1 + random.Next(3)),
            AttendingType = national ? "online" : "in person",
        };
        var kind = national ? 0 : random.Next(10);
        if (national)
        {
            schedule.Freq = "WEEKLY";
            schedule.ByDay = "MO,TU,WE,TH,FR";
        }
        else if (kind < 6)
        {
            schedule.Freq = "WEEKLY";
            schedule.ByDay = random.Next(5) == 0 ? $"{Pick(random, Days)},{Pick(random, Days)}" : Pick(random, Days);
        }
        else if (kind < 8)
        {
            schedule.Freq = "WEEKLY";
            schedule.Interval = 2;
            schedule.ByDay = Pick(random, Days);
            schedule.DtStart = Today.AddDays(-random.Next(14));
        }
        else
        {
            schedule.Freq = "MONTHLY";
            schedule.ByDay = string.Create(CultureInfo.InvariantCulture, $"{1 + random.Next(4)}{Pick(random, Days)}");
        }

        if (schedule.ByDay == "SU,SU" || (schedule.ByDay?.Length == 5 && schedule.ByDay[..2] == schedule.ByDay[3..]))
        {
            schedule.ByDay = schedule.ByDay[..2];
        }

        asset.Schedules.Add(schedule);
    }

    /// <summary>A rough octagon 30–70 km across the place's surroundings, as a GeoJSON Polygon: about a county.</summary>
    private static string CountyPolygon(Random random, UkPlace place)
    {
        var radiusKm = 30 + random.Next(41);
        var points = new List<string>();
        for (var k = 0; k <= 8; k++)
        {
            var angle = (k % 8) * Math.PI / 4;
            var r = radiusKm * (k % 8 == 0 ? 1 : 0.85 + (0.3 * ((k * 37 % 10) / 10.0)));
            var lat = place.Latitude + (r * Math.Cos(angle) / 111.2);
            var lon = place.Longitude + (r * Math.Sin(angle) / (111.2 * Math.Cos(place.Latitude * Math.PI / 180)));
            points.Add(string.Create(CultureInfo.InvariantCulture, $"[{lon:0.0000},{lat:0.0000}]"));
        }

        return $"{{\"type\":\"Polygon\",\"coordinates\":[[{string.Join(',', points)}]]}}";
    }

    /// <summary>A generous box around the whole UK: a national service area.</summary>
    private const string UnitedKingdom = "{\"type\":\"Polygon\",\"coordinates\":[[[-8.7,49.8],[1.9,49.8],[1.9,60.9],[-8.7,60.9],[-8.7,49.8]]]}";
}
