using System.Globalization;
using System.Text.RegularExpressions;
using Kith.Core.Data;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Directory.Stewardship;

/// <summary>Who made a proposal, when they want to hear the outcome. Both parts are optional.</summary>
public sealed record ProposerContact(string? Name, string? Email);

/// <summary>A proposal in the moderators' queue, without the proposer's personal data.</summary>
/// <param name="Name">The asset's proposed name, or its current name for an edit.</param>
/// <param name="CreatedAt">UTC.</param>
public sealed record ProposalSummary(Guid Id, ProposalKind Kind, Guid? AssetId, string Name, DateTime CreatedAt);

/// <summary>The pending proposals, oldest first, and how many are in each state.</summary>
public sealed record ModerationQueue(IReadOnlyList<ProposalSummary> Pending, int PendingCount, int AcceptedCount, int DeclinedCount);

/// <summary>One field of a proposal side by side with the asset.</summary>
/// <param name="Current">The asset's value now; null for a new asset or an empty field.</param>
/// <param name="WhenProposed">What the proposer was shown; null for a new asset.</param>
/// <param name="Proposed">What the proposer asks for.</param>
/// <param name="AppliedOnAccept">False for fields a moderator reads but accepting does not copy (times in words, notes).</param>
public sealed record ProposalField(string Label, string? Current, string? WhenProposed, string? Proposed, bool AppliedOnAccept)
{
    /// <summary>The proposer changed this field.</summary>
    public bool ProposerChanged => !string.Equals(WhenProposed, Proposed, StringComparison.Ordinal);

    /// <summary>Someone changed the asset's value since the proposal was made.</summary>
    public bool ChangedSince => !string.Equals(WhenProposed, Current, StringComparison.Ordinal);

    /// <summary>Both the proposer and someone since changed it, to different values: accepting would overwrite a newer edit.</summary>
    public bool Clash => AppliedOnAccept && ProposerChanged && ChangedSince && !string.Equals(Current, Proposed, StringComparison.Ordinal);
}

/// <summary>A proposal with the asset as it is now, for a moderator.</summary>
/// <param name="Asset">The asset an edit is for, as it is now; null for a new asset, or when the asset is gone.</param>
public sealed record ProposalReview(DirectoryProposal Proposal, AssetDetailsVersion? Asset, IReadOnlyList<ProposalField> Fields)
{
    /// <summary>For an edit, the asset has a newer version than the one the proposer saw.</summary>
    public bool AssetChangedSince => Proposal.Kind == ProposalKind.Edit && Asset is not null && Asset.Version != Proposal.BaseVersion;

    public bool HasClash => Fields.Any(f => f.Clash);

    /// <summary>The values to start an "edit then accept" form from: the asset now, with the proposer's changes over it.</summary>
    public ProposedValues StartingValues { get; init; } = new();
}

/// <summary>Accepting as proposed would overwrite a change made since the proposal; nothing was saved.</summary>
public sealed class ProposalClashException(IReadOnlyList<string> fields)
    : InvalidOperationException($"The asset changed since the proposal in: {string.Join(", ", fields)}.")
{
    public IReadOnlyList<string> Fields { get; } = fields;
}

/// <summary>
/// The moderation queue. Members of the public propose new assets and changes without an account;
/// moderators accept them (the change goes through <see cref="AssetService"/>, so it is versioned,
/// revisioned and audited), edit then accept them, or decline them with a reason. A proposer who left an
/// email hears the outcome through the outbox. Proposers' contact details are erased
/// <see cref="KeepContactFor"/> after the decision. Scoped.
/// </summary>
public sealed partial class ModerationService(KithDbContext db, AssetService assets, NotificationService notifications, TimeProvider clock)
{
    /// <summary>How long a proposer's name and email are kept after the proposal is decided.</summary>
    public static readonly TimeSpan KeepContactFor = TimeSpan.FromDays(90);

    /// <summary>The reason every revision made from a proposal carries.</summary>
    public const string RevisionReason = "Suggested by a member of the public";

    private DbSet<DirectoryProposal> Proposals => db.Set<DirectoryProposal>();

    /// <summary>Queues a proposal for a new asset.</summary>
    public Task<Guid> ProposeNewAsync(ProposedValues values, ProposerContact? contact, ProcessContext context, CancellationToken cancellationToken = default) =>
        SaveAsync(new DirectoryProposal { Kind = ProposalKind.New, ProposedValuesJson = Required(values).Normalise().ToJson() }, contact, context, cancellationToken);

