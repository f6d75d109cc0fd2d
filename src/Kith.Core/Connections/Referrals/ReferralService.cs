using Kith.Core.Data;
using Kith.Core.People;
using Kith.Core.People.Records;
using Kith.Core.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Connections.Referrals;

/// <summary>A referral as the sending system described it, already checked at the edge (a name, a birth date, a valid NHS number or none).</summary>
/// <param name="NhsNumber">Ten digits, checked; or null.</param>
public sealed record ReferralIntake(
    string IdentifierSystem,
    string IdentifierValue,
    string? NhsNumber,
    string Name,
    DateOnly BirthDate,
    string? Postcode,
    string? Phone,
    string? RequesterName,
    string? Note);

/// <summary>What receiving a referral came to.</summary>
/// <param name="Created">False when the client had already sent this identifier: the first referral stands and is returned.</param>
/// <param name="View">The new referral as saved, so the caller need not read it back; null when not <paramref name="Created"/>.</param>
public sealed record ReceiveResult(Guid ReferralId, bool Created, ReferralStage Stage, ReferralView? View = null);

/// <summary>A referral and its Task's state, for the FHIR Task and the staff pages.</summary>
/// <param name="Status">The connection's status once made; <see cref="ConnectionStatus.Draft"/> before.</param>
/// <param name="LastModified">UTC: the later of the referral's and its connection's last change.</param>
public sealed record ReferralView(
    Guid Id,
    Guid ClientId,
    string ClientName,
    string IdentifierSystem,
    string IdentifierValue,
    ReferralStage Stage,
    ReferralMatch MatchedBy,
    Guid? PersonId,
    Guid? ConnectionId,
    ConnectionStatus Status,
    string? StatusReason,
    string? AssetName,
    string? PatientNhsNumber,
    string PatientName,
    DateOnly PatientBirthDate,
    string? PatientPostcode,
    string? RequesterName,
    string? Note,
    DateTime ReceivedAt,
    DateTime LastModified,
    int Version);

/// <summary>A record that might be the person on a referral under review.</summary>
public sealed record ReferralCandidate(Guid PersonId, string Name, DateOnly? DateOfBirth, string? NhsNumber, string? Postcode, string Why);

/// <summary>Which way a comparison of <see cref="ReferralView.LastModified"/> goes, as FHIR's <c>_lastUpdated</c> prefixes.</summary>
public enum UpdatedComparison
{
    GreaterThan,
    GreaterOrEqual,
    LessThan,
    LessOrEqual,
}

/// <summary>One bound on <see cref="ReferralView.LastModified"/>.</summary>
/// <param name="Instant">UTC.</param>
public sealed record UpdatedBound(UpdatedComparison Comparison, DateTime Instant);

/// <summary>What resolving a review came to.</summary>
public enum ReviewOutcome
{
    Resolved,

    /// <summary>Someone resolved it first, or it was never waiting: nothing changed.</summary>
    AlreadyResolved,

    NotFound,
}

/// <summary>
/// Receives referrals from outside systems and finds or makes the person: one record with the NHS number; else one
/// with the same name and date of birth and no different NHS number; else a new record. Anything uncertain (several
/// records, or the same name and birth date with another NHS number) waits for staff review rather than a guess.
/// A link worker later chooses a community asset, which makes the draft <see cref="Connection"/> the referrer's
/// Task follows (docs/adr/0021-fhir-referrals-and-tasks.md). The referral, any new person and the match are saved together.
/// </summary>
public sealed class ReferralService(KithDbContext db, PersonService people, ConnectionService connections, TimeProvider clock)
{
    /// <summary>The most Tasks one search returns.</summary>
    public const int SearchLimit = 1000;

