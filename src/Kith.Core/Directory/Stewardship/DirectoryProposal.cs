using System.Text.Json;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Protection;

namespace Kith.Core.Directory.Stewardship;

/// <summary>Whether a proposal adds an asset or changes one.</summary>
public enum ProposalKind
{
    New,
    Edit,
}

/// <summary>Where a proposal stands in the moderation queue.</summary>
public enum ProposalStatus
{
    Pending,
    Accepted,
    Declined,
}

/// <summary>
/// A new asset or a change to one, suggested by a member of the public without an account. It waits in
/// the moderation queue until a moderator accepts it (the change is then saved through
/// <see cref="AssetService"/>, so it is versioned and audited) or declines it with a reason. The
/// proposer's name and email are optional personal data: encrypted, read only through audited pages,
/// and erased <see cref="ModerationService.KeepContactFor"/> after the decision.
/// </summary>
public class DirectoryProposal : IAuditedRecord
{
    public const int ReasonLimit = 2000;

    public Guid Id { get; set; } = Guid.NewGuid();

    public ProposalKind Kind { get; set; }

    /// <summary>The asset an edit is for; null for a new asset.</summary>
    public Guid? AssetId { get; set; }

    /// <summary>For an edit, the asset's version when the proposer opened the form.</summary>
    public int? BaseVersion { get; set; }

    /// <summary>For an edit, the values the proposer was shown (<see cref="ProposedValues"/> JSON), to tell what they changed.</summary>
    public string? BaseValues { get; set; }

    /// <summary>What the proposer asks for, as <see cref="ProposedValues"/> JSON.</summary>
    public required string ProposedValuesJson { get; set; }

    [ProtectedText]
    public string? ProposerName { get; set; }

    /// <summary>Where to tell the proposer the outcome, when they gave an address.</summary>
    [ProtectedText]
    public string? ProposerEmail { get; set; }

    public ProposalStatus Status { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC.</summary>
    public DateTime? DecidedAt { get; set; }

    public string? ModeratorUserId { get; set; }

    public string? ModeratorName { get; set; }

    /// <summary>Why it was declined (required then, and sent to the proposer).</summary>
    public string? Reason { get; set; }

    /// <summary>The asset that an accepted proposal created or changed.</summary>
    public Guid? ResultingAssetId { get; set; }

    /// <summary>UTC instant the proposer's name and email were erased under the retention rule.</summary>
    public DateTime? ContactErasedAt { get; set; }

    public ProposedValues Proposed => ProposedValues.FromJson(ProposedValuesJson);

    public ProposedValues? Base => BaseValues is null ? null : ProposedValues.FromJson(BaseValues);
}

/// <summary>
/// The plain fields a member of the public can fill in about an asset. Each is free text; blank is null.
/// <see cref="TimesInWords"/> and <see cref="OtherNotes"/> are for the moderator to read: accepting does
/// not turn them into structured opening times.
/// </summary>
public sealed record ProposedValues
{
    /// <summary>The longest any one field may be, in characters.</summary>
    public const int FieldLimit = 2000;

    /// <summary>The longest a whole proposal may be, all fields together, in characters.</summary>
    public const int TotalLimit = 10000;

    public string? Name { get; init; }

    /// <summary>Who runs it; for a new asset only.</summary>
    public string? OrganisationName { get; init; }

    public string? Description { get; init; }

    public string? TimesInWords { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? Website { get; init; }

    public string? AddressLine1 { get; init; }

    public string? Town { get; init; }

    public string? Postcode { get; init; }

    public string? Cost { get; init; }

    public string? OtherNotes { get; init; }

    /// <summary>Every field with its label, in the order forms show them.</summary>
    public IReadOnlyList<(string Label, string? Value)> Labelled() =>
    [
        ("Name", Name),
        ("Organisation that runs it", OrganisationName),
        ("Description", Description),
        ("When it happens", TimesInWords),
        ("Email", Email),
        ("Phone", Phone),
        ("Website", Website),
        ("Address", AddressLine1),
        ("Town or city", Town),
        ("Postcode", Postcode),
        ("Cost", Cost),
        ("Anything else", OtherNotes),
    ];

    /// <summary>All the characters typed, for <see cref="TotalLimit"/>.</summary>
    public int TotalLength => Labelled().Sum(f => f.Value?.Length ?? 0);

    /// <summary>Trims every field and turns blanks into nulls.</summary>
    public ProposedValues Normalise()
    {
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        return new ProposedValues
        {
            Name = Clean(Name),
            OrganisationName = Clean(OrganisationName),
            Description = Clean(Description),
            TimesInWords = Clean(TimesInWords),
            Email = Clean(Email),
            Phone = Clean(Phone),
            Website = Clean(Website),
            AddressLine1 = Clean(AddressLine1),
            Town = Clean(Town),
            Postcode = Clean(Postcode)?.ToUpperInvariant(),
            Cost = Clean(Cost),
            OtherNotes = Clean(OtherNotes),
        };
    }

    /// <summary>What a member of the public is shown for an existing asset, to change.</summary>
    public static ProposedValues FromDetails(AssetDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var place = details.InPerson ? details.Place : null;
        return new ProposedValues
        {
            Name = details.Name,
            Description = details.Description,
            TimesInWords = details.Schedules.Count == 0 ? null : string.Join("; ", details.Schedules.Select(s => s.Describe())),
            Email = details.Email,
            Phone = details.Phone,
            Website = details.Website,
            AddressLine1 = place?.AddressLine1,
            Town = place?.Town,
            Postcode = place?.Postcode,
            Cost = AssetFields.CostLabel(details),
        }.Normalise();
    }

    public string ToJson() => JsonSerializer.Serialize(this);

    /// <exception cref="JsonException">When the text is not proposed values.</exception>
    public static ProposedValues FromJson(string json) =>
        JsonSerializer.Deserialize<ProposedValues>(json) ?? throw new JsonException("The JSON held no proposed values.");
}
