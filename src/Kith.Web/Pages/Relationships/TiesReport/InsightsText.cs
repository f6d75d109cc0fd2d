using Kith.Core.Relationships;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Kith.Web.Pages.Relationships.TiesReport;

/// <summary>Words the insight pages share: tie types, actor kinds and strengths as people read them.</summary>
public static class InsightsText
{
    /// <summary>"works with", for the middle of a sentence.</summary>
    public static string TieType(TieType type) => type switch
    {
        Core.Relationships.TieType.WorksWith => "works with",
        Core.Relationships.TieType.RefersTo => "refers to",
        Core.Relationships.TieType.Funds => "funds",
        Core.Relationships.TieType.SharesInformationWith => "shares information with",
        Core.Relationships.TieType.Trusts => "trusts",
        Core.Relationships.TieType.SeeksAdviceFrom => "seeks advice from",
        _ => type.ToString(),
    };

    /// <summary>"Works with", for a checkbox or a table heading.</summary>
    public static string TieTypeLabel(TieType type)
    {
        var words = TieType(type);
        return string.Concat(words[..1].ToUpperInvariant(), words[1..]);
    }

    public static string Kind(ActorKind kind) => kind switch
    {
        ActorKind.StaffMember => "Staff member",
        ActorKind.Team => "Team",
        ActorKind.Organisation => "Organisation",
        ActorKind.CommunityGroup => "Community group",
        ActorKind.CommunityAsset => "Community asset",
        ActorKind.ResidentRepresentative => "Resident representative",
        _ => kind.ToString(),
    };

    /// <summary>The text with its first letter in lower case, to run on inside a sentence.</summary>
    public static string LowerFirst(string text) =>
        string.IsNullOrEmpty(text) ? text : string.Concat(text[..1].ToLowerInvariant(), text[1..]);

    /// <summary>A mean strength to one decimal place ("3.5").</summary>
    public static string Strength(double mean) => mean.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A share 0–1 as a whole percentage ("12%"), or "less than 1%" for a small share above zero.</summary>
    public static string Percent(double share) =>
        share > 0 && share < 0.005 ? "less than 1%" : (share * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "%";

    /// <summary>A figure to two decimal places ("0.42").</summary>
    public static string Figure(double value) => value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"1 tie", "3 ties"; likewise for other nouns with a plain "s" plural.</summary>
    public static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    /// <summary>
    /// Reads a snapshot id from a GET form: null when empty; the id when it names one of <paramref name="snapshots"/>;
    /// otherwise null with "Select a snapshot from the list" added under <paramref name="key"/>.
    /// </summary>
    public static Guid? ReadSnapshot(string? value, IEnumerable<RelationshipSnapshot> snapshots, string key, ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(modelState);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Guid.TryParse(value, out var id) && snapshots.Any(s => s.Id == id))
        {
            return id;
        }

        modelState.AddModelError(key, "Select a snapshot from the list");
        return null;
    }

    /// <summary>Reads tie type names from a GET form, adding "Select tie types from the list" for any other value.</summary>
    public static List<TieType> ReadTieTypes(IEnumerable<string> values, string key, ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(modelState);
        var types = new List<TieType>();
        foreach (var value in values.Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            if (Enum.TryParse<TieType>(value.Trim(), ignoreCase: true, out var type) && Enum.IsDefined(type) && !char.IsAsciiDigit(value.Trim()[0]))
            {
                types.Add(type);
            }
            else
            {
                modelState.AddModelError(key, "Select tie types from the list");
                return [];
            }
        }

        return types.Distinct().ToList();
    }
}

/// <summary>What _PairTable.cshtml shows: a caption, the first column's heading, the pairs shown and how many there are in all.</summary>
public sealed record PairTable(string Caption, string Heading, IReadOnlyList<Kith.Core.Relationships.Insights.GroupPair> Pairs, int Total);
