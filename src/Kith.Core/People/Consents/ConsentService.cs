using System.Globalization;
using Kith.Core.Data;
using Kith.Core.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.People.Consents;

/// <summary>The result of recording or withdrawing consent: success, or what to do in plain words.</summary>
public sealed record ConsentOutcome(bool Succeeded, string? Error = null, Guid? Id = null)
{
    public static ConsentOutcome Failed(string error) => new(false, error);
}

/// <summary>
/// Records what a person agreed to share and with whom, and withdraws it. Every check reads the current rows
/// (nothing is cached), so a withdrawal takes effect at once everywhere that asks <see cref="HasConsentAsync"/>.
/// </summary>
public sealed class ConsentService(KithDbContext db, TimeProvider clock)
{
    public const int NoteLimit = 2000;

    /// <summary>
    /// Whether the person's consent for <paramref name="scope"/> stands now. For <see cref="ConsentScope.NamedOrganisation"/>
    /// pass the organisation: only consent to that organisation counts.
    /// </summary>
    public Task<bool> HasConsentAsync(Guid personId, ConsentScope scope, Guid? organisationId = null, CancellationToken cancellationToken = default)
    {
        var query = db.Consents.AsNoTracking().Where(c => c.PersonId == personId && c.Scope == scope && c.WithdrawnAt == null);
        if (scope == ConsentScope.NamedOrganisation)
        {
            if (organisationId is null)
            {
                return Task.FromResult(false);
            }

            query = query.Where(c => c.OrganizationId == organisationId);
        }

        return query.AnyAsync(cancellationToken);
    }

    /// <summary>The person's consents, standing ones first, newest first.</summary>
    public async Task<IReadOnlyList<Consent>> ListAsync(Guid personId, CancellationToken cancellationToken = default) =>
        (await db.Consents.AsNoTracking().Where(c => c.PersonId == personId).ToListAsync(cancellationToken))
            .OrderBy(c => c.WithdrawnAt is not null).ThenByDescending(c => c.AgreedOn).ThenByDescending(c => c.RecordedAt).ToList();

    public async Task<ConsentOutcome> RecordAsync(
        Guid personId, ConsentScope scope, string? organisationName, Guid? organisationId, DateOnly agreedOn, ConsentMethod how, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = organisationName?.Trim();
        if (scope == ConsentScope.NamedOrganisation && string.IsNullOrEmpty(name))
        {
            return ConsentOutcome.Failed("Enter the name of the organisation they agreed to share with");
        }

        if (name?.Length > Person.ShortTextLimit)
        {
            return ConsentOutcome.Failed(string.Create(CultureInfo.InvariantCulture, $"The organisation's name must be {Person.ShortTextLimit} characters or fewer"));
        }

        if (agreedOn > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
        {
            return ConsentOutcome.Failed("The date they agreed must be today or in the past");
        }

        var consent = new Consent
        {
            PersonId = personId,
            Scope = scope,
            OrganisationName = scope == ConsentScope.NamedOrganisation ? name : null,
            OrganizationId = scope == ConsentScope.NamedOrganisation ? organisationId : null,
            AgreedOn = agreedOn,
            How = how,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
            RecordedByName = context.ActorName,
        };
        db.Actor = context;
        db.Consents.Add(consent);
        await db.SaveChangesAsync(cancellationToken);
        return new ConsentOutcome(true, Id: consent.Id);
    }

    /// <summary>Withdraws a standing consent, at once. The note is optional when the person withdraws it themselves.</summary>
    public async Task<ConsentOutcome> WithdrawAsync(Guid personId, Guid consentId, string? note, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var why = note?.Trim();
        if (why?.Length > NoteLimit)
        {
            return ConsentOutcome.Failed(string.Create(CultureInfo.InvariantCulture, $"The note must be {NoteLimit} characters or fewer"));
        }

        var consent = await db.Consents.SingleOrDefaultAsync(c => c.Id == consentId && c.PersonId == personId, cancellationToken);
        if (consent is null)
        {
            return ConsentOutcome.Failed("This consent is not on the record. Refresh the page to see where things are.");
        }

        if (consent.WithdrawnAt is not null)
        {
            return ConsentOutcome.Failed("This consent has already been withdrawn");
        }

        consent.WithdrawnAt = clock.GetUtcNow().UtcDateTime;
        consent.WithdrawnNote = string.IsNullOrEmpty(why) ? null : why;
        db.Actor = context;
        await db.SaveChangesAsync(cancellationToken);
        return new ConsentOutcome(true, Id: consent.Id);
    }

    /// <summary>Plain words for a scope.</summary>
    public static string Describe(ConsentScope scope, string? organisationName = null) => scope switch
    {
        ConsentScope.Team => "The teams working with them",
        ConsentScope.NamedOrganisation => $"A named organisation: {organisationName}",
        ConsentScope.CommunityAssets => "Community groups and services they are introduced to",
        ConsentScope.ResearchAndEvaluation => "Research and evaluation, with nothing that names them",
        _ => scope.ToString(),
    };

    /// <summary>Plain words for how consent was given.</summary>
    public static string Describe(ConsentMethod how) => how switch
    {
        ConsentMethod.Verbally => "Said so",
        ConsentMethod.InWriting => "In writing",
        ConsentMethod.Online => "Online",
        _ => how.ToString(),
    };
}
