using System.Net.Mail;
using Kith.Core.Data;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Postcodes;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.People.Records;

/// <summary>A person's details as a form or the API sends them; <see cref="PersonService"/> checks and tidies them.</summary>
public sealed record PersonDetails
{
    public string? Name { get; init; }

    public string? PreferredName { get; init; }

    public string? Pronouns { get; init; }

    public DateOnly? DateOfBirth { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? Address { get; init; }

    public string? Postcode { get; init; }

    public ContactMethod PreferredContact { get; init; }

    public string? ContactNotes { get; init; }

    public string? PreferredLanguage { get; init; }

    public bool NeedsInterpreter { get; init; }

    /// <summary>The details as they are saved on <paramref name="person"/>.</summary>
    public static PersonDetails From(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new PersonDetails
        {
            Name = person.Name,
            PreferredName = person.PreferredName,
            Pronouns = person.Pronouns,
            DateOfBirth = person.DateOfBirth,
            Email = person.Email,
            Phone = person.Phone,
            Address = person.Address,
            Postcode = person.Postcode,
            PreferredContact = person.PreferredContact,
            ContactNotes = person.ContactNotes,
            PreferredLanguage = person.PreferredLanguage,
            NeedsInterpreter = person.NeedsInterpreter,
        };
    }
}

/// <summary>What happened to a save of a person's details.</summary>
public enum PersonSaveStatus
{
    Saved,

    /// <summary>Some details cannot be used; <see cref="PersonSaveResult.Errors"/> says which and why. Nothing was saved.</summary>
    Invalid,

    /// <summary>Someone else saved the details since the editor's version; nothing was saved.</summary>
    Conflict,

    NotFound,
}

/// <summary>The outcome of a save. On a conflict, <see cref="Current"/> and <see cref="CurrentVersion"/> hold their saved version and <see cref="Yours"/> what was sent.</summary>
public sealed record PersonSaveResult(
    PersonSaveStatus Status,
    Guid PersonId,
    int Version,
    IReadOnlyDictionary<string, string> Errors,
    PersonDetails? Current = null,
    int CurrentVersion = 0,
    PersonDetails? Yours = null)
{
    private static readonly Dictionary<string, string> NoErrors = [];

    public bool Succeeded => Status == PersonSaveStatus.Saved;

    internal static PersonSaveResult Ok(Person p) => new(PersonSaveStatus.Saved, p.Id, p.Version, NoErrors);

    internal static PersonSaveResult Bad(Guid id, Dictionary<string, string> errors) => new(PersonSaveStatus.Invalid, id, 0, errors);

    internal static PersonSaveResult Missing(Guid id) => new(PersonSaveStatus.NotFound, id, 0, NoErrors);

    internal static PersonSaveResult Stale(Person current, int yourVersion, PersonDetails yours) =>
        new(PersonSaveStatus.Conflict, current.Id, yourVersion, NoErrors, PersonDetails.From(current), current.Version, yours);
}

/// <summary>
/// Adds people and keeps their details: checks every field (a name, nothing longer than
/// <see cref="Person.ShortTextLimit"/>, no date of birth in the future, a readable email, a postcode), refuses a save
/// made from a version someone else has since changed, closes and reopens records and says which teams work with them.
/// Audit of the writes goes through the DbContext with the given actor.
/// </summary>
public sealed class PersonService(KithDbContext db, TimeProvider clock)
{
    /// <summary>Longest address or contact notes accepted.</summary>
    public const int LongTextLimit = 2000;

