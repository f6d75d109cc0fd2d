using Kith.Core.Data;
using Kith.Web.People.MyView;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.Pages.My;

/// <summary>"Who has looked at your record": every audit event about the person, newest first, 50 a page.</summary>
public sealed class AccessLogModel(KithDbContext db) : MyPageModel
{
    protected override string RecordPart => "access-log";

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public AccessLogView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        View = new AccessLogView(await AccessLogEntries.ReadAsync(db, PersonId, PageNumber, UserId, cancellationToken), "/my/access-log?page={0}");
}