    /// <summary>Queues a suggested change to an asset, remembering the version and values the proposer saw.</summary>
    /// <param name="baseVersion">The version the form showed; when it is no longer the latest, the values of that version are used from its revision.</param>
    /// <exception cref="KeyNotFoundException">When there is no such asset.</exception>
    public async Task<Guid> ProposeEditAsync(Guid assetId, int baseVersion, ProposedValues values, ProposerContact? contact, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var current = await assets.GetDetailsAsync(assetId, cancellationToken) ?? throw new KeyNotFoundException($"There is no community asset {assetId}.");
        // The form showed an older version when someone saved in between: compare with what it showed.
        var revision = current.Version == baseVersion ? null : await assets.GetRevisionAsync(assetId, baseVersion, cancellationToken);
        var seen = revision is null ? current.Details : AssetDetails.FromJson(revision.Snapshot);
        var version = revision is null ? current.Version : baseVersion;
        return await SaveAsync(
            new DirectoryProposal
            {
                Kind = ProposalKind.Edit,
                AssetId = assetId,
                BaseVersion = version,
                BaseValues = ProposedValues.FromDetails(seen).ToJson(),
                ProposedValuesJson = Required(values).Normalise().ToJson(),
            },
            contact,
            context,
            cancellationToken);
    }

