using Kith.Core.Connections.Introductions;
using Kith.Core.Directory.Stewardship;
using Kith.Web.Infrastructure;
using Kith.Web.Pages.Introductions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Manage.Introductions;

/// <summary>One introduction in the inbox, with the same answers as the emailed link. 404 unless it is to one of the account's organisations.</summary>
public sealed class IntroductionModel(IntroductionService introductions, ListingEditors editors) : PageModel
{
    public IntroductionView Introduction { get; private set; } = IntroductionView.Unknown;

    [BindProperty]
    public RespondInput Input { get; set; } = new();

    public string? Saved { get; private set; }

    /// <summary>Where the answer forms post: this page.</summary>
    public string Action => Request.Path;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await InScopeAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Introduction = (await introductions.ReadInInboxAsync(id, User.GetProcessContext(), cancellationToken))!;
        if (Enum.TryParse<IntroductionResponse>(Request.Query["saved"], out var saved) && Enum.IsDefined(saved))
        {
            Saved = RespondModel.SavedWords(saved);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await InScopeAsync(id, cancellationToken))
        {
            return NotFound();
        }

        int? status = StatusCodes.Status400BadRequest;
        if (Input.Validate(ModelState))
        {
            var result = await introductions.RespondInInboxAsync(id, Input.Response!.Value, Input.Reason, Input.Version, User.GetProcessContext(), cancellationToken);
            status = RespondInput.Show(result, ModelState);
            if (status is null)
            {
                return Redirect($"/manage/introductions/{id}?saved={Input.Response.Value}");
            }
        }

        Introduction = (await introductions.ReadInInboxAsync(id, User.GetProcessContext(), cancellationToken))!;
        var page = Page();
        page.StatusCode = status.Value;
        return page;
    }

    private async Task<bool> InScopeAsync(Guid id, CancellationToken cancellationToken) =>
        await introductions.OrganizationOfAsync(id, cancellationToken) is { } organizationId
        && (await IndexModel.OrganizationsAsync(User, editors, cancellationToken)).Contains(organizationId);
}
