using Kith.Core.People;
using Kith.Core.People.Records;
using Kith.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Kith.Web.People.Records;

/// <summary>The details form shared by "add a person" and "change details".</summary>
public sealed class DetailsForm
{
    public string? Name { get; set; }

    public string? PreferredName { get; set; }

    public string? Pronouns { get; set; }

    public DateInput DateOfBirth { get; set; } = new();

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Address { get; set; }

    public string? Postcode { get; set; }

    public ContactMethod PreferredContact { get; set; }

    public string? ContactNotes { get; set; }

    public string? PreferredLanguage { get; set; }

    public bool NeedsInterpreter { get; set; }

    public static DetailsForm From(PersonDetails d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new DetailsForm
        {
            Name = d.Name,
            PreferredName = d.PreferredName,
            Pronouns = d.Pronouns,
            DateOfBirth = d.DateOfBirth is { } born ? DateInput.FromDate(born) : new DateInput(),
            Email = d.Email,
            Phone = d.Phone,
            Address = d.Address,
            Postcode = d.Postcode,
            PreferredContact = d.PreferredContact,
            ContactNotes = d.ContactNotes,
            PreferredLanguage = d.PreferredLanguage,
            NeedsInterpreter = d.NeedsInterpreter,
        };
    }

    /// <summary>The details, or null with an error in <paramref name="modelState"/> when the date cannot be read.</summary>
    public PersonDetails? ToDetails(ModelStateDictionary modelState, string prefix)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        DateOnly? born = null;
        if (!DateOfBirth.IsEmpty)
        {
            if (DateOfBirth.TryGetDate(out var date))
            {
                born = date;
            }
            else
            {
                modelState.AddModelError($"{prefix}.{nameof(DateOfBirth)}", "Date of birth must be a real date, like 27 3 1980, or leave it empty");
            }
        }

        return new PersonDetails
        {
            Name = Name,
            PreferredName = PreferredName,
            Pronouns = Pronouns,
            DateOfBirth = born,
            Email = Email,
            Phone = Phone,
            Address = Address,
            Postcode = Postcode,
            PreferredContact = PreferredContact,
            ContactNotes = ContactNotes,
            PreferredLanguage = PreferredLanguage,
            NeedsInterpreter = NeedsInterpreter,
        };
    }

    /// <summary>Copies the service's errors onto the form's fields.</summary>
    public static void AddErrors(ModelStateDictionary modelState, string prefix, IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, message) in errors)
        {
            modelState.AddModelError(field == "TeamId" ? "TeamId" : $"{prefix}.{field}", message);
        }
    }
}

/// <summary>A page showing the details form as <c>Input</c>.</summary>
public interface IDetailsFormPage
{
    DetailsForm Input { get; }
}
