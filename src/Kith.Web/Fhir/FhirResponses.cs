using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Kith.Web.Fhir;

/// <summary>Writes FHIR resources as <c>application/fhir+json</c>, and OperationOutcomes for every refusal.</summary>
public static class FhirResponses
{
    public const string ContentType = "application/fhir+json";

    /// <summary>A resource as the response body.</summary>
    public static IResult Resource(Resource resource, int statusCode = StatusCodes.Status200OK) =>
        Results.Text(resource.ToJson(), ContentType, System.Text.Encoding.UTF8, statusCode);

    /// <summary>An OperationOutcome with one issue, error severity.</summary>
    /// <param name="diagnostics">Plain words: what was wrong and what to send instead.</param>
    public static IResult Outcome(int statusCode, OperationOutcome.IssueType code, string diagnostics, string? expression = null) =>
        Resource(OutcomeOf(code, diagnostics, expression), statusCode);

    public static OperationOutcome OutcomeOf(OperationOutcome.IssueType code, string diagnostics, string? expression = null)
    {
        var issue = new OperationOutcome.IssueComponent
        {
            Severity = OperationOutcome.IssueSeverity.Error,
            Code = code,
            Diagnostics = diagnostics,
        };
        if (expression is not null)
        {
            issue.Expression = [expression];
        }

        return new OperationOutcome { Issue = [issue] };
    }

    public static IResult BadRequest(string diagnostics, string? expression = null) =>
        Outcome(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, diagnostics, expression);

    public static IResult NotFound(string diagnostics) => Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, diagnostics);
}
