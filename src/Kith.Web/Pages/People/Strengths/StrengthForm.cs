using Kith.Core.People;
using Kith.Core.People.Strengths;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Kith.Web.Pages.People.Strengths;

/// <summary>The fields of a strength as the add and change pages post them.</summary>
public sealed class StrengthForm
{
    public StrengthCategory? Category { get; set; }

    public string? Words { get; set; }

    public NamedBy? NamedBy { get; set; }

    public string? NamedByName { get; set; }

    public static StrengthForm From(Strength strength)
    {
        ArgumentNullException.ThrowIfNull(strength);
        return new StrengthForm { Category = strength.Category, Words = strength.Words, NamedBy = strength.NamedBy, NamedByName = strength.NamedByName };
    }

    /// <summary>Adds an error under <c>Input.</c> for each field that is missing or too long; true when there were none.</summary>
    public bool Check(ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (Category is null)
        {
            modelState.AddModelError("Input.Category", "Choose the kind of strength");
        }

        if (NamedBy is null)
        {
            modelState.AddModelError("Input.NamedBy", "Choose who named it");
        }

        foreach (var (field, message) in StrengthService.Validate(Words))
        {
            modelState.AddModelError($"Input.{field}", message);
        }

        return modelState.ErrorCount == 0;
    }
}
