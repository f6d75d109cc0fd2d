using Kith.Core.Connections;
using Kith.Web.Infrastructure;
using Kith.Web.People.MyView;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.Pages.My;

/// <summary>The person says how one of their connections is going: a choice and, if they like, their own words. Their worker sees it.</summary>
public sealed class ConnectionFeedbackModel(ConnectionService connections, ConnectionFeedbackService feedback) : MyPageModel
{
    protected override string RecordPart => "my-connections";

    [FromRoute]
    public Guid ConnectionId { get; set; }

    [BindProperty]
    public HowItIsGoing? HowItIsGoing { get; set; }

    [BindProperty]
    public string? Words { get; set; }

    public string AssetName { get; private set; } = string.Empty;

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (HowItIsGoing is not { } choice || !Enum.IsDefined(choice))
        {
            ModelState.AddModelError(nameof(HowItIsGoing), "Choose how it is going");
        }
        else if (await feedback.GiveAsync(PersonId, ConnectionId, choice, Words, User.GetProcessContext(), cancellationToken) is { } problem)
        {
            ModelState.AddModelError(nameof(Words), problem);
        }
        else
        {
            Notice = $"Thank you. Your worker will see what you said about {AssetName}.";
            return Redirect("/my/connections");
        }

        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var mine = await connections.ListForPersonAsync(PersonId, User.GetProcessContext(), ReadAudit.AlreadyWritten, cancellationToken);
        var connection = mine.SingleOrDefault(c => c.Id == ConnectionId);
        AssetName = connection?.AssetName ?? string.Empty;
        return connection is not null;
    }
}
