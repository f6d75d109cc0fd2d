using Kith.Core.Connections;
using Kith.Core.Data;
using Kith.Web.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.Pages.People.Connections;

/// <summary>"Not for them": turns a suggestion down for good, with a reason (<c>?asset=ID</c>). The matcher never suggests it to the person again.</summary>
public sealed class DismissModel(ConnectionService connections, KithDbContext db) : PersonPageModel
{
    protected override string RecordPart => ConnectionService.AuditPart;

    [FromQuery(Name = "asset")]
    public Guid AssetId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

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

        var text = Reason?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            ModelState.AddModelError(nameof(Reason), $"Say why {AssetName} is not for them, for example \"too far on the bus\"");
        }
        else if (text.Length > ConnectionDismissal.ReasonLimit)
        {
            ModelState.AddModelError(nameof(Reason), $"The reason must be {ConnectionDismissal.ReasonLimit} characters or fewer; it has {text.Length}");
        }

        if (!ModelState.IsValid)
        {
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }

        var dismissed = await connections.DismissAsync(PersonId, AssetId, text!, Actor, cancellationToken);
        Notice = dismissed
            ? $"{AssetName} will not be suggested for {Person.DisplayName} again."
            : $"{AssetName} had already been turned down for {Person.DisplayName}; the first reason stands.";
        return Redirect($"/people/{PersonId}/connections");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var name = await db.CommunityAssets.AsNoTracking().Where(a => a.Id == AssetId).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken);
        AssetName = name ?? string.Empty;
        return name is not null;
    }
}