    /// <summary>Receives a referral from <paramref name="clientId"/>; the same identifier again returns the first referral.</summary>
    public async Task<ReceiveResult> ReceiveAsync(Guid clientId, ReferralIntake intake, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intake);
        var existing = await Existing(clientId, intake, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var client = await db.ReferrerClients.AsNoTracking().SingleAsync(c => c.Id == clientId, cancellationToken);
        var context = new ProcessContext(null, $"referral from {client.Name}");
        var now = Now;
        var referral = new Referral
        {
            ClientId = clientId,
            IdentifierSystem = intake.IdentifierSystem,
            IdentifierValue = intake.IdentifierValue,
            PatientNhsNumber = intake.NhsNumber,
            PatientName = intake.Name,
            PatientBirthDate = intake.BirthDate,
            PatientPostcode = intake.Postcode,
            PatientPhone = intake.Phone,
            RequesterName = intake.RequesterName,
            Note = intake.Note,
            ReceivedAt = now,
            LastModified = now,
        };

        var (match, person) = await MatchAsync(intake, cancellationToken);
        switch (match)
        {
            case ReferralMatch.None:
                referral.Stage = ReferralStage.NeedsReview;
                break;
            case ReferralMatch.NewRecord:
                var made = NewPerson(intake.Name, intake.BirthDate, intake.NhsNumber, intake.Postcode, intake.Phone, client.TeamId, now);
                db.People.Add(made);
                referral.PersonId = made.Id;
                referral.Stage = ReferralStage.AwaitingConnection;
                break;
            default:
                // A name and birth date match on a record with no NHS number: the number sent is recorded on it.
                if (person!.NhsNumber is null && intake.NhsNumber is not null)
                {
                    person.NhsNumber = intake.NhsNumber;
                    person.LastModified = now;
                    person.Version++;
                }

                referral.PersonId = person.Id;
                referral.Stage = ReferralStage.AwaitingConnection;
                break;
        }

        referral.MatchedBy = match;
        db.Referrals.Add(referral);
        db.Actor = context;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same identifier arrived twice at once: the first save stands.
            db.ChangeTracker.Clear();
            return await Existing(clientId, intake, cancellationToken) ?? throw new InvalidOperationException("The referral could not be saved.");
        }

