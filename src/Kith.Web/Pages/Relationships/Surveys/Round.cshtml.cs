using Kith.Core.Relationships.Surveys;
using Kith.Web.Infrastructure;
using Kith.Web.Infrastructure.Modules;
using Kith.Web.People.Goals;
using Kith.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Relationships.Surveys;

/// <summary>
/// One round: who has answered (names, so the manager can remind; never what they said), send the links, send a reminder,
/// close now, run again. Answers themselves are on the answers page, for the named viewers only.
/// </summary>
public sealed class RoundModel(RelationshipSurveyService surveys, TimeProvider clock) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public SurveyRoundDetail Detail { get; private set; } = null!;

    public bool IsViewer { get; private set; }

    [TempData]
    public string? Done { get; set; }

    [BindProperty]
    public string? AgainTitle { get; set; }

    [BindProperty]
    public DateInput AgainClosesOn { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        AgainClosesOn = DateInput.FromDate(UkDate.Today(clock).AddDays(21));
        return await ShowAsync(null, cancellationToken);
    }

    public Task<IActionResult> OnPostSendAsync(CancellationToken cancellationToken) => ActAsync(async () =>
    {
        var sent = await surveys.SendLinksAsync(Id, AccountLinks.Absolute(HttpContext, "/"), HttpContext.GetProcessContext(), cancellationToken);
        return sent == 1 ? "The link has been queued for 1 person." : $"The links have been queued, one email for each of {sent} people.";
    }, cancellationToken);

    public Task<IActionResult> OnPostRemindAsync(CancellationToken cancellationToken) => ActAsync(async () =>
    {
        var reminded = await surveys.RemindAsync(Id, AccountLinks.Absolute(HttpContext, "/"), HttpContext.GetProcessContext(), cancellationToken);
        return reminded == 1 ? "A reminder has been queued for the 1 person who has not answered." : $"Reminders have been queued for the {reminded} people who have not answered.";
    }, cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken cancellationToken) => ActAsync(async () =>
    {
        await surveys.CloseAsync(Id, HttpContext.GetProcessContext(), cancellationToken);
        return "The round is closed. The answers given are kept; the links take no more.";
    }, cancellationToken);

    public async Task<IActionResult> OnPostRepeatAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!AgainClosesOn.TryGetDate(out var closes))
        {
            ModelState.AddModelError(nameof(AgainClosesOn), "Enter the closing date of the new round as a real date, for example 31 3 2027");
            return await ShowAsync(StatusCodes.Status400BadRequest, cancellationToken);
        }

        try
        {
            var id = await surveys.RepeatAsync(Id, string.IsNullOrWhiteSpace(AgainTitle) ? null : AgainTitle, closes, HttpContext.GetProcessContext(), cancellationToken);
            Done = "This is the new round, copied from the last one. Nothing has been sent yet.";
            return Redirect($"/relationships/surveys/{id}");
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        catch (SurveyRefusedException refused)
        {
            ModelState.AddModelError(refused.Message.Contains("closing date", StringComparison.Ordinal) ? nameof(AgainClosesOn) : nameof(AgainTitle), refused.Message);
            return await ShowAsync(StatusCodes.Status400BadRequest, cancellationToken);
        }
    }

    private async Task<IActionResult> ActAsync(Func<Task<string>> act, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        try
        {
            Done = await act();
            return Redirect($"/relationships/surveys/{Id}");
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        catch (SurveyRefusedException refused)
        {
            ModelState.AddModelError(string.Empty, refused.Message);
            return await ShowAsync(StatusCodes.Status409Conflict, cancellationToken);
        }
    }

    private async Task<IActionResult> ShowAsync(int? status, CancellationToken cancellationToken)
    {
        if (await surveys.ReadAsync(Id, cancellationToken) is not { } detail)
        {
            return NotFound();
        }

        Detail = detail;
        IsViewer = await surveys.IsViewerAsync(Id, HttpContext.GetProcessContext().UserId, cancellationToken);
        if (status is { } code)
        {
            Response.StatusCode = code;
        }

        return Page();
    }
}
