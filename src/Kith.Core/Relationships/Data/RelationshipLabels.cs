using System.Globalization;

namespace Kith.Core.Relationships.Data;

/// <summary>
/// The words the pages, the CSV template and the exports use for the map's kinds, types and bands, and the
/// forgiving parse of those words back (case, spaces, hyphens and underscores ignored; the enum's own name accepted too).
/// </summary>
public static class RelationshipLabels
{
    private static readonly Dictionary<ActorKind, string> Kinds = new()
    {
        [ActorKind.StaffMember] = "staff member",
        [ActorKind.Team] = "team",
        [ActorKind.Organisation] = "organisation",
        [ActorKind.CommunityGroup] = "community group",
        [ActorKind.CommunityAsset] = "community asset",
        [ActorKind.ResidentRepresentative] = "resident representative",
    };

    private static readonly Dictionary<TieType, string> Types = new()
    {
        [TieType.WorksWith] = "works with",
        [TieType.RefersTo] = "refers to",
        [TieType.Funds] = "funds",
        [TieType.SharesInformationWith] = "shares information with",
        [TieType.Trusts] = "trusts",
        [TieType.SeeksAdviceFrom] = "seeks advice from",
    };

    private static readonly Dictionary<TieFrequency, string> Frequencies = new()
    {
        [TieFrequency.Daily] = "daily",
        [TieFrequency.Weekly] = "weekly",
        [TieFrequency.Monthly] = "monthly",
        [TieFrequency.FewTimesAYear] = "a few times a year",
        [TieFrequency.Rarely] = "rarely",
    };

    private static readonly Dictionary<BudgetBand, string> Bands = new()
    {
        [BudgetBand.Under10k] = "under £10,000",
        [BudgetBand.From10kTo100k] = "£10,000 to £100,000",
        [BudgetBand.From100kTo1m] = "£100,000 to £1 million",
        [BudgetBand.Over1m] = "over £1 million",
    };

    private static readonly Dictionary<TimeToGive, string> Times = new()
    {
        [TimeToGive.None] = "none",
        [TimeToGive.Little] = "a little",
        [TimeToGive.Some] = "some",
        [TimeToGive.Plenty] = "plenty",
    };

    private static readonly Dictionary<TieSource, string> Sources = new()
    {
        [TieSource.Survey] = "survey answer",
        [TieSource.Declared] = "declared by an editor",
        [TieSource.Observed] = "observed from Kith's introductions",
    };

    public static string Of(ActorKind kind) => Kinds[kind];

    public static string Of(TieType type) => Types[type];

    public static string Of(TieFrequency frequency) => Frequencies[frequency];

    public static string Of(BudgetBand band) => Bands[band];

    public static string Of(TimeToGive time) => Times[time];

    public static string Of(TieSource source) => Sources[source];

    /// <summary>The capitalised label, for the start of a table cell.</summary>
    public static string Capitalised(string label) =>
        string.IsNullOrEmpty(label) ? label : char.ToUpper(label[0], CultureInfo.InvariantCulture) + label[1..];

    /// <summary>Whether a tie of this type runs one way unless said otherwise ("refers to", "funds"); "works with" and "shares information with" are mutual.</summary>
    public static bool DirectedByDefault(TieType type) => type is not (TieType.WorksWith or TieType.SharesInformationWith);

    /// <summary>The kinds' labels, in order, for "use one of …" messages.</summary>
    public static string KindList => string.Join(", ", Kinds.Values);

    public static string TypeList => string.Join(", ", Types.Values);

    public static string FrequencyList => string.Join(", ", Frequencies.Values);

    public static string BandList => "under 10k, 10k to 100k, 100k to 1m, over 1m";

    public static string TimeList => string.Join(", ", Times.Values);

    public static bool TryParse(string text, out ActorKind kind) => TryParse(text, Kinds, out kind);

    public static bool TryParse(string text, out TieType type) => TryParse(text, Types, out type);

    public static bool TryParse(string text, out TieFrequency frequency) => TryParse(text, Frequencies, out frequency);

    public static bool TryParse(string text, out TimeToGive time) => TryParse(text, Times, out time);

    public static bool TryParse(string text, out BudgetBand band)
    {
        var key = Key(text).Replace("£", string.Empty, StringComparison.Ordinal).Replace(",000", "k", StringComparison.Ordinal)
            .Replace("000", "k", StringComparison.Ordinal).Replace("million", "m", StringComparison.Ordinal).Replace("from", string.Empty, StringComparison.Ordinal);
        band = key switch
        {
            "under10k" => BudgetBand.Under10k,
            "10kto100k" => BudgetBand.From10kTo100k,
            "100kto1m" => BudgetBand.From100kTo1m,
            "over1m" => BudgetBand.Over1m,
            _ => (BudgetBand)(-1),
        };
        return Enum.IsDefined(band);
    }

    private static bool TryParse<T>(string text, Dictionary<T, string> labels, out T value)
        where T : struct, Enum
    {
        var key = Key(text);
        foreach (var (candidate, label) in labels)
        {
            if (Key(label) == key || Key(candidate.ToString()) == key)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static string Key(string text) =>
        new([.. text.Trim().ToLowerInvariant().Where(c => c is not (' ' or '-' or '_' or '\'' or '’'))]);
}
