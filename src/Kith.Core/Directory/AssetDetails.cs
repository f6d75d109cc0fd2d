using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kith.Core.Directory;

/// <summary>
/// The editable shape of a community asset: what an editor fills in, what a revision snapshots and
/// what two versions are compared on. <see cref="AssetService"/> maps it onto the HSDS-shaped model.
/// </summary>
public sealed record AssetDetails
{
    public string Name { get; init; } = string.Empty;

    public AssetKind Kind { get; init; } = AssetKind.Association;

    /// <summary>An organisation already in the directory. Either this or <see cref="NewOrganizationName"/>.</summary>
    public Guid? OrganizationId { get; init; }

    /// <summary>The name of an organisation to add with the asset.</summary>
    public string? NewOrganizationName { get; init; }

    public string? Description { get; init; }

    public string? HowToGetInvolved { get; init; }

    public IntroductionPolicy IntroductionPolicy { get; init; } = IntroductionPolicy.SignpostOnly;

    public AssetStatus Status { get; init; } = AssetStatus.Active;

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? Website { get; init; }

    public bool InPerson { get; init; }

    public bool Online { get; init; }

    /// <summary>Where people join online (a meeting or stream link), when <see cref="Online"/>.</summary>
    public string? OnlineLink { get; init; }

    /// <summary>The main place it happens, when <see cref="InPerson"/>.</summary>
    public AssetPlace? Place { get; init; }

    /// <summary>Accessibility features at <see cref="Place"/>.</summary>
    public IReadOnlyList<AccessibilityFeature> Accessibility { get; init; } = [];

    public IReadOnlyList<ScheduleRule> Schedules { get; init; } = [];

    /// <summary>Null or zero means free; otherwise pounds per session or as <see cref="CostDescription"/> says.</summary>
    public decimal? CostAmount { get; init; }

    public string? CostDescription { get; init; }

    /// <summary>Youngest age in whole years, inclusive.</summary>
    public int? MinimumAge { get; init; }

    /// <summary>Oldest age in whole years, inclusive.</summary>
    public int? MaximumAge { get; init; }

    /// <summary>Terms from the "What" taxonomy (<see cref="KithTaxonomies.What"/>).</summary>
    public IReadOnlyList<Guid> WhatTermIds { get; init; } = [];

    /// <summary>Terms from the "Who" taxonomy (<see cref="KithTaxonomies.Who"/>).</summary>
    public IReadOnlyList<Guid> WhoTermIds { get; init; } = [];

    /// <summary>Languages spoken, by name ("English", "Polish").</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    [JsonIgnore]
    public bool IsFree => CostAmount is null or 0m;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>JSON as stored in a revision snapshot or a journey draft.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <exception cref="JsonException">When the text is not an asset's details.</exception>
    public static AssetDetails FromJson(string json) =>
        JsonSerializer.Deserialize<AssetDetails>(json, JsonOptions) ?? throw new JsonException("The JSON held no asset details.");
}

/// <summary>The main place an asset happens. <see cref="Postcode"/> is looked up for the map position when saved.</summary>
public sealed record AssetPlace(string? Name, string AddressLine1, string Town, string Postcode);

/// <summary>How often a regular time repeats.</summary>
public enum ScheduleFrequency
{
    Weekly,
    Fortnightly,
    Monthly,
}

/// <summary>
/// A simple regular time: every week, every other week, or one week of each month, on one or more
/// days, between two local (Europe/London) times; <see cref="Closes"/> is exclusive.
/// </summary>
/// <param name="WeekOfMonth">For <see cref="ScheduleFrequency.Monthly"/>: 1 to 4, or -1 for the last week.</param>
public sealed record ScheduleRule(ScheduleFrequency Frequency, IReadOnlyList<DayOfWeek> Days, TimeOnly Opens, TimeOnly Closes, int? WeekOfMonth = null)
{
    public bool Equals(ScheduleRule? other) =>
        other is not null && Frequency == other.Frequency && Days.SequenceEqual(other.Days) && Opens == other.Opens
        && Closes == other.Closes && WeekOfMonth == other.WeekOfMonth;

    public override int GetHashCode() => HashCode.Combine(Frequency, Days.Count, Opens, Closes, WeekOfMonth);

    /// <summary>In words, e.g. "Tuesdays and Thursdays, 10:00 to 12:00" or "Second Monday of the month, 18:30 to 20:00".</summary>
    public string Describe()
    {
        var culture = CultureInfo.GetCultureInfo("en-GB");
        var times = $"{Opens.ToString("HH:mm", culture)} to {Closes.ToString("HH:mm", culture)}";
        switch (Frequency)
        {
            case ScheduleFrequency.Monthly:
                var ordinal = WeekOfMonth switch
                {
                    1 => "First",
                    2 => "Second",
                    3 => "Third",
                    4 => "Fourth",
                    _ => "Last",
                };
                return $"{ordinal} {JoinDays(Days.Select(d => d.ToString()))} of the month, {times}";
            case ScheduleFrequency.Fortnightly:
                return $"Every other {JoinDays(Days.Select(d => d.ToString()))}, {times}";
            default:
                return $"{JoinDays(Days.Select(d => d + "s"))}, {times}";
        }
    }

    private static string JoinDays(IEnumerable<string> days)
    {
        var list = days.ToList();
        return list.Count switch
        {
            0 => "No day",
            1 => list[0],
            _ => string.Join(", ", list[..^1]) + " and " + list[^1],
        };
    }
}
