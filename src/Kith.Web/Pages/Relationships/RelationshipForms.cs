using Kith.Core.Relationships.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Kith.Web.Pages.Relationships;

/// <summary>Puts the map service's problems on the page's fields ("Input.Name"), in order, for the error summary.</summary>
public static class RelationshipForms
{
    public static void AddProblems(this ModelStateDictionary modelState, IEnumerable<FieldProblem> problems, string prefix = "Input", string fallbackField = "Name")
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var problem in problems)
        {
            var field = string.IsNullOrEmpty(problem.Field) ? fallbackField : problem.Field;
            modelState.AddModelError(string.IsNullOrEmpty(prefix) ? field : $"{prefix}.{field}", problem.Message);
        }
    }

    /// <summary>1 to 5 with words at the ends, for the radios of strength, interest and influence.</summary>
    public static readonly (int Value, string Label)[] OneToFive = [(1, "1 (low)"), (2, "2"), (3, "3"), (4, "4"), (5, "5 (high)")];
}
