using System.Globalization;

namespace Kith.Core.Directory;

/// <summary>One editable field of <see cref="AssetDetails"/> as people see it: a label and the value in words.</summary>
/// <param name="Label">Plain words, e.g. "Opening times".</param>
/// <param name="Display">The value in words; names of organisations and taxonomy terms come from the lookup.</param>
/// <param name="Copy">Takes this field's value from the first details into the second.</param>
public sealed record AssetField(string Label, Func<AssetDetails, Func<Guid, string>, string> Display, Func<AssetDetails, AssetDetails, AssetDetails> Copy);

/// <summary>The fields of an asset in the order editors meet them, and how two versions differ.</summary>
public static class AssetFields
{
    /// <summary>What an empty optional field reads as.</summary>
    public const string NotGiven = "Not given";

    public static IReadOnlyList<AssetField> All { get; } =
    [
        new("Name", (d, _) => Text(d.Name),
            (from, to) => to with { Name = from.Name }),
        new("Type of asset", (d, _) => KindLabel(d.Kind),
            (from, to) => to with { Kind = from.Kind }),
        new("Organisation", (d, names) => d.OrganizationId is { } id ? names(id) : d.NewOrganizationName is { Length: > 0 } n ? $"{n} (new)" : NotGiven,
            (from, to) => to with { OrganizationId = from.OrganizationId, NewOrganizationName = from.NewOrganizationName }),
        new("Description", (d, _) => Text(d.Description),
            (from, to) => to with { Description = from.Description }),
        new("How to get involved", (d, _) => Text(d.HowToGetInvolved),
            (from, to) => to with { HowToGetInvolved = from.HowToGetInvolved }),
        new("Introductions", (d, _) => IntroductionLabel(d.IntroductionPolicy),
            (from, to) => to with { IntroductionPolicy = from.IntroductionPolicy }),
        new("Status", (d, _) => StatusLabel(d.Status),
            (from, to) => to with { Status = from.Status }),
        new("How people take part", (d, _) => (d.InPerson, d.Online) switch
        {
            (true, true) => "In person and online",
            (true, false) => "In person",
            (false, true) => "Online",
            _ => NotGiven,
        },
            (from, to) => to with { InPerson = from.InPerson, Online = from.Online }),
        new("Address", (d, _) => d.InPerson && d.Place is { } p
            ? string.Join(", ", new[] { p.Name, p.AddressLine1, p.Town, p.Postcode }.Where(s => !string.IsNullOrWhiteSpace(s)))
            : NotGiven,
            (from, to) => to with { Place = from.Place }),
        new("Online link", (d, _) => d.Online ? Text(d.OnlineLink) : NotGiven,
            (from, to) => to with { OnlineLink = from.OnlineLink }),
        new("Accessibility", (d, _) => List(d.InPerson ? d.Accessibility.Select(AccessibilityLabel) : []),
            (from, to) => to with { Accessibility = from.Accessibility }),
        new("Opening times", (d, _) => d.Schedules.Count == 0 ? "No regular times" : string.Join("; ", d.Schedules.Select(s => s.Describe())),
            (from, to) => to with { Schedules = from.Schedules }),
        new("Cost", (d, _) => CostLabel(d),
            (from, to) => to with { CostAmount = from.CostAmount, CostDescription = from.CostDescription }),
        new("Age range", (d, _) => AgeLabel(d.MinimumAge, d.MaximumAge),
            (from, to) => to with { MinimumAge = from.MinimumAge, MaximumAge = from.MaximumAge }),
        new("What it offers", (d, names) => List(d.WhatTermIds.Select(names)),
            (from, to) => to with { WhatTermIds = from.WhatTermIds }),
        new("Who it is for", (d, names) => List(d.WhoTermIds.Select(names)),
            (from, to) => to with { WhoTermIds = from.WhoTermIds }),
        new("Languages", (d, _) => List(d.Languages),
            (from, to) => to with { Languages = from.Languages }),
        new("Email", (d, _) => Text(d.Email),
            (from, to) => to with { Email = from.Email }),
        new("Phone", (d, _) => Text(d.Phone),
            (from, to) => to with { Phone = from.Phone }),
        new("Website", (d, _) => Text(d.Website),
            (from, to) => to with { Website = from.Website }),
    ];

    /// <summary>The labels of the fields whose values differ, in field order.</summary>
    public static IReadOnlyList<string> Changed(AssetDetails before, AssetDetails after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        static string ById(Guid id) => id.ToString();
        return All.Where(f => !string.Equals(f.Display(before, ById), f.Display(after, ById), StringComparison.Ordinal))
            .Select(f => f.Label)
            .ToList();
    }

    /// <summary>
    /// Puts one editor's changes on top of a newer saved version: each field the editor changed from
    /// <paramref name="original"/> takes the editor's value; every other field keeps the saved one.
    /// </summary>
    public static AssetDetails Merge(AssetDetails original, AssetDetails saved, AssetDetails mine)
    {
        var changed = Changed(original, mine);
        return All.Where(f => changed.Contains(f.Label)).Aggregate(saved, (result, field) => field.Copy(mine, result));
    }

    /// <summary>The changes in plain words for a revision, e.g. "Name, Opening times", or "No changes".</summary>
    public static string Summarise(AssetDetails before, AssetDetails after)
    {
        var changed = Changed(before, after);
        return changed.Count == 0 ? "No changes" : string.Join(", ", changed);
    }

    public static string KindLabel(AssetKind kind) => AssetKindNames.Label(kind);

    public static string IntroductionLabel(IntroductionPolicy policy) => policy switch
    {
        IntroductionPolicy.AcceptsIntroductions => "Welcomes introductions from practitioners",
        _ => "People just turn up or get in touch themselves",
    };

    public static string StatusLabel(AssetStatus status) => status switch
    {
        AssetStatus.Active => "Running",
        AssetStatus.TemporarilyClosed => "Temporarily closed",
        AssetStatus.Inactive => "Not running at the moment",
        AssetStatus.Defunct => "Closed for good",
        _ => status.ToString(),
    };

    public static string AccessibilityLabel(AccessibilityFeature feature) => AccessibilityFeatureNames.Label(feature);

    public static string CostLabel(AssetDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var amount = details.IsFree ? "Free" : "£" + details.CostAmount!.Value.ToString("0.00", CultureInfo.InvariantCulture);
        return string.IsNullOrWhiteSpace(details.CostDescription) ? amount : $"{amount} ({details.CostDescription})";
    }

    public static string AgeLabel(int? minimum, int? maximum) => (minimum, maximum) switch
    {
        (null, null) => "All ages",
        ({ } min, null) => $"{min} and over",
        (null, { } max) => $"Up to {max}",
        ({ } min, { } max) => $"{min} to {max}",
    };

    private static string Text(string? value) => string.IsNullOrWhiteSpace(value) ? NotGiven : value.Trim();

    private static string List(IEnumerable<string> values)
    {
        var list = values.Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "None" : string.Join(", ", list);
    }
}