    /// <summary>The queue: pending proposals oldest first, with counts; only those in <paramref name="scope"/> when given (see <see cref="ListingEditors.CoversProposalAsync"/>).</summary>
    public async Task<ModerationQueue> GetQueueAsync(ListingScope? scope = null, CancellationToken cancellationToken = default)
    {
        var proposals = Proposals.AsNoTracking();
        if (scope?.OrganizationIds is { } organizations)
        {
            var inScope = db.CommunityAssets.Where(a => organizations.Contains(a.OrganizationId)).Select(a => (Guid?)a.Id);
            proposals = proposals.Where(p => inScope.Contains(p.AssetId));
        }

        var counts = await proposals.GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var pending = await proposals.Where(p => p.Status == ProposalStatus.Pending)
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Kind, p.AssetId, p.ProposedValuesJson, p.CreatedAt })
            .ToListAsync(cancellationToken);
        var ids = pending.Where(p => p.AssetId is not null).Select(p => p.AssetId!.Value).Distinct().ToList();
        var names = await db.CommunityAssets.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Name })
            .ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        int Count(ProposalStatus status) => counts.SingleOrDefault(c => c.Key == status)?.Count ?? 0;
        return new ModerationQueue(
            pending.Select(p => new ProposalSummary(
                p.Id,
                p.Kind,
                p.AssetId,
                p.AssetId is { } id && names.TryGetValue(id, out var name) ? name : ProposedValues.FromJson(p.ProposedValuesJson).Name ?? "No name given",
                p.CreatedAt)).ToList(),
            Count(ProposalStatus.Pending),
            Count(ProposalStatus.Accepted),
            Count(ProposalStatus.Declined));
    }

    /// <summary>
    /// A proposal with the asset as it is now, for a moderator. The read shows the proposer's contact
    /// details, so it is written to the audit trail.
    /// </summary>
    /// <returns>The review, or null when there is no such proposal.</returns>
    public async Task<ProposalReview?> ReviewAsync(Guid id, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var proposal = await Proposals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (proposal is null)
        {
            return null;
        }

        StewardshipAudit.AddViewed(db, context, nameof(DirectoryProposal), id, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        var asset = proposal.AssetId is { } assetId ? await assets.GetDetailsAsync(assetId, cancellationToken) : null;
        return Review(proposal, asset);
    }

    /// <summary>
    /// Accepts the proposal as made. A new asset is added; for an edit, the fields the proposer changed
    /// are saved over the asset's latest version, so changes others made since to other fields are kept.
    /// </summary>
    /// <exception cref="ProposalClashException">When someone changed one of the same fields since; nothing is saved. Use <see cref="AcceptEditedAsync"/>.</exception>
    /// <exception cref="InvalidOperationException">When the proposal is already decided, or its asset is gone or archived.</exception>
    /// <param name="listingLink">The public address of an asset's page, for the proposer's email; without it the email says to search for the name.</param>
    public async Task<Guid> AcceptAsync(Guid id, ProcessContext context, Func<Guid, Uri>? listingLink = null, CancellationToken cancellationToken = default)
    {
        var proposal = await LoadPendingAsync(id, cancellationToken);
        if (proposal.Kind == ProposalKind.New)
        {
            return await DecideAsync(proposal, ProposalStatus.Accepted, null, context, listingLink, async actor => (await CreateAsync(proposal.Proposed, actor, cancellationToken)).AssetId, cancellationToken);
        }

        var current = await CurrentAsync(proposal, cancellationToken);
        var review = Review(proposal, current);
        if (review.HasClash)
        {
            throw new ProposalClashException(review.Fields.Where(f => f.Clash).Select(f => f.Label).ToList());
        }

        return await DecideAsync(proposal, ProposalStatus.Accepted, null, context, listingLink, async actor =>
        {
            var details = Apply(current.Details, proposal.Base!, proposal.Proposed);
            await assets.UpdateAsync(current.AssetId, current.Version, details, actor, cancellationToken);
            return current.AssetId;
        }, cancellationToken);
    }

    /// <summary>
    /// Accepts the proposal with the moderator's adjusted values. For an edit, the fields where
    /// <paramref name="values"/> differ from the asset at <paramref name="expectedVersion"/> are saved.
    /// </summary>
    /// <exception cref="AssetConflictException">When the asset has a newer version than the one the moderator worked from; nothing is saved.</exception>
    /// <param name="listingLink">As for <see cref="AcceptAsync"/>.</param>
    public async Task<Guid> AcceptEditedAsync(Guid id, ProposedValues values, int? expectedVersion, ProcessContext context, Func<Guid, Uri>? listingLink = null, CancellationToken cancellationToken = default)
    {
        values = Required(values).Normalise();
        var proposal = await LoadPendingAsync(id, cancellationToken);
        if (proposal.Kind == ProposalKind.New)
        {
            return await DecideAsync(proposal, ProposalStatus.Accepted, null, context, listingLink, async actor => (await CreateAsync(values, actor, cancellationToken)).AssetId, cancellationToken);
        }

        var current = await CurrentAsync(proposal, cancellationToken);
        var version = expectedVersion ?? throw new ArgumentNullException(nameof(expectedVersion), "An edit needs the version the moderator worked from.");
        if (current.Version != version)
        {
            throw new AssetConflictException(current.AssetId, version, current.Version);
        }

        return await DecideAsync(proposal, ProposalStatus.Accepted, null, context, listingLink, async actor =>
        {
            var details = Apply(current.Details, ProposedValues.FromDetails(current.Details), values);
            await assets.UpdateAsync(current.AssetId, version, details, actor, cancellationToken);
            return current.AssetId;
        }, cancellationToken);
    }

    /// <summary>Declines the proposal; the reason is kept and sent to the proposer when they left an email.</summary>
    public async Task DeclineAsync(Guid id, string reason, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var proposal = await LoadPendingAsync(id, cancellationToken);
        await DecideAsync(proposal, ProposalStatus.Declined, reason.Trim(), context, null, _ => Task.FromResult<Guid>(default), cancellationToken);
    }

    /// <summary>Erases the proposer's name and email from proposals decided more than <see cref="KeepContactFor"/> ago.</summary>
    /// <returns>How many proposals were erased.</returns>
    public async Task<int> EraseOldContactDetailsAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var before = now - KeepContactFor;
        var proposals = await Proposals
            .Where(p => p.DecidedAt < before && p.ContactErasedAt == null && (p.ProposerEmail != null || p.ProposerName != null))
            .ToListAsync(cancellationToken);
        foreach (var proposal in proposals)
        {
            proposal.ProposerEmail = null;
            proposal.ProposerName = null;
            proposal.ContactErasedAt = now;
        }

        db.Actor = ProcessContext.System("retention of proposers' contact details");
        await db.SaveChangesAsync(cancellationToken);
        return proposals.Count;
    }

    /// <summary>
    /// Copies the fields that differ between <paramref name="from"/> and <paramref name="to"/> onto the
    /// asset's details. Times in words, notes and the organisation name are never copied.
    /// </summary>
    public static AssetDetails Apply(AssetDetails details, ProposedValues from, ProposedValues to)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        from = from.Normalise();
        to = to.Normalise();
        if (from.Name != to.Name && to.Name is not null)
        {
            details = details with { Name = to.Name };
        }

        if (from.Description != to.Description)
        {
            details = details with { Description = to.Description };
        }

        if (from.Email != to.Email)
        {
            details = details with { Email = to.Email };
        }

        if (from.Phone != to.Phone)
        {
            details = details with { Phone = to.Phone };
        }

        if (from.Website != to.Website)
        {
            details = details with { Website = to.Website };
        }

        if (from.AddressLine1 != to.AddressLine1 || from.Town != to.Town || from.Postcode != to.Postcode)
        {
            details = to.AddressLine1 is null && to.Town is null && to.Postcode is null
                ? details with { InPerson = false, Place = null }
                : details with { InPerson = true, Place = new AssetPlace(details.Place?.Name, to.AddressLine1 ?? string.Empty, to.Town ?? string.Empty, to.Postcode ?? string.Empty) };
        }

        if (from.Cost != to.Cost)
        {
            details = WithCost(details, to.Cost);
        }

        return details;
    }

    /// <summary>
    /// Reads cost words onto the details: "Free" (with any words after it) is free; "£3.50 a session"
    /// is an amount and a description; anything else becomes the description and keeps the amount.
    /// </summary>
    internal static AssetDetails WithCost(AssetDetails details, string? cost)
    {
        if (cost is null)
        {
            return details with { CostAmount = null, CostDescription = null };
        }

        var free = FreePattern().Match(cost);
        if (free.Success)
        {
            return details with { CostAmount = null, CostDescription = Rest(free.Groups["rest"].Value) };
        }

        var amount = AmountPattern().Match(cost);
        if (amount.Success && decimal.TryParse(amount.Groups["amount"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var pounds))
        {
            return details with { CostAmount = pounds, CostDescription = Rest(amount.Groups["rest"].Value) };
        }

        return details with { CostDescription = cost };
    }

    private static string? Rest(string text)
    {
        var rest = text.Trim().TrimStart(',', '-', ';').Trim();
        if (rest.StartsWith('(') && rest.EndsWith(')'))
        {
            rest = rest[1..^1].Trim();
        }

        return rest.Length == 0 ? null : rest;
    }

    [GeneratedRegex(@"^free\b(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex FreePattern();

    [GeneratedRegex(@"^£\s*(?<amount>\d{1,6}(\.\d{1,2})?)(?<rest>.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex AmountPattern();

    private static ProposedValues Required(ProposedValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values;
    }

    private async Task<Guid> SaveAsync(DirectoryProposal proposal, ProposerContact? contact, ProcessContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        proposal.ProposerName = string.IsNullOrWhiteSpace(contact?.Name) ? null : contact.Name.Trim();
        proposal.ProposerEmail = string.IsNullOrWhiteSpace(contact?.Email) ? null : contact.Email.Trim();
        proposal.Status = ProposalStatus.Pending;
        proposal.CreatedAt = clock.GetUtcNow().UtcDateTime;
        Proposals.Add(proposal);
        db.Actor = context;
        await db.SaveChangesAsync(cancellationToken);
        return proposal.Id;
    }

    private async Task<DirectoryProposal> LoadPendingAsync(Guid id, CancellationToken cancellationToken)
    {
        var proposal = await Proposals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no proposal {id}.");
        return proposal.Status == ProposalStatus.Pending ? proposal : throw new InvalidOperationException("This proposal has already been decided.");
    }

    private async Task<AssetDetailsVersion> CurrentAsync(DirectoryProposal proposal, CancellationToken cancellationToken)
    {
        var current = await assets.GetDetailsAsync(proposal.AssetId!.Value, cancellationToken);
        if (current is null || current.IsArchived)
        {
            throw new InvalidOperationException("The asset this proposal is for is no longer in the directory.");
        }

        return current;
    }

    /// <summary>Adds a new asset from proposed values: the organisation is matched by name, or added.</summary>
    private async Task<AssetSaved> CreateAsync(ProposedValues values, ProcessContext actor, CancellationToken cancellationToken)
    {
        var organisationName = values.OrganisationName ?? values.Name ?? throw new InvalidOperationException("A new asset needs a name.");
        var lowered = organisationName.ToLowerInvariant();
        var organisationId = await db.Organizations.AsNoTracking().Where(o => o.Name.ToLower() == lowered).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken);
        var details = new AssetDetails
        {
            Name = values.Name ?? organisationName,
            OrganizationId = organisationId,
            NewOrganizationName = organisationId is null ? organisationName : null,
        };
        details = Apply(details, new ProposedValues { Name = details.Name }, values with { Cost = values.Cost ?? "Free" });
        return await assets.CreateAsync(details, actor, cancellationToken);
    }

    /// <summary>
    /// Runs the change (which saves through <see cref="AssetService"/>) and records the decision and the
    /// proposer's email in one transaction, so an asset is never changed without its proposal being decided.
    /// </summary>
    private async Task<Guid> DecideAsync(
        DirectoryProposal proposal, ProposalStatus status, string? reason, ProcessContext context, Func<Guid, Uri>? listingLink, Func<ProcessContext, Task<Guid>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var resulting = await change(context.WithReason(RevisionReason));
        var tracked = await Proposals.SingleAsync(p => p.Id == proposal.Id, cancellationToken);
        if (tracked.Status != ProposalStatus.Pending)
        {
            throw new InvalidOperationException("This proposal has already been decided.");
        }

        tracked.Status = status;
        tracked.DecidedAt = clock.GetUtcNow().UtcDateTime;
        tracked.ModeratorUserId = context.UserId;
        tracked.ModeratorName = context.ActorName;
        tracked.Reason = reason;
        tracked.ResultingAssetId = status == ProposalStatus.Accepted ? resulting : null;
        if (tracked.ProposerEmail is { } email)
        {
            var name = proposal.Proposed.Name ?? "the listing";
            var greeting = tracked.ProposerName is { } who ? $"Hello {who}," : "Hello,";
            var where = listingLink is null ? $"search the directory for \"{name}\" to see the listing." : $"see the listing at {listingLink(resulting).AbsoluteUri}";
            var (subject, body) = status == ProposalStatus.Accepted
                ? ("Your suggestion for Kith's directory has been accepted", $"""
                    {greeting}

                    Thank you for your suggestion about {name}. We have checked it and the directory now includes it: {where}
                    """)
                : ("Your suggestion for Kith's directory", $"""
                    {greeting}

                    Thank you for your suggestion about {name}. We have not added it to the directory, for this reason:

                    {reason}

                    You are welcome to send another suggestion at any time.
                    """);
            notifications.AddEmail(email, subject, body);
        }

        db.Actor = context;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return resulting;
    }

    private static ProposalReview Review(DirectoryProposal proposal, AssetDetailsVersion? asset)
    {
        var proposed = proposal.Proposed.Labelled();
        var seen = proposal.Base?.Labelled();
        var nowValues = asset is null ? null : ProposedValues.FromDetails(asset.Details);
        var now = nowValues?.Labelled();
        var fields = proposed.Select((field, i) => new ProposalField(
                field.Label,
                now?[i].Value,
                seen?[i].Value,
                field.Value,
                AppliedOnAccept: field.Label is not ("When it happens" or "Anything else")))
            .Where(f => proposal.Kind == ProposalKind.New || f.Label != "Organisation that runs it")
            .ToList();
        var start = proposal.Kind == ProposalKind.New || nowValues is null || proposal.Base is null
            ? proposal.Proposed
            : Overlay(nowValues, proposal.Base, proposal.Proposed);
        return new ProposalReview(proposal, asset, fields) { StartingValues = start };
    }

    /// <summary>The current values with each field the proposer changed replaced by their value.</summary>
    private static ProposedValues Overlay(ProposedValues now, ProposedValues seen, ProposedValues proposed) => new()
    {
        Name = seen.Name != proposed.Name ? proposed.Name : now.Name,
        Description = seen.Description != proposed.Description ? proposed.Description : now.Description,
        TimesInWords = seen.TimesInWords != proposed.TimesInWords ? proposed.TimesInWords : now.TimesInWords,
        Email = seen.Email != proposed.Email ? proposed.Email : now.Email,
        Phone = seen.Phone != proposed.Phone ? proposed.Phone : now.Phone,
        Website = seen.Website != proposed.Website ? proposed.Website : now.Website,
        AddressLine1 = seen.AddressLine1 != proposed.AddressLine1 ? proposed.AddressLine1 : now.AddressLine1,
        Town = seen.Town != proposed.Town ? proposed.Town : now.Town,
        Postcode = seen.Postcode != proposed.Postcode ? proposed.Postcode : now.Postcode,
        Cost = seen.Cost != proposed.Cost ? proposed.Cost : now.Cost,
        OtherNotes = proposed.OtherNotes,
    };
}
