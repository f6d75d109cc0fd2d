using Kith.Core.Data;
using Kith.Web.People;
using Kith.Web.People.MyView;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.Pages.People.MyView;

/// <summary>Staff view of who has looked at a person's record: the same list the person sees.</summary>
public sealed class AccessLogModel(KithDbContext db) : PersonPageModel
{
    protected override string RecordPart => "access-log";

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public AccessLogView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        View = new AccessLogView(await AccessLogEntries.ReadAsync(db, PersonId, PageNumber, null, cancellationToken), $"/people/{PersonId}/access-log?page={{0}}");
}
