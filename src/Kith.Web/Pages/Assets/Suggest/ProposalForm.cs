using System.Globalization;
using System.Net.Mail;
using Kith.Core.Directory.Stewardship;
using Kith.Core.Platform.Postcodes;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Kith.Web.Pages.Assets.Suggest;

/// <summary>The plain fields of a suggestion, as posted. Shared by the public forms and the moderators' "edit then accept".</summary>
public sealed class ProposalInput
{
    public string? Name { get; set; }

    public string? OrganisationName { get; set; }

    public string? Description { get; set; }

    public string? TimesInWords { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Website { get; set; }

    public string? AddressLine1 { get; set; }

    public string? Town { get; set; }

    public string? Postcode { get; set; }

    public string? Cost { get; set; }

    public string? OtherNotes { get; set; }

    public static ProposalInput From(ProposedValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new()
        {
            Name = values.Name,
            OrganisationName = values.OrganisationName,
            Description = values.Description,
            TimesInWords = values.TimesInWords,
            Email = values.Email,
            Phone = values.Phone,
            Website = values.Website,
            AddressLine1 = values.AddressLine1,
            Town = values.Town,
            Postcode = values.Postcode,
            Cost = values.Cost,
            OtherNotes = values.OtherNotes,
        };
    }

    public ProposedValues ToValues() => new ProposedValues
    {
        Name = Name,
        OrganisationName = OrganisationName,
        Description = Description,
        TimesInWords = TimesInWords,
        Email = Email,
        Phone = Phone,
        Website = Website,
        AddressLine1 = AddressLine1,
        Town = Town,
        Postcode = Postcode,
        Cost = Cost,
        OtherNotes = OtherNotes,
    }.Normalise();
}

/// <summary>Who sent a suggestion or claim, when they want to hear back. Optional on suggestions.</summary>
public sealed class ProposerInput
{
    public string? Name { get; set; }

    public string? Email { get; set; }
}

/// <summary>Checks suggestion forms, with messages in the design system's voice.</summary>
public static class ProposalValidation
{
    /// <summary>The honeypot field's name: hidden from people, filled in by spam robots.</summary>
    public const string HoneypotField = "Homepage";

    /// <summary>The message when one address has sent too many suggestions or claims.</summary>
    public const string TooManyMessage = "You have sent a lot in a short time. Wait an hour, then send this again";

    /// <summary>Checks the fields; adds errors under <paramref name="prefix"/> (e.g. "Input").</summary>
    /// <param name="isNew">A new asset needs a name and a description; an edit needs a name and a change.</param>
    /// <param name="unchanged">For an edit, the values the form started with; sending them back unchanged is an error.</param>
    public static void Validate(ProposedValues values, ModelStateDictionary state, string prefix, bool isNew, ProposedValues? unchanged = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(state);
        void Error(string field, string message) => state.AddModelError($"{prefix}.{field}", message);

        if (values.Name is null)
        {
            Error(nameof(ProposedValues.Name), isNew ? "Enter the name of the group or place" : "Enter the name");
        }

        if (isNew && values.Description is null)
        {
            Error(nameof(ProposedValues.Description), "Enter what it is and what happens there");
        }

        foreach (var (field, label) in Labels)
        {
            var value = field(values);
            if (value?.Length > ProposedValues.FieldLimit)
            {
                Error(label.Field, $"{label.Text} must be {ProposedValues.FieldLimit.ToString("N0", CultureInfo.InvariantCulture)} characters or fewer");
            }
        }

        if (values.TotalLength > ProposedValues.TotalLimit)
        {
            Error(nameof(ProposedValues.Description), $"Your suggestion must be {ProposedValues.TotalLimit.ToString("N0", CultureInfo.InvariantCulture)} characters or fewer in all. Make some of the answers shorter");
        }

        if (values.Email is { } email && !IsEmail(email))
        {
            Error(nameof(ProposedValues.Email), "Enter the email address in the correct format, like name@example.org");
        }

        if (values.Phone is { } phone && (phone.Count(char.IsAsciiDigit) is < 10 or > 15 || phone.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '+' or '(' or ')' or '-'))))
        {
            Error(nameof(ProposedValues.Phone), "Enter a phone number, like 01632 960 001 or +44 1632 960 001");
        }

        if (values.Website is { } website && !(Uri.TryCreate(website, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Contains('.', StringComparison.Ordinal)))
        {
            Error(nameof(ProposedValues.Website), "Enter a website address that starts with https://");
        }

        if (values.Postcode is { } postcode && (!PostcodeText.TryParse(postcode, out var parsed) || parsed.Inward is null))
        {
            Error(nameof(ProposedValues.Postcode), "Enter a full UK postcode, like AV1 2AB");
        }

        if ((values.AddressLine1 is not null || values.Postcode is not null) && (values.AddressLine1 is null || values.Town is null || values.Postcode is null))
        {
            Error(values.AddressLine1 is null ? nameof(ProposedValues.AddressLine1) : values.Town is null ? nameof(ProposedValues.Town) : nameof(ProposedValues.Postcode),
                "Enter the whole address: the first line, the town or city and the postcode. Leave all three empty if it does not meet in one place");
        }

        if (!isNew && unchanged is not null && values == unchanged.Normalise())
        {
            Error(nameof(ProposedValues.Name), "You have not changed anything. Change the details that are wrong, or tell us about it under \"Anything else\"");
        }
    }

    /// <summary>Checks the optional name and email of the person sending.</summary>
    public static void ValidateProposer(ProposerInput proposer, ModelStateDictionary state, string prefix)
    {
        ArgumentNullException.ThrowIfNull(proposer);
        ArgumentNullException.ThrowIfNull(state);
        if (proposer.Name?.Trim().Length > 100)
        {
            state.AddModelError($"{prefix}.Name", "Your name must be 100 characters or fewer");
        }

        var email = proposer.Email?.Trim();
        if (!string.IsNullOrEmpty(email) && !IsEmail(email))
        {
            state.AddModelError($"{prefix}.Email", "Enter your email address in the correct format, like name@example.org");
        }
    }

    /// <summary>An email address a person would recognise as one: parsable, no display name, a dot in the domain.</summary>
    public static bool IsEmail(string email) =>
        email.Length <= 254 && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && email.Contains('.', StringComparison.Ordinal);

    private static readonly (Func<ProposedValues, string?> Get, (string Field, string Text) Label)[] Labels =
    [
        (v => v.Name, (nameof(ProposedValues.Name), "Name")),
        (v => v.OrganisationName, (nameof(ProposedValues.OrganisationName), "Organisation")),
        (v => v.Description, (nameof(ProposedValues.Description), "Description")),
        (v => v.TimesInWords, (nameof(ProposedValues.TimesInWords), "When it happens")),
        (v => v.Email, (nameof(ProposedValues.Email), "Email address")),
        (v => v.Phone, (nameof(ProposedValues.Phone), "Phone number")),
        (v => v.Website, (nameof(ProposedValues.Website), "Website address")),
        (v => v.AddressLine1, (nameof(ProposedValues.AddressLine1), "Address")),
        (v => v.Town, (nameof(ProposedValues.Town), "Town or city")),
        (v => v.Postcode, (nameof(ProposedValues.Postcode), "Postcode")),
        (v => v.Cost, (nameof(ProposedValues.Cost), "Cost")),
        (v => v.OtherNotes, (nameof(ProposedValues.OtherNotes), "Anything else")),
    ];
}
