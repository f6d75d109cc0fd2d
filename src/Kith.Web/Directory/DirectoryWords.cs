using System.Globalization;
using Kith.Core.Directory;

namespace Kith.Web.Directory;

/// <summary>How the public directory names things in plain words (UK English).</summary>
public static class DirectoryWords
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Kind(AssetKind kind) => AssetKindNames.Label(kind);

    /// <summary>A hint for the kind filter, saying what falls under it.</summary>
    public static string KindHint(AssetKind kind) => kind switch
    {
        AssetKind.Association => "Run by the people who take part, like a walking group or a choir",
        AssetKind.Institution => "Run by a council, charity, health service or business",
        AssetKind.Physical => "Parks, halls, gardens and buildings you can use",
        AssetKind.Economic => "Time banks, credit unions and local businesses",
        AssetKind.Cultural => "Heritage, stories, traditions and the arts",
        _ => string.Empty,
    };

    public static string Feature(AccessibilityFeature feature) => AccessibilityFeatureNames.Label(feature);

    /// <summary>"850 m away" below a kilometre, otherwise "1.2 km away".</summary>
    public static string Distance(double metres) => metres < 1000
        ? string.Create(English, $"{Math.Round(metres / 10) * 10:0} m away")
        : string.Create(English, $"{metres / 1000:0.0} km away");

    /// <summary>"3 March 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", English);

    /// <summary>The ages an asset is for, or null when it is for everyone.</summary>
    public static string? Ages(int? minimum, int? maximum) => (minimum, maximum) switch
    {
        (null or 0, null) => null,
        ({ } min, null) => string.Create(English, $"Ages {min} and over"),
        (null or 0, { } max) => string.Create(English, $"Ages up to {max}"),
        ({ } min, { } max) => string.Create(English, $"Ages {min} to {max}"),
    };

    /// <summary>A cost in words: "Free", or "£3.50 per session" from the amount and what it is for.</summary>
    public static string Cost(CostOption cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        var amount = cost.Amount is null or 0m
            ? "Free"
            : string.Equals(cost.Currency ?? "GBP", "GBP", StringComparison.OrdinalIgnoreCase)
                ? cost.Amount.Value.ToString(cost.Amount.Value % 1 == 0 ? "£0" : "£0.00", English)
                : string.Create(English, $"{cost.Amount.Value:0.00} {cost.Currency}");
        var words = string.IsNullOrWhiteSpace(cost.Option) || string.Equals(cost.Option.Trim(), amount, StringComparison.OrdinalIgnoreCase)
            ? amount
            : $"{amount}: {cost.Option}";
        return string.IsNullOrWhiteSpace(cost.AmountDescription) ? words : $"{words} ({cost.AmountDescription})";
    }
}