        var view = new ReferralView(
            referral.Id, clientId, client.Name, referral.IdentifierSystem, referral.IdentifierValue, referral.Stage, referral.MatchedBy, referral.PersonId, null,
            ConnectionStatus.Draft, null, null, referral.PatientNhsNumber, referral.PatientName, referral.PatientBirthDate, referral.PatientPostcode,
            referral.RequesterName, referral.Note, referral.ReceivedAt, referral.LastModified, referral.Version);
        return new ReceiveResult(referral.Id, true, referral.Stage, view);
    }

    /// <summary>A client's referral with its Task state, or null when there is none (or it belongs to another client).</summary>
    public async Task<ReferralView?> GetForClientAsync(Guid clientId, Guid referralId, CancellationToken cancellationToken = default) =>
        (await Views(db.Referrals.Where(r => r.ClientId == clientId && r.Id == referralId), null, 1, cancellationToken)).SingleOrDefault();

    /// <summary>A client's referrals within the bounds, oldest change first, at most <paramref name="limit"/>.</summary>
    public Task<List<ReferralView>> SearchForClientAsync(Guid clientId, IReadOnlyList<UpdatedBound> bounds, int limit, CancellationToken cancellationToken = default) =>
        Views(db.Referrals.Where(r => r.ClientId == clientId), bounds, Math.Clamp(limit, 1, SearchLimit), cancellationToken);

    /// <summary>Any referral, for staff; null when there is none.</summary>
    public async Task<ReferralView?> GetAsync(Guid referralId, CancellationToken cancellationToken = default) =>
        (await Views(db.Referrals.Where(r => r.Id == referralId), null, 1, cancellationToken)).SingleOrDefault();

    /// <summary>Referrals still waiting for staff: reviews first, then those with no connection yet; oldest first.</summary>
    public async Task<List<ReferralView>> WaitingAsync(CancellationToken cancellationToken = default) =>
        (await Views(db.Referrals.Where(r => r.Stage != ReferralStage.Connected), null, SearchLimit, cancellationToken))
        .OrderBy(r => r.Stage).ThenBy(r => r.ReceivedAt).ToList();

    /// <summary>The records that might be the person on a referral: the same NHS number, or the same name and date of birth.</summary>
    public async Task<List<ReferralCandidate>> CandidatesAsync(Guid referralId, CancellationToken cancellationToken = default)
    {
        var referral = await db.Referrals.AsNoTracking().SingleOrDefaultAsync(r => r.Id == referralId, cancellationToken);
        if (referral is null)
        {
            return [];
        }

        var name = referral.PatientName.ToLowerInvariant();
        var nhs = referral.PatientNhsNumber;
        var rows = await db.People.AsNoTracking()
            .Where(p => (nhs != null && p.NhsNumber == nhs) || (p.Name.ToLower() == name && p.DateOfBirth == referral.PatientBirthDate))
            .Select(p => new { p.Id, p.Name, p.DateOfBirth, p.NhsNumber, p.Postcode })
            .Take(50)
            .ToListAsync(cancellationToken);
        return rows.Select(p => new ReferralCandidate(p.Id, p.Name, p.DateOfBirth, p.NhsNumber, p.Postcode, Why(p.NhsNumber, nhs))).ToList();

        static string Why(string? theirs, string? sent) =>
            sent is not null && theirs == sent ? "Same NHS number"
            : theirs is not null && sent is not null ? "Same name and date of birth, but a different NHS number"
            : "Same name and date of birth";
    }

    /// <summary>
    /// Resolves a review: <paramref name="personId"/> is the record staff confirmed, or null to make a new record for the
    /// client's team. Only a referral waiting for review, at <paramref name="basedOnVersion"/>, is changed.
    /// </summary>
    /// <exception cref="KeyNotFoundException">When <paramref name="personId"/> names no record.</exception>
    public async Task<ReviewOutcome> ResolveAsync(Guid referralId, int basedOnVersion, Guid? personId, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == referralId, cancellationToken);
        if (referral is null)
        {
            return ReviewOutcome.NotFound;
        }

        if (referral.Stage != ReferralStage.NeedsReview || referral.Version != basedOnVersion)
        {
            return ReviewOutcome.AlreadyResolved;
        }

        var now = Now;
        if (personId is { } id)
        {
            var person = await db.People.SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
                ?? throw new KeyNotFoundException($"There is no person {id}.");
            referral.PersonId = person.Id;
        }
        else
        {
            var teamId = await db.ReferrerClients.Where(c => c.Id == referral.ClientId).Select(c => c.TeamId).SingleAsync(cancellationToken);
            var nhs = referral.PatientNhsNumber is not null && !await db.People.AnyAsync(p => p.NhsNumber == referral.PatientNhsNumber, cancellationToken)
                ? referral.PatientNhsNumber
                : null;
            var made = NewPerson(referral.PatientName, referral.PatientBirthDate, nhs, referral.PatientPostcode, referral.PatientPhone, teamId, now);
            db.People.Add(made);
            referral.PersonId = made.Id;
        }

        referral.Stage = ReferralStage.AwaitingConnection;
        referral.MatchedBy = ReferralMatch.Reviewed;
        referral.LastModified = now;
        referral.Version++;
        db.Actor = context;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ReviewOutcome.AlreadyResolved;
        }

        return ReviewOutcome.Resolved;
    }

    /// <summary>
    /// Makes the draft connection for a referral whose person is known, with the asset the link worker chose; the
    /// Task then follows it. Null when the referral is not waiting for a connection (already connected, or under review).
    /// </summary>
    /// <exception cref="KeyNotFoundException">When the referral or the asset does not exist.</exception>
    public async Task<Guid?> ConnectAsync(Guid referralId, Guid communityAssetId, ConnectionKind kind, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == referralId, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no referral {referralId}.");
        if (referral.Stage != ReferralStage.AwaitingConnection || referral.PersonId is not { } personId)
        {
            return null;
        }

        var clientName = await db.ReferrerClients.Where(c => c.Id == referral.ClientId).Select(c => c.Name).SingleAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connectionId = await connections.CreateAsync(new CreateConnectionOptions(personId, communityAssetId, kind, $"Referred by {clientName}"), context, cancellationToken);
        referral.ConnectionId = connectionId;
        referral.Stage = ReferralStage.Connected;
        referral.LastModified = Now;
        referral.Version++;
        db.Actor = context;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return null;
        }

        await transaction.CommitAsync(cancellationToken);
        return connectionId;
    }

    /// <summary>Whether <paramref name="clientId"/> referred <paramref name="personId"/> (a referral matched to them).</summary>
    public Task<bool> ReferredAsync(Guid clientId, Guid personId, CancellationToken cancellationToken = default) =>
        db.Referrals.AnyAsync(r => r.ClientId == clientId && r.PersonId == personId, cancellationToken);

    /// <summary>
    /// Whether the person agreed to share with the client's organisation: a standing consent to a named organisation
    /// whose name is the client's name (compared without regard to case).
    /// </summary>
    public async Task<bool> SharingAllowedAsync(Guid clientId, Guid personId, CancellationToken cancellationToken = default)
    {
        var name = (await db.ReferrerClients.Where(c => c.Id == clientId).Select(c => c.Name).SingleAsync(cancellationToken)).ToLowerInvariant();
        return await db.Consents.AnyAsync(
            c => c.PersonId == personId && c.Scope == ConsentScope.NamedOrganisation && c.WithdrawnAt == null && c.OrganisationName != null && c.OrganisationName.ToLower() == name,
            cancellationToken);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<ReceiveResult?> Existing(Guid clientId, ReferralIntake intake, CancellationToken cancellationToken) =>
        await db.Referrals.AsNoTracking()
            .Where(r => r.ClientId == clientId && r.IdentifierSystem == intake.IdentifierSystem && r.IdentifierValue == intake.IdentifierValue)
            .Select(r => new ReceiveResult(r.Id, false, r.Stage))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>The match, and the record matched (tracked) for <see cref="ReferralMatch.NhsNumber"/> and <see cref="ReferralMatch.NameAndBirthDate"/>.</summary>
    private async Task<(ReferralMatch Match, Person? Person)> MatchAsync(ReferralIntake intake, CancellationToken cancellationToken)
    {
        if (intake.NhsNumber is { } nhs)
        {
            var byNumber = await db.People.Where(p => p.NhsNumber == nhs).Take(2).ToListAsync(cancellationToken);
            if (byNumber.Count == 1)
            {
                return (ReferralMatch.NhsNumber, byNumber[0]);
            }

            if (byNumber.Count > 1)
            {
                return (ReferralMatch.None, null);
            }
        }

        var name = intake.Name.ToLowerInvariant();
        var byName = await db.People.Where(p => p.Name.ToLower() == name && p.DateOfBirth == intake.BirthDate).Take(2).ToListAsync(cancellationToken);
        return byName switch
        {
            [] => (ReferralMatch.NewRecord, null),
            [var one] when one.NhsNumber is null || intake.NhsNumber is null => (ReferralMatch.NameAndBirthDate, one),
            _ => (ReferralMatch.None, null),
        };
    }

    private Person NewPerson(string name, DateOnly birthDate, string? nhsNumber, string? postcode, string? phone, Guid teamId, DateTime now)
    {
        // The person service tidies the details the way a form would; anything it cannot use is left out, not refused:
        // the referral keeps what was sent.
        var (tidy, errors) = people.Validate(new PersonDetails { Name = name, DateOfBirth = birthDate, Postcode = postcode, Phone = phone });
        var person = new Person
        {
            Name = tidy.Name ?? name,
            DateOfBirth = errors.ContainsKey(nameof(PersonDetails.DateOfBirth)) ? null : tidy.DateOfBirth,
            Postcode = errors.ContainsKey(nameof(PersonDetails.Postcode)) ? null : tidy.Postcode,
            Phone = errors.ContainsKey(nameof(PersonDetails.Phone)) ? null : tidy.Phone,
            NhsNumber = nhsNumber,
            CreatedAt = now,
            LastModified = now,
        };
        person.Teams.Add(new PersonTeam { PersonId = person.Id, TeamId = teamId, Since = DateOnly.FromDateTime(now) });
        return person;
    }

    private async Task<List<ReferralView>> Views(IQueryable<Referral> referrals, IReadOnlyList<UpdatedBound>? bounds, int limit, CancellationToken cancellationToken)
    {
        var rows =
            from r in referrals
            join client in db.ReferrerClients on r.ClientId equals client.Id
            join c in db.Connections on r.ConnectionId equals c.Id into cs
            from c in cs.DefaultIfEmpty()
            join a in db.CommunityAssets on c.CommunityAssetId equals a.Id into assets
            from a in assets.DefaultIfEmpty()
            select new
            {
                Referral = r,
                ClientName = client.Name,
                Status = (ConnectionStatus?)c.Status,
                Reason = c.StatusReason,
                AssetName = a.Name,
                Updated = c != null && c.LastModified > r.LastModified ? c.LastModified : r.LastModified,
            };
        foreach (var bound in bounds ?? [])
        {
            var at = bound.Instant;
            rows = bound.Comparison switch
            {
                UpdatedComparison.GreaterThan => rows.Where(x => x.Updated > at),
                UpdatedComparison.GreaterOrEqual => rows.Where(x => x.Updated >= at),
                UpdatedComparison.LessThan => rows.Where(x => x.Updated < at),
                _ => rows.Where(x => x.Updated <= at),
            };
        }

        var list = await rows.AsNoTracking().OrderBy(x => x.Updated).ThenBy(x => x.Referral.Id).Take(limit).ToListAsync(cancellationToken);
        return list.Select(x => new ReferralView(
            x.Referral.Id, x.Referral.ClientId, x.ClientName, x.Referral.IdentifierSystem, x.Referral.IdentifierValue, x.Referral.Stage, x.Referral.MatchedBy,
            x.Referral.PersonId, x.Referral.ConnectionId, x.Status ?? ConnectionStatus.Draft, x.Reason, x.AssetName, x.Referral.PatientNhsNumber,
            x.Referral.PatientName, x.Referral.PatientBirthDate, x.Referral.PatientPostcode, x.Referral.RequesterName, x.Referral.Note,
            x.Referral.ReceivedAt, x.Updated, x.Referral.Version)).ToList();
    }
}