    /// <summary>Checks and tidies <paramref name="details"/>; errors are keyed by the <see cref="PersonDetails"/> property name.</summary>
    public (PersonDetails Tidy, Dictionary<string, string> Errors) Validate(PersonDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        string? Short(string? value, string field, string label)
        {
            var v = Clean(value);
            if (v?.Length > Person.ShortTextLimit)
            {
                errors[field] = $"{label} must be {Person.ShortTextLimit} characters or fewer";
            }

            return v;
        }

        var name = Short(details.Name, nameof(PersonDetails.Name), "Name");
        if (name is null)
        {
            errors[nameof(PersonDetails.Name)] = "Enter the person's name";
        }

        var email = Short(details.Email, nameof(PersonDetails.Email), "Email address");
        if (email is not null && !errors.ContainsKey(nameof(PersonDetails.Email)) && !LooksLikeEmail(email))
        {
            errors[nameof(PersonDetails.Email)] = "Enter an email address in the correct format, like name@example.com";
        }

        var postcode = Clean(details.Postcode);
        if (postcode is not null)
        {
            if (PostcodeText.TryParse(postcode, out var parsed) && parsed.Inward is not null)
            {
                postcode = parsed.Display;
            }
            else
            {
                errors[nameof(PersonDetails.Postcode)] = "Enter a full UK postcode, like AV1 2AB, or leave it empty";
            }
        }

        if (details.DateOfBirth is { } born)
        {
            if (born > today)
            {
                errors[nameof(PersonDetails.DateOfBirth)] = "Date of birth must be today or in the past";
            }
            else if (born < today.AddYears(-130))
            {
                errors[nameof(PersonDetails.DateOfBirth)] = "Date of birth must be after " + today.AddYears(-130).ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var address = Clean(details.Address);
        if (address?.Length > LongTextLimit)
        {
            errors[nameof(PersonDetails.Address)] = $"Address must be {LongTextLimit} characters or fewer";
        }

        var notes = Clean(details.ContactNotes);
        if (notes?.Length > LongTextLimit)
        {
            errors[nameof(PersonDetails.ContactNotes)] = $"How they like to be contacted must be {LongTextLimit} characters or fewer";
        }

        if (!Enum.IsDefined(details.PreferredContact))
        {
            errors[nameof(PersonDetails.PreferredContact)] = "Select how they like to be contacted";
        }

        var tidy = details with
        {
            Name = name,
            PreferredName = Short(details.PreferredName, nameof(PersonDetails.PreferredName), "Preferred name"),
            Pronouns = Short(details.Pronouns, nameof(PersonDetails.Pronouns), "Pronouns"),
            Email = email,
            Phone = Short(details.Phone, nameof(PersonDetails.Phone), "Phone number"),
            Address = address,
            Postcode = postcode,
            ContactNotes = notes,
            PreferredLanguage = Short(details.PreferredLanguage, nameof(PersonDetails.PreferredLanguage), "Preferred language"),
        };
        return (tidy, errors);
    }

    /// <summary>Adds a person worked with by <paramref name="teamId"/>. Nothing is saved when a detail is invalid.</summary>
    public async Task<PersonSaveResult> CreateAsync(PersonDetails details, Guid teamId, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (tidy, errors) = Validate(details);
        if (!await db.Teams.AnyAsync(t => t.Id == teamId && t.ArchivedAt == null, cancellationToken))
        {
            errors["TeamId"] = "Select the team that will work with them";
        }

        var person = new Person { Name = tidy.Name ?? string.Empty };
        if (errors.Count > 0)
        {
            return PersonSaveResult.Bad(person.Id, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Apply(person, tidy);
        person.CreatedAt = now;
        person.LastModified = now;
        person.Version = 1;
        person.Teams.Add(new PersonTeam { PersonId = person.Id, TeamId = teamId, Since = DateOnly.FromDateTime(now) });
        db.Actor = context;
        db.People.Add(person);
        await db.SaveChangesAsync(cancellationToken);
        return PersonSaveResult.Ok(person);
    }

    /// <summary>Saves new details made from <paramref name="version"/>; a stale version is a conflict with both versions and nothing saved.</summary>
    public async Task<PersonSaveResult> UpdateAsync(Guid personId, int version, PersonDetails details, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            return PersonSaveResult.Missing(personId);
        }

        var (tidy, errors) = Validate(details);
        if (person.Version != version)
        {
            return PersonSaveResult.Stale(person, version, tidy);
        }

        if (errors.Count > 0)
        {
            return PersonSaveResult.Bad(personId, errors);
        }

        Apply(person, tidy);
        return await SaveAsync(person, version, tidy, context, cancellationToken);
    }

    /// <summary>Closes the record from <paramref name="closedOn"/> (not in the future); retention counts from then.</summary>
    public async Task<PersonSaveResult> CloseAsync(Guid personId, int version, DateOnly closedOn, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            return PersonSaveResult.Missing(personId);
        }

        if (person.Version != version)
        {
            return PersonSaveResult.Stale(person, version, PersonDetails.From(person));
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (closedOn > today)
        {
            return PersonSaveResult.Bad(personId, new() { ["ClosedOn"] = "The date the service stopped must be today or in the past" });
        }

        person.ClosedOn = closedOn;
        return await SaveAsync(person, version, PersonDetails.From(person), context, cancellationToken);
    }

    /// <summary>Opens a closed record again.</summary>
    public async Task<PersonSaveResult> ReopenAsync(Guid personId, int version, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            return PersonSaveResult.Missing(personId);
        }

        if (person.Version != version)
        {
            return PersonSaveResult.Stale(person, version, PersonDetails.From(person));
        }

        person.ClosedOn = null;
        return await SaveAsync(person, version, PersonDetails.From(person), context, cancellationToken);
    }

    /// <summary>Adds a team to those working with the person; false when there is no such person or team. Adding a team twice changes nothing.</summary>
    public async Task<bool> AddTeamAsync(Guid personId, Guid teamId, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!await db.People.AnyAsync(p => p.Id == personId, cancellationToken)
            || !await db.Teams.AnyAsync(t => t.Id == teamId, cancellationToken))
        {
            return false;
        }

        if (await db.PersonTeams.AnyAsync(pt => pt.PersonId == personId && pt.TeamId == teamId, cancellationToken))
        {
            return true;
        }

        db.Actor = context;
        db.PersonTeams.Add(new PersonTeam { PersonId = personId, TeamId = teamId, Since = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Stops a team working with the person. The last team cannot be removed (nobody could then see the record): false.</summary>
    public async Task<bool> RemoveTeamAsync(Guid personId, Guid teamId, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var teams = await db.PersonTeams.Where(pt => pt.PersonId == personId).ToListAsync(cancellationToken);
        var link = teams.SingleOrDefault(pt => pt.TeamId == teamId);
        if (link is null || teams.Count == 1)
        {
            return false;
        }

        db.Actor = context;
        db.PersonTeams.Remove(link);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<PersonSaveResult> SaveAsync(Person person, int version, PersonDetails yours, ProcessContext context, CancellationToken cancellationToken)
    {
        person.Version = version + 1;
        person.LastModified = clock.GetUtcNow().UtcDateTime;
        db.Actor = context;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.People.AsNoTracking().SingleAsync(p => p.Id == person.Id, cancellationToken);
            return PersonSaveResult.Stale(current, version, yours);
        }

        return PersonSaveResult.Ok(person);
    }

    private static void Apply(Person person, PersonDetails d)
    {
        person.Name = d.Name!;
        person.PreferredName = d.PreferredName;
        person.Pronouns = d.Pronouns;
        person.DateOfBirth = d.DateOfBirth;
        person.Email = d.Email;
        person.Phone = d.Phone;
        person.Address = d.Address;
        person.Postcode = d.Postcode;
        person.PreferredContact = d.PreferredContact;
        person.ContactNotes = d.ContactNotes;
        person.PreferredLanguage = d.PreferredLanguage;
        person.NeedsInterpreter = d.NeedsInterpreter;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool LooksLikeEmail(string email) =>
        MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && email.Contains('.', StringComparison.Ordinal);
}
