using Kith.Web.Infrastructure.Shell;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages;

/// <summary>
/// The page shown for errors: <c>/error</c> after an unhandled exception, and <c>/error/{code}</c> when
/// the status-code pages middleware re-executes a response that has no body (404, 403, ...). It never
/// shows exception details. Requests that were for the JSON APIs get a problem details body instead.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed partial class ErrorModel : PageModel
{
    private static readonly string[] ApiPrefixes = ["/api", "/oruk", "/fhir"];

    public int Code { get; private set; }

    public string Heading { get; private set; } = string.Empty;

    /// <summary>True when a form was refused because its page was too old to send (see <see cref="ExpiredFormFilter"/>).</summary>
    public bool FormExpired { get; private set; }

    /// <summary>
    /// For a 403 on a person's record seen by staff: the person, so the page can offer break-glass access.
    /// </summary>
    public Guid? BreakGlassPersonId { get; private set; }

    public IActionResult OnGet(int? code) => Show(code);

    public IActionResult OnPost(int? code) => Show(code);

    public IActionResult OnPut(int? code) => Show(code);

    public IActionResult OnDelete(int? code) => Show(code);

    public IActionResult OnPatch(int? code) => Show(code);

    private IActionResult Show(int? code)
    {
        Code = code is >= 400 and <= 599 ? code.Value : StatusCodes.Status500InternalServerError;
        FormExpired = Code == StatusCodes.Status400BadRequest && HttpContext.Items.ContainsKey(ExpiredFormFilter.ItemKey);
        Heading = FormExpired ? "Sorry, that form could not be sent" : HeadingFor(Code);
        Response.StatusCode = Code;

        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        if (originalPath is not null && ApiPrefixes.Any(prefix => originalPath.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
        {
            return new ObjectResult(new ProblemDetails { Status = Code, Title = Heading }) { StatusCode = Code };
        }

        if (Code == StatusCodes.Status403Forbidden && originalPath is not null
            && Kith.Web.Infrastructure.Modules.PeopleModule.StaffRoles.Any(User.IsInRole))
        {
            var match = PersonPath().Match(originalPath);
            if (match.Success && Guid.TryParse(match.Groups[1].Value, out var personId))
            {
                BreakGlassPersonId = personId;
            }
        }

        return Page();
    }

    [System.Text.RegularExpressions.GeneratedRegex("^/people/([0-9a-fA-F-]{36})(/|$)")]
    private static partial System.Text.RegularExpressions.Regex PersonPath();

    public static string HeadingFor(int code) => code switch
    {
        StatusCodes.Status400BadRequest => "Sorry, there is a problem with your request",
        StatusCodes.Status403Forbidden => "You do not have permission to see this page",
        StatusCodes.Status404NotFound => "Page not found",
        StatusCodes.Status405MethodNotAllowed => "Sorry, this page cannot do that",
        StatusCodes.Status429TooManyRequests => "Too many requests",
        >= 500 => "Sorry, there is a problem with the service",
        _ => "Sorry, there is a problem with your request",
    };
}
