using System.Globalization;

namespace Kith.PostgresBaseline;

/// <summary>The five query shapes of the search benchmark (issue 4, "Search at scale").</summary>
public enum Shape
{
    /// <summary>Two words, anywhere.</summary>
    Text,

    /// <summary>Two words within 5 km of a postcode.</summary>
    TextNear,

    /// <summary>A "what" term within 10 km, running on a given day at a given time.</summary>
    CategoryNearOpen,

    /// <summary>Nothing but a postcode: the nearest assets.</summary>
    PostcodeOnly,

    /// <summary>Two words, one of them misspelt by one letter.</summary>
    Typo,
}

/// <summary>One query of the workload: the same values go to Kith and to PostgreSQL.</summary>
public sealed record WorkloadQuery(Shape Shape, string? Text, double? Latitude, double? Longitude, double? RadiusKm, string? WhatCode, DayOfWeek? Day, TimeOnly? Time)
{
    /// <summary>The query as a Kith API query string, for the record and for the HTTP script.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        if (Text is not null)
        {
            parts.Add("q=" + Uri.EscapeDataString(Text));
        }

        if (Latitude is { } lat && Longitude is { } lon)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"lat={lat:0.#####}&lon={lon:0.#####}"));
        }

        if (RadiusKm is { } radius)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"radius={radius}"));
        }

        if (WhatCode is not null)
        {
            parts.Add("what=" + WhatCode);
        }

        if (Day is { } day)
        {
            parts.Add("day=" + day.ToString().ToLowerInvariant());
        }

        if (Time is { } time)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"time={time:HH\\:mm}"));
        }

        return string.Join('&', parts);
    }
}

/// <summary>
/// Builds a deterministic workload: centres are postcodes drawn from the database (so they follow where people live,
/// as the generator places them), words are activities and group words the synthetic directory uses.
/// </summary>
public static class Workload
{
    private static readonly string[] Activities =
    [
        "walking", "yoga", "tai chi", "pilates", "dance", "football", "bowls", "cycling", "swimming", "gardening",
        "allotment", "knitting", "painting", "pottery", "writing", "sewing", "choir", "singing", "ukulele", "lunch",
        "cookery", "cafe", "money advice", "debt", "peer support", "mindfulness", "language", "history", "chess",
        "volunteering", "befriending", "coffee morning", "bingo", "friendship", "quiz", "nature", "birdwatching",
        "conservation", "toddler", "homework", "digital skills", "computer", "carers", "housing", "tenants", "heritage",
        "job club", "health check", "memory cafe",
    ];

    private static readonly string[] GroupWords = ["group", "club", "circle", "society", "session", "network", "hub", "project"];

    /// <summary>"What" codes the generator gives assets (children of "physical activity" and the other top-level terms).</summary>
    public static readonly string[] WhatCodes =
    [
        "walking-groups", "gentle-exercise", "dance", "sport", "gardening", "arts-crafts", "music-singing", "food-cooking",
        "mental-wellbeing", "learning", "social", "nature", "families", "digital", "carers-support", "health",
    ];

    private static readonly TimeOnly[] Times = [new(10, 0), new(10, 30), new(11, 0), new(14, 0), new(15, 0), new(18, 30), new(19, 0)];

    /// <summary>Makes <paramref name="perShape"/> queries of each shape, interleaved (one of each shape in turn).</summary>
    public static IReadOnlyList<WorkloadQuery> Create(IReadOnlyList<(double Latitude, double Longitude)> centres, int perShape, int seed)
    {
        ArgumentNullException.ThrowIfNull(centres);
        if (centres.Count == 0)
        {
            throw new InvalidOperationException("The database has no postcodes to search around. Seed it with bench/Kith.DirectoryBench first.");
        }

        var random = new Random(seed);
        var queries = new List<WorkloadQuery>(perShape * 5);
        for (var i = 0; i < perShape; i++)
        {
            var (lat, lon) = centres[random.Next(centres.Count)];
            queries.Add(new WorkloadQuery(Shape.Text, TwoWords(random), null, null, null, null, null, null));
            (lat, lon) = centres[random.Next(centres.Count)];
            queries.Add(new WorkloadQuery(Shape.TextNear, TwoWords(random), lat, lon, 5, null, null, null));
            (lat, lon) = centres[random.Next(centres.Count)];
            queries.Add(new WorkloadQuery(
                Shape.CategoryNearOpen, null, lat, lon, 10, WhatCodes[random.Next(WhatCodes.Length)], (DayOfWeek)random.Next(7), Times[random.Next(Times.Length)]));
            (lat, lon) = centres[random.Next(centres.Count)];
            queries.Add(new WorkloadQuery(Shape.PostcodeOnly, null, lat, lon, null, null, null, null));
            queries.Add(new WorkloadQuery(Shape.Typo, Misspell(TwoWords(random), random), null, null, null, null, null, null));
        }

        return queries;
    }

    /// <summary>An activity and a group word, e.g. "choir club", or a two-word activity alone, e.g. "tai chi".</summary>
    private static string TwoWords(Random random)
    {
        var activity = Activities[random.Next(Activities.Length)];
        return activity.Contains(' ', StringComparison.Ordinal) ? activity : activity + " " + GroupWords[random.Next(GroupWords.Length)];
    }

    /// <summary>Drops one letter from inside the longest word ("gardening club" becomes e.g. "gardning club").</summary>
    private static string Misspell(string words, Random random)
    {
        var parts = words.Split(' ');
        var longest = Array.IndexOf(parts, parts.MaxBy(p => p.Length));
        var word = parts[longest];
        if (word.Length >= 4)
        {
            var at = 1 + random.Next(word.Length - 2);
            parts[longest] = word.Remove(at, 1);
        }

        return string.Join(' ', parts);
    }
}
